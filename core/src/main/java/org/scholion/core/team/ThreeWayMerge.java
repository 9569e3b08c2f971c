package org.scholion.core.team;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;

/**
 * Merges two branches of one annotation file by meaning, for the git merge driver. Spans and
 * relations are matched by id with their common ancestor: what only one side removed or edited takes
 * that side's change; what both sides added is all kept (a span both added alike is kept once; ids
 * both sides created are renumbered on their side, and its relations follow); label sets, labels and
 * metadata combine the same way. A true conflict — one side edited what the other removed, or both
 * edited the same thing differently — keeps every version (spans as suggestions for an adjudicator)
 * and is reported. Nothing is ever lost.
 */
public final class ThreeWayMerge {
    private ThreeWayMerge() {}

    /**
     * The merged document and the true conflicts in it.
     *
     * @param document  the merge
     * @param conflicts one sentence per conflict; empty when the merge is clean
     */
    public record Result(AnnotatedDocument document, List<String> conflicts) {
        public Result {
            Objects.requireNonNull(document, "document");
            conflicts = List.copyOf(conflicts);
        }

        public boolean isClean() {
            return conflicts.isEmpty();
        }
    }

    /**
     * Merges {@code ours} and {@code theirs}, both descended from {@code base}.
     *
     * @throws IllegalArgumentException if the three annotate different texts
     */
    public static Result merge(AnnotatedDocument base, AnnotatedDocument ours, AnnotatedDocument theirs) {
        Agreement.requireSameText(List.of("base", "ours", "theirs"), List.of(base, ours, theirs));
        List<String> conflicts = new ArrayList<>();

        // spans
        Map<String, Span> b = byId(base.spans(), Span::id);
        Map<String, Span> o = byId(ours.spans(), Span::id);
        Map<String, Span> t = byId(theirs.spans(), Span::id);
        Set<String> taken = new HashSet<>();
        taken.addAll(b.keySet());
        taken.addAll(o.keySet());
        taken.addAll(t.keySet());
        taken.addAll(byId(base.relations(), Relation::id).keySet());
        taken.addAll(byId(ours.relations(), Relation::id).keySet());
        taken.addAll(byId(theirs.relations(), Relation::id).keySet());
        Ids ids = new Ids(taken);
        Map<String, Span> spans = new LinkedHashMap<>();
        Map<String, String> theirSpanIds = new HashMap<>(); // theirs' id -> id in the merge
        for (Span span : base.spans()) {
            String id = span.id();
            Span mine = o.get(id);
            Span their = t.get(id);
            theirSpanIds.put(id, id);
            switch (outcome(span, mine, their)) {
                case GONE -> {}
                case OURS -> spans.put(id, mine);
                case THEIRS -> spans.put(id, their);
                case EDITED_REMOVED -> {
                    Span kept = mine != null ? mine : their;
                    spans.put(id, kept.withSuggestion(true));
                    conflicts.add(String.format(
                            Locale.ROOT,
                            "span %s (%s %d:%d) was edited on one side and removed"
                                    + " on the other: the edited span is kept as a suggestion",
                            id,
                            kept.label(),
                            kept.start(),
                            kept.end()));
                }
                case BOTH_EDITED -> {
                    String other = ids.next("s");
                    spans.put(id, mine.withSuggestion(true));
                    spans.put(other, their.withId(other).withSuggestion(true));
                    theirSpanIds.put(id, other);
                    conflicts.add(String.format(
                            Locale.ROOT,
                            "span %s was edited differently on both sides: ours"
                                    + " (%s %d:%d) is kept as %s and theirs (%s %d:%d) as %s, both suggestions",
                            id,
                            mine.label(),
                            mine.start(),
                            mine.end(),
                            id,
                            their.label(),
                            their.start(),
                            their.end(),
                            other));
                }
            }
        }
        Map<List<Object>, String> added = new HashMap<>();
        for (Span span : ours.spans()) {
            if (!b.containsKey(span.id())) {
                spans.put(span.id(), span);
                added.putIfAbsent(content(span), span.id());
            }
        }
        for (Span span : theirs.spans()) {
            if (!b.containsKey(span.id())) {
                String same = added.get(content(span));
                if (same != null) {
                    theirSpanIds.put(span.id(), same);
                } else {
                    String id = o.containsKey(span.id()) || spans.containsKey(span.id()) ? ids.next("s") : span.id();
                    spans.put(id, span.withId(id));
                    theirSpanIds.put(span.id(), id);
                }
            }
        }

        // relations: theirs' endpoints renamed as their spans were
        Map<String, Relation> rb = byId(base.relations(), Relation::id);
        Map<String, Relation> ro = byId(ours.relations(), Relation::id);
        Map<String, Relation> rt = new LinkedHashMap<>();
        for (Relation r : theirs.relations()) {
            rt.put(
                    r.id(),
                    r.withEnds(
                            theirSpanIds.getOrDefault(r.from(), r.from()), theirSpanIds.getOrDefault(r.to(), r.to())));
        }
        Map<String, Relation> relations = new LinkedHashMap<>();
        Map<String, Relation> rawTheirs = byId(theirs.relations(), Relation::id);
        for (Relation r : base.relations()) {
            Relation mine = ro.get(r.id());
            Relation their = rt.get(r.id());
            // edited or not is judged on theirs' own ids; renamed ends are not an edit
            switch (outcome(r, mine, rawTheirs.get(r.id()))) {
                case GONE -> {}
                case OURS -> relations.put(r.id(), mine);
                case THEIRS -> relations.put(r.id(), their);
                case EDITED_REMOVED -> {
                    relations.put(r.id(), mine != null ? mine : their);
                    conflicts.add("relation " + r.id() + " was edited on one side and removed on the other: the edited"
                            + " relation is kept");
                }
                case BOTH_EDITED -> {
                    String other = ids.next("r");
                    relations.put(r.id(), mine);
                    relations.put(other, their.withId(other));
                    conflicts.add("relation " + r.id() + " was edited differently on both sides: ours is kept as "
                            + r.id() + " and theirs as " + other);
                }
            }
        }
        Set<List<String>> addedRelations = new HashSet<>();
        for (Relation r : ours.relations()) {
            if (!rb.containsKey(r.id())) {
                relations.put(r.id(), r);
                addedRelations.add(List.of(r.type(), r.from(), r.to()));
            }
        }
        for (Relation r : rt.values()) {
            if (!rb.containsKey(r.id()) && !addedRelations.contains(List.of(r.type(), r.from(), r.to()))) {
                String id = ro.containsKey(r.id()) || relations.containsKey(r.id()) || spans.containsKey(r.id())
                        ? ids.next("r")
                        : r.id();
                relations.put(id, r.withId(id));
            }
        }
        // a relation kept on one side keeps the span the other side removed, as a suggestion
        for (Relation r : relations.values()) {
            for (String end : List.of(r.from(), r.to())) {
                if (!spans.containsKey(end)) {
                    Span restored = o.containsKey(end) ? o.get(end) : t.containsKey(end) ? t.get(end) : b.get(end);
                    if (restored == null) {
                        throw new IllegalStateException(
                                "relation " + r.id() + " points to span " + end + ", which no version has");
                    }
                    spans.put(end, restored.withId(end).withSuggestion(true));
                    conflicts.add(String.format(
                            Locale.ROOT,
                            "span %s was removed on one side while relation %s to it"
                                    + " was kept on the other: the span is kept as a suggestion",
                            end,
                            r.id()));
                }
            }
        }

        fold(spans, relations, conflicts);

        // label sets and the document
        List<LabelSet> sets =
                labelSets(base.labelSets(), ours.labelSets(), theirs.labelSets(), spans.values(), conflicts);
        Document document = document(base.document(), ours.document(), theirs.document(), conflicts);
        AnnotatedDocument.Builder builder = AnnotatedDocument.builder(document).labelSets(sets);
        spans.values().forEach(builder::span);
        relations.values().forEach(builder::relation);
        return new Result(builder.build(), conflicts);
    }

