package org.scholion.export.interchange;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scholion.core.ScholionException;

/**
 * Foreign text files read the one strict way: UTF-8 (a byte-order mark is kept as the character it
 * is, as Python's {@code utf-8} codec keeps it), invalid bytes refused with the line they are on,
 * lines longer than a limit refused before they are held.
 */
public final class TextFiles {
    /** The longest line a line-based reader accepts: a brat text column may quote a long span, never this. */
    public static final int MAX_LINE = 1 << 22;

    private TextFiles() {}

    /** The whole file as text, exactly (no line-end or Unicode normalisation). */
    public static String readUtf8(Path file) throws ScholionException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ScholionException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new ScholionException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
        return decode(bytes, file.toString());
    }

    /** {@code bytes} decoded as strict UTF-8; an invalid sequence is refused with its line and byte. */
    public static String decode(byte[] bytes, String source) throws ScholionException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new ScholionException(
                    source,
                    line,
                    0,
                    String.format(
                            Locale.ROOT,
                            "is not valid UTF-8 (byte %d of the line, 0x%02X)",
                            at - lineStart + 1,
                            bytes[at] & 0xFF),
                    null);
        }
        out.flip();
        return out.toString();
    }

    /**
     * The lines of a text, split at LF with a CR before it dropped (so CRLF files read as LF files do);
     * a final line break makes no empty last line.
     *
     * @throws ScholionException naming the line, when one is longer than {@link #MAX_LINE}
     */
    public static List<String> lines(String text, String source) throws ScholionException {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf('\n', start);
            int next = end < 0 ? n : end + 1;
            if (end < 0) {
                end = n;
            }
            if (end - start > MAX_LINE) {
                throw new ScholionException(
                        source,
                        lines.size() + 1,
                        0,
                        String.format(Locale.ROOT, "line is longer than %,d characters", MAX_LINE),
                        null);
            }
            int cut = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(text.substring(start, cut));
            start = next;
        }
        return lines;
    }

    /** The name of a file without its last extension: {@code DOC-1000.ann} gives {@code DOC-1000}. */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * A document id made from a foreign name: kept when it is a valid id, else every character an id
     * cannot hold becomes {@code -} (a name of no such characters at all becomes {@code document}).
     */
    public static String documentId(String name) {
        StringBuilder b = new StringBuilder();
        name.codePoints().forEach(c -> {
            boolean ok = Character.isLetterOrDigit(c)
                    || c == '_'
                    || (b.length() > 0
                            && (c == '.'
                                    || c == ':'
                                    || c == '-'
                                    || Character.getType(c) == Character.NON_SPACING_MARK
                                    || Character.getType(c) == Character.COMBINING_SPACING_MARK
                                    || Character.getType(c) == Character.ENCLOSING_MARK));
            if (ok) {
                b.appendCodePoint(c);
            } else if (b.length() > 0 && b.charAt(b.length() - 1) != '-') {
                b.append('-');
            }
        });
        while (b.length() > 0 && b.charAt(b.length() - 1) == '-') {
            b.setLength(b.length() - 1);
        }
        String id = b.length() == 0 ? "document" : b.toString();
        return id.codePointCount(0, id.length()) > 200 ? id.substring(0, id.offsetByCodePoints(0, 200)) : id;
    }
}
