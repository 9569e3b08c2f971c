package org.scholion.export.brief;

import java.util.Locale;
import java.util.Map;
import org.scholion.core.model.AnnotatedDocument;

/**
 * One link of a span as a brief shows it: its short text ({@code PREFIX:ID} where a declared
 * prefix covers it, else the IRI) and the expanded IRI it points at.
 *
 * @param text what the reader sees
 * @param iri the expanded IRI, the target of the hyperlink
 */
public record LinkEntry(String text, String iri) {

    public LinkEntry {
        if (text == null || text.isEmpty() || iri == null || iri.isEmpty()) {
            throw new IllegalArgumentException("a link needs a text and an IRI, not " + text + ", " + iri);
        }
    }

    /**
     * The link {@code link} of a span of {@code doc}: a {@code PREFIX:ID} keeps its form; a full IRI
     * is shortened with the longest declared IRI base it starts with, if any.
     */
    public static LinkEntry of(AnnotatedDocument doc, String link) {
        String iri = doc.iriOf(link);
        if (!iri.equals(link)) {
            return new LinkEntry(link, iri);
        }
        String best = null;
        int bestLength = 0;
        for (Map.Entry<String, String> p : doc.prefixes().entrySet()) {
            String base = p.getValue();
            if (base.length() > bestLength && iri.length() > base.length() && iri.startsWith(base)) {
                best = p.getKey() + ":" + iri.substring(base.length());
                bestLength = base.length();
            }
        }
        return new LinkEntry(best == null ? iri : best, iri);
    }

    /**
     * Whether the IRI may be a hyperlink: only {@code http}, {@code https} and {@code urn} IRIs
     * are, whatever a future model allows, so no {@code javascript:} or {@code data:} link is ever
     * made clickable.
     */
    public boolean clickable() {
        String lower = iri.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("urn:");
    }
}
