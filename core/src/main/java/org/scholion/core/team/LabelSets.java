package org.scholion.core.team;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;

/** Label sets of several versions of one document combined, so that every span keeps its label. */
final class LabelSets {
    private LabelSets() {}

    /**
     * Every set of every version, in order of first appearance; a set that several versions have
     * holds the labels of all of them, the first version's definition of a label winning. A label
     * already in another set is left out (a document holds a label once); a hotkey already taken in
     * the set is dropped from the later label.
     */
    static List<LabelSet> union(List<List<LabelSet>> versions) {
        Map<String, List<Label>> sets = new LinkedHashMap<>();
        Map<String, List<LabelSet>> declarations = new LinkedHashMap<>();
        Set<String> labels = new HashSet<>();
        for (List<LabelSet> version : versions) {
            for (LabelSet set : version) {
                declarations.computeIfAbsent(set.name(), k -> new ArrayList<>()).add(set);
                List<Label> into = sets.computeIfAbsent(set.name(), k -> new ArrayList<>());
                for (Label label : set.labels()) {
                    if (labels.add(label.name())) {
                        into.add(withFreeKey(label, into));
                    }
                }
            }
        }
        List<LabelSet> result = new ArrayList<>();
        sets.forEach((name, list) -> result.add(declared(new LabelSet(name, list), declarations.get(name))));
        return result;
    }

    /**
     * {@code set} with the attribute names and prefixes of these versions of it: any name when one
     * version allows any (so that no span's attribute is refused), else every name any declares;
     * every prefix any declares, the first version's IRI winning.
     */
    static LabelSet declared(LabelSet set, List<LabelSet> versions) {
        Set<String> attributes = new LinkedHashSet<>();
        boolean free = false;
        Map<String, String> prefixes = new TreeMap<>();
        for (LabelSet version : versions) {
            if (version == null) {
                continue;
            }
            free |= version.attributes().isEmpty();
            attributes.addAll(version.attributes());
            version.prefixes().forEach(prefixes::putIfAbsent);
        }
        return new LabelSet(set.name(), set.labels(), free ? List.of() : List.copyOf(attributes), prefixes);
    }

    static Label withFreeKey(Label label, List<Label> others) {
        if (label.key() != null && others.stream().anyMatch(l -> label.key().equals(l.key()))) {
            return new Label(label.name(), label.color(), label.description(), null, label.iri());
        }
        return label;
    }
}
