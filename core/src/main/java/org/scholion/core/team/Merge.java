package org.scholion.core.team;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;

/**
 * A gold document from several annotations of one text. A span (same offsets and label) that at
 * least {@code minAgree} annotators made is accepted; every other span becomes a suggestion for an
 * adjudicator. Either way the span's {@code annotator} names everyone who proposed it,
 * comma-separated ({@link #proposers}): the names travel with the span through renumbering, undo and
 * merges, where metadata keyed by span id would go stale, and need no new field in {@code scholion/1}.
 * Relations between merged spans are all kept. The document's metadata says, under
 * {@value #MERGED_FROM}, which inputs it came from.
 */
public final class Merge {
    /** The metadata key that lists the merged inputs. */
    public static final String MERGED_FROM = "merged-from";

    private static final String SEPARATOR = ", ";

    private Merge() {}

    /**
     * One annotation to merge.
     *
     * @param name     the annotator's name, recorded as a proposer
     * @param source   how the merged document names this input, e.g. the file and its hash
     * @param document the annotation
     */
    public record Input(String name, String source, AnnotatedDocument document) {
        public Input {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(document, "document");
            if (name.isBlank() || name.contains(",")) {
                throw new IllegalArgumentException("annotator name '" + name + "' must not be blank or hold a comma");
            }
        }
    }

    /**
     * Merges the inputs' accepted spans (their suggestions are not proposals) and relations.
     *
     * @param minAgree how many annotators must agree on a span for it to be accepted, 1 to the number of inputs
     * @throws IllegalArgumentException if the inputs annotate different texts, fewer than two are given,
     *                                  or {@code minAgree} is out of range
     */
    public static AnnotatedDocument of(List<Input> inputs, int minAgree) {
        if (inputs.size() < 2) {
            throw new IllegalArgumentException("a merge needs at least two annotations, not " + inputs.size());
        }
        if (minAgree < 1 || minAgree > inputs.size()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "--min-agree must be between 1 and %d (the number of inputs), not %d",
                    inputs.size(),
                    minAgree));
        }
        List<String> names = inputs.stream().map(Input::name).toList();
        Agreement.requireSameText(names, inputs.stream().map(Input::document).toList());

        Map<Key, Proposal> proposals = new TreeMap<>();
        Map<RelationKey, Set<String>> relations = new LinkedHashMap<>();
        Map<RelationKey, Map<String, String>> relationAttributes = new HashMap<>();
        for (Input input : inputs) {
            AnnotatedDocument doc = input.document();
            for (Span span : doc.spans()) {
                if (!span.suggestion()) {
                    proposals
                            .computeIfAbsent(Key.of(span), k -> new Proposal(span))
                            .by
                            .add(input.name());
                }
            }
            for (Relation r : doc.relations()) {
                Span from = doc.span(r.from()).orElseThrow();
                Span to = doc.span(r.to()).orElseThrow();
                if (!from.suggestion() && !to.suggestion()) {
                    RelationKey key = new RelationKey(r.type(), Key.of(from), Key.of(to));
                    relations.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(input.name());
                    relationAttributes.putIfAbsent(key, r.attributes());
                }
            }
        }

        Document first = inputs.get(0).document().document();
        Map<String, String> metadata = new TreeMap<>(first.metadata());
        List<String> sources = inputs.stream().map(Input::source).toList();
        metadata.put(MERGED_FROM, String.join("; ", sources));
        Document document = new Document(
                first.id(), first.title(), first.iri(), first.mediaType(), first.language(), metadata, first.text());
        List<LabelSet> sets = LabelSets.union(
                inputs.stream().map(i -> i.document().labelSets()).toList());
        AnnotatedDocument.Builder builder = AnnotatedDocument.builder(document).labelSets(sets);
        Map<Key, String> ids = new TreeMap<>();
        int n = 0;
        for (Map.Entry<Key, Proposal> e : proposals.entrySet()) {
            Proposal p = e.getValue();
            String id = "s" + ++n;
            ids.put(e.getKey(), id);
            List<String> by = names.stream().filter(p.by::contains).toList();
            builder.span(new Span(
                    id,
                    p.span.start(),
                    p.span.end(),
                    p.span.label(),
                    p.span.note(),
                    String.join(SEPARATOR, by),
                    p.span.created(),
                    by.size() < minAgree,
                    p.span.attributes(),
                    p.span.links()));
        }
        int r = 0;
        for (RelationKey relation : relations.keySet()) {
            builder.relation(new Relation(
                    "r" + ++r,
                    relation.type(),
                    ids.get(relation.from()),
                    ids.get(relation.to()),
                    relationAttributes.get(relation)));
        }
        return builder.build();
    }

    /** Who proposed a merged span: the names in its annotator field. */
    public static List<String> proposers(Span span) {
        if (span.annotator() == null) {
            return List.of();
        }
        return Arrays.stream(span.annotator().split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** A span's identity in a merge: offsets and label. */
    private record Key(int start, int end, String label) implements Comparable<Key> {
        static Key of(Span s) {
            return new Key(s.start(), s.end(), s.label());
        }

        @Override
        public int compareTo(Key o) {
            int c = Integer.compare(start, o.start);
            if (c == 0) {
                c = Integer.compare(o.end, end);
            }
            return c != 0 ? c : label.compareTo(o.label);
        }
    }

    private record RelationKey(String type, Key from, Key to) {}

    private static final class Proposal {
        final Span span;
        final Set<String> by = new LinkedHashSet<>();

        Proposal(Span span) {
            this.span = span;
        }
    }
}
