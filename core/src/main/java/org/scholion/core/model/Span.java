package org.scholion.core.model;

import java.time.Instant;
import java.util.Comparator;

/**
 * A labelled stretch of a document's text, {@code [start, end)} in code points.
 *
 * @param id         unique within its document
 * @param start      the first code point
 * @param end        one past the last code point
 * @param label      the name of its label
 * @param note       free text, may be null
 * @param annotator  who made it, may be null
 * @param created    when it was made, may be null
 * @param suggestion whether it is a machine suggestion not yet accepted by a person
 */
public record Span(String id, int start, int end, String label, String note, String annotator, Instant created,
                   boolean suggestion) {

    /** Document order: by start, then longer (outer) spans first, then by id. */
    public static final Comparator<Span> ORDER = Comparator.comparingInt(Span::start)
            .thenComparing(Comparator.comparingInt(Span::end).reversed())
            .thenComparing(Span::id, Ids.NATURAL);

    public Span {
        Checks.id(id, "span id");
        if (start < 0 || end <= start) { // checked first, so that valid spans box no numbers for messages
            Checks.check(start >= 0, "span %d:%d starts before the text", start, end);
            Checks.check(end >= start, "span %d:%d ends before it starts", start, end);
            Checks.check(end > start, "span %d:%d is empty", start, end);
        }
        Checks.name(label, "label of span " + id);
        note = Checks.optional(note);
        annotator = Checks.optional(annotator);
    }

    public static Span of(String id, int start, int end, String label) {
        return new Span(id, start, end, label, null, null, null, false);
    }

    public int length() {
        return end - start;
    }

    public boolean covers(int start, int end) {
        return this.start <= start && end <= this.end;
    }

    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }

    public Span withId(String newId) {
        return new Span(newId, start, end, label, note, annotator, created, suggestion);
    }

    public Span withRange(int newStart, int newEnd) {
        return new Span(id, newStart, newEnd, label, note, annotator, created, suggestion);
    }

    public Span withLabel(String newLabel) {
        return new Span(id, start, end, newLabel, note, annotator, created, suggestion);
    }

    public Span withNote(String newNote) {
        return new Span(id, start, end, label, newNote, annotator, created, suggestion);
    }

    public Span withAnnotator(String newAnnotator, Instant when) {
        return new Span(id, start, end, label, note, newAnnotator, when, suggestion);
    }

    public Span withSuggestion(boolean isSuggestion) {
        return new Span(id, start, end, label, note, annotator, created, isSuggestion);
    }
}
