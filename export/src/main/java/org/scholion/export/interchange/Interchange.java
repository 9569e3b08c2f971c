package org.scholion.export.interchange;

import java.nio.file.Path;
import java.util.Optional;
import org.scholion.export.Format;

/**
 * The registry of interchange formats: the reader and writer of each, and the format of a file
 * judged from its name and first bytes.
 */
public final class Interchange {
    private Interchange() {
    }

    /** The reader of an interchange format. */
    public static DocumentReader reader(Format format) {
        throw unsupported(format);
    }

    /** The writer of an interchange format. */
    public static DocumentWriter writer(Format format) {
        throw unsupported(format);
    }

    /**
     * The interchange format of {@code file} when its name and content say it unambiguously
     * (JSON-LD included, as {@link Format#JSONLD}); empty when they do not.
     */
    public static Optional<Format> detect(Path file) {
        return Optional.empty();
    }

    private static IllegalArgumentException unsupported(Format format) {
        return new IllegalArgumentException("format " + format.extension() + " cannot be read or written yet");
    }
}