    /**
     * Folds each span that labels the same offsets with the same label as one kept before it into
     * that one (a document holds such a span once): its attributes and links join the kept span's,
     * its relations move to it, and the conflict names what differed, so nothing is lost unseen.
     */
    private static void fold(Map<String, Span> spans, Map<String, Relation> relations, List<String> conflicts) {
        Map<List<Object>, String> places = new HashMap<>();
        Map<String, String> into = new HashMap<>();
        for (Span span : List.copyOf(spans.values())) {
            String kept = places.putIfAbsent(List.of(span.start(), span.end(), span.label()), span.id());
            if (kept == null) {
                continue;
            }
            Span first = spans.get(kept);
            Span joined = first;
            for (Map.Entry<String, String> a : span.attributes().entrySet()) {
                if (!joined.attributes().containsKey(a.getKey())) {
                    joined = joined.withAttribute(a.getKey(), a.getValue());
                }
            }
            for (String link : span.links()) {
                joined = joined.withLink(link);
            }
            spans.put(kept, joined);
            spans.remove(span.id());
            into.put(span.id(), kept);
            conflicts.add(String.format(
                    Locale.ROOT,
                    "span %s labels %d:%d as %s like span %s: it is folded into %s%s",
                    span.id(),
                    span.start(),
                    span.end(),
                    span.label(),
                    kept,
                    kept,
                    Objects.equals(span.note(), first.note()) ? "" : " (its note was: " + span.note() + ")"));
        }
        if (into.isEmpty()) {
            return;
        }
        Set<List<String>> seen = new HashSet<>();
        for (Relation r : List.copyOf(relations.values())) {
            Relation moved = r.withEnds(into.getOrDefault(r.from(), r.from()), into.getOrDefault(r.to(), r.to()));
            if (seen.add(List.of(moved.type(), moved.from(), moved.to()))) {
                relations.put(r.id(), moved);
            } else {
                relations.remove(r.id());
            }
        }
    }

