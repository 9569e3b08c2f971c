package org.scholion.export.brief;

import java.util.regex.Pattern;

/** A span's text as the briefs quote it: on one line, cut to a number of code points. */
public final class Excerpts {
    /** Code points of a span's text in the table of annotations. */
    public static final int TABLE = 400;

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private Excerpts() {}

    /**
     * {@code text} with every run of white space (line breaks included) made one space and the ends
     * stripped; longer than {@code codePoints}, it is cut so that an ellipsis makes it that long.
     */
    public static String oneLine(String text, int codePoints) {
        if (codePoints < 1) {
            throw new IllegalArgumentException("codePoints (" + codePoints + ") must be at least 1");
        }
        String flat = WHITE_SPACE.matcher(text).replaceAll(" ").strip();
        if (flat.codePointCount(0, flat.length()) <= codePoints) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, codePoints - 1)) + "\u2026";
    }

    /** A span's text for the table of annotations: {@link #oneLine} in curly quotes. */
    public static String quoted(String text) {
        return "\u201C" + oneLine(text, TABLE) + "\u201D";
    }
}
