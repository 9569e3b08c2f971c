package org.scholion.export.interchange;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;

/** {@link InterchangeFixtures#linked()} with attribute values made of every character a format escapes. */
public final class HostileDetails {
    /** Separators of TSV, WebAnno, CSV, brat and JSON, a tab, a line feed, an emoji, Hebrew and Arabic. */
    public static final String VALUE =
            "a;b=c|d\te\nf \uD83D\uDE00 \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627"
                    + " [1] _ * -> \\ \\n \"q\" <x> ,";

    private HostileDetails() {}

    public static AnnotatedDocument document() {
        AnnotatedDocument doc = InterchangeFixtures.linked();
        AnnotatedDocument.Builder b = AnnotatedDocument.builder(doc.document()).labelSets(doc.labelSets());
        for (Span span : doc.spans()) {
            b.span(
                    switch (span.id()) {
                        case "s5" -> span.withAttribute("quote", VALUE).withLink("urn:isbn:0451450523");
                        case "s8" -> span.withAttribute("quote", "*").withAttribute("certainty", "_");
                        default -> span;
                    });
        }
        for (Relation r : doc.relations()) {
            b.relation(r.id().equals("x9") ? r.withAttribute("quote", VALUE) : r);
        }
        return b.build();
    }

    /** The links of {@code span} as a format that writes absolute IRIs gives them back with the document's prefixes. */
    public static List<String> linksBack(Span span) {
        return span.links().stream()
                .map(l -> l.startsWith(InterchangeFixtures.WIKIDATA)
                        ? "wikidata:" + l.substring(InterchangeFixtures.WIKIDATA.length())
                        : l)
                .toList();
    }

    /** Attributes and links of each span, keyed by label and start. */
    public static Map<String, String> details(AnnotatedDocument doc, boolean compactLinks) {
        Map<String, String> out = new TreeMap<>();
        for (Span span : doc.spans()) {
            out.put(
                    span.label() + "@" + span.start(),
                    span.attributes() + " " + (compactLinks ? linksBack(span) : span.links()));
        }
        return out;
    }
}
