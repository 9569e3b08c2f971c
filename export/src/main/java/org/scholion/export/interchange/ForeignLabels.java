package org.scholion.export.interchange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;

/**
 * The labels of imported spans: a foreign label is the known label of that name (from {@link
 * ReadOptions#labelSets}), else a label made in the set for unknown labels, with a colour of its
 * own name so that the same name gets the same colour in every import.
 */
public final class ForeignLabels {
    /** Paul Tol's "muted" scheme: distinct for colour-blind readers, calm enough for highlights. */
    private static final String[] PALETTE = {
        "#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499"
    };

    private final List<LabelSet> known;
    private final String newSetName;
    private final Map<String, LabelSet> setByName = new HashMap<>();
    private final Map<String, Label> created = new LinkedHashMap<>();
    /** Prefixes the known sets declare, and those declared here for the new set. */
    private final Map<String, String> prefixes = new LinkedHashMap<>();

    private final Map<String, String> createdPrefixes = new LinkedHashMap<>();

    public ForeignLabels(ReadOptions options) {
        this.known = options.labelSets();
        this.newSetName = options.newLabelSet();
        for (LabelSet set : known) {
            for (Label label : set.labels()) {
                setByName.put(label.name(), set);
            }
            set.prefixes().forEach(prefixes::putIfAbsent);
        }
    }

    /** The knowledge-base prefixes declared so far (by the known sets, or for the new set), prefix to IRI base. */
    public Map<String, String> prefixes() {
        return Collections.unmodifiableMap(prefixes);
    }

    /**
     * The prefix that stands for a foreign knowledge base called {@code name}: {@code name} itself
     * or its lower-case form when declared; else, given the knowledge base's IRI {@code base}, the
     * lower-case name declared in the new set. Null when none can be: not declared and no base, a
     * name that is no valid prefix, a base that is no IRI, or a name already declared with another base.
     */
    public String prefixFor(String name, String base) {
        if (prefixes.containsKey(name)) {
            return name;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (prefixes.containsKey(lower)) {
            return lower;
        }
        if (base == null) {
            return null;
        }
        try {
            new LabelSet("check", List.of(), List.of(), Map.of(lower, base));
        } catch (IllegalArgumentException e) {
            return null;
        }
        prefixes.put(lower, base);
        createdPrefixes.put(lower, base);
        return lower;
    }

    /**
     * A link read from a format that writes links as absolute IRIs, in the short form a declared
     * prefix gives it ({@code http://www.wikidata.org/entity/Q42} with {@code wikidata} declared
     * for that base gives {@code wikidata:Q42}; the longest base wins), else unchanged.
     */
    public String compact(String link) {
        String best = null;
        for (Map.Entry<String, String> p : prefixes.entrySet()) {
            String base = p.getValue();
            if (link.length() > base.length()
                    && link.startsWith(base)
                    && (best == null || base.length() > prefixes.get(best).length())) {
                best = p.getKey();
            }
        }
        return best == null
                ? link
                : best + ":" + link.substring(prefixes.get(best).length());
    }

    /**
     * The label set a label of this name belongs to among the known sets, if any (its declared
     * attribute names limit what its spans may carry).
     */
    public Optional<LabelSet> knownSetOf(String labelName) {
        return Optional.ofNullable(setByName.get(labelName));
    }

    /** A label-set name made from a source file's name: {@code My Corpus.jsonl} gives {@code my-corpus}. */
    public static String setNameFor(String fileName) {
        String stem = fileName.replaceFirst("\\.[^.]*$", "");
        String name = stem.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}._-]+", "-")
                .replaceAll("^[^\\p{L}\\p{N}]+", "")
                .replaceAll("-+$", "");
        return name.isEmpty() ? "imported" : name.length() > 100 ? name.substring(0, 100) : name;
    }

    /** The label called {@code name}, made in the new set (with {@code description} and {@code color}, if given) when unknown. */
    public String resolve(String name, String color, String description) {
        return resolve(name, color, description, null);
    }

    /**
     * The label called {@code name}, made in the new set (with {@code description}, {@code color} and
     * the IRI of the foreign label, each if given) when unknown.
     *
     * @throws IllegalArgumentException if {@code name} is not a valid label name
     */
    public String resolve(String name, String color, String description, String iri) {
        if (!setByName.containsKey(name) && !created.containsKey(name)) {
            String c = color != null && color.matches("#[0-9A-Fa-f]{6}")
                    ? color
                    : PALETTE[Math.floorMod(name.hashCode(), PALETTE.length)];
            created.put(name, new Label(name, c, description, null, iri));
        }
        return name;
    }

    public String resolve(String name) {
        return resolve(name, null, null);
    }

    /** The known label sets, and the new set with the labels made (when any), for the document's label sets. */
    public List<LabelSet> labelSets() {
        List<LabelSet> sets = new ArrayList<>(known);
        if (created.isEmpty() && createdPrefixes.isEmpty()) {
            return sets;
        }
        for (int i = 0; i < sets.size(); i++) {
            if (sets.get(i).name().equals(newSetName)) {
                LabelSet set = sets.get(i);
                for (Label label : created.values()) {
                    set = set.withLabel(label);
                }
                for (Map.Entry<String, String> p : createdPrefixes.entrySet()) {
                    set = set.withPrefix(p.getKey(), p.getValue());
                }
                sets.set(i, set);
                return sets;
            }
        }
        sets.add(new LabelSet(newSetName, List.copyOf(created.values()), List.of(), createdPrefixes));
        return sets;
    }
}
