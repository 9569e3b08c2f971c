package org.scholion.cli.tui;

import org.scholion.core.store.AnnotationFile;

/**
 * What a key asks of the world beyond the screen state: save an edit, undo, redo, redraw, quit;
 * in a corpus also mark the document done, open another document or go back to the list.
 */
public sealed interface Effect {

    /** Apply {@code edit} to the file on disk (under its lock) and record it as {@code summary}. */
    record Save(String summary, AnnotationFile.Edit edit) implements Effect {}

    record Undo() implements Effect {}

    record Redo() implements Effect {}

    /** Repaint the whole window, e.g. after another program scribbled on it. */
    record Redraw() implements Effect {}

    record Quit() implements Effect {}

    /** Set the document's status to done, by the annotator, now. */
    record MarkDone() implements Effect {}

    /** Open the document {@code delta} places further in the document list (a corpus only). */
    record OpenDocument(int delta) implements Effect {}

    /** Leave the document for the document list (a corpus only). */
    record ShowList() implements Effect {}
}
