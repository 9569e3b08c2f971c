package org.scholion.export.docx;

import java.util.List;
import java.util.Map;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Span;

/**
 * A small document whose spans carry attributes and links of every form: a declared prefix, a
 * full IRI that a declared base shortens, one that none does (with {@code &} and quotes), a URN,
 * and an attribute value that looks like markup. Shared by the DOCX, PDF and HTML tests.
 */
public final class LinkedDocument {
    public static final String TEXT = "Emmanuel Macron met Olaf Scholz in Paris.";
    public static final String WIKIDATA = "http://www.wikidata.org/entity/";
    public static final String GEONAMES = "https://sws.geonames.org/";
    public static final String HOSTILE_IRI = "https://example.org/search?q=a&b='x'";
    public static final String HOSTILE_VALUE = "<b>quoted</b> & \"so\"";

    private LinkedDocument() {}

    public static AnnotatedDocument build() {
        LabelSet set = new LabelSet(
                "entities",
                List.of(
                        new Label("PERSON", "#4477AA", "A named person.", null, null),
                        new Label("LOCATION", "#228833", "A place.", null, null)),
                List.of(),
                Map.of("wikidata", WIKIDATA, "geonames", GEONAMES));
        return AnnotatedDocument.builder(Document.of("linked", TEXT))
                .labelSets(List.of(set))
                .span(Span.of("s1", 0, 15, "PERSON")
                        .withAttribute("certainty", "high")
                        .withLink("wikidata:Q3052772"))
                .span(Span.of("s2", 20, 31, "PERSON")
                        .withAttribute("speaker", HOSTILE_VALUE)
                        .withLink(WIKIDATA + "Q61053")
                        .withLink(HOSTILE_IRI))
                .span(Span.of("s3", 35, 40, "LOCATION")
                        .withLink("geonames:2988507")
                        .withLink("urn:isbn:0451450523"))
                .build();
    }
}
