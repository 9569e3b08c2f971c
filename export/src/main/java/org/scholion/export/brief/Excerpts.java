package org.scholion.export.brief;

/** A span's text as the briefs quote it: on one line, cut to a number of code points. */
public final class Excerpts {
    /** Code points of a span's text in the table of annotations. */
    public static final int TABLE = 400;

    private Excerpts() {}

    /**
     * {@code text} with every run of white space (line breaks included) made one space and the ends
     * stripped; longer than {@code codePoints}, it is cut so that an ellipsis makes it that long.
     */
    public static String oneLine(String text, int codePoints) {
        if (codePoints < 1) {
            throw new IllegalArgumentException("codePoints (" + codePoints + ") must be at least 1");
        }
        String flat = flatten(text).strip();
        if (flat.codePointCount(0, flat.length()) <= codePoints) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, codePoints - 1)) + "\u2026";
    }

    /**
     * {@code text} with every run of the white space of a regular expression's {@code \s} (space,
     * tab, line breaks, vertical tab, form feed) made one space; by hand, since briefs call it for
     * every span and relation.
     */
    static String flatten(String text) {
        StringBuilder b = null;
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean white = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (b == null && white && (c != ' ' || inRun)) {
                b = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (b != null && (!white || !inRun)) {
                b.append(white ? ' ' : c);
            }
            inRun = white;
        }
        return b == null ? text : b.toString();
    }

    /** A span's text for the table of annotations: {@link #oneLine} in curly quotes. */
    public static String quoted(String text) {
        return "\u201C" + oneLine(text, TABLE) + "\u201D";
    }
}
