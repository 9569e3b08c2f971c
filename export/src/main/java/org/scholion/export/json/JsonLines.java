package org.scholion.export.json;

import java.nio.file.Files;
import java.nio.file.Path;
import org.scholion.core.ScholionException;
import org.scholion.export.interchange.TextLines;

/**
 * Reads a JSON Lines file one line at a time, never the whole file, through {@link TextLines}:
 * strict UTF-8 (a byte-order mark at the start is skipped), LF or CRLF, a line longer than a limit
 * refused before it is held whole; blank lines are skipped.
 */
public final class JsonLines {
    /** The longest line read by default, in characters: 256 Mi (a 10 MB document with 200,000 spans takes about 20 Mi). */
    public static final int MAX_LINE = 256 << 20;

    private JsonLines() {
    }

    /** What is done with each line that is not blank. */
    @FunctionalInterface
    public interface LineHandler {
        void accept(int line, String content) throws ScholionException;
    }

    public static void read(Path file, LineHandler handler) throws ScholionException {
        read(file, MAX_LINE, handler);
    }

    /**
     * Passes each non-blank line of {@code file} to {@code handler} with its 1-based number.
     *
     * @throws ScholionException if the file cannot be read, a line is not UTF-8 or is longer than
     *                           {@code maxLine} characters, or the handler refuses a line
     */
    public static void read(Path file, int maxLine, LineHandler handler) throws ScholionException {
        if (!Files.isRegularFile(file)) {
            throw new ScholionException(file.toString(), Files.exists(file) ? "is not a file" : "no such file");
        }
        try (TextLines lines = TextLines.open(file, file.toString(), maxLine)) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (!line.isBlank()) {
                    handler.accept(lines.number(), line);
                }
            }
        }
    }
}
