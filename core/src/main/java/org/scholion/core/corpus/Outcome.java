package org.scholion.core.corpus;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the work of {@link Corpus#parallel} made of one file, or why it could not.
 *
 * @param path    the file as the corpus names it
 * @param value   what the work returned (may be null when it returned null); null on failure
 * @param failure the one-line reason the file could not be read or the work failed; null on success
 * @param <R>     the type of what the work returns
 */
public record Outcome<R>(Path path, R value, String failure) {

    public Outcome {
        Objects.requireNonNull(path, "path");
    }

    public boolean ok() {
        return failure == null;
    }
}
