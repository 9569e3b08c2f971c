package org.scholion.core.team;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;

/** Label sets of several versions of one document combined, so that every span keeps its label. */
final class LabelSets {
    private LabelSets() {
    }

    /**
     * Every set of every version, in order of first appearance; a set that several versions have
     * holds the labels of all of them, the first version's definition of a label winning. A label
     * already in another set is left out (a document holds a label once); a hotkey already taken in
     * the set is dropped from the later label.
     */
    static List<LabelSet> union(List<List<LabelSet>> versions) {
        Map<String, List<Label>> sets = new LinkedHashMap<>();
        Set<String> labels = new HashSet<>();
        for (List<LabelSet> version : versions) {
            for (LabelSet set : version) {
                List<Label> into = sets.computeIfAbsent(set.name(), k -> new ArrayList<>());
                for (Label label : set.labels()) {
                    if (labels.add(label.name())) {
                        into.add(withFreeKey(label, into));
                    }
                }
            }
        }
        List<LabelSet> result = new ArrayList<>();
        sets.forEach((name, list) -> result.add(new LabelSet(name, list)));
        return result;
    }

    static Label withFreeKey(Label label, List<Label> others) {
        if (label.key() != null && others.stream().anyMatch(l -> label.key().equals(l.key()))) {
            return new Label(label.name(), label.color(), label.description(), null, label.iri());
        }
        return label;
    }
}
