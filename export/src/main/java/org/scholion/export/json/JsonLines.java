package org.scholion.export.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.Reader;
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

    private JsonLines() {}

    /** What is done with each line that is not blank. */
    @FunctionalInterface
    public interface LineHandler {
        void accept(int line, String content) throws ScholionException;
    }

    /** What is done with each line that holds JSON, read as it is parsed. */
    @FunctionalInterface
    public interface ParsedLineHandler {
        /**
         * Reads the line's one JSON value from {@code parser}, which stands on the value's first
         * token, to its end.
         */
        void accept(int line, JsonParser parser) throws ScholionException, IOException;
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

    /**
     * Passes the JSON value of each line of {@code file} that holds one to {@code handler} as a
     * parser over the line, so that a line as long as a whole document is never held as a string:
     * the same checks as {@link #read(Path, int, LineHandler)}, and a syntax error or a second
     * value on a line names the line and the column.
     */
    public static void parse(Path file, int maxLine, ParsedLineHandler handler) throws ScholionException {
        if (!Files.isRegularFile(file)) {
            throw new ScholionException(file.toString(), Files.exists(file) ? "is not a file" : "no such file");
        }
        String source = file.toString();
        try (TextLines lines = TextLines.open(file, source, maxLine)) {
            for (Reader line = lines.nextReader(); line != null; line = lines.nextReader()) {
                try (JsonParser parser = Json.MAPPER.createParser(line)) {
                    if (parser.nextToken() == null) {
                        continue; // a blank line
                    }
                    handler.accept(lines.number(), parser);
                    if (parser.nextToken() != null) {
                        throw new ScholionException(
                                source,
                                lines.number(),
                                column(parser.currentTokenLocation()),
                                "not valid JSON: a second value after the line's first",
                                null);
                    }
                } catch (TextLines.LineException e) {
                    throw e.problem();
                } catch (JsonProcessingException e) {
                    throw new ScholionException(
                            source,
                            lines.number(),
                            column(e.getLocation()),
                            "not valid JSON: " + Json.oneLine(e.getOriginalMessage()),
                            e);
                } catch (IOException e) {
                    throw new ScholionException(source, lines.number(), 0, "cannot read: " + e.getMessage(), e);
                }
            }
        }
    }

    private static int column(JsonLocation at) {
        return at == null ? 0 : Math.max(0, at.getColumnNr());
    }
}
