package org.scholion.export.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.scholion.core.ScholionException;

/**
 * The lines of a foreign text file, read as strict UTF-8 (a byte-order mark is skipped) with their
 * numbers: invalid UTF-8 and a line longer than the limit are a {@link ScholionException} naming
 * the line, so that a hostile file cannot fill the heap or slip through half decoded. Lines end at
 * LF; a CR before it is dropped. Not thread-safe; close it.
 */
public final class TextLines implements AutoCloseable {
    /** The longest line read by default: 4 Mi characters. */
    public static final int DEFAULT_MAX_LINE = 1 << 22;

    private final String source;
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final int maxLine;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 14);
    private final char[] buffer = new char[1 << 14];
    private boolean endOfInput;
    private boolean malformed;
    private int position;
    private int limit;
    private int number;
    private boolean first = true;
    /** Whether a line handed out by {@link #nextReader} may still have characters before its LF. */
    private boolean inLine;

    private TextLines(String source, InputStream in, int maxLine) {
        this.source = source;
        this.decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.in = in;
        bytes.flip();
        this.maxLine = maxLine;
    }

    /** Opens {@code file}; {@code source} is the name used in messages. */
    public static TextLines open(Path file, String source, int maxLine) throws ScholionException {
        try {
            return new TextLines(source, Files.newInputStream(file), maxLine);
        } catch (IOException e) {
            throw new ScholionException(source, "cannot read: " + e.getMessage(), e);
        }
    }

    public static TextLines open(Path file) throws ScholionException {
        return open(file, file.toString(), DEFAULT_MAX_LINE);
    }

    /** The number of the line last returned by {@link #next}, 1-based. */
    public int number() {
        return number;
    }

    /** The next line without its line break, or null at the end of the file. */
    public String next() throws ScholionException {
        skipRestOfLine();
        StringBuilder line = null;
        while (true) {
            if (position == limit && !fill()) {
                if (line == null) {
                    return null;
                }
                number++;
                return line.toString();
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (line == null) {
                line = new StringBuilder();
            }
            line.append(buffer, start, position - start);
            if (line.length() > maxLine) {
                throw new ScholionException(
                        source,
                        number + 1,
                        0,
                        String.format(Locale.ROOT, "line is longer than %,d characters", maxLine),
                        null);
            }
            if (position < limit) {
                position++;
                number++;
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
        }
    }

    /**
     * The next line as a stream of its characters, for a parser that reads a line without holding
     * it whole, or null at the end of the file. The stream ends before the line's LF (a CR before
     * it is passed on: parsers read it as white space); it counts towards the line limit, and an
     * overlong line or invalid UTF-8 makes it throw a {@link LineException} holding the message.
     * It is good until the next call of {@code next} or {@code nextReader}, which skip what it left.
     */
    public Reader nextReader() throws ScholionException {
        skipRestOfLine();
        if (position == limit && !fill()) {
            return null;
        }
        number++;
        inLine = true;
        return new LineReader();
    }

    /** The failure of a line's {@link #nextReader stream}: the problem as a message naming file and line. */
    public static final class LineException extends IOException {
        private static final long serialVersionUID = 1L;

        LineException(ScholionException problem) {
            super(problem.getMessage(), problem);
        }

        public ScholionException problem() {
            return (ScholionException) getCause();
        }
    }

    private void skipRestOfLine() throws ScholionException {
        while (inLine) {
            if (position == limit && !fill()) {
                inLine = false;
                return;
            }
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (position < limit) {
                position++;
                inLine = false;
            }
        }
    }

    /** The characters of the current line, read from the shared buffer. */
    private final class LineReader extends Reader {
        private long length;

        @Override
        public int read(char[] into, int offset, int count) throws IOException {
            if (!inLine) {
                return -1;
            }
            if (count == 0) {
                return 0;
            }
            try {
                if (position == limit && !fill()) {
                    inLine = false;
                    return -1;
                }
            } catch (ScholionException e) {
                throw new LineException(e);
            }
            int start = position;
            int end = Math.min(limit, position + count);
            while (position < end && buffer[position] != '\n') {
                position++;
            }
            int read = position - start;
            System.arraycopy(buffer, start, into, offset, read);
            length += read;
            if (length > maxLine) {
                throw new LineException(new ScholionException(
                        source,
                        number,
                        0,
                        String.format(Locale.ROOT, "line is longer than %,d characters", maxLine),
                        null));
            }
            if (position < limit && buffer[position] == '\n') {
                position++;
                inLine = false;
                if (read == 0) {
                    return -1;
                }
            }
            return read;
        }

        @Override
        public void close() {
            // the file is closed with the lines
        }
    }

    /**
     * Decodes the next characters; the bytes before a malformed sequence are delivered first, so
     * that the error is raised on the line that holds it.
     */
    private boolean fill() throws ScholionException {
        int line = inLine ? number : number + 1;
        if (malformed) {
            throw new ScholionException(source, line, 0, "is not valid UTF-8", null);
        }
        try {
            CharBuffer out = CharBuffer.wrap(buffer);
            while (out.position() == 0) {
                if (!bytes.hasRemaining() || (!endOfInput && bytes.remaining() < 4)) {
                    bytes.compact();
                    int read = endOfInput ? -1 : in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (read < 0) {
                        endOfInput = true;
                    } else {
                        bytes.position(bytes.position() + read);
                    }
                    bytes.flip();
                }
                CoderResult result = decoder.decode(bytes, out, endOfInput);
                if (result.isError()) {
                    malformed = true;
                    break;
                }
                if (endOfInput && !bytes.hasRemaining()) {
                    break;
                }
            }
            if (out.position() == 0) {
                if (malformed) {
                    throw new ScholionException(source, line, 0, "is not valid UTF-8", null);
                }
                return false;
            }
            position = 0;
            limit = out.position();
            if (first) {
                first = false;
                if (buffer[0] == '\uFEFF') {
                    position = 1;
                }
            }
            return true;
        } catch (IOException e) {
            throw new ScholionException(source, line, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // reading is over; nothing was written
        }
    }
}
