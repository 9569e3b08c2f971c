package org.scholion.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
 * @param attributes properties of the span, name to value, sorted by name (e.g. {@code certainty=low})
 * @param links      what the span points to outside the text: absolute IRIs or {@code PREFIX:ID}, in order
 */
public record Span(
        String id,
        int start,
        int end,
        String label,
        String note,
        String annotator,
        Instant created,
        boolean suggestion,
        Map<String, String> attributes,
        List<String> links) {

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
        Checks.name(label, "label of span", id);
        note = Checks.optional(note);
        annotator = Checks.optional(annotator);
        attributes = Checks.attributes(attributes, "span", id);
        links = links(links, id);
    }

    /** A span without attributes or links. */
    public Span(
            String id,
            int start,
            int end,
            String label,
            String note,
            String annotator,
            Instant created,
            boolean suggestion) {
        this(id, start, end, label, note, annotator, created, suggestion, Map.of(), List.of());
    }

    public static Span of(String id, int start, int end, String label) {
        return new Span(id, start, end, label, null, null, null, false);
    }

    private static List<String> links(List<String> links, String id) {
        if (links == null || links.isEmpty()) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (String link : links) {
            Links.check(link, "span " + id);
            Checks.check(seen.add(link), "span %s links to '%s' twice", id, link);
        }
        return List.copyOf(links);
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
        return new Span(newId, start, end, label, note, annotator, created, suggestion, attributes, links);
    }

    public Span withRange(int newStart, int newEnd) {
        return new Span(id, newStart, newEnd, label, note, annotator, created, suggestion, attributes, links);
    }

    public Span withLabel(String newLabel) {
        return new Span(id, start, end, newLabel, note, annotator, created, suggestion, attributes, links);
    }

    public Span withNote(String newNote) {
        return new Span(id, start, end, label, newNote, annotator, created, suggestion, attributes, links);
    }

    public Span withAnnotator(String newAnnotator, Instant when) {
        return new Span(id, start, end, label, note, newAnnotator, when, suggestion, attributes, links);
    }

    public Span withSuggestion(boolean isSuggestion) {
        return new Span(id, start, end, label, note, annotator, created, isSuggestion, attributes, links);
    }

    /** This span with attribute {@code name} set to {@code value}, replacing any value it had. */
    public Span withAttribute(String name, String value) {
        Map<String, String> copy = new TreeMap<>(attributes);
        copy.put(name, value);
        return withAttributes(copy);
    }

    public Span withoutAttribute(String name) {
        Map<String, String> copy = new TreeMap<>(attributes);
        copy.remove(name);
        return withAttributes(copy);
    }

    public Span withAttributes(Map<String, String> newAttributes) {
        return new Span(id, start, end, label, note, annotator, created, suggestion, newAttributes, links);
    }

    /** This span with {@code link} added after its other links; a link it already has is kept in place. */
    public Span withLink(String link) {
        if (links.contains(link)) {
            return this;
        }
        List<String> copy = new ArrayList<>(links);
        copy.add(link);
        return withLinks(copy);
    }

    public Span withoutLink(String link) {
        List<String> copy = new ArrayList<>(links);
        copy.remove(link);
        return withLinks(copy);
    }

    public Span withLinks(List<String> newLinks) {
        return new Span(id, start, end, label, note, annotator, created, suggestion, attributes, newLinks);
    }
}
