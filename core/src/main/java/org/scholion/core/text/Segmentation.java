package org.scholion.core.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
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
        List<Span> byStart = new ArrayList<>(spans);
        byStart.sort(Span.ORDER);
        List<Span> byEnd = new ArrayList<>(spans);
        byEnd.sort((a, b) -> Integer.compare(a.end(), b.end()));
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        cuts.add(text.length());
        for (Span span : byStart) {
            text.checkRange(span.start(), span.end());
            cuts.add(span.start());
            cuts.add(span.end());
        }
        List<Fragment> fragments = new ArrayList<>(cuts.size());
        TreeSet<Span> active = new TreeSet<>(Span.ORDER);
        int nextStart = 0;
        int nextEnd = 0;
        Integer from = null;
        for (int cut : cuts) {
            if (from != null && from < cut) {
                fragments.add(new Fragment(from, cut, text.slice(from, cut), List.copyOf(active)));
            }
            while (nextEnd < byEnd.size() && byEnd.get(nextEnd).end() <= cut) {
                active.remove(byEnd.get(nextEnd++));
            }
            while (nextStart < byStart.size() && byStart.get(nextStart).start() <= cut) {
                Span span = byStart.get(nextStart++);
                if (span.end() > cut) {
                    active.add(span);
                }
            }
            from = cut;
        }
        return fragments;
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
        int charIndex = 0;
        int codePoint = 0;
        int number = 1;
        while (true) {
            int lineEnd = codePoint;
            int terminatorLength = 0;
            boolean atEnd = charIndex >= s.length();
            if (!atEnd) {
                char c = s.charAt(charIndex);
                if (c == '\n') {
                    terminatorLength = 1;
                } else if (c == '\r') {
                    terminatorLength = charIndex + 1 < s.length() && s.charAt(charIndex + 1) == '\n' ? 2 : 1;
                }
            }
            if (atEnd || terminatorLength > 0) {
                List<Fragment> inLine = new ArrayList<>();
                while (fragmentIndex < fragments.size() && fragments.get(fragmentIndex).start() < lineEnd) {
                    Fragment f = fragments.get(fragmentIndex);
                    int start = Math.max(f.start(), lineStart);
                    int end = Math.min(f.end(), lineEnd);
                    if (start < end) {
                        inLine.add(start == f.start() && end == f.end() ? f
                                : new Fragment(start, end, text.slice(start, end), f.spans()));
                    }
                    if (f.end() <= lineEnd) {
                        fragmentIndex++;
                    } else {
                        break;
                    }
                }
                lines.add(new Line(number++, lineStart, lineEnd, inLine));
                if (atEnd) {
                    break;
                }
                charIndex += terminatorLength;
                codePoint += terminatorLength;
                lineStart = codePoint;
                continue;
            }
            charIndex += Character.charCount(s.codePointAt(charIndex));
            codePoint++;
        }
        return lines;
    }
}
