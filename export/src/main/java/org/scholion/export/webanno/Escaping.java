package org.scholion.export.webanno;

import java.util.ArrayList;
import java.util.List;

/**
 * The escaping of WebAnno TSV 3.2+ (INCEpTION's {@code Escaping}): feature values escape
 * {@code \ [ ] | _ -> ; TAB LF *} with a backslash ({@code ->} as one unit), {@code #Text=} lines
 * escape control characters. One extension: a CR in a value is written {@code \r}, since a raw CR
 * would end the line for INCEpTION's reader (which then shows the two characters).
 */
final class Escaping {
    private Escaping() {}

    static String escapeValue(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\', '[', ']', '|', '_', ';', '*' -> b.append('\\').append(c);
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '-' -> {
                    if (i + 1 < value.length() && value.charAt(i + 1) == '>') {
                        b.append("\\->");
                        i++;
                    } else {
                        b.append(c);
                    }
                }
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String unescapeValue(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\' || i + 1 == value.length()) {
                b.append(c);
                continue;
            }
            char n = value.charAt(i + 1);
            switch (n) {
                case '\\', '[', ']', '|', '_', ';', '*' -> {
                    b.append(n);
                    i++;
                }
                case 't' -> {
                    b.append('\t');
                    i++;
                }
                case 'n' -> {
                    b.append('\n');
                    i++;
                }
                case 'r' -> {
                    b.append('\r');
                    i++;
                }
                case '-' -> {
                    if (i + 2 < value.length() && value.charAt(i + 2) == '>') {
                        b.append("->");
                        i += 2;
                    } else {
                        b.append(c);
                    }
                }
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String escapeText(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\f' -> b.append("\\f");
                case '\r' -> b.append("\\r");
                case '\b' -> b.append("\\b");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 32 && (c < 8 || c > 13)) {
                        b.append('\\');
                    }
                    b.append(c);
                }
            }
        }
        return b.toString();
    }

    static String unescapeText(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                b.append(c);
                continue;
            }
            char n = text.charAt(i + 1);
            char replaced = switch (n) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'f' -> '\f';
                case 'r' -> '\r';
                case 'b' -> '\b';
                case '\\' -> '\\';
                default -> n < 32 && (n < 8 || n > 13) ? n : 0;
            };
            if (replaced == 0 && n != 0) {
                b.append(c);
            } else {
                b.append(replaced);
                i++;
            }
        }
        return b.toString();
    }

    /** The values of a stacked column, split at the {@code |} that are not escaped; still escaped. */
    static List<String> splitStack(String column) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < column.length(); i++) {
            char c = column.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '|') {
                parts.add(column.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(column.substring(from));
        return parts;
    }

    /** A stacked value without its disambiguation suffix, and the suffix's number (0 when none). */
    record Disambiguated(String value, int id) {}

    static Disambiguated disambiguate(String escaped) {
        int end = escaped.length() - 1;
        if (end < 2 || escaped.charAt(end) != ']') {
            return new Disambiguated(escaped, 0);
        }
        int open = end - 1;
        while (open >= 0 && Character.isDigit(escaped.charAt(open)) && escaped.charAt(open) < 128) {
            open--;
        }
        if (open < 0 || open == end - 1 || escaped.charAt(open) != '[' || end - open > 10) {
            return new Disambiguated(escaped, 0);
        }
        int backslashes = 0;
        for (int i = open - 1; i >= 0 && escaped.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        if (backslashes % 2 == 1) {
            return new Disambiguated(escaped, 0);
        }
        return new Disambiguated(escaped.substring(0, open), Integer.parseInt(escaped.substring(open + 1, end)));
    }
}
