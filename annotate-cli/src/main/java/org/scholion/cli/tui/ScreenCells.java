package org.scholion.cli.tui;

import org.jline.utils.WCWidth;

/**
 * How one code point of the document occupies terminal cells. Control characters never reach the
 * terminal as such (a document could hold escape sequences): they are drawn as a visible symbol.
 */
final class ScreenCells {
    private ScreenCells() {}

    static boolean isLineTerminator(int cp) {
        return cp == '\n' || cp == '\r';
    }

    /**
     * ScreenCells the code point takes on screen: 0 for combining marks and joiners, 2 for wide CJK and
     * emoji. Terminals disagree about emoji sequences, so the width of a grapheme cluster is the sum
     * of its code points: the most any terminal that does not join them draws (a ZWJ family of three
     * is 6, a terminal that joins it draws 2 and leaves a gap). Where JLine's table and the
     * terminals we tried differ, the terminals win: a regional indicator is 1 (a flag is 2), an emoji
     * skin-tone modifier 2.
     */
    static int width(int cp) {
        if (cp == '\t' || isControl(cp)) {
            return 1;
        }
        if (isRegionalIndicator(cp)) {
            return 1;
        }
        if (isEmojiModifier(cp)) {
            return 2;
        }
        int w = WCWidth.wcwidth(cp);
        return w < 0 ? 1 : w;
    }

    static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    static boolean isEmojiModifier(int cp) {
        return cp >= 0x1F3FB && cp <= 0x1F3FF;
    }

    /** What to draw for the code point; safe to send to a terminal. */
    static String glyph(int cp) {
        if (cp == '\t') {
            return " ";
        }
        if (cp < 0x20) {
            return new String(Character.toChars(0x2400 + cp)); // Control Pictures: ␀ ␁ … ␛
        }
        if (cp == 0x7F) {
            return "\u2421";
        }
        if (isControl(cp)) {
            return "\u00B7";
        }
        return new String(Character.toChars(cp));
    }

    private static boolean isControl(int cp) {
        return Character.isISOControl(cp)
                || cp == 0x2028
                || cp == 0x2029
                || Character.getType(cp) == Character.SURROGATE;
    }

    /** Display width of a string of plain (already safe) text. */
    static int width(CharSequence s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            w += width(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** The longest prefix of {@code s} that fits in {@code columns} cells, with an ellipsis if cut. */
    static String fit(String s, int columns) {
        if (columns <= 0) {
            return "";
        }
        if (width(s) <= columns) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = width(cp);
            if (w + cw > columns - 1) {
                break;
            }
            b.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return b.append('\u2026').toString();
    }

    /** Text made safe for one status line: control characters and line breaks become visible symbols. */
    static String safe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.append(isLineTerminator(cp) ? "\u21B5" : glyph(cp)));
        return b.toString();
    }
}
