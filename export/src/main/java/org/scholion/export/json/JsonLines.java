package org.scholion.export.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.scholion.core.ScholionException;

/**
 * Reads a JSON Lines file one line at a time, never the whole file: strict UTF-8 (a byte-order
 * mark at the start is skipped), a line may end in LF or CRLF, blank lines are skipped, and a
 * line longer than a limit is refused before it is held in memory whole.
 */
public final class JsonLines {
    /** The longest line read by default, in bytes: 256 MiB (a 10 MB document with 200,000 spans takes about 20 MB). */
    public static final int MAX_LINE_BYTES = 256 << 20;

    private JsonLines() {
    }

    /** What is done with each line that is not blank. */
    @FunctionalInterface
    public interface LineHandler {
        void accept(int line, String content) throws ScholionException;
    }

    public static void read(Path file, LineHandler handler) throws ScholionException {
        read(file, MAX_LINE_BYTES, handler);
    }

    /**
     * Passes each non-blank line of {@code file} to {@code handler} with its 1-based number.
     *
     * @throws ScholionException if the file cannot be read, a line is not UTF-8 or is longer than
     *                           {@code maxLineBytes}, or the handler refuses a line
     */
    public static void read(Path file, int maxLineBytes, LineHandler handler) throws ScholionException {
        String source = file.toString();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] buffer = new byte[1 << 16];
        byte[] line = new byte[1 << 12];
        int length = 0;
        int number = 1;
        boolean first = true;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != '\n') {
                        continue;
                    }
                    line = append(line, length, buffer, from, i - from, maxLineBytes, source, number);
                    length += i - from;
                    deliver(source, number, line, length, first, decoder, handler);
                    first = false;
                    number++;
                    length = 0;
                    from = i + 1;
                }
                line = append(line, length, buffer, from, n - from, maxLineBytes, source, number);
                length += n - from;
            }
        } catch (NoSuchFileException e) {
            throw new ScholionException(source, "no such file");
        } catch (IOException e) {
            throw new ScholionException(source, "cannot read: " + e.getMessage(), e);
        }
        if (length > 0) {
            deliver(source, number, line, length, first, decoder, handler);
        }
    }

    private static byte[] append(byte[] line, int length, byte[] bytes, int from, int count, int max, String source,
                                 int number) throws ScholionException {
        if ((long) length + count > max) {
            throw new ScholionException(source, number, 0, String.format(Locale.ROOT,
                    "line is longer than %,d bytes; a JSON Lines file holds one document per line", max), null);
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(max, Math.max((long) line.length * 2, length + count)));
        }
        System.arraycopy(bytes, from, line, length, count);
        return line;
    }

    private static void deliver(String source, int number, byte[] line, int length, boolean first,
                                CharsetDecoder decoder, LineHandler handler) throws ScholionException {
        int start = first && length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
                && (line[2] & 0xFF) == 0xBF ? 3 : 0;
        int end = length;
        if (end > start && line[end - 1] == '\r') {
            end--;
        }
        ByteBuffer in = ByteBuffer.wrap(line, start, end - start);
        CharBuffer out = CharBuffer.allocate(end - start);
        decoder.reset();
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new ScholionException(source, number, out.position() + 1, String.format(Locale.ROOT,
                    "not UTF-8: byte %d of the line (0x%02X) is not a valid UTF-8 sequence", in.position() - start + 1,
                    line[in.position()] & 0xFF), null);
        }
        decoder.flush(out);
        out.flip();
        String content = out.toString();
        if (!content.isBlank()) {
            handler.accept(number, content);
        }
    }
}
