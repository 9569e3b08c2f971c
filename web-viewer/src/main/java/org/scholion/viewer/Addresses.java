package org.scholion.viewer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The viewer's addresses as text: raw paths and query strings checked and strictly decoded, and
 * document ids and file names encoded for a path segment or a download's header.
 */
final class Addresses {
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._~%:-]*(/[A-Za-z0-9._~%:-]*)*");
    private static final Pattern BAD_ESCAPE =
            Pattern.compile("%(2[fF]|5[cC]|2[eE]|0[0-9a-fA-F]|1[0-9a-fA-F]|7[fF]|25)");

    /** The parameters of a query string, strictly decoded ({@code +} is a space); null when it is malformed. */
    static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1).replace('+', ' '));
            if (name == null || value == null) {
                return null;
            }
            parameters.put(name, value);
        }
        return parameters;
    }

    /** Whether a raw path holds only what the viewer's addresses use: no encoded slash, backslash, dot, control character or percent, and no empty segment. */
    static boolean safe(String rawPath) {
        return SAFE_PATH.matcher(rawPath).matches()
                && !BAD_ESCAPE.matcher(rawPath).find()
                && !rawPath.contains("//");
    }

    /** The decoded path segments; a trailing slash adds none; null for dot segments or bad escapes. */
    static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.substring(1).split("/", -1)) {
            if (raw.isEmpty()) {
                continue;
            }
            String segment = decode(raw);
            if (segment == null || segment.equals(".") || segment.equals("..")) {
                return null;
            }
            segments.add(segment);
        }
        return segments;
    }

    /**
     * Strict percent-decoding of UTF-8; null when an escape is broken or the bytes are not UTF-8.
     * A character that is not an escape stands for one byte: the JDK's server reads the request
     * line as ISO-8859-1, so a client's unescaped UTF-8 arrives one character a byte, and is put
     * back together here (a character above U+00FF cannot have come that way: null).
     */
    static String decode(String raw) {
        if (isPlainAscii(raw)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c > 0xFF) {
                return null; // no request line holds it
            }
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isPlainAscii(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** A document id as a path segment: letters, digits, '.', '_' and '-' as they are, the rest percent-encoded. */
    static String encode(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '-') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    /** {@code attachment} with an ASCII file name and the exact UTF-8 one (RFC 6266). */
    static String contentDisposition(String fileName) {
        StringBuilder ascii = new StringBuilder();
        fileName.codePoints()
                .forEach(
                        c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encode(fileName);
    }

    private Addresses() {}
}
