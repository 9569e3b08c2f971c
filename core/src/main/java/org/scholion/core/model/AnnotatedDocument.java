package org.scholion.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.scholion.core.text.CodePointText;

/**
 * A document with its label sets, spans and relations: the aggregate that keeps every invariant
 * (offsets inside the text, known labels, unique ids, relations between existing spans).
 * Immutable: every edit returns a new value, so undo is keeping the old one.
 */
public final class AnnotatedDocument {
    private final Document document;
    private final CodePointText text;
    private final List<LabelSet> labelSets;
    private final Map<String, LabelSet> setByLabel;
    private final List<Span> spans;
    private final Map<String, Span> spanById;
    private final List<Relation> relations;
    private final Map<String, Relation> relationById;
    private final Map<String, String> prefixes;

    private AnnotatedDocument(
            Document document,
            CodePointText text,
            List<LabelSet> labelSets,
            Map<String, LabelSet> setByLabel,
            List<Span> spans,
            Map<String, Span> spanById,
            List<Relation> relations,
            Map<String, Relation> relationById,
            Map<String, String> prefixes) {
        this.document = document;
        this.text = text;
        this.labelSets = labelSets;
        this.setByLabel = setByLabel;
        this.spans = spans;
        this.spanById = spanById;
        this.relations = relations;
        this.relationById = relationById;
        this.prefixes = prefixes;
    }

    /** A document with its label sets and no spans yet. */
    public static AnnotatedDocument of(Document document, List<LabelSet> labelSets) {
        return builder(document).labelSets(labelSets).build();
    }

    public static Builder builder(Document document) {
        return new Builder(document, null);
    }

    public Document document() {
        return document;
    }

    /** The document text addressed by code points. */
    public CodePointText text() {
        return text;
    }

    public List<LabelSet> labelSets() {
        return labelSets;
    }

    /** Spans in document order ({@link Span#ORDER}). */
    public List<Span> spans() {
        return spans;
    }

    public List<Relation> relations() {
        return relations;
    }

    public Optional<Span> span(String id) {
        return Optional.ofNullable(spanById.get(id));
    }

    public Optional<Relation> relation(String id) {
        return Optional.ofNullable(relationById.get(id));
    }

