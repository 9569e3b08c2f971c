package org.scholion.export.html;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 JSON on its way into a {@code <script>} data block, made safe byte by byte: {@code <},
 * {@code >}, {@code &}, U+2028 and U+2029 become their {@code \}{@code u} escapes (they only occur
 * inside JSON strings, where the escapes mean the same), so the block can never be closed early
 * ({@code </script>}) or open a comment ({@code <!--}); whitespace before the first and after the
 * last other byte is left out. Nothing is held but a few bytes, so a JSON-LD export of any size streams
 * through. {@link #finish} ends the block; the underlying stream is never closed.
 */
final class ScriptSafeStream extends FilterOutputStream {
    private static final byte[] LT = "\\u003c".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GT = "\\u003e".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AMP = "\\u0026".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LS = "\\u2028".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PS = "\\u2029".getBytes(StandardCharsets.US_ASCII);

    private final byte[] buffer = new byte[1 << 14];
    private int buffered;
    private boolean started;
    /** Whitespace seen since the last other byte, written only if more JSON follows. */
    private byte[] blanks = new byte[64];

    private int blankCount;
    /** How many bytes of E2 80 (the start of U+2028 / U+2029) are held back. */
    private int held;

    ScriptSafeStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        byte v = (byte) b;
        if (held == 1) {
            held = 0;
            if (v == (byte) 0x80) {
                held = 2;
                return;
            }
            put((byte) 0xE2);
        } else if (held == 2) {
            held = 0;
            if (v == (byte) 0xA8 || v == (byte) 0xA9) {
                put(v == (byte) 0xA8 ? LS : PS);
                return;
            }
            put((byte) 0xE2);
            put((byte) 0x80);
        }
        switch (v) {
            case ' ', '\t', '\n', '\r' -> {
                if (started) {
                    if (blankCount == blanks.length) {
                        blanks = java.util.Arrays.copyOf(blanks, blanks.length * 2);
                    }
                    blanks[blankCount++] = v;
                }
            }
            case '<' -> put(LT);
            case '>' -> put(GT);
            case '&' -> put(AMP);
            case (byte) 0xE2 -> held = 1;
            default -> put(v);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (held != 0 || !ordinary(bytes[i])) {
                write(bytes[i++]);
                continue;
            }
            // a run that needs no escape is copied as it is
            int j = i;
            while (j < end && ordinary(bytes[j])) {
                j++;
            }
            put(bytes[i]);
            for (int k = i + 1; k < j; ) {
                if (buffered == buffer.length) {
                    drain();
                }
                int n = Math.min(j - k, buffer.length - buffered);
                System.arraycopy(bytes, k, buffer, buffered, n);
                buffered += n;
                k += n;
            }
            i = j;
        }
    }

    private static boolean ordinary(byte b) {
        return b != '<' && b != '>' && b != '&' && b != (byte) 0xE2 && b != ' ' && b != '\t' && b != '\n' && b != '\r';
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    /** Writes what is held back except trailing whitespace; the stream stays open. */
    void finish() throws IOException {
        if (held > 0) {
            put((byte) 0xE2);
            if (held == 2) {
                put((byte) 0x80);
            }
            held = 0;
        }
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        finish();
    }

    private void put(byte[] escape) throws IOException {
        put(escape[0]);
        for (int i = 1; i < escape.length; i++) {
            raw(escape[i]);
        }
    }

    private void put(byte b) throws IOException {
        started = true;
        for (int i = 0; i < blankCount; i++) {
            raw(blanks[i]);
        }
        blankCount = 0;
        raw(b);
    }

    private void raw(byte b) throws IOException {
        if (buffered == buffer.length) {
            drain();
        }
        buffer[buffered++] = b;
    }

    private void drain() throws IOException {
        out.write(buffer, 0, buffered);
        buffered = 0;
    }
}
