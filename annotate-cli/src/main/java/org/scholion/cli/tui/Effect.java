package org.scholion.cli.tui;

import org.scholion.core.store.AnnotationFile;

/** What a key asks of the world beyond the screen state: save an edit, undo, redo, redraw, quit. */
public sealed interface Effect {

    /** Apply {@code edit} to the file on disk (under its lock) and record it as {@code summary}. */
    record Save(String summary, AnnotationFile.Edit edit) implements Effect {
    }

    record Undo() implements Effect {
    }

    record Redo() implements Effect {
    }

    /** Repaint the whole window, e.g. after another program scribbled on it. */
    record Redraw() implements Effect {
    }

    record Quit() implements Effect {
    }
}