    private enum Outcome {
        GONE,
        OURS,
        THEIRS,
        EDITED_REMOVED,
        BOTH_EDITED
    }

    /** What becomes of something the base has, given its versions on both sides (null: removed). */
    private static <T> Outcome outcome(T base, T ours, T theirs) {
        boolean oursEdited = ours != null && !ours.equals(base);
        boolean theirsEdited = theirs != null && !theirs.equals(base);
        if (ours == null || theirs == null) {
            if ((ours == null && theirsEdited) || (theirs == null && oursEdited)) {
                return Outcome.EDITED_REMOVED;
            }
            return Outcome.GONE;
        }
        if (ours.equals(theirs) || !theirsEdited) {
            return Outcome.OURS;
        }
        return oursEdited ? Outcome.BOTH_EDITED : Outcome.THEIRS;
    }

    /** What makes two added spans the same span: everything but id, annotator and time. */
    private static List<Object> content(Span s) {
        List<Object> key = new ArrayList<>(7);
        key.add(s.start());
        key.add(s.end());
        key.add(s.label());
        key.add(s.note() == null ? "" : s.note());
        key.add(s.suggestion());
        key.add(s.attributes());
        key.add(s.links());
        return key;
    }

    private static List<LabelSet> labelSets(
            List<LabelSet> base,
            List<LabelSet> ours,
            List<LabelSet> theirs,
            Iterable<Span> spans,
            List<String> conflicts) {
        Map<String, LabelSet> b = byId(base, LabelSet::name);
        Map<String, LabelSet> o = byId(ours, LabelSet::name);
        Map<String, LabelSet> t = byId(theirs, LabelSet::name);
        Set<String> names = new LinkedHashSet<>(o.keySet());
        names.addAll(t.keySet());
        names.addAll(b.keySet());
        Map<String, List<Label>> result = new LinkedHashMap<>();
        Map<String, Label> anywhere = new HashMap<>();
        Map<String, String> setOf = new HashMap<>();
        for (List<LabelSet> version : List.of(base, ours, theirs)) {
            for (LabelSet set : version) {
                for (Label label : set.labels()) {
                    anywhere.put(label.name(), label);
                    setOf.putIfAbsent(label.name(), set.name());
                }
            }
        }
        Set<String> placed = new HashSet<>();
        for (String name : names) {
            Map<String, Label> lb = labels(b.get(name));
            Map<String, Label> lo = labels(o.get(name));
            Map<String, Label> lt = labels(t.get(name));
            Set<String> labelNames = new LinkedHashSet<>(lo.keySet());
            labelNames.addAll(lt.keySet());
            labelNames.addAll(lb.keySet());
            List<Label> labels = new ArrayList<>();
            for (String label : labelNames) {
                Label kept;
                Label base0 = lb.get(label);
                Label mine = lo.get(label);
                Label their = lt.get(label);
                if (base0 == null) {
                    kept = mine != null ? mine : their;
                    if (mine != null && their != null && !mine.equals(their)) {
                        conflicts.add("label " + label + " was added differently on both sides: ours is kept");
                    }
                } else {
                    kept = switch (outcome(base0, mine, their)) {
                        case GONE -> null;
                        case OURS -> mine;
                        case THEIRS -> their;
                        case EDITED_REMOVED -> {
                            conflicts.add(
                                    "label " + label + " was edited on one side and removed on the other: it is kept");
                            yield mine != null ? mine : their;
                        }
                        case BOTH_EDITED -> {
                            conflicts.add("label " + label + " was edited differently on both sides: ours is kept");
                            yield mine;
                        }
                    };
                }
                if (kept != null && placed.add(label)) {
                    labels.add(LabelSets.withFreeKey(kept, labels));
                }
            }
            result.put(name, labels);
        }
        // a label a kept span uses stays, even where a side removed it
        for (Span span : spans) {
            if (placed.add(span.label())) {
                Label label = anywhere.get(span.label());
                String set = setOf.get(span.label());
                List<Label> into = result.computeIfAbsent(set, k -> new ArrayList<>());
                into.add(LabelSets.withFreeKey(label, into));
                conflicts.add("label " + span.label() + " was removed on one side while the other still uses it: it is"
                        + " kept");
            }
        }
        Set<String> used = new HashSet<>();
        spans.forEach(span -> used.add(span.label()));
        List<LabelSet> sets = new ArrayList<>();
        for (Map.Entry<String, List<Label>> e : result.entrySet()) {
            String name = e.getKey();
            boolean exists = b.containsKey(name)
                    ? outcome(b.get(name), o.get(name), t.get(name)) != Outcome.GONE
                    : o.containsKey(name) || t.containsKey(name);
            if (exists || e.getValue().stream().anyMatch(l -> used.contains(l.name()))) {
                List<LabelSet> versions = new ArrayList<>();
                versions.add(o.get(name));
                versions.add(t.get(name));
                versions.add(b.get(name));
                sets.add(LabelSets.declared(new LabelSet(name, e.getValue()), versions));
            }
        }
        return sets;
    }

