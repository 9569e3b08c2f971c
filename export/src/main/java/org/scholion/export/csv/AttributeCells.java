package org.scholion.export.csv;

import java.util.Map;
import java.util.TreeMap;

/**
 * Attributes in one CSV cell: {@code name=value;name=value} in name order, with backslash,
 * {@code ;} and {@code =} inside names and values written {@code \\ \; \=}. Tabs and line breaks
 * stay as they are: CSV quotes the cell.
 */
final class AttributeCells {
    private AttributeCells() {}

    static String format(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (b.length() > 0) {
                b.append(';');
            }
            escape(b, e.getKey());
            b.append('=');
            escape(b, e.getValue());
        }
        return b.toString();
    }

    private static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == ';' || c == '=') {
                b.append('\\');
            }
            b.append(c);
        }
    }

    /** The attributes of a cell {@link #format} wrote; refuses a cell it could not have written. */
    static Map<String, String> parse(String cell) {
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
                if (++i == cell.length() || "\\;=".indexOf(cell.charAt(i)) < 0) {
                    throw new IllegalArgumentException("a backslash must escape \\, ; or = in attributes: " + cell);
                }
                into.append(cell.charAt(i));
            } else if (c == ';') {
                put(result, name, value, cell);
                name.setLength(0);
                value = null;
            } else if (c == '=') {
                if (value != null) {
                    throw new IllegalArgumentException("unescaped '=' in an attribute value: " + cell);
                }
                value = new StringBuilder();
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
}
