package org.scholion.core.text;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict percent-decoding of UTF-8: a broken escape or bytes that are not UTF-8 give null. */
public enum PercentDecoding {
    /** A character that is not an escape is itself, as UTF-8 (an IRI's characters). */
    CHARACTERS,
    /**
     * A character that is not an escape is one byte, and one above U+00FF gives null: the JDK's
     * HTTP server reads a request line as ISO-8859-1, so a client's unescaped UTF-8 arrives one
     * character a byte.
     */
    BYTES;

    /** The decoded value, or null. */
    public String decode(String value) {
        if (isPlain(value)) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    return null;
                }
                int hi = Character.digit(value.charAt(i + 1), 16);
                int lo = Character.digit(value.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (this == BYTES) {
                if (c > 0xFF) {
                    return null;
                }
                bytes.write(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
                bytes.writeBytes(value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Whether decoding would give the value back: no escape, and (read as bytes) nothing beyond ASCII. */
    private boolean isPlain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' || (this == BYTES && c >= 0x80)) {
                return false;
            }
        }
        return true;
    }
}
