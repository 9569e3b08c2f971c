package org.scholion.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.scholion.core.ScholionException;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.store.Change;
import org.scholion.core.store.Snapshot;

/** Undo and redo, which differ only in direction. */
final class UndoRedo {
    private UndoRedo() {}

    static int travel(Path file, int steps, boolean back, PrintWriter out) throws ScholionException {
        AnnotationFile annotations = AnnotationFile.at(file);
        Snapshot before = annotations.load();
        int available = (back ? before.history().undo() : before.history().redo()).size();
        Snapshot after = back ? annotations.undo(steps) : annotations.redo(steps);
        // undo appends each change it undoes to the redo list, and redo back: the last `count` moved
        List<Change> moved = back ? after.history().redo() : after.history().undo();
        // (read before the lock: another writer in between can only make this report less exact)
        int count = Math.min(Math.min(steps, available), moved.size());
        for (int i = moved.size() - count; i < moved.size(); i++) { // in the order they were applied
            out.println((back ? "undone: " : "redone: ")
                    + Escapes.visible(moved.get(i).summary(), false));
        }
        out.flush();
        return Annotate.OK;
    }
}
