package org.scholion.export.brief;

import java.util.List;
import org.scholion.core.model.Label;
import org.scholion.core.model.Span;

/**
 * One row of a brief's annotations table; its {@code number} is the marker shown in the text.
 *
 * @param relations the span's relations in words, e.g. {@code said-by #12 (Trump)}
 */
public record Entry(int number, Span span, Label label, String labelSet, String quote, Tint tint,
                    List<String> relations) {

    public Entry {
        relations = List.copyOf(relations);
    }

    /** The marker as printed after the span's text. */
    public String marker() {
        return Integer.toString(number);
    }
}
