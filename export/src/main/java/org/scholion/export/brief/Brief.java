package org.scholion.export.brief;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.Fragment;
import org.scholion.core.text.Line;
import org.scholion.core.text.Segmentation;
import org.scholion.export.ExportOptions;

/**
 * What an editor's brief says, independent of its format: header facts, the legend, numbered
 * annotation entries and the text as lines of styled fragments. DOCX, PDF and HTML all draw
 * from this one model, so they never disagree on a count, a colour or a number.
 */
public final class Brief {
    /** How every format explains overlaps, in the legend. */
    public static final String OVERLAP_NOTE = "Where spans overlap or nest, the innermost span's colour fills the "
            + "text and each enclosing span adds an underline in its own colour. The number after a span "
            + "refers to its entry in the table of annotations.";

    private final AnnotatedDocument document;
    private final List<Fact> facts;
    private final List<LegendEntry> legend;
    private final List<Entry> entries;
    private final Map<String, Entry> entryBySpan;
    private final Map<String, Tint> tintByLabel;

    private Brief(
            AnnotatedDocument document,
            List<Fact> facts,
            List<LegendEntry> legend,
            List<Entry> entries,
            Map<String, Tint> tintByLabel) {
        this.document = document;
        this.facts = facts;
        this.legend = legend;
        this.entries = entries;
        this.tintByLabel = tintByLabel;
        Map<String, Entry> bySpan = new HashMap<>();
        entries.forEach(e -> bySpan.put(e.span().id(), e));
        this.entryBySpan = bySpan;
    }

