package org.scholion.export.brat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.scholion.core.ScholionException;
import org.scholion.export.interchange.TextFiles;

/**
 * The reversible mapping of label names and relation types to brat type names. brat's {@code .ann}
 * ends a type at white space, and its {@code annotation.conf} reads {@code ,} {@code |} {@code :}
 * {@code <} {@code >} {@code =} {@code !} and {@code #} as syntax, so a type keeps letters, digits,
 * marks, {@code _}, {@code -} and {@code .} and writes every other character as {@code %XX} per UTF-8
 * byte, as URLs do ({@code Name_Calling,Labeling} is {@code Name_Calling%2CLabeling}); {@code %}
 * itself is {@code %25}, so decoding gives back exactly the name encoded.
 */
final class BratNames {
    private BratNames() {}

    static String encode(String name) {
        StringBuilder b = null;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            int next = i + Character.charCount(c);
            if (!keeps(c)) {
                if (b == null) {
                    b = new StringBuilder(name.length() + 8).append(name, 0, i);
                }
                for (byte x : name.substring(i, next).getBytes(StandardCharsets.UTF_8)) {
                    b.append('%').append(String.format(Locale.ROOT, "%02X", x & 0xFF));
                }
            } else if (b != null) {
                b.appendCodePoint(c);
            }
            i = next;
        }
        return b == null ? name : b.toString();
    }

    /**
     * A value of Scholion's own note ({@code annotator=alice created=...}): white space, line breaks,
     * control characters, {@code =} and {@code %} become {@code %XX}; {@link #decode} reverses it.
     */
    static String encodeValue(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            int next = i + Character.charCount(c);
            if (c <= 0x20
                    || c == 0x7F
                    || c == '%'
                    || c == '='
                    || isLineBreak(c)
                    || Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || Character.isISOControl(c)) {
                for (byte x : value.substring(i, next).getBytes(StandardCharsets.UTF_8)) {
                    b.append('%').append(String.format(Locale.ROOT, "%02X", x & 0xFF));
                }
            } else {
                b.appendCodePoint(c);
            }
            i = next;
        }
        return b.toString();
    }

    /** Whether a brat type can hold this character as it is. */
    static boolean keeps(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '-'
                    || c == '.';
        }
        return Character.isLetterOrDigit(c)
                || switch (Character.getType(c)) {
                    case Character.NON_SPACING_MARK,
                            Character.COMBINING_SPACING_MARK,
                            Character.ENCLOSING_MARK,
                            Character.LETTER_NUMBER,
                            Character.OTHER_NUMBER -> true;
                    default -> false;
                };
    }

    /**
     * The name a brat type stands for: each run of {@code %XX} that is UTF-8 decoded; a type without
     * such runs (any type another tool wrote) is the name as it is.
     */
    static String decode(String type, String source, int line) throws ScholionException {
        if (type.indexOf('%') < 0) {
            return type;
        }
        StringBuilder b = new StringBuilder(type.length());
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        for (int i = 0; i < type.length(); ) {
            if (type.charAt(i) == '%' && isHex(type, i + 1) && isHex(type, i + 2)) {
                run.write(Integer.parseInt(type.substring(i + 1, i + 3), 16));
                i += 3;
                continue;
            }
            flush(run, b, source, line);
            b.append(type.charAt(i));
            i++;
        }
        flush(run, b, source, line);
        return b.toString();
    }

    private static void flush(ByteArrayOutputStream run, StringBuilder b, String source, int line)
            throws ScholionException {
        if (run.size() > 0) {
            try {
                b.append(TextFiles.decode(run.toByteArray(), "type"));
            } catch (ScholionException e) {
                throw new ScholionException(source, line, 0, "type escapes %XX do not spell UTF-8", e);
            }
            run.reset();
        }
    }

    /**
     * Whether a character ends a line for brat: Python's {@code str.splitlines} breaks there, so brat
     * (which reads its files line by line) cannot have it inside a text column or a note.
     */
    static boolean isLineBreak(int c) {
        return c == '\n'
                || c == '\r'
                || c == 0x0B
                || c == 0x0C
                || (c >= 0x1C && c <= 0x1E)
                || c == 0x85
                || c == 0x2028
                || c == 0x2029;
    }

    private static boolean isHex(String s, int i) {
        if (i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }
}
