package org.scholion.cli;

import org.scholion.core.text.Visible;

/** Escapes text for tab-separated output and makes it safe to print on a terminal. */
final class Escapes {
    private Escapes() {
    }

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
     * Text from a document with every character that could drive the terminal shown as a visible
     * symbol ({@link Visible#pictured}); tabs and line breaks are kept when asked.
     */
    static String visible(String s, boolean keepLineBreaks) {
        return Visible.pictured(s, keepLineBreaks);
    }
}
