package org.scholion.core.text;

import java.util.List;
import org.scholion.core.model.Span;

/**
 * A maximal stretch of text covered by the same spans: {@code [start, end)} in code points,
 * its text, and the spans covering it, outer to inner ({@link Span#ORDER}); none for plain text.
 */
public record Fragment(int start, int end, String text, List<Span> spans) {

    public Fragment {
        if (end <= start) {
            throw new IllegalArgumentException("fragment " + start + ":" + end + " is empty");
        }
        spans = List.copyOf(spans);
    }

    public boolean isCovered() {
        return !spans.isEmpty();
    }

    /** The innermost covering span, the one a renderer draws on top. */
    public Span innermost() {
        return spans.get(spans.size() - 1);
    }
}
