package org.scholion.core.text;

import java.text.BreakIterator;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A text addressed by Unicode code points: the one place where code-point offsets meet Java's
 * UTF-16 string indices. Text without surrogates takes a fast path where both are the same.
 */
public final class CodePointText {
    private static final int[] NO_PAIRS = new int[0];

    private final String string;
    private final int length;
    /** Code-point index of each surrogate pair, ascending. */
    private final int[] pairs;

    private CodePointText(String string) {
        this.string = string;
        int[] found = NO_PAIRS;
        int count = 0;
        int codePoint = 0;
        for (int i = 0; i < string.length(); i++, codePoint++) {
            char c = string.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < string.length()
                    && Character.isLowSurrogate(string.charAt(i + 1))) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, Math.max(16, count * 2));
                }
                found[count++] = codePoint;
                i++;
            }
        }
        this.pairs = count == 0 ? NO_PAIRS : Arrays.copyOf(found, count);
        this.length = string.length() - count;
    }

    public static CodePointText of(String string) {
        return new CodePointText(Objects.requireNonNull(string, "string"));
    }

    public String string() {
        return string;
    }

    /** The number of code points. */
    public int length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** Whether any code point lies outside the Basic Multilingual Plane. */
    public boolean hasSupplementaryCharacters() {
        return pairs.length > 0;
    }

    /**
     * Code-point indices of the surrogate pairs, ascending, for callers in this package that walk
     * the text in order and so need no search; not a copy, never to be changed.
     */
    int[] pairIndices() {
        return pairs;
    }

    /** The UTF-16 index in {@link #string()} of code point {@code index} (0 to length inclusive). */
    public int toCharIndex(int index) {
        checkIndex(index);
        if (pairs.length == 0) {
            return index;
        }
        return index + pairsBefore(index);
    }

    /**
     * The code-point index of UTF-16 index {@code charIndex}.
     *
     * @throws IllegalArgumentException if the index falls inside a surrogate pair
     */
    public int toCodePointIndex(int charIndex) {
        if (charIndex < 0 || charIndex > string.length()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "char index %d is outside the text (0 to %d)", charIndex, string.length()));
        }
        if (pairs.length == 0) {
            return charIndex;
        }
        if (charIndex > 0
                && charIndex < string.length()
                && Character.isLowSurrogate(string.charAt(charIndex))
                && Character.isHighSurrogate(string.charAt(charIndex - 1))) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "char index %d falls inside a surrogate pair", charIndex));
        }
        // pair k starts at char index pairs[k] + k; count the pairs that start before charIndex
        int lo = 0;
        int hi = pairs.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (pairs[mid] + mid < charIndex) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return charIndex - lo;
    }

    /** The text of code points {@code [start, end)}. */
    public String slice(int start, int end) {
        checkRange(start, end);
        return string.substring(toCharIndex(start), toCharIndex(end));
    }

    /** The code point at code-point index {@code index}. */
    public int codePointAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(
                    String.format(Locale.ROOT, "code point %d is outside the text (0 to %d)", index, length - 1));
        }
        return string.codePointAt(toCharIndex(index));
    }

    /**
     * Whether a cut at code-point index {@code index} keeps grapheme clusters whole (a cut
     * between a letter and its combining mark does not).
     */
    public boolean isGraphemeBoundary(int index) {
        checkIndex(index);
        if (index == 0 || index == length) {
            return true;
        }
        int before = codePointAt(index - 1);
        int after = codePointAt(index);
        // JDK 17's BreakIterator predates the emoji rules of UAX #29: apply them here
        if (before == ZWJ
                || after == ZWJ
                || isEmojiModifier(after)
                || after == VARIATION_SELECTOR_16
                || isTagCharacter(after)) {
            return false;
        }
        if (isRegionalIndicator(before) && isRegionalIndicator(after)) {
            int run = 0;
            for (int i = index - 1; i >= 0 && isRegionalIndicator(codePointAt(i)); i--) {
                run++;
            }
            return run % 2 == 0;
        }
        BreakIterator breaks = BreakIterator.getCharacterInstance(Locale.ROOT);
        breaks.setText(string);
        return breaks.isBoundary(toCharIndex(index));
    }

    private static final int ZWJ = 0x200D;
    private static final int VARIATION_SELECTOR_16 = 0xFE0F;

    private static boolean isEmojiModifier(int codePoint) {
        return codePoint >= 0x1F3FB && codePoint <= 0x1F3FF;
    }

    private static boolean isRegionalIndicator(int codePoint) {
        return codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF;
    }

    private static boolean isTagCharacter(int codePoint) {
        return codePoint >= 0xE0020 && codePoint <= 0xE007F;
    }

    public void checkRange(int start, int end) {
        if (start < 0 || end > length || start > end) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "range %d:%d is outside the text (0 to %d)", start, end, length));
        }
    }

    private void checkIndex(int index) {
        if (index < 0 || index > length) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "offset %d is outside the text (0 to %d)", index, length));
        }
    }

    private int pairsBefore(int index) {
        int position = Arrays.binarySearch(pairs, index);
        return position >= 0 ? position : -position - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodePointText other && other.string.equals(string);
    }

    @Override
    public int hashCode() {
        return string.hashCode();
    }

    @Override
    public String toString() {
        return string;
    }
}
