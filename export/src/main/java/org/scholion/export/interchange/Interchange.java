package org.scholion.export.interchange;

import java.nio.file.Path;
import java.util.Optional;
import org.scholion.export.Format;
import org.scholion.export.conll.ConllOptions;
import org.scholion.export.conll.ConllReader;
import org.scholion.export.conll.ConllWriter;
import org.scholion.export.webanno.WebAnnoOptions;
import org.scholion.export.webanno.WebAnnoReader;
import org.scholion.export.webanno.WebAnnoWriter;

/**
 * The registry of interchange formats: the reader and writer of each, and the format of a file
 * judged from its name and first bytes.
 */
public final class Interchange {
    private Interchange() {
    }

    /** The reader of an interchange format. */
    public static DocumentReader reader(Format format) {
        return switch (format) {
            case CONLL -> new ConllReader(ConllOptions.DEFAULT);
            case WEBANNO -> new WebAnnoReader(WebAnnoOptions.DEFAULT);
            default -> throw unsupported(format);
        };
    }

    /** The writer of an interchange format. */
    public static DocumentWriter writer(Format format) {
        return switch (format) {
            case CONLL -> new ConllWriter(ConllOptions.DEFAULT);
            case WEBANNO -> new WebAnnoWriter(WebAnnoOptions.DEFAULT);
            default -> throw unsupported(format);
        };
    }

    /**
     * The interchange format of {@code file} when its name and content say it unambiguously
     * (JSON-LD included, as {@link Format#JSONLD}); empty when they do not.
     */
    public static Optional<Format> detect(Path file) {
        if (WebAnnoReader.detect(file)) {
            return Optional.of(Format.WEBANNO);
        }
        if (ConllReader.detect(file)) {
            return Optional.of(Format.CONLL);
        }
        return Optional.empty();
    }

    private static IllegalArgumentException unsupported(Format format) {
        return new IllegalArgumentException("format " + format.extension() + " cannot be read or written yet");
    }
}
