package org.scholion.core.model;

import java.util.regex.Pattern;

/**
 * A typed, directed link between two spans, e.g. a quote {@code said-by} a person.
 *
 * @param id   unique within its document
 * @param type what the link means, e.g. {@code said-by}
 * @param from the id of the span it starts at
 * @param to   the id of the span it points to
 */
public record Relation(String id, String type, String from, String to) {
    private static final Pattern TYPE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:/#-]{0,99}");

    public Relation {
        Checks.id(id, "relation id");
        Checks.check(type != null && TYPE.matcher(type).matches(),
                "relation type '%s' must be a word of letters, digits and . _ : / # -", type);
        Checks.id(from, "span id of relation " + id);
        Checks.id(to, "span id of relation " + id);
    }
}
