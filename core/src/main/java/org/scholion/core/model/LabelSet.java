package org.scholion.core.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A named, ordered set of labels: the vocabulary of one annotation layer. */
public record LabelSet(String name, List<Label> labels) {

    public LabelSet {
        Checks.id(name, "label set name");
        labels = List.copyOf(labels);
        Set<String> names = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (Label label : labels) {
            Checks.check(names.add(label.name()), "label '%s' appears twice in label set '%s'", label.name(), name);
            Checks.check(label.key() == null || keys.add(label.key()),
                    "hotkey '%s' of label '%s' is already taken in label set '%s'", label.key(), label.name(), name);
        }
    }

    public static LabelSet of(String name, Label... labels) {
        return new LabelSet(name, List.of(labels));
    }

    public Optional<Label> label(String labelName) {
        return labels.stream().filter(l -> l.name().equals(labelName)).findFirst();
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
        return new LabelSet(name, copy);
    }

    public LabelSet withoutLabel(String labelName) {
        List<Label> copy = new ArrayList<>(labels);
        copy.removeIf(l -> l.name().equals(labelName));
        return new LabelSet(name, copy);
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
