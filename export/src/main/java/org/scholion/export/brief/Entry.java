package org.scholion.export.brief;

import java.util.List;
import org.scholion.core.model.Label;
import org.scholion.core.model.Span;

/**
 * One row of a brief's annotations table; its {@code number} is the marker shown in the text.
 *
 * @param relations the span's relations in words, e.g. {@code said-by #12 (Trump)}
 * @param links the span's links in order, each with its short text and expanded IRI
 */
public record Entry(
        int number,
        Span span,
        Label label,
        String labelSet,
        String quote,
        Tint tint,
        List<String> relations,
        List<LinkEntry> links) {

    public Entry {
        relations = List.copyOf(relations);
        links = List.copyOf(links);
    }

    /** The span's attributes as {@code name=value}, in name order. */
    public List<String> attributes() {
        return span.attributes().entrySet().stream()
                .map(a -> a.getKey() + "=" + a.getValue())
                .toList();
    }

    /** Whether the span has attributes or links to show. */
    public boolean hasDetails() {
        return !span.attributes().isEmpty() || !links.isEmpty();
    }

    /** The marker as printed after the span's text. */
    public String marker() {
        return Integer.toString(number);
    }
}
