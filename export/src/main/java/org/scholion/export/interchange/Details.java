package org.scholion.export.interchange;

import java.util.Map;
import java.util.stream.Collectors;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;

/**
 * The one wording of the losses of a format that has no place for attributes or links: one loss
 * per span (or relation) that carries them, naming what was dropped.
 */
public final class Details {
    private Details() {}

    /** Reports every attribute and link of the spans, and every attribute of the relations, of {@code doc}. */
    public static void notWritten(String format, String source, AnnotatedDocument doc, LossReport losses) {
        spanAttributesNotWritten(format, source, doc, losses);
        linksNotWritten(format, source, doc, losses);
        relationAttributesNotWritten(format, source, doc, losses);
    }

    public static void spanAttributesNotWritten(
            String format, String source, AnnotatedDocument doc, LossReport losses) {
        for (Span span : doc.spans()) {
            if (!span.attributes().isEmpty()) {
                losses.add(
                        format,
                        source,
                        0,
                        "span attributes not written",
                        "span " + span.id() + ": " + words(span.attributes()));
            }
        }
    }

    public static void linksNotWritten(String format, String source, AnnotatedDocument doc, LossReport losses) {
        for (Span span : doc.spans()) {
            if (!span.links().isEmpty()) {
                losses.add(
                        format,
                        source,
                        0,
                        "span links not written",
                        "span " + span.id() + ": " + String.join(" ", span.links()));
            }
        }
    }

    public static void relationAttributesNotWritten(
            String format, String source, AnnotatedDocument doc, LossReport losses) {
        for (Relation r : doc.relations()) {
            if (!r.attributes().isEmpty()) {
                losses.add(
                        format,
                        source,
                        0,
                        "relation attributes not written",
                        "relation " + r.id() + ": " + words(r.attributes()));
            }
        }
    }

    /** {@code name=value; ...} in name order. */
    public static String words(Map<String, String> attributes) {
        return attributes.entrySet().stream()
                .map(a -> a.getKey() + "=" + a.getValue())
                .collect(Collectors.joining("; "));
    }
}
