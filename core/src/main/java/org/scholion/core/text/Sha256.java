package org.scholion.core.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a text's UTF-8 bytes (or of bytes), the one place Scholion hashes: the text is
 * encoded a chunk at a time, so a 10 MB text needs no 10 MB array (in G1 a humongous one) only to
 * be hashed and dropped.
 */
public final class Sha256 {
    private static final int CHUNK = 1 << 14;

    private Sha256() {}

    /**
     * The digest of the UTF-8 bytes of {@code text}, the same as of {@code text.getBytes(UTF_8)}:
     * a lone surrogate counts as {@code ?}.
     */
    public static byte[] of(String text) {
        MessageDigest digest = digest();
        char[] chars = new char[CHUNK];
        byte[] bytes = new byte[CHUNK * 3 + 3];
        CharsetEncoder encoder = StandardCharsets.UTF_8
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer out = ByteBuffer.wrap(bytes);
        int from = 0;
        do {
            int to = Math.min(text.length(), from + CHUNK);
            if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
                to--; // keep a surrogate pair in one chunk
            }
            text.getChars(from, to, chars, 0);
            out.clear();
            boolean last = to == text.length();
            encoder.encode(CharBuffer.wrap(chars, 0, to - from), out, last);
            if (last) {
                encoder.flush(out);
            }
            // at most three bytes a char (a pair is four for two), so a chunk always fits
            digest.update(bytes, 0, out.position());
            from = to;
        } while (from < text.length());
        return digest.digest();
    }

    /** The digest of {@code bytes}. */
    public static byte[] of(byte[] bytes) {
        return digest().digest(bytes);
    }

    /** The digest of the UTF-8 bytes of {@code text} in lower-case hex. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(of(text));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
