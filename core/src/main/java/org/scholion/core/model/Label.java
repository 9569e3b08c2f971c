package org.scholion.core.model;

import java.util.Locale;

/**
 * A label that spans can carry.
 *
 * @param name        unique among the labels of a document
 * @param color       {@code #RRGGBB}, upper case
 * @param description one sentence saying when to use it; may be null
 * @param key         the one-character hotkey of the terminal annotator; may be null
 * @param iri         an IRI that identifies the label outside Scholion; may be null
 */
public record Label(String name, String color, String description, String key, String iri) {

    public Label {
        Checks.name(name, "label name");
        Checks.check(
                color != null && Checks.COLOR.matcher(color).matches(),
                "colour '%s' of label '%s' must be #RRGGBB",
                color,
                name);
        color = color.toUpperCase(Locale.ROOT);
        description = Checks.optional(description);
        key = Checks.optional(key);
        Checks.check(
                key == null
                        || (key.codePointCount(0, key.length()) == 1
                                && !Character.isWhitespace(key.codePointAt(0))
                                && !Character.isISOControl(key.codePointAt(0))),
                "hotkey '%s' of label '%s' must be one visible character",
                key,
                name);
        iri = Checks.optional(iri);
    }

    public static Label of(String name, String color) {
        return new Label(name, color, null, null, null);
    }

    /** The colour as an RGB integer. */
    public int rgb() {
        return Integer.parseInt(color.substring(1), 16);
    }
}
