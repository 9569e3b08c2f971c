package org.scholion.viewer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.scholion.core.text.PercentDecoding;

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

    /** A path segment or query part, percent-decoded; null when it is not well-formed UTF-8. */
    static String decode(String raw) {
        return PercentDecoding.BYTES.decode(raw);
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