    public static Brief of(AnnotatedDocument source, ExportOptions options) {
        AnnotatedDocument doc = options.select(source);
        Map<String, Tint> tints = new HashMap<>();
        for (Label label : doc.labels()) {
            tints.put(label.name(), Tint.of(label.color()));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Span span : doc.spans()) {
            counts.merge(span.label(), 1, Integer::sum);
        }
        List<LegendEntry> legend = new ArrayList<>();
        for (LabelSet set : doc.labelSets()) {
            for (Label label : set.labels()) {
                Integer count = counts.get(label.name());
                if (count != null) {
                    legend.add(new LegendEntry(label, set.name(), count, tints.get(label.name())));
                }
            }
        }
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < doc.spans().size(); i++) {
            numbers.put(doc.spans().get(i).id(), i + 1);
        }
        List<Entry> entries = new ArrayList<>(doc.spans().size());
        Map<String, List<String>> relationsBySpan = describeRelations(doc, numbers);
        for (Span span : doc.spans()) {
            Label label = doc.label(span.label()).orElseThrow();
            entries.add(new Entry(
                    numbers.get(span.id()),
                    span,
                    label,
                    doc.labelSetOf(span.label()).map(LabelSet::name).orElse(""),
                    doc.textOf(span),
                    tints.get(span.label()),
                    relationsBySpan.getOrDefault(span.id(), List.of()),
                    span.links().stream().map(link -> LinkEntry.of(doc, link)).toList()));
        }
        return new Brief(
                doc, facts(doc, legend), List.copyOf(legend), Collections.unmodifiableList(entries), Map.copyOf(tints));
    }

    private static Map<String, List<String>> describeRelations(AnnotatedDocument doc, Map<String, Integer> numbers) {
        Map<String, List<String>> bySpan = new HashMap<>();
        for (Relation r : doc.relations()) {
            Span to = doc.span(r.to()).orElseThrow();
            Span from = doc.span(r.from()).orElseThrow();
            bySpan.computeIfAbsent(r.from(), k -> new ArrayList<>())
                    .add(r.type() + " #" + numbers.get(r.to()) + " (" + Excerpts.oneLine(doc.textOf(to), 40) + ")");
            bySpan.computeIfAbsent(r.to(), k -> new ArrayList<>())
                    .add("#" + numbers.get(r.from()) + " (" + Excerpts.oneLine(doc.textOf(from), 40) + ") " + r.type()
                            + " this");
        }
        return bySpan;
    }

    private static List<Fact> facts(AnnotatedDocument doc, List<LegendEntry> legend) {
        List<Fact> facts = new ArrayList<>();
        String source = doc.document().iri() != null
                ? doc.document().iri()
                : doc.document()
                        .metadata()
                        .getOrDefault("source", doc.document().id());
        facts.add(new Fact("Source", source));
        if (doc.document().metadata().containsKey("author")) {
            facts.add(new Fact("Author", doc.document().metadata().get("author")));
        }
        facts.add(new Fact(
                "Language",
                doc.document().language() == null
                        ? "not stated"
                        : doc.document().language()));
        TreeSet<String> annotators = doc.spans().stream()
                .map(Span::annotator)
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        facts.add(new Fact("Annotators", annotators.isEmpty() ? "not recorded" : String.join(", ", annotators)));
        Optional<Instant> latest =
                doc.spans().stream().map(Span::created).filter(Objects::nonNull).max(Instant::compareTo);
        facts.add(new Fact("Latest annotation", latest.map(Instant::toString).orElse("not recorded")));
        List<String> sets =
                legend.stream().map(LegendEntry::labelSet).distinct().toList();
        facts.add(new Fact("Label sets", sets.isEmpty() ? "none used" : String.join(", ", sets)));
        facts.add(new Fact(
                "Annotations", doc.spans().size() + " spans, " + doc.relations().size() + " relations"));
        return List.copyOf(facts);
    }

    /** The document with only the exported spans. */
    public AnnotatedDocument document() {
        return document;
    }

    public String title() {
        return document.document().title();
    }

    /** Header facts: source, author (when known), language, annotators, latest annotation, label sets. */
    public List<Fact> facts() {
        return facts;
    }

    /** Labels that occur, in label-set order, with counts. */
    public List<LegendEntry> legend() {
        return legend;
    }

    /** Every exported span as a numbered entry, in document order. */
    public List<Entry> entries() {
        return entries;
    }

    public Entry entry(String spanId) {
        Entry entry = entryBySpan.get(spanId);
        if (entry == null) {
            throw new IllegalArgumentException("span '" + spanId + "' is not in this brief");
        }
        return entry;
    }

    public Tint tint(String labelName) {
        return tintByLabel.get(labelName);
    }

    /** The text as lines of fragments (blank lines separate paragraphs). */
    public List<Line> lines() {
        return Segmentation.lines(document.text(), document.spans());
    }

    /**
     * Whether blank lines separate the text's paragraphs; if they do, a single line break inside a
     * paragraph is a line break, otherwise every line is a paragraph of its own.
     */
    public static boolean blankLinesSeparateParagraphs(List<Line> lines) {
        boolean seenText = false;
        boolean blankAfterText = false;
        for (Line line : lines) {
            if (line.isBlank()) {
                blankAfterText = seenText;
            } else {
                if (blankAfterText) {
                    return true;
                }
                seenText = true;
            }
        }
        return false;
    }

    /** How to draw a fragment. */
    public FragmentStyle style(Fragment fragment) {
        if (!fragment.isCovered()) {
            return FragmentStyle.PLAIN;
        }
        List<Span> spans = fragment.spans();
        List<Tint> outer = new ArrayList<>(spans.size() - 1);
        for (int i = 0; i < spans.size() - 1; i++) {
            outer.add(tintByLabel.get(spans.get(i).label()));
        }
        return new FragmentStyle(tintByLabel.get(fragment.innermost().label()), outer);
    }

    /** Entries of the spans that end where this fragment ends, innermost first: their markers follow it. */
    public List<Entry> endingAt(Fragment fragment) {
        List<Entry> ending = new ArrayList<>();
        List<Span> spans = fragment.spans();
        for (int i = spans.size() - 1; i >= 0; i--) {
            if (spans.get(i).end() == fragment.end()) {
                ending.add(entryBySpan.get(spans.get(i).id()));
            }
        }
        return ending;
    }

    /**
     * Entries of the spans of {@code fragment} that do not go on into {@code next}, the fragment
     * after it in the text (perhaps on a later line; null at the end), innermost first: their
     * markers follow {@code fragment}. Unlike {@link #endingAt}, this also catches a span that
     * ends inside a line break, which no fragment of {@link #lines()} contains.
     */
    public List<Entry> endingBefore(Fragment fragment, Fragment next) {
        List<Entry> ending = new ArrayList<>();
        List<Span> spans = fragment.spans();
        for (int i = spans.size() - 1; i >= 0; i--) {
            if (next == null || !next.spans().contains(spans.get(i))) {
                ending.add(entryBySpan.get(spans.get(i).id()));
            }
        }
        return ending;
    }

    /**
     * Entries of the spans of {@code fragment} that do not cover {@code previous}, the fragment
     * before it (null at the start), outer first: their anchors begin here, even when the span
     * starts inside the line break before {@code fragment}.
     */
    public List<Entry> startingAfter(Fragment previous, Fragment fragment) {
        List<Entry> starting = new ArrayList<>();
        for (Span span : fragment.spans()) {
            if (previous == null || !previous.spans().contains(span)) {
                starting.add(entryBySpan.get(span.id()));
            }
        }
        return starting;
    }

    /** Entries of the spans that start where this fragment starts, outer first: anchors begin here. */
    public List<Entry> startingAt(Fragment fragment) {
        List<Entry> starting = new ArrayList<>();
        for (Span span : fragment.spans()) {
            if (span.start() == fragment.start()) {
                starting.add(entryBySpan.get(span.id()));
            }
        }
        return starting;
    }
}
