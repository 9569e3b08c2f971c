package org.scholion.core.store;

import org.scholion.core.model.AnnotatedDocument;

/** What an annotation file holds: the annotated document and its edit history. */
public record Snapshot(AnnotatedDocument document, History history) {

    public static Snapshot of(AnnotatedDocument document) {
        return new Snapshot(document, History.EMPTY);
    }
}
