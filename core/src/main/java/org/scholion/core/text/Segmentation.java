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
    private Segmentation() {}

    /** Fragments that concatenate to the whole text, covered or not. */
    public static List<Fragment> of(CodePointText text, Collection<Span> spans) {
        int length = text.length();
        Span[] byStart = spans.toArray(new Span[0]);
        int n = byStart.length;
        // One pass reads each span once (a large document's spans do not fit in any cache):
        // offsets into int arrays, whether they are in order already, whether any is outside.
        int[] starts = new int[n];
        int[] ends = new int[n];
        boolean ordered = true;
        boolean outside = false;
        for (int i = 0; i < n; i++) {
            Span span = byStart[i];
            int start = span.start();
            int end = span.end();
            starts[i] = start;
            ends[i] = end;
            outside |= start < 0 || end > length || start > end;
            if (ordered
                    && i > 0
                    && (starts[i - 1] > start
                            || (starts[i - 1] == start
                                    && (ends[i - 1] < end
                                            || (ends[i - 1] == end
                                                    && Span.ORDER.compare(byStart[i - 1], span) > 0))))) {
                ordered = false;
            }
        }
        if (!ordered) {
            Arrays.sort(byStart, Span.ORDER);
            for (int i = 0; i < n; i++) {
                starts[i] = byStart[i].start();
                ends[i] = byStart[i].end();
            }
        }
        if (outside) {
            for (Span span : byStart) {
                text.checkRange(span.start(), span.end());
            }
        }
        // Spans equal in Span.ORDER count once (the first one), as they would in a sorted set.
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (count == 0
                    || starts[count - 1] != starts[i]
                    || ends[count - 1] != ends[i]
                    || Span.ORDER.compare(byStart[count - 1], byStart[i]) != 0) {
                byStart[count] = byStart[i];
                starts[count] = starts[i];
                ends[count] = ends[i];
                count++;
            }
        }
        int[] endsInOrder = Arrays.copyOf(ends, count);
        Arrays.sort(endsInOrder);

        String whole = text.string();
        int[] pairs = text.pairIndices();
        List<Fragment> fragments = new ArrayList<>(Math.min(2 * count + 1, length));
        // Indices of the spans covering the current position; spans start in Span.ORDER, so
        // appending keeps them outer to inner.
        int[] active = new int[16];
        int activeCount = 0;
        Covering covering = new Covering(byStart);
        int nextStart = 0;
        int nextEnd = 0;
        int pairsBefore = 0;
        int from = 0;
        int fromChar = 0;
        while (nextStart < count && starts[nextStart] == 0) {
            if (activeCount == active.length) {
                active = Arrays.copyOf(active, activeCount * 2);
            }
            active[activeCount++] = nextStart++;
        }
        while (from < length) {
            int cut = length;
            if (nextStart < count && starts[nextStart] < cut) {
                cut = starts[nextStart];
            }
            if (nextEnd < count && endsInOrder[nextEnd] < cut) {
                cut = endsInOrder[nextEnd];
            }
            while (pairsBefore < pairs.length && pairs[pairsBefore] < cut) {
                pairsBefore++;
            }
            int cutChar = cut + pairsBefore;
            fragments.add(new Fragment(from, cut, covering.of(active, activeCount), whole, fromChar, cutChar));
            if (nextEnd < count && endsInOrder[nextEnd] == cut) {
                while (nextEnd < count && endsInOrder[nextEnd] == cut) {
                    nextEnd++;
                }
                int kept = 0;
                for (int i = 0; i < activeCount; i++) {
                    if (ends[active[i]] > cut) {
                        active[kept++] = active[i];
                    }
                }
                activeCount = kept;
            }
            while (nextStart < count && starts[nextStart] == cut) {
                if (activeCount == active.length) {
                    active = Arrays.copyOf(active, activeCount * 2);
                }
                active[activeCount++] = nextStart++;
            }
            from = cut;
            fromChar = cutChar;
        }
        return fragments;
    }

    /**
     * Immutable lists of the active spans. When an inner span ends, the covering spans are those
     * of the fragment before it began; that fragment's list is shared rather than copied again.
     */
    private static final class Covering {
        private final Span[] spans;
        private List<Span> last = List.of();
        private List<Span> beforeLast = List.of();

        Covering(Span[] spans) {
            this.spans = spans;
        }

        List<Span> of(int[] active, int count) {
            List<Span> result;
            if (same(active, count, last)) {
                return last;
            } else if (same(active, count, beforeLast)) {
                result = beforeLast;
            } else {
                Span[] covering = new Span[count];
                for (int i = 0; i < count; i++) {
                    covering[i] = spans[active[i]];
                }
                result = List.of(covering);
            }
            beforeLast = last;
            last = result;
            return result;
        }

        private boolean same(int[] active, int count, List<Span> list) {
            if (count != list.size()) {
                return false;
            }
            for (int i = 0; i < count; i++) {
                if (spans[active[i]] != list.get(i)) {
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
            while (fragmentIndex < fragments.size()
                    && fragments.get(fragmentIndex).start() < lineEnd) {
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
