package org.scholion.core.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.scholion.core.model.Span;

/**
 * The text cut into maximal fragments, each with the spans covering it, outer to inner: the one
 * view of overlapping and nested spans that every renderer draws from.
 */
public final class Segmentation {
    private Segmentation() {
    }

    /** Fragments that concatenate to the whole text, covered or not. */
    public static List<Fragment> of(CodePointText text, Collection<Span> spans) {
        Span[] byStart = spans.toArray(new Span[0]);
        if (!inOrder(byStart)) {
            Arrays.sort(byStart, Span.ORDER);
        }
        for (Span span : byStart) {
            text.checkRange(span.start(), span.end());
        }
        // Spans equal in Span.ORDER count once (the first one), as they would in a sorted set.
        int count = 0;
        for (int i = 0; i < byStart.length; i++) {
            if (count == 0 || Span.ORDER.compare(byStart[count - 1], byStart[i]) != 0) {
                byStart[count++] = byStart[i];
            }
        }
        int[] ends = new int[count];
        for (int i = 0; i < count; i++) {
            ends[i] = byStart[i].end();
        }
        Arrays.sort(ends);

        int length = text.length();
        String whole = text.string();
        int[] pairs = text.pairIndices();
        List<Fragment> fragments = new ArrayList<>(Math.min(2 * count + 1, length));
        // Spans start in Span.ORDER, so appending keeps the active ones outer to inner.
        List<Span> active = new ArrayList<>();
        Covering covering = new Covering();
        int nextStart = 0;
        int nextEnd = 0;
        int pairsBefore = 0;
        int from = 0;
        int fromChar = 0;
        while (nextStart < count && byStart[nextStart].start() == 0) {
            active.add(byStart[nextStart++]);
        }
        while (from < length) {
            int cut = length;
            if (nextStart < count && byStart[nextStart].start() < cut) {
                cut = byStart[nextStart].start();
            }
            if (nextEnd < count && ends[nextEnd] < cut) {
                cut = ends[nextEnd];
            }
            while (pairsBefore < pairs.length && pairs[pairsBefore] < cut) {
                pairsBefore++;
            }
            int cutChar = cut + pairsBefore;
            fragments.add(new Fragment(from, cut, covering.of(active), whole, fromChar, cutChar));
            if (nextEnd < count && ends[nextEnd] == cut) {
                while (nextEnd < count && ends[nextEnd] == cut) {
                    nextEnd++;
                }
                int kept = 0;
                for (int i = 0; i < active.size(); i++) {
                    Span span = active.get(i);
                    if (span.end() > cut) {
                        active.set(kept++, span);
                    }
                }
                active.subList(kept, active.size()).clear();
            }
            while (nextStart < count && byStart[nextStart].start() == cut) {
                active.add(byStart[nextStart++]);
            }
            from = cut;
            fromChar = cutChar;
        }
        return fragments;
    }

    /** Whether the spans are already in {@link Span#ORDER}, as a document keeps them. */
    private static boolean inOrder(Span[] spans) {
        for (int i = 1; i < spans.length; i++) {
            Span a = spans[i - 1];
            Span b = spans[i];
            if (a.start() > b.start() || a.start() == b.start() && (a.end() < b.end()
                    || a.end() == b.end() && Span.ORDER.compare(a, b) > 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Immutable copies of the active spans. When an inner span ends, the covering spans are those
     * of the fragment before it began; that fragment's list is shared rather than copied again.
     */
    private static final class Covering {
        private List<Span> last = List.of();
        private List<Span> beforeLast = List.of();

        List<Span> of(List<Span> active) {
            List<Span> result;
            if (sameSpans(active, last)) {
                return last;
            } else if (sameSpans(active, beforeLast)) {
                result = beforeLast;
            } else {
                result = List.of(active.toArray(new Span[0]));
            }
            beforeLast = last;
            last = result;
            return result;
        }

        private static boolean sameSpans(List<Span> active, List<Span> list) {
            if (active.size() != list.size()) {
                return false;
            }
            for (int i = 0; i < list.size(); i++) {
                if (active.get(i) != list.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The text as lines (cut at LF, CR LF or CR, terminators left out), each cut into fragments.
     * A span that crosses a line break shows up in the fragments of every line it touches.
     */
    public static List<Line> lines(CodePointText text, Collection<Span> spans) {
        List<Fragment> fragments = of(text, spans);
        List<Line> lines = new ArrayList<>();
        String s = text.string();
        int fragmentIndex = 0;
        int lineStart = 0;
        int lineStartChar = 0;
        int charIndex = 0;
        int codePoint = 0;
        int number = 1;
        List<Fragment> inLine = new ArrayList<>();
        while (true) {
            // find the next terminator; the text has no lone surrogates, so every low surrogate
            // is the second half of a code point already counted
            int terminatorLength = 0;
            while (charIndex < s.length()) {
                char c = s.charAt(charIndex);
                if (c == '\n') {
                    terminatorLength = 1;
                    break;
                } else if (c == '\r') {
                    terminatorLength = charIndex + 1 < s.length() && s.charAt(charIndex + 1) == '\n' ? 2 : 1;
                    break;
                }
                if (!Character.isLowSurrogate(c)) {
                    codePoint++;
                }
                charIndex++;
            }
            boolean atEnd = terminatorLength == 0;
            int lineEnd = codePoint;
            int lineEndChar = charIndex;
            while (fragmentIndex < fragments.size() && fragments.get(fragmentIndex).start() < lineEnd) {
                Fragment f = fragments.get(fragmentIndex);
                if (f.start() >= lineStart && f.end() <= lineEnd) {
                    inLine.add(f);
                } else {
                    int start = Math.max(f.start(), lineStart);
                    int end = Math.min(f.end(), lineEnd);
                    if (start < end) {
                        int startChar = start == lineStart ? lineStartChar : text.toCharIndex(start);
                        int endChar = end == lineEnd ? lineEndChar : text.toCharIndex(end);
                        inLine.add(new Fragment(start, end, f.spans(), s, startChar, endChar));
                    }
                }
                if (f.end() <= lineEnd) {
                    fragmentIndex++;
                } else {
                    break;
                }
            }
            lines.add(new Line(number++, lineStart, lineEnd, inLine));
            inLine.clear();
            if (atEnd) {
                break;
            }
            charIndex += terminatorLength;
            codePoint += terminatorLength;
            lineStart = codePoint;
            lineStartChar = charIndex;
        }
        return lines;
    }
}