    public Optional<LabelSet> labelSet(String name) {
        return labelSets.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<Label> label(String name) {
        LabelSet set = setByLabel.get(name);
        return set == null ? Optional.empty() : set.label(name);
    }

    /** The label set that holds the label of this name. */
    public Optional<LabelSet> labelSetOf(String labelName) {
        return Optional.ofNullable(setByLabel.get(labelName));
    }

    /** All labels of all label sets, in order. */
    public List<Label> labels() {
        List<Label> all = new ArrayList<>();
        labelSets.forEach(s -> all.addAll(s.labels()));
        return all;
    }

    /** The link prefixes all label sets declare, prefix to IRI base. */
    public Map<String, String> prefixes() {
        return prefixes;
    }

    /** A link of a span as an absolute IRI: {@code PREFIX:ID} expanded with its declared base. */
    public String iriOf(String link) {
        String prefix = Links.prefix(link);
        if (prefix == null) {
            return link;
        }
        String base = prefixes.get(prefix);
        Checks.check(base != null, "link '%s' uses prefix '%s', which no label set declares", link, prefix);
        return base + link.substring(prefix.length() + 1);
    }

    /** The covered text of a span. */
    public String textOf(Span span) {
        return text.slice(span.start(), span.end());
    }

    /** Spans that cover code point {@code index}, outer first. */
    public List<Span> spansAt(int index) {
        List<Span> found = new ArrayList<>();
        for (Span span : spans) {
            if (span.start() > index) {
                break;
            }
            if (index < span.end()) {
                found.add(span);
            }
        }
        return found;
    }

    public List<Relation> relationsOf(String spanId) {
        return relations.stream()
                .filter(r -> r.from().equals(spanId) || r.to().equals(spanId))
                .toList();
    }

    /** An id for a new span: {@code s} and one more than the largest number in use. */
    public String nextSpanId() {
        return Ids.next("s", spanById.keySet());
    }

    public String nextRelationId() {
        return Ids.next("r", relationById.keySet());
    }

    public AnnotatedDocument withSpan(Span span) {
        return withSpans(List.of(span));
    }

    public AnnotatedDocument withSpans(Collection<Span> added) {
        Builder builder = toBuilder();
        added.forEach(builder::span);
        return builder.build();
    }

    /** This document without the spans of these ids and without the relations that touch them. */
    public AnnotatedDocument withoutSpans(Collection<String> ids) {
        Set<String> gone = new HashSet<>(ids);
        for (String id : gone) {
            Checks.check(spanById.containsKey(id), "there is no span '%s'", id);
        }
        Builder builder = new Builder(document, text).labelSets(labelSets);
        spans.stream().filter(s -> !gone.contains(s.id())).forEach(builder::span);
        relations.stream()
                .filter(r -> !gone.contains(r.from()) && !gone.contains(r.to()))
                .forEach(builder::relation);
        return builder.build();
    }

    /** This document with the span of the same id replaced (relabelled, moved, annotated). */
    public AnnotatedDocument withSpanReplaced(Span span) {
        Checks.check(spanById.containsKey(span.id()), "there is no span '%s'", span.id());
        for (Span other : spans) {
            if (!other.id().equals(span.id())
                    && other.start() == span.start()
                    && other.end() == span.end()
                    && other.label().equals(span.label())) {
                Checks.check(
                        false,
                        "span %s already labels %d:%d as %s",
                        other.id(),
                        other.start(),
                        other.end(),
                        other.label());
            }
        }
        Builder builder = new Builder(document, text).labelSets(labelSets);
        for (Span s : spans) {
            builder.span(s.id().equals(span.id()) ? span : s);
        }
        relations.forEach(builder::relation);
        return builder.build();
    }

    public AnnotatedDocument withRelation(Relation relation) {
        return toBuilder().relation(relation).build();
    }

    public AnnotatedDocument withoutRelations(Collection<String> ids) {
        Set<String> gone = new HashSet<>(ids);
        for (String id : gone) {
            Checks.check(relationById.containsKey(id), "there is no relation '%s'", id);
        }
        Builder builder = new Builder(document, text).labelSets(labelSets);
        spans.forEach(builder::span);
        relations.stream().filter(r -> !gone.contains(r.id())).forEach(builder::relation);
        return builder.build();
    }

    /** This document with {@code set} added, or replacing the set of the same name in place. */
    public AnnotatedDocument withLabelSet(LabelSet set) {
        List<LabelSet> sets = new ArrayList<>(labelSets);
        int at = -1;
        for (int i = 0; i < sets.size(); i++) {
            if (sets.get(i).name().equals(set.name())) {
                at = i;
            }
        }
        if (at >= 0) {
            sets.set(at, set);
        } else {
            sets.add(set);
        }
        return withLabelSets(sets);
    }

    public AnnotatedDocument withoutLabelSet(String name) {
        Checks.check(labelSet(name).isPresent(), "there is no label set '%s'", name);
        List<LabelSet> sets = new ArrayList<>(labelSets);
        sets.removeIf(s -> s.name().equals(name));
        return withLabelSets(sets);
    }

    /** This document with other label sets; every label in use must still exist. */
    public AnnotatedDocument withLabelSets(List<LabelSet> sets) {
        Builder builder = new Builder(document, text).labelSets(sets);
        spans.forEach(builder::span);
        relations.forEach(builder::relation);
        return builder.build();
    }

    public Builder toBuilder() {
        Builder builder = new Builder(document, text).labelSets(labelSets);
        spans.forEach(builder::span);
        relations.forEach(builder::relation);
        return builder;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnnotatedDocument other
                && document.equals(other.document)
                && labelSets.equals(other.labelSets)
                && spans.equals(other.spans)
                && relations.equals(other.relations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(document, labelSets, spans, relations);
    }

    @Override
    public String toString() {
        return "AnnotatedDocument[" + document.id() + ", " + spans.size() + " spans, " + relations.size()
                + " relations]";
    }

    /**
     * Assembles an annotated document, checking each part as it is added so that a reader can
     * tell where a problem is. Label sets come first, then spans, then relations.
     */
    public static final class Builder {
        private final Document document;
        private final CodePointText text;
        private final List<LabelSet> labelSets = new ArrayList<>();
        private final Map<String, LabelSet> setByLabel = new HashMap<>();
        private final Map<String, Span> spans = new LinkedHashMap<>();
        private final Map<String, Relation> relations = new LinkedHashMap<>();
        private final Map<String, String> prefixes = new HashMap<>();
        private final Map<String, String> prefixSet = new HashMap<>();
        private final Map<Place, String> places = new HashMap<>();

        /** What two spans may not share: offsets and label. */
        private record Place(int start, int end, String label) {
            // Written out: a record's own equals and hashCode set up method handles on their first
            // call, which JDK 17's class-data archive cannot keep (a few ms of every start that reads a file).
            @Override
            public boolean equals(Object o) {
                return o instanceof Place p && p.start == start && p.end == end && Objects.equals(p.label, label);
            }

            @Override
            public int hashCode() {
                return (31 * start + end) * 31 + Objects.hashCode(label);
            }
        }

        private Builder(Document document, CodePointText text) {
            this.document = Objects.requireNonNull(document, "document");
            this.text = text != null ? text : CodePointText.of(document.text());
        }

        public Builder labelSets(Collection<LabelSet> sets) {
            sets.forEach(this::labelSet);
            return this;
        }

        public Builder labelSet(LabelSet set) {
            Checks.check(spans.isEmpty(), "label sets must be added before spans");
            for (LabelSet existing : labelSets) {
                Checks.check(!existing.name().equals(set.name()), "label set '%s' appears twice", set.name());
            }
            for (Label label : set.labels()) {
                LabelSet other = setByLabel.get(label.name());
                Checks.check(
                        other == null,
                        "label '%s' is in both label sets '%s' and '%s'",
                        label.name(),
                        other == null ? "" : other.name(),
                        set.name());
            }
            for (Map.Entry<String, String> e : set.prefixes().entrySet()) {
                String base = prefixes.get(e.getKey());
                Checks.check(
                        base == null || base.equals(e.getValue()),
                        "prefix '%s' is declared as %s by label set" + " '%s' and as %s by label set '%s'",
                        e.getKey(),
                        base,
                        prefixSet.get(e.getKey()),
                        e.getValue(),
                        set.name());
            }
            labelSets.add(set);
            set.labels().forEach(l -> setByLabel.put(l.name(), set));
            set.prefixes().forEach((prefix, iri) -> {
                prefixes.put(prefix, iri);
                prefixSet.putIfAbsent(prefix, set.name());
            });
            return this;
        }

        public Builder span(Span span) {
            Checks.check(!spans.containsKey(span.id()), "span id '%s' is used twice", span.id());
            Checks.check(!relations.containsKey(span.id()), "span id '%s' is already a relation id", span.id());
            Checks.check(
                    span.end() <= text.length(),
                    "span %s (%d:%d) ends after the text, which has %d code points",
                    span.id(),
                    span.start(),
                    span.end(),
                    text.length());
            LabelSet set = setByLabel.get(span.label());
            Checks.check(set != null, "span %s has unknown label '%s'", span.id(), span.label());
            String same = places.putIfAbsent(new Place(span.start(), span.end(), span.label()), span.id());
            if (same != null) {
                Checks.check(false, "span %s already labels %d:%d as %s", same, span.start(), span.end(), span.label());
            }
            if (!span.attributes().isEmpty() && !set.attributes().isEmpty()) {
                for (String name : span.attributes().keySet()) {
                    Checks.check(
                            set.allowsAttribute(name),
                            "span %s has attribute '%s', which label set '%s' does" + " not declare (it declares %s)",
                            span.id(),
                            name,
                            set.name(),
                            String.join(", ", set.attributes()));
                }
            }
            for (String link : span.links()) {
                String prefix = Links.prefix(link);
                Checks.check(
                        prefix == null || prefixes.containsKey(prefix),
                        "span %s links to '%s', but no label" + " set declares the prefix '%s'",
                        span.id(),
                        link,
                        prefix);
            }
            spans.put(span.id(), span);
            return this;
        }

        public Builder relation(Relation relation) {
            Checks.check(!relations.containsKey(relation.id()), "relation id '%s' is used twice", relation.id());
            // spans and relations both become annotations with IRIs made from their ids
            Checks.check(!spans.containsKey(relation.id()), "relation id '%s' is already a span id", relation.id());
            Checks.check(
                    spans.containsKey(relation.from()),
                    "relation %s starts at missing span '%s'",
                    relation.id(),
                    relation.from());
            Checks.check(
                    spans.containsKey(relation.to()),
                    "relation %s points to missing span '%s'",
                    relation.id(),
                    relation.to());
            relations.put(relation.id(), relation);
            return this;
        }

        /** Whether a span of this id has been added. */
        public boolean hasSpan(String id) {
            return spans.containsKey(id);
        }

        public AnnotatedDocument build() {
            List<Span> sorted = new ArrayList<>(spans.values());
            sorted.sort(Span.ORDER);
            List<Relation> rels = new ArrayList<>(relations.values());
            rels.sort((a, b) -> Ids.NATURAL.compare(a.id(), b.id()));
            return new AnnotatedDocument(
                    document,
                    text,
                    List.copyOf(labelSets),
                    Map.copyOf(setByLabel),
                    Collections.unmodifiableList(sorted),
                    // HashMap, not Map.copyOf: its probing costs more on look-ups by the hundred thousand
                    Collections.unmodifiableMap(new HashMap<>(spans)),
                    List.copyOf(rels),
                    Collections.unmodifiableMap(new HashMap<>(relations)),
                    Map.copyOf(prefixes));
        }
    }
}
