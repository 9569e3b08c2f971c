package org.scholion.core.corpus;

import java.nio.file.Path;
import java.util.Objects;
import org.scholion.core.model.AnnotatedDocument;

/**
 * One file of a corpus as read: its document, or the one-line reason it could not be read.
 *
 * @param path     the file as the corpus names it (relative when it was given relative)
 * @param document the annotated document; null when the file failed
 * @param failure  what went wrong, naming the file ({@code file:line:col: problem}); null when it was read
 */
public record Entry(Path path, AnnotatedDocument document, String failure) {

    public Entry {
        Objects.requireNonNull(path, "path");
        if ((document == null) == (failure == null)) {
            throw new IllegalArgumentException("an entry of " + path + " needs a document or a failure, not "
                    + (document == null ? "neither" : "both"));
        }
    }

    /** Whether the document was read. */
    public boolean ok() {
        return document != null;
    }
}
