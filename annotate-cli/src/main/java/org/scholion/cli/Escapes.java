package org.scholion.cli;

import java.util.Map;
import java.util.TreeMap;
import org.scholion.core.text.Visible;

/** Escapes text for tab-separated output and makes it safe to print on a terminal. */
final class Escapes {
    private Escapes() {}

    /** Tab, line feed, carriage return and backslash as {@code \t \n \r \\}, so each record stays on one line. */
    static String tsv(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\\' -> "\\\\";
                default -> null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (b != null) {
                if (r != null) {
                    b.append(r);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    /**
     * Attributes as one tsv cell, {@code name=value;name=value} in name order: backslash, {@code ;}
     * and {@code =} are written {@code \\ \; \=}, and tab, line feed, carriage return as in
     * {@link #tsv}, so that {@link #parseAttributes} gives back exactly the map.
     */
    static String attributes(Map<String, String> attributes) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (b.length() > 0) {
                b.append(';');
            }
            attributePart(b, e.getKey());
            b.append('=');
            attributePart(b, e.getValue());
        }
        return b.toString();
    }

    private static void attributePart(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case '=' -> b.append("\\=");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
    }

    /** The attributes of a cell written by {@link #attributes}; refuses a cell it could not have written. */
    static Map<String, String> parseAttributes(String cell) {
        Map<String, String> result = new TreeMap<>();
        if (cell.isEmpty()) {
            return result;
        }
        StringBuilder name = new StringBuilder();
        StringBuilder value = null;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            StringBuilder into = value == null ? name : value;
            if (c == '\\') {
                if (++i == cell.length()) {
                    throw new IllegalArgumentException("attributes end with a lone backslash: " + cell);
                }
                char next = cell.charAt(i);
                into.append(
                        switch (next) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case '\\', ';', '=' -> next;
                            default ->
                                throw new IllegalArgumentException(
                                        "unknown escape \\" + next + " in attributes: " + cell);
                        });
            } else if (c == '=' && value == null) {
                value = new StringBuilder();
            } else if (c == ';') {
                put(result, name, value, cell);
                name.setLength(0);
                value = null;
            } else if (c == '=') {
                throw new IllegalArgumentException("unescaped '=' in an attribute value: " + cell);
            } else {
                into.append(c);
            }
        }
        put(result, name, value, cell);
        return result;
    }

    private static void put(Map<String, String> result, StringBuilder name, StringBuilder value, String cell) {
        if (value == null) {
            throw new IllegalArgumentException("attribute '" + name + "' has no '=': " + cell);
        }
        result.put(name.toString(), value.toString());
    }

    /**
     * Text from a document with every character that could drive the terminal shown as a visible
     * symbol ({@link Visible#pictured}); tabs and line breaks are kept when asked.
     */
    static String visible(String s, boolean keepLineBreaks) {
        return Visible.pictured(s, keepLineBreaks);
    }
}