    private static Map<String, Label> labels(LabelSet set) {
        Map<String, Label> labels = new LinkedHashMap<>();
        if (set != null) {
            set.labels().forEach(l -> labels.put(l.name(), l));
        }
        return labels;
    }

    private static Document document(Document base, Document ours, Document theirs, List<String> conflicts) {
        Map<String, String> metadata = new TreeMap<>();
        Set<String> keys = new LinkedHashSet<>(ours.metadata().keySet());
        keys.addAll(theirs.metadata().keySet());
        keys.addAll(base.metadata().keySet());
        for (String key : keys) {
            String b = base.metadata().get(key);
            String o = ours.metadata().get(key);
            String t = theirs.metadata().get(key);
            String kept;
            if (b == null) {
                kept = o != null ? o : t;
            } else {
                kept = switch (outcome(b, o, t)) {
                    case GONE -> null;
                    case OURS -> o;
                    case THEIRS -> t;
                    case EDITED_REMOVED -> o != null ? o : t;
                    case BOTH_EDITED -> o;
                };
            }
            if ((b == null && o != null && t != null && !o.equals(t))
                    || (b != null && o != null && t != null && !o.equals(b) && !t.equals(b) && !o.equals(t))) {
                conflicts.add("metadata '" + key + "' was set differently on both sides: ours is kept");
            }
            if (kept != null) {
                metadata.put(key, kept);
            }
        }
        Document fields = ours;
        Document bare = strip(base);
        if (strip(ours).equals(bare)) {
            fields = theirs;
        } else if (!strip(theirs).equals(bare) && !strip(theirs).equals(strip(ours))) {
            conflicts.add("the document's title, IRI or language changed differently on both sides: ours is kept");
        }
        return new Document(
                fields.id(),
                fields.title(),
                fields.iri(),
                fields.mediaType(),
                fields.language(),
                metadata,
                fields.text());
    }

    private static Document strip(Document d) {
        return new Document(d.id(), d.title(), d.iri(), d.mediaType(), d.language(), Map.of(), d.text());
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(id.apply(i), i));
        return map;
    }

    /** New ids above every number in use. */
    private static final class Ids {
        private long max;

        Ids(Set<String> taken) {
            for (String id : taken) {
                if (id.length() > 1
                        && id.length() < 18
                        && (id.charAt(0) == 's' || id.charAt(0) == 'r')
                        && id.substring(1).chars().allMatch(c -> c >= '0' && c <= '9')) {
                    max = Math.max(max, Long.parseLong(id.substring(1)));
                }
            }
        }

        /** One number for spans and relations alike, so that no new id is taken by either. */
        String next(String prefix) {
            return prefix + ++max;
        }
    }
}
