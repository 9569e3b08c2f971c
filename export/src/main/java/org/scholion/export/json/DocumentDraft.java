package org.scholion.export.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Links;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.export.interchange.ForeignLabels;
import org.scholion.export.interchange.ReadOptions;

/**
 * One foreign document being assembled: spans and relations are checked as they are added (offsets
 * inside the text, known ends), and every problem is a {@link ScholionException} naming the file
 * and line it came from.
 */
public final class DocumentDraft {
    private final Where where;
    private final Document document;
    private final CodePointText text;
    private final ForeignLabels labels;
    private final List<Span> spans = new ArrayList<>();
    private final Set<String> spanIds = new HashSet<>();
    private final List<Relation> relations = new ArrayList<>();
    private final Set<String> relationIds = new HashSet<>();
    private final Set<String> labelNames = new LinkedHashSet<>();
    private int nextSpan = 1;
    private int nextRelation = 1;

    /**
     * @param knownLabels label names met in the whole file so far, resolved first so that every
     *                    document of a file gets the same labels in the same order
     */
    public DocumentDraft(Where where, Document document, ReadOptions options, Iterable<String> knownLabels)
            throws ScholionException {
        this.where = where;
        this.document = document;
        this.text = CodePointText.of(document.text());
        this.labels = new ForeignLabels(options);
        for (String name : knownLabels) {
            label(name);
        }
    }

    public Where where() {
        return where;
    }

    public CodePointText text() {
        return text;
    }

    /** The label names used, in the order first met. */
    public Set<String> labelNames() {
        return labelNames;
    }

    /** Whether a span of this id has been added. */
    public boolean hasSpan(String id) {
        return spanIds.contains(id);
    }

    /**
     * Adds a span of code points {@code [start, end)}.
     *
     * @param preferredId the id to give it when that is a valid id not yet used, else null
     * @return the span's id, or null when the span is empty (the caller reports it)
     * @throws ScholionException if the span ends before it starts or after the text, or its label is not a valid name
     */
    public String span(
            String preferredId,
            int start,
            int end,
            String label,
            String note,
            String annotator,
            Instant created,
            boolean suggestion)
            throws ScholionException {
        if (end < start) {
            throw where.error("span %d:%d ends before it starts", start, end);
        }
        if (end > text.length()) {
            throw where.error("span %d:%d ends after the text, which has %d code points", start, end, text.length());
        }
        if (end == start) {
            return null;
        }
        String name = label(label);
        String id = preferredId != null && isFreeId(preferredId) ? preferredId : freshSpanId();
        try {
            spans.add(new Span(id, start, end, name, note, annotator, created, suggestion));
        } catch (IllegalArgumentException e) {
            throw where.error(e.getMessage());
        }
        spanIds.add(id);
        return id;
    }

    /**
     * Gives the span {@code spanId} (already added) attribute {@code name}; a second value for a name
     * it has replaces none.
     *
     * @throws IllegalArgumentException if the name or value is invalid, the span's known label set does
     *     not declare the name, or the span already has another value for it (the caller reports it)
     */
    public void attribute(String spanId, String name, String value) {
        int at = indexOf(spanId);
        Span span = spans.get(at);
        labels.knownSetOf(span.label()).ifPresent(set -> {
            if (!set.allowsAttribute(name)) {
                throw new IllegalArgumentException("span " + spanId + " has attribute '" + name + "', which label set '"
                        + set.name() + "' does not declare");
            }
        });
        String earlier = span.attributes().get(name);
        if (earlier != null && !earlier.equals(value)) {
            throw new IllegalArgumentException(
                    "span " + spanId + " has " + name + "=" + earlier + " already, not " + name + "=" + value);
        }
        spans.set(at, span.withAttribute(name, value));
    }

    /**
     * Adds {@code link} to the span {@code spanId} (already added), in the short form of a declared
     * prefix when one fits ({@link ForeignLabels#compact}).
     *
     * @return the link as added
     * @throws IllegalArgumentException if it is no absolute IRI of scheme http, https or urn (the caller reports it)
     */
    public String link(String spanId, String link) {
        if (link == null || !Links.isIri(link)) {
            throw new IllegalArgumentException("'" + link + "' is no absolute IRI (http, https or urn)");
        }
        int at = indexOf(spanId);
        String compact = labels.compact(link);
        spans.set(at, spans.get(at).withLink(compact));
        return compact;
    }

    private int indexOf(String spanId) {
        for (int i = spans.size() - 1; i >= 0; i--) {
            if (spans.get(i).id().equals(spanId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("there is no span " + spanId);
    }

    /** Adds a relation between two spans already added. */
    public String relation(String preferredId, String type, String from, String to) throws ScholionException {
        if (!spanIds.contains(from) || !spanIds.contains(to)) {
            throw where.error(
                    "relation %s joins span %s and span %s, but there is no span %s",
                    type, from, to, spanIds.contains(from) ? to : from);
        }
        String id = preferredId != null && isFreeId(preferredId) ? preferredId : freshRelationId();
        try {
            relations.add(new Relation(id, type, from, to));
        } catch (IllegalArgumentException e) {
            throw where.error(e.getMessage());
        }
        relationIds.add(id);
        return id;
    }

    public AnnotatedDocument build() throws ScholionException {
        try {
            AnnotatedDocument.Builder builder =
                    AnnotatedDocument.builder(document).labelSets(labels.labelSets());
            spans.forEach(builder::span);
            relations.forEach(builder::relation);
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw where.error(e.getMessage());
        }
    }

    private String label(String name) throws ScholionException {
        try {
            labels.resolve(name);
        } catch (IllegalArgumentException e) {
            throw where.error(e.getMessage());
        }
        labelNames.add(name);
        return name;
    }

    private boolean isFreeId(String id) {
        if (spanIds.contains(id) || relationIds.contains(id)) {
            return false;
        }
        try {
            Span.of(id, 0, 1, "x");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String freshSpanId() {
        String id;
        do {
            id = "s" + nextSpan++;
        } while (spanIds.contains(id) || relationIds.contains(id));
        return id;
    }

    private String freshRelationId() {
        String id;
        do {
            id = "r" + nextRelation++;
        } while (spanIds.contains(id) || relationIds.contains(id));
        return id;
    }
}
