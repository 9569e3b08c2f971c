package org.scholion.cli.tui;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the user-perceived characters (extended grapheme clusters, UAX #29) of a text begin: a
 * flag is two regional indicators, a family is emoji joined by ZWJ, {@code e} and a combining
 * accent are one. The cursor rests only on the first code point of a cluster, a row is never cut
 * inside one, and the screen is drawn one cluster at a time.
 */
final class Graphemes {
    private static final Pattern CLUSTER = Pattern.compile("\\X");

    private Graphemes() {}

    /**
     * For each code point, whether it continues the cluster of the code point before it; null when
     * none does (the common case, found without running the segmenter). Line terminators never
     * continue a cluster here (the layout handles them), so CR LF stays two.
     */
    static boolean[] joined(String text, int[] cps) {
        boolean any = false;
        for (int cp : cps) {
            if (mayJoin(cp)) {
                any = true;
                break;
            }
        }
        if (!any) {
            return null;
        }
        boolean[] joined = new boolean[cps.length];
        Matcher m = CLUSTER.matcher(text);
        int cp = 0;
        while (m.find()) {
            // code points of one match after its first continue it
            for (int k = m.start(); k < m.end(); k += Character.charCount(text.codePointAt(k))) {
                joined[cp] = k > m.start() && cps[cp] != '\n' && cps[cp] != '\r';
                cp++;
            }
        }
        return joined;
    }

    /** The starts of the clusters of a short string (a screen row): indexes into the string, then its length. */
    static int[] starts(String s) {
        int[] starts = new int[s.length() + 1];
        int n = 0;
        boolean simple = true;
        for (int i = 0; i < s.length() && simple; i++) {
            char c = s.charAt(i);
            simple = c < 0x300 && c != '\r';
        }
        if (simple) {
            for (int i = 0; i < s.length(); i++) {
                starts[n++] = i;
            }
        } else {
            Matcher m = CLUSTER.matcher(s);
            while (m.find()) {
                starts[n++] = m.start();
            }
        }
        starts[n++] = s.length();
        return Arrays.copyOf(starts, n);
    }

    /**
     * Whether the code point could continue a cluster: a mark, a joiner or other format character,
     * a regional indicator, an emoji modifier, a Hangul vowel or final jamo.
     */
    private static boolean mayJoin(int cp) {
        if (cp < 0x300) {
            return false;
        }
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.FORMAT:
                return true;
            default:
                break;
        }
        return ScreenCells.isRegionalIndicator(cp)
                || ScreenCells.isEmojiModifier(cp)
                || (cp >= 0x1160 && cp <= 0x11FF)
                || (cp >= 0xD7B0 && cp <= 0xD7FF);
    }
}
