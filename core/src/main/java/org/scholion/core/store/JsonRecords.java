package org.scholion.core.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.time.InstantParser;

/**
 * The model's records made from JSON values: label sets, labels, spans, relations and the history,
 * each refusing members it does not know with an {@link IllegalArgumentException} that names them.
 */
final class JsonRecords {
    static final List<String> SPAN_MEMBERS =
            List.of("id", "start", "end", "label", "note", "annotator", "created", "suggestion", "attributes", "links");
    static final List<String> RELATION_MEMBERS = List.of("id", "type", "from", "to", "attributes");
    private static final Set<String> SPAN_NAMES = Set.copyOf(SPAN_MEMBERS);
    private static final Set<String> RELATION_NAMES = Set.copyOf(RELATION_MEMBERS);

    private JsonRecords() {}

    static LabelSet labelSet(Object n) {
        Fields f = new Fields(n, "label set", Set.of("name", "labels", "attributes", "prefixes"));
        List<Label> list = new ArrayList<>();
        for (Object label : f.list("labels", true)) {
            list.add(label(label));
        }
        return new LabelSet(f.string("name", true), list, f.stringList("attributes"), f.stringMap("prefixes"));
    }

    static Label label(Object n) {
        Fields f = new Fields(n, "label", Set.of("name", "color", "description", "key", "iri"));
        return new Label(
                f.string("name", true),
                f.string("color", true),
                f.string("description", false),
                f.string("key", false),
                f.string("iri", false));
    }

    static Span span(Object n) {
        return span(new Fields(n, "span", SPAN_NAMES));
    }

    static Span span(Members m) {
        return span(new Fields(m, "span"));
    }

    private static Span span(Fields f) {
        String created = f.string("created", false);
        Instant when = created == null ? null : InstantParser.parse(created, "created");
        return new Span(
                f.string("id", true),
                f.integer("start"),
                f.integer("end"),
                f.string("label", true),
                f.string("note", false),
                f.string("annotator", false),
                when,
                f.bool("suggestion"),
                f.stringMap("attributes"),
                f.stringList("links"));
    }

    static Relation relation(Object n) {
        return relation(new Fields(n, "relation", RELATION_NAMES));
    }

    static Relation relation(Members m) {
        return relation(new Fields(m, "relation"));
    }

    private static Relation relation(Fields f) {
        return new Relation(
                f.string("id", true),
                f.string("type", true),
                f.string("from", true),
                f.string("to", true),
                f.stringMap("attributes"));
    }

    static History history(Object n) {
        Fields f = new Fields(n, "history", Set.of("undo", "redo"));
        return new History(changes(f.list("undo", false)), changes(f.list("redo", false)));
    }

    private static List<Change> changes(List<Object> items) {
        List<Change> list = new ArrayList<>();
        for (Object c : items) {
            Fields f = new Fields(c, "change", Set.of("summary", "removed", "added"));
            Parts removed = parts(f.get("removed"));
            Parts added = parts(f.get("added"));
            list.add(new Change(
                    f.string("summary", false),
                    removed.spans,
                    added.spans,
                    removed.relations,
                    added.relations,
                    removed.labelSets,
                    added.labelSets));
        }
        return list;
    }

    private record Parts(List<Span> spans, List<Relation> relations, List<LabelSet> labelSets) {}

    private static Parts parts(Object n) {
        Parts parts = new Parts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        if (n == null) {
            return parts;
        }
        Fields f = new Fields(n, "change part", Set.of("spans", "relations", "labelSets"));
        for (Object s : f.list("spans", false)) {
            parts.spans.add(s instanceof Span made ? made : span(unmade(s)));
        }
        for (Object r : f.list("relations", false)) {
            parts.relations.add(r instanceof Relation made ? made : relation(unmade(r)));
        }
        for (Object l : f.list("labelSets", false)) {
            parts.labelSets.add(labelSet(l));
        }
        return parts;
    }

    /** An object of the history that could not be made into its record, and why. */
    record Unmade(String reason) {}

    private static Object unmade(Object n) {
        if (n instanceof Unmade u) {
            throw new IllegalArgumentException(u.reason());
        }
        return n;
    }
}
