package org.scholion.export.interchange;

import java.time.Instant;
import java.util.List;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;

/**
 * A document every interchange format must carry: a family emoji (a ZWJ sequence), a letter with
 * a combining accent, CRLF line ends, Hebrew and Arabic, a flag, overlapping and crossing spans, a
 * span across a line end, label names with a comma and a space, a note of two lines, relations.
 */
public final class InterchangeFixtures {
    public static final String TEXT = "Zo\u00EB \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67 met e\u0301mile\r\n"
            + "in Paris \uD83C\uDDEB\uD83C\uDDF7. \u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD and "
            + "\u0645\u0631\u062D\u0628\u0627.\r\nLast line\n";
    public static final LabelSet LABELS = LabelSet.of(
            "tricky",
            Label.of("PERSON", "#4477AA"),
            Label.of("GROUP", "#66CCEE"),
            Label.of("Name_Calling,Labeling", "#EE6677"),
            Label.of("Big Thing", "#228833"),
            Label.of("PLACE", "#CCBB44"));

    public static final String WIKIDATA = "http://www.wikidata.org/entity/";
    /** {@link #LABELS} with knowledge-base prefixes, for {@link #linked()}. */
    public static final LabelSet LINKED_LABELS =
            LABELS.withPrefix("wikidata", WIKIDATA).withPrefix("geonames", "https://sws.geonames.org/");

    private InterchangeFixtures() {}

    /** The code-point range of the {@code nth} (from 0) occurrence of {@code part} in {@link #TEXT}. */
    public static int[] range(String part, int nth) {
        int at = -1;
        for (int i = 0; i <= nth; i++) {
            at = TEXT.indexOf(part, at + 1);
        }
        if (at < 0) {
            throw new IllegalArgumentException(part + " is not in the text");
        }
        CodePointText cp = CodePointText.of(TEXT);
        return new int[] {cp.toCodePointIndex(at), cp.toCodePointIndex(at + part.length())};
    }

    private static Span span(String id, String part, String label) {
        int[] r = range(part, 0);
        return Span.of(id, r[0], r[1], label);
    }

    public static AnnotatedDocument tricky() {
        Instant when = Instant.parse("2026-11-24T10:00:00Z");
        return AnnotatedDocument.builder(Document.of("tricky", TEXT))
                .labelSets(List.of(LABELS))
                .span(span("s1", "Zo\u00EB", "PERSON"))
                .span(span("s2", "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "GROUP"))
                .span(span("s3", "e\u0301mile", "PERSON").withAnnotator("alice", when))
                .span(span("s4", "e\u0301mile\r\nin Paris", "Name_Calling,Labeling")
                        .withNote("first line\nsecond line"))
                .span(span("s5", "\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD", "Big Thing"))
                .span(span("s6", "mile\r\nin", "Big Thing").withNote("crosses s4"))
                .span(span("e7", "Paris \uD83C\uDDEB\uD83C\uDDF7", "PLACE").withSuggestion(true))
                .span(span("s8", "\u0645\u0631\u062D\u0628\u0627", "GROUP").withAnnotator("bob smith", null))
                .relation(new Relation("r1", "said-by", "s1", "s3"))
                .relation(new Relation("x9", "near", "s5", "e7"))
                .build();
    }

    /**
     * {@link #tricky()} whose spans carry attributes (one of them binary-looking, one with white
     * space, {@code =}, {@code %} and markup in its value) and links of every form: declared
     * prefixes, a full IRI a declared base shortens, one none does, a URN; and a relation with an
     * attribute.
     */
    public static AnnotatedDocument linked() {
        AnnotatedDocument doc = tricky();
        AnnotatedDocument.Builder b = AnnotatedDocument.builder(doc.document()).labelSets(List.of(LINKED_LABELS));
        for (Span span : doc.spans()) {
            b.span(
                    switch (span.id()) {
                        case "s1" ->
                            span.withAttribute("certainty", "low")
                                    .withAttribute("negated", "true")
                                    .withLink("wikidata:Q42");
                        case "s3" ->
                            span.withAttribute("speaker", "a <b>quoted</b> = 100% \"so\"\tsaid")
                                    .withLink(WIKIDATA + "Q937")
                                    .withLink("https://example.org/people?id=3&x='y'")
                                    .withLink("urn:isbn:0451450523");
                        case "e7" -> span.withLink("geonames:2988507").withAttribute("certainty", "high");
                        default -> span;
                    });
        }
        for (Relation r : doc.relations()) {
            b.relation(r.id().equals("r1") ? r.withAttribute("confidence", "high") : r);
        }
        return b.build();
    }
}
