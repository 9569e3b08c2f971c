package org.scholion.export.docx;

/**
 * Text as Word can hold it: XML 1.0 forbids NUL, the other C0 controls except tab, LF and CR,
 * and U+FFFE/U+FFFF, so those are removed (and counted, so the brief can say so).
 */
final class WordText {
    private WordText() {}

    static boolean forbidden(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
    }

    /** How many characters {@link #clean} would remove. */
    static int countForbidden(String s) {
        if (s == null) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (forbidden(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** The text without the characters XML forbids; null stays null. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !forbidden(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length()).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!forbidden(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
