package org.scholion.core.corpus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scholion.core.corpus.Status.Stage;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Span;

/**
 * Counts over documents: documents per status, spans per label and per annotator, relations,
 * text covered by spans, overlapping pairs. A tally of one document is small, so tallies made on
 * several threads are {@link #add(Tally) added} together; nothing keeps the documents.
 */
public final class Tally {
    /** The annotator of spans that name none. */
    public static final String UNKNOWN = "(unknown)";

    /** The spans of one label and the code points they cover (each counted once per document). */
    public record LabelCount(String set, String label, long spans, long covered) {}

    private long documents;
    private final Map<Stage, Long> stages = new EnumMap<>(Stage.class);
    private final Map<String, long[]> labels = new LinkedHashMap<>();
    private final Map<String, Long> annotators = new TreeMap<>();
    private long spans;
    private long relations;
    private long textLength;
    private long covered;
    private long overlapping;
    private long nested;

    /** The tally of one document. */
    public static Tally of(AnnotatedDocument doc) {
        Tally t = new Tally();
        t.documents = 1;
        t.stages.put(Status.of(doc).stage(), 1L);
        List<Span> all = doc.spans();
        Map<String, List<Span>> byLabel = new LinkedHashMap<>();
        for (LabelSet set : doc.labelSets()) {
            for (Label label : set.labels()) {
                byLabel.put(label.name(), new ArrayList<>());
                t.labels.put(key(set.name(), label.name()), new long[2]);
            }
        }
        for (Span s : all) {
            byLabel.get(s.label()).add(s);
            t.annotators.merge(s.annotator() == null ? UNKNOWN : s.annotator(), 1L, Long::sum);
        }
        for (LabelSet set : doc.labelSets()) {
            for (Label label : set.labels()) {
                List<Span> spans = byLabel.get(label.name());
                long[] count = t.labels.get(key(set.name(), label.name()));
                count[0] = spans.size();
                count[1] = covered(spans);
            }
        }
        t.spans = all.size();
        t.relations = doc.relations().size();
        t.textLength = doc.text().length();
        t.covered = covered(all);
        // spans are sorted by start: only later spans that start before this one ends can overlap it
        for (int i = 0; i < all.size(); i++) {
            Span a = all.get(i);
            for (int j = i + 1; j < all.size() && all.get(j).start() < a.end(); j++) {
                Span b = all.get(j);
                t.overlapping++;
                if (a.covers(b.start(), b.end()) || b.covers(a.start(), a.end())) {
                    t.nested++;
                }
            }
        }
        return t;
    }

    /** Adds another tally's counts to this one; labels keep the order in which they were first seen. */
    public Tally add(Tally other) {
        documents += other.documents;
        other.stages.forEach((k, v) -> stages.merge(k, v, Long::sum));
        other.labels.forEach((k, v) -> {
            long[] mine = labels.computeIfAbsent(k, x -> new long[2]);
            mine[0] += v[0];
            mine[1] += v[1];
        });
        other.annotators.forEach((k, v) -> annotators.merge(k, v, Long::sum));
        spans += other.spans;
        relations += other.relations;
        textLength += other.textLength;
        covered += other.covered;
        overlapping += other.overlapping;
        nested += other.nested;
        return this;
    }

    public long documents() {
        return documents;
    }

    /** Documents per stage, every stage present, in stage order. */
    public Map<Stage, Long> stages() {
        Map<Stage, Long> all = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            all.put(s, stages.getOrDefault(s, 0L));
        }
        return all;
    }

    /** Spans and coverage per label of each label set, in the order first seen. */
    public List<LabelCount> labels() {
        List<LabelCount> list = new ArrayList<>();
        labels.forEach((k, v) -> {
            int cut = k.indexOf('\u0000');
            list.add(new LabelCount(k.substring(0, cut), k.substring(cut + 1), v[0], v[1]));
        });
        return list;
    }

    /** Spans per annotator, sorted by name; spans without one under {@link #UNKNOWN}. */
    public Map<String, Long> annotators() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(annotators));
    }

    public long spans() {
        return spans;
    }

    public long relations() {
        return relations;
    }

    /** Code points of text in all documents. */
    public long textLength() {
        return textLength;
    }

    /** Code points inside at least one span. */
    public long covered() {
        return covered;
    }

    /** Percent of the text inside at least one span. */
    public double coverage() {
        return textLength == 0 ? 0 : 100.0 * covered / textLength;
    }

    /** Pairs of spans of a document that share at least one code point. */
    public long overlapping() {
        return overlapping;
    }

    /** Overlapping pairs of which one span lies inside the other. */
    public long nested() {
        return nested;
    }

    /** Code points inside at least one of these spans, which are in document order. */
    public static int covered(List<Span> spans) {
        int covered = 0;
        int reach = 0;
        for (Span s : spans) {
            int from = Math.max(s.start(), reach);
            if (s.end() > from) {
                covered += s.end() - from;
            }
            reach = Math.max(reach, s.end());
        }
        return covered;
    }

    private static String key(String set, String label) {
        return set + '\u0000' + label;
    }
}
