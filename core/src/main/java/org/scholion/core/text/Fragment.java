package org.scholion.core.text;

import java.util.List;
import java.util.Objects;
import org.scholion.core.model.Span;

/**
 * A maximal stretch of text covered by the same spans: {@code [start, end)} in code points,
 * its text, and the spans covering it, outer to inner ({@link Span#ORDER}); none for plain text.
 */
public final class Fragment {
    private final int start;
    private final int end;
    private final List<Span> spans;
    // A segmentation makes hundreds of thousands of fragments; each keeps its place in the whole
    // text and copies its own text only when asked, so a large document is not held twice.
    private final String whole;
    private final int charStart;
    private final int charEnd;
    private String text;

    public Fragment(int start, int end, String text, List<Span> spans) {
        this(start, end, List.copyOf(spans), null, 0, 0, text);
    }

    /** A fragment whose text is {@code whole[charStart, charEnd)}, cut when first asked for. */
    Fragment(int start, int end, List<Span> spans, String whole, int charStart, int charEnd) {
        this(start, end, spans, whole, charStart, charEnd, null);
    }

    private Fragment(int start, int end, List<Span> spans, String whole, int charStart, int charEnd, String text) {
        if (end <= start) {
            throw new IllegalArgumentException("fragment " + start + ":" + end + " is empty");
        }
        this.start = start;
        this.end = end;
        this.spans = spans;
        this.whole = whole;
        this.charStart = charStart;
        this.charEnd = charEnd;
        this.text = text;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /** The text of the fragment. */
    public String text() {
        String t = text;
        if (t == null && whole != null) {
            // a benign race: two threads may both cut it, and either String is the same text
            t = whole.substring(charStart, charEnd);
            text = t;
        }
        return t;
    }

    /** The covering spans, outer to inner; an unmodifiable list. */
    public List<Span> spans() {
        return spans;
    }

    public boolean isCovered() {
        return !spans.isEmpty();
    }

    /** The innermost covering span, the one a renderer draws on top. */
    public Span innermost() {
        return spans.get(spans.size() - 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fragment other
                && start == other.start
                && end == other.end
                && Objects.equals(text(), other.text())
                && spans.equals(other.spans);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end, text(), spans);
    }

    @Override
    public String toString() {
        return "Fragment[start=" + start + ", end=" + end + ", text=" + text() + ", spans=" + spans + "]";
    }
}
