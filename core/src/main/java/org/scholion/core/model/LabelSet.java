package org.scholion.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A named, ordered set of labels: the vocabulary of one annotation layer.
 *
 * @param name       unique within a document
 * @param labels     its labels, in order
 * @param attributes the attribute names its spans may carry, in order; empty means any name
 * @param prefixes   knowledge-base prefixes for links, prefix to IRI base
 *                   (e.g. {@code wikidata → http://www.wikidata.org/entity/}), sorted by prefix
 */
public record LabelSet(String name, List<Label> labels, List<String> attributes, Map<String, String> prefixes) {

    public LabelSet {
        Checks.id(name, "label set name");
        labels = List.copyOf(labels);
        Set<String> names = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (Label label : labels) {
            Checks.check(names.add(label.name()), "label '%s' appears twice in label set '%s'", label.name(), name);
            Checks.check(
                    label.key() == null || keys.add(label.key()),
                    "hotkey '%s' of label '%s' is already taken in label set '%s'",
                    label.key(),
                    label.name(),
                    name);
        }
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        Set<String> declared = new HashSet<>();
        for (String attribute : attributes) {
            Checks.attributeName(attribute, "label set '" + name + "'");
            Checks.check(declared.add(attribute), "attribute '%s' appears twice in label set '%s'", attribute, name);
        }
        if (prefixes == null || prefixes.isEmpty()) {
            prefixes = Map.of();
        } else {
            TreeMap<String, String> sorted = new TreeMap<>();
            for (Map.Entry<String, String> e : prefixes.entrySet()) {
                String what = "label set '" + name + "'";
                sorted.put(
                        Links.checkPrefix(e.getKey(), what),
                        Links.iri(
                                e.getValue(), "IRI '" + e.getValue() + "' of prefix '" + e.getKey() + "' of " + what));
            }
            prefixes = Collections.unmodifiableSortedMap(sorted);
        }
    }

    /** A label set that declares no attribute names and no prefixes. */
    public LabelSet(String name, List<Label> labels) {
        this(name, labels, List.of(), Map.of());
    }

    public static LabelSet of(String name, Label... labels) {
        return new LabelSet(name, List.of(labels));
    }

    public Optional<Label> label(String labelName) {
        return labels.stream().filter(l -> l.name().equals(labelName)).findFirst();
    }

    /** Whether spans with this set's labels may carry an attribute of this name. */
    public boolean allowsAttribute(String attribute) {
        return attributes.isEmpty() || attributes.contains(attribute);
    }

    /** This set with {@code label} added, or replacing the label of the same name in place. */
    public LabelSet withLabel(Label label) {
        List<Label> copy = new ArrayList<>(labels);
        int at = indexOf(label.name());
        if (at >= 0) {
            copy.set(at, label);
        } else {
            copy.add(label);
        }
        return withLabels(copy);
    }

    public LabelSet withoutLabel(String labelName) {
        List<Label> copy = new ArrayList<>(labels);
        copy.removeIf(l -> l.name().equals(labelName));
        return withLabels(copy);
    }

    /** This set with other labels, keeping its attribute names and prefixes. */
    public LabelSet withLabels(List<Label> newLabels) {
        return new LabelSet(name, newLabels, attributes, prefixes);
    }

    public LabelSet withAttributes(List<String> newAttributes) {
        return new LabelSet(name, labels, newAttributes, prefixes);
    }

    public LabelSet withPrefix(String prefix, String iri) {
        Map<String, String> copy = new TreeMap<>(prefixes);
        copy.put(prefix, iri);
        return new LabelSet(name, labels, attributes, copy);
    }

    private int indexOf(String labelName) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).name().equals(labelName)) {
                return i;
            }
        }
        return -1;
    }
}
