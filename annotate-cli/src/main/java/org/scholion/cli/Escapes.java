package org.scholion.cli;

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
     * Control characters shown as visible symbols (ESC as ␛, NUL as ␀), so text from a document can
     * never send escape sequences to the terminal; tabs and line breaks are kept when asked.
     */
    static String visible(String s, boolean keepLineBreaks) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
            boolean kept = keepLineBreaks && (c == '\n' || c == '\r' || c == '\t');
            if (control && !kept && b == null) {
                b = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (b != null) {
                if (!control || kept) {
                    b.append(c);
                } else if (c < 0x20) {
                    b.append((char) (0x2400 + c));
                } else if (c == 0x7F) {
                    b.append('\u2421');
                } else {
                    b.append('\uFFFD');
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
