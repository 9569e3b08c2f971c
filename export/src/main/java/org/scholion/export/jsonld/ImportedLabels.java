package org.scholion.export.jsonld;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;

/**
 * Finds the label an imported annotation names among the known label sets, and makes the
 * labels it does not find, in the {@code imported} label set, each with a colour of its own name.
 */
final class ImportedLabels {
    /** Paul Tol's "muted" scheme: distinct for colour-blind readers, calm enough for highlights. */
    private static final String[] PALETTE = {"#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255",
        "#44AA99", "#999933", "#AA4499"};

    private final List<LabelSet> known;
    private final Map<String, String> nameByIri = new HashMap<>();
    private final Map<String, LabelSet> setByName = new HashMap<>();
    private final Map<String, Label> created = new LinkedHashMap<>();

    ImportedLabels(List<LabelSet> known) {
        this.known = List.copyOf(known);
        for (LabelSet set : known) {
            for (Label label : set.labels()) {
                setByName.put(label.name(), set);
                if (label.iri() != null) {
                    nameByIri.put(Iris.cleanIri(label.iri()), label.name());
                    nameByIri.putIfAbsent(label.iri(), label.name());
                }
            }
        }
    }

    /**
     * The name of the label for a classifying IRI and/or a tag, made if unknown.
     *
     * @param iri      the source of the classifying body; may be null
     * @param tag      the value of the tagging body; may be null
     * @param fallback the name to use when there is neither
     * @throws IllegalArgumentException if the name found is not a valid label name
     */
    String resolve(String iri, String tag, String fallback) {
        if (iri != null) {
            String declared = nameByIri.get(iri);
            if (declared != null) {
                return declared;
            }
            String[] scholion = Iris.parseLabel(iri);
            if (scholion != null) {
                return knownOrMade(scholion[1], null);
            }
            return knownOrMade(tag != null ? tag : lastSegment(iri), iri);
        }
        return knownOrMade(tag != null ? tag : fallback, null);
    }

    /** The label sets to import into: the known ones, and {@code imported} with the labels made. */
    List<LabelSet> labelSets() {
        List<LabelSet> sets = new ArrayList<>(known);
        if (created.isEmpty()) {
            return sets;
        }
        for (int i = 0; i < sets.size(); i++) {
            if (sets.get(i).name().equals(JsonLdImporter.IMPORTED_LABEL_SET)) {
                LabelSet set = sets.get(i);
                for (Label label : created.values()) {
                    set = set.withLabel(label);
                }
                sets.set(i, set);
                return sets;
            }
        }
        sets.add(new LabelSet(JsonLdImporter.IMPORTED_LABEL_SET, List.copyOf(created.values())));
        return sets;
    }

    private String knownOrMade(String name, String iri) {
        if (setByName.containsKey(name) || created.containsKey(name)) {
            return name;
        }
        Label label = new Label(name, PALETTE[Math.floorMod(name.hashCode(), PALETTE.length)], null, null, iri);
        created.put(name, label);
        return name;
    }

    private static String lastSegment(String iri) {
        String trimmed = iri.endsWith("/") ? iri.substring(0, iri.length() - 1) : iri;
        int cut = Math.max(trimmed.lastIndexOf('#'), Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':')));
        String segment = trimmed.substring(cut + 1);
        String decoded = Iris.decode(segment);
        return decoded == null || decoded.isBlank() ? iri : decoded;
    }
}
