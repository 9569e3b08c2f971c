package org.scholion.core.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * A typed, directed link between two spans, e.g. a quote {@code said-by} a person.
 *
 * @param id   unique within its document
 * @param type what the link means, e.g. {@code said-by}
 * @param from the id of the span it starts at
 * @param to   the id of the span it points to
 * @param attributes properties of the relation, name to value, sorted by name
 */
public record Relation(String id, String type, String from, String to, Map<String, String> attributes) {
    public Relation {
        Checks.id(id, "relation id");
        Checks.check(
                type != null && Checks.isRelationType(type),
                "relation type '%s' must be a word of letters, digits and . _ : / # -",
                type);
        Checks.id(from, "span id of relation", id);
        Checks.id(to, "span id of relation", id);
        attributes = Checks.attributes(attributes, "relation", id);
    }

    /** A relation without attributes. */
    public Relation(String id, String type, String from, String to) {
        this(id, type, from, to, Map.of());
    }

    public Relation withId(String newId) {
        return new Relation(newId, type, from, to, attributes);
    }

    /** This relation between other spans, keeping its type and attributes. */
    public Relation withEnds(String newFrom, String newTo) {
        return new Relation(id, type, newFrom, newTo, attributes);
    }

    public Relation withAttribute(String name, String value) {
        Map<String, String> copy = new TreeMap<>(attributes);
        copy.put(name, value);
        return new Relation(id, type, from, to, copy);
    }

    public Relation withoutAttribute(String name) {
        Map<String, String> copy = new TreeMap<>(attributes);
        copy.remove(name);
        return new Relation(id, type, from, to, copy);
    }
}
