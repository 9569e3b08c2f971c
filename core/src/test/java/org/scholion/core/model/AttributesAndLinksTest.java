package org.scholion.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributesAndLinksTest {
    private static final LabelSet DECLARING = new LabelSet(
            "entities",
            Fixtures.ENTITIES.labels(),
            List.of("certainty", "speaker"),
            Map.of("wikidata", "http://www.wikidata.org/entity/"));

    private static AnnotatedDocument declaring() {
        return Fixtures.sample().withLabelSet(DECLARING);
    }

    @Test
    void oldConstructorsMeanNoAttributesAndNoLinks() {
        Span span = new Span("s1", 0, 1, "PERSON", null, null, null, false);
        assertThat(span.attributes()).isEmpty();
        assertThat(span.links()).isEmpty();
        assertThat(span).isEqualTo(Span.of("s1", 0, 1, "PERSON"));
        assertThat(new Relation("r1", "said-by", "s1", "s2").attributes()).isEmpty();
        assertThat(new LabelSet("x", List.of()).prefixes()).isEmpty();
    }

    @Test
    void attributesAreSortedAndEditedByName() {
        Span span =
                Span.of("s1", 0, 1, "PERSON").withAttribute("speaker", "quoted").withAttribute("certainty", "low");
        assertThat(span.attributes().keySet()).containsExactly("certainty", "speaker");
        assertThat(span.withAttribute("certainty", "high").attributes()).containsEntry("certainty", "high");
        assertThat(span.withoutAttribute("certainty").attributes()).containsOnlyKeys("speaker");
        assertThatThrownBy(() -> span.attributes().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void linksKeepTheirOrderAndAreAddedOnce() {
        Span span = Span.of("s1", 0, 1, "PERSON")
                .withLink("wikidata:Q3052772")
                .withLink("https://example.org/p")
                .withLink("wikidata:Q3052772");
        assertThat(span.links()).containsExactly("wikidata:Q3052772", "https://example.org/p");
        assertThat(span.withoutLink("wikidata:Q3052772").links()).containsExactly("https://example.org/p");
    }

    @Test
    void refusesBadAttributeNamesAndValues() {
        Span span = Span.of("s1", 0, 1, "PERSON");
        assertThatThrownBy(() -> span.withAttribute("a=b", "c"))
                .hasMessage("attribute name 'a=b' of span s1 must not hold '='");
        assertThatThrownBy(() -> span.withAttribute(" a", "c"))
                .hasMessage("attribute name of span s1 ' a' must not start or end with white space");
        assertThatThrownBy(() -> span.withAttribute("a", "")).hasMessage("attribute 'a' of span s1 must have a value");
        assertThatThrownBy(() -> span.withAttribute("a", "x\u0000")).hasMessageContaining("control characters");
        assertThat(span.withAttribute("a", "tab\there\nand a line").attributes())
                .containsKey("a");
    }

    @Test
    void refusesMalformedLinks() {
        Span span = Span.of("s1", 0, 1, "PERSON");
        assertThatThrownBy(() -> span.withLink("http://")).hasMessage("link 'http://' of span s1 has no host");
        assertThatThrownBy(() -> span.withLink("Q3052772")).hasMessageContaining("must be an IRI (http, https or urn)");
        assertThatThrownBy(() -> span.withLink("https://x.org/a b")).hasMessageContaining("must not hold white space");
        assertThatThrownBy(() -> span.withLink("9x:1")).hasMessageContaining("prefix '9x' must be a letter");
        assertThatThrownBy(() -> span.withLink("urn:x")).hasMessageContaining("urn:NID:NSS");
        assertThat(span.withLink("urn:isbn:0451450523")
                        .withLink("HTTPS://Example.org")
                        .links())
                .hasSize(2);
    }

    @Test
    void aDeclaringSetRefusesOtherAttributeNamesAndAFreeSetTakesAny() {
        AnnotatedDocument doc = declaring();
        Span person = doc.span("s3").orElseThrow();
        assertThat(doc.withSpanReplaced(person.withAttribute("certainty", "low"))
                        .span("s3")
                        .orElseThrow()
                        .attributes())
                .containsEntry("certainty", "low");
        assertThatThrownBy(() -> doc.withSpanReplaced(person.withAttribute("mood", "grim")))
                .hasMessage(
                        "span s3 has attribute 'mood', which label set 'entities' does not declare (it declares certainty,"
                                + " speaker)");
        Span quote = doc.span("s1").orElseThrow();
        assertThat(doc.withSpanReplaced(quote.withAttribute("mood", "grim")).span("s1"))
                .isPresent();
    }

    @Test
    void linksNeedADeclaredPrefixAndExpandToIris() {
        AnnotatedDocument doc = declaring();
        Span person = doc.span("s3").orElseThrow();
        AnnotatedDocument linked = doc.withSpanReplaced(person.withLink("wikidata:Q3052772"));
        assertThat(linked.iriOf("wikidata:Q3052772")).isEqualTo("http://www.wikidata.org/entity/Q3052772");
        assertThat(linked.iriOf("https://example.org/x")).isEqualTo("https://example.org/x");
        assertThatThrownBy(() -> doc.withSpanReplaced(person.withLink("geonames:2988507")))
                .hasMessage("span s3 links to 'geonames:2988507', but no label set declares the prefix 'geonames'");
        assertThatThrownBy(() -> linked.withLabelSet(Fixtures.ENTITIES)).hasMessageContaining("prefix 'wikidata'");
    }

    @Test
    void aSecondSpanOfTheSameOffsetsAndLabelIsRefused() {
        AnnotatedDocument doc = Fixtures.sample();
        assertThatThrownBy(() -> doc.withSpan(Span.of("s9", 18, 22, "PERSON")))
                .hasMessage("span s3 already labels 18:22 as PERSON");
        assertThat(doc.withSpan(Span.of("s9", 18, 22, "LOCATION")).spans()).hasSize(4);
        AnnotatedDocument more = doc.withSpan(Span.of("s9", 18, 21, "PERSON"));
        assertThatThrownBy(() ->
                        more.withSpanReplaced(more.span("s9").orElseThrow().withRange(18, 22)))
                .hasMessage("span s3 already labels 18:22 as PERSON");
    }

    @Test
    void relationsCarryAttributesAndKeepThemWhenMoved() {
        Relation r = new Relation("r1", "said-by", "s1", "s3").withAttribute("confidence", "high");
        assertThat(r.withEnds("s2", "s3").attributes()).containsEntry("confidence", "high");
        assertThat(r.withId("r2").withoutAttribute("confidence").attributes()).isEmpty();
        assertThat(Fixtures.sample()
                        .withoutRelations(List.of("r1"))
                        .withRelation(r)
                        .relation("r1")
                        .orElseThrow()
                        .attributes())
                .containsEntry("confidence", "high");
    }

    @Test
    void labelSetsCheckTheirDeclarations() {
        assertThatThrownBy(() -> new LabelSet("x", List.of(), List.of("a", "a"), Map.of()))
                .hasMessage("attribute 'a' appears twice in label set 'x'");
        assertThatThrownBy(() -> new LabelSet("x", List.of(), List.of(), Map.of("urn", "urn:x:y")))
                .hasMessage("prefix 'urn' of label set 'x' would hide the IRI scheme of that name");
        LabelSet set = DECLARING.withLabel(Label.of("ORG", "#000000"));
        assertThat(set.attributes()).containsExactly("certainty", "speaker");
        assertThat(set.withoutLabel("ORG").prefixes()).containsKey("wikidata");
        assertThat(set.allowsAttribute("mood")).isFalse();
        assertThat(Fixtures.ENTITIES.allowsAttribute("mood")).isTrue();
    }
}
