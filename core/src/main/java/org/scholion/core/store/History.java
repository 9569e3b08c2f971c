package org.scholion.core.store;

import java.util.ArrayList;
import java.util.List;

/** The changes that can be undone (most recent last) and those that can be redone. */
public record History(List<Change> undo, List<Change> redo) {
    /** How many changes the file keeps for undo; older ones are dropped. */
    public static final int LIMIT = 200;

    public static final History EMPTY = new History(List.of(), List.of());

    public History {
        undo = List.copyOf(undo);
        redo = List.copyOf(redo);
    }

    /** This history after a new change: it can be undone, and nothing can be redone. */
    public History record(Change change) {
        List<Change> list = new ArrayList<>(undo);
        list.add(change);
        while (list.size() > LIMIT) {
            list.remove(0);
        }
        return new History(list, List.of());
    }
}
