package org.scholion.core.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;

/**
 * Finds spans by label, covered text, annotator and note, and shows each in its context
 * (keyword in context). Offsets and context widths are code points; the context is cut on
 * grapheme boundaries and made one line, with controls and bidi overrides turned into spaces, so
 * it is safe to print on a terminal.
 */
public final class Search {
    /** Code points of context on each side of a hit, unless the query says otherwise. */
    public static final int CONTEXT = 30;

    private Search() {}

    /**
     * What to look for; a null part matches every span.
     *
     * @param label     the span's label, exactly
     * @param text      found somewhere in the span's covered text
     * @param annotator who made the span, exactly
     * @param note      found somewhere in the span's note (a span without a note does not match)
     * @param context   code points of context on each side
     */
    public record Query(String label, Pattern text, String annotator, Pattern note, int context) {
        public Query {
            if (context < 0) {
                throw new IllegalArgumentException("context must not be negative, not " + context);
            }
        }

        /** Every span, with the default context. */
        public static final Query ALL = new Query(null, null, null, null, CONTEXT);

        boolean matches(AnnotatedDocument doc, Span span) {
            return (label == null || label.equals(span.label()))
                    && (annotator == null || annotator.equals(span.annotator()))
                    && (note == null
                            || (span.note() != null && note.matcher(span.note()).find()))
                    && (text == null || text.matcher(doc.textOf(span)).find());
        }
    }

    /**
     * A span found, with its context.
     *
     * @param document the document's id
     * @param span     the span's id
     * @param label    its label
     * @param start    its first code point
     * @param end      one past its last code point
     * @param text     the covered text, exactly
     * @param left     up to {@code context} code points before it, one line
     * @param right    up to {@code context} code points after it, one line
     * @param note     its note; may be null
     * @param annotator who made it; may be null
     */
    public record Hit(
            String document,
            String span,
            String label,
            int start,
            int end,
            String text,
            String left,
            String right,
            String note,
            String annotator) {}

    /** The spans of {@code doc} that match, in document order. */
    public static List<Hit> find(AnnotatedDocument doc, Query query) {
        List<Hit> hits = new ArrayList<>();
        CodePointText text = doc.text();
        for (Span span : doc.spans()) {
            if (!query.matches(doc, span)) {
                continue;
            }
            int from = Math.max(0, span.start() - query.context());
            while (from > 0 && !text.isGraphemeBoundary(from)) {
                from--;
            }
            int to = Math.min(text.length(), span.end() + query.context());
            while (to < text.length() && !text.isGraphemeBoundary(to)) {
                to++;
            }
            hits.add(new Hit(
                    doc.document().id(),
                    span.id(),
                    span.label(),
                    span.start(),
                    span.end(),
                    doc.textOf(span),
                    oneLine(text.slice(from, span.start())),
                    oneLine(text.slice(span.end(), to)),
                    span.note(),
                    span.annotator()));
        }
        return hits;
    }

    /**
     * The text on one line: line breaks, tabs, other controls and bidi overrides become spaces, and
     * a run of such spaces one space.
     */
    public static String oneLine(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean blank = Character.isISOControl(c)
                    || c == '\u2028'
                    || c == '\u2029'
                    || c == '\u0085'
                    || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069');
            if (blank) {
                if (!space) {
                    b.append(' ');
                }
                space = true;
            } else {
                b.append(c);
                space = false;
            }
        }
        return b.toString();
    }
}
