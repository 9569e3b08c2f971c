package org.scholion.export.conll;

import java.util.Objects;

/**
 * How CoNLL files are written and read.
 *
 * @param scheme   the tagging scheme written, and the one read files are checked against
 * @param labelSet the label set whose spans make the one flat layer written; null means the spans
 *                 of every label set
 */
public record ConllOptions(Scheme scheme, String labelSet) {
    public static final ConllOptions DEFAULT = new ConllOptions(Scheme.IOB2, null);

    public ConllOptions {
        Objects.requireNonNull(scheme, "scheme");
        if (labelSet != null && labelSet.isBlank()) {
            labelSet = null;
        }
    }

    public ConllOptions withScheme(Scheme newScheme) {
        return new ConllOptions(newScheme, labelSet);
    }

    public ConllOptions withLabelSet(String newLabelSet) {
        return new ConllOptions(scheme, newLabelSet);
    }
}
