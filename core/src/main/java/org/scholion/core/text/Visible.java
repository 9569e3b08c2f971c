package org.scholion.core.text;

import java.util.Locale;

/**
 * Text made safe to show on a terminal: the one rule for which characters a document, a file name
 * or a message may not print as they are. Hidden are control characters (C0, DEL, C1), the line
 * and paragraph separators, the bidi embeddings, overrides and isolates (which reorder what
 * follows them on the line, so that a message could show something other than what it says), and
 * halves of surrogate pairs without their other half.
 */
public final class Visible {
    private Visible() {}

    /** Whether the UTF-16 unit at {@code i} of {@code text} is hidden by the rule above. */
    public static boolean hidden(CharSequence text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return Character.isISOControl(c)
                || c == '\u2028'
                || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /**
     * The text on one line for messages: hidden characters written as escapes ({@code \n},
     * {@code \r}, {@code \t}, otherwise {@code \}{@code uXXXX}); null stays null.
     */
    public static String escaped(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            boolean hidden = hidden(text, i);
            if (hidden && b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (b == null) {
                continue;
            }
            char c = text.charAt(i);
            if (!hidden) {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else {
                b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return b == null ? text : b.toString();
    }

    /**
     * The text for a terminal with each hidden character shown as one visible symbol, so that
     * columns still line up: C0 controls as their control pictures (ESC as ␛, NUL as ␀, tab as ␉),
     * DEL as ␡, anything else hidden as �. Tabs and line breaks ({@code \n}, {@code \r}) are kept
     * when {@code keepLineBreaks} is set.
     */
    public static String pictured(String text, boolean keepLineBreaks) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean shown = !hidden(text, i) || (keepLineBreaks && (c == '\n' || c == '\r' || c == '\t'));
            if (!shown && b == null) {
                b = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (b == null) {
                continue;
            }
            if (shown) {
                b.append(c);
            } else if (c < 0x20) {
                b.append((char) (0x2400 + c));
            } else if (c == 0x7F) {
                b.append('\u2421');
            } else {
                b.append('\uFFFD');
            }
        }
        return b == null ? text : b.toString();
    }
}
