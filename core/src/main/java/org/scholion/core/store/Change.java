package org.scholion.core.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;

/**
 * One edit as recorded in the history: what it removed and what it added. Replacing a span or a
 * label set is removing the old one and adding the new one.
 */
public record Change(
        String summary,
        List<Span> removedSpans,
        List<Span> addedSpans,
        List<Relation> removedRelations,
        List<Relation> addedRelations,
        List<LabelSet> removedLabelSets,
        List<LabelSet> addedLabelSets) {

    public Change {
        summary = summary == null ? "" : summary;
        removedSpans = List.copyOf(removedSpans);
        addedSpans = List.copyOf(addedSpans);
        removedRelations = List.copyOf(removedRelations);
        addedRelations = List.copyOf(addedRelations);
        removedLabelSets = List.copyOf(removedLabelSets);
        addedLabelSets = List.copyOf(addedLabelSets);
    }

    /** The change that turns {@code before} into {@code after}. */
    public static Change between(AnnotatedDocument before, AnnotatedDocument after, String summary) {
        List<Span> removedSpans = new ArrayList<>();
        List<Span> addedSpans = new ArrayList<>();
        diff(before.spans(), after.spans(), Span::id, removedSpans, addedSpans);
        List<Relation> removedRelations = new ArrayList<>();
        List<Relation> addedRelations = new ArrayList<>();
        diff(before.relations(), after.relations(), Relation::id, removedRelations, addedRelations);
        List<LabelSet> removedSets = new ArrayList<>();
        List<LabelSet> addedSets = new ArrayList<>();
        diff(before.labelSets(), after.labelSets(), LabelSet::name, removedSets, addedSets);
        return new Change(summary, removedSpans, addedSpans, removedRelations, addedRelations, removedSets, addedSets);
    }

    public boolean isEmpty() {
        return removedSpans.isEmpty()
                && addedSpans.isEmpty()
                && removedRelations.isEmpty()
                && addedRelations.isEmpty()
                && removedLabelSets.isEmpty()
                && addedLabelSets.isEmpty();
    }

    /** The change that undoes this one. */
    public Change inverse() {
        return new Change(
                summary, addedSpans, removedSpans, addedRelations, removedRelations, addedLabelSets, removedLabelSets);
    }

    /**
     * Applies this change to {@code doc}: removes {@link #removedSpans()}
     * and friends, then adds {@link #addedSpans()} and friends. Label sets keep their places.
     */
    public AnnotatedDocument applyTo(AnnotatedDocument doc) {
        Map<String, LabelSet> addedSets = byKey(addedLabelSets, LabelSet::name);
        List<LabelSet> sets = new ArrayList<>();
        for (LabelSet set : doc.labelSets()) {
            boolean removed = removedLabelSets.stream().anyMatch(s -> s.name().equals(set.name()));
            if (!removed) {
                sets.add(set);
            } else if (addedSets.containsKey(set.name())) {
                sets.add(addedSets.remove(set.name()));
            }
        }
        sets.addAll(addedSets.values());
        AnnotatedDocument.Builder builder =
                AnnotatedDocument.builder(doc.document()).labelSets(sets);
        Map<String, Span> gone = byKey(removedSpans, Span::id);
        doc.spans().stream().filter(s -> !gone.containsKey(s.id())).forEach(builder::span);
        addedSpans.forEach(builder::span);
        Map<String, Relation> goneRelations = byKey(removedRelations, Relation::id);
        doc.relations().stream().filter(r -> !goneRelations.containsKey(r.id())).forEach(builder::relation);
        addedRelations.forEach(builder::relation);
        return builder.build();
    }

    private static <T> void diff(
            List<T> before, List<T> after, Function<T, String> key, List<T> removed, List<T> added) {
        Map<String, T> old = byKey(before, key);
        Map<String, T> now = byKey(after, key);
        for (T item : before) {
            T current = now.get(key.apply(item));
            if (!Objects.equals(current, item)) {
                removed.add(item);
            }
        }
        for (T item : after) {
            T previous = old.get(key.apply(item));
            if (!Objects.equals(previous, item)) {
                added.add(item);
            }
        }
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> map = new HashMap<>();
        for (T item : items) {
            map.put(key.apply(item), item);
        }
        return map;
    }
}
