package org.scholion.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotatedDocumentTest {

    @Test
    void spansComeInDocumentOrderOuterFirst() {
        AnnotatedDocument doc = Fixtures.sample();
        assertThat(doc.spans()).extracting(Span::id).containsExactly("s1", "s2", "s3");
        assertThat(doc.textOf(doc.span("s2").orElseThrow())).isEqualTo("Paris");
        assertThat(doc.textOf(doc.span("s3").orElseThrow())).isEqualTo("Zoë\u0301");
        assertThat(doc.spansAt(6)).extracting(Span::id).containsExactly("s1", "s2");
    }

    @Test
    void editsReturnNewValuesAndLeaveTheOldOneAlone() {
        AnnotatedDocument before = Fixtures.sample();
        AnnotatedDocument after =
                before.withSpanReplaced(before.span("s2").orElseThrow().withNote("capital"));
        assertThat(before.span("s2").orElseThrow().note()).isNull();
        assertThat(after.span("s2").orElseThrow().note()).isEqualTo("capital");
        assertThat(after).isNotEqualTo(before);
        assertThat(after.withSpanReplaced(before.span("s2").orElseThrow())).isEqualTo(before);
    }

    @Test
    void removingASpanRemovesItsRelations() {
        AnnotatedDocument doc = Fixtures.sample().withoutSpans(List.of("s3"));
        assertThat(doc.spans()).extracting(Span::id).containsExactly("s1", "s2");
        assertThat(doc.relations()).isEmpty();
    }

    @Test
    void nextIdsFollowTheLargestNumber() {
        AnnotatedDocument doc = Fixtures.sample().withSpan(Span.of("s10", 0, 1, "QUOTE"));
        assertThat(doc.nextSpanId()).isEqualTo("s11");
        assertThat(doc.nextRelationId()).isEqualTo("r2");
        assertThat(doc.spans()).extracting(Span::id).containsExactly("s10", "s1", "s2", "s3");
    }

    @Test
    void rejectsSpanEndingAfterTheText() {
        AnnotatedDocument doc = Fixtures.sample();
        int length = doc.text().length();
        assertThatThrownBy(() -> doc.withSpan(Span.of("s9", 3, length + 1, "PERSON")))
                .hasMessage("span s9 (3:%d) ends after the text, which has %d code points", length + 1, length);
    }

    @Test
    void rejectsSpanEndingBeforeStartAndEmptySpans() {
        assertThatThrownBy(() -> Span.of("s1", 12, 4, "A")).hasMessage("span 12:4 ends before it starts");
        assertThatThrownBy(() -> Span.of("s1", 4, 4, "A")).hasMessage("span 4:4 is empty");
        assertThatThrownBy(() -> Span.of("s1", -1, 4, "A")).hasMessage("span -1:4 starts before the text");
    }

    @Test
    void rejectsUnknownLabelDuplicateIdsAndDanglingRelations() {
        AnnotatedDocument doc = Fixtures.sample();
        assertThatThrownBy(() -> doc.withSpan(Span.of("s9", 0, 1, "ORG")))
                .hasMessage("span s9 has unknown label 'ORG'");
        assertThatThrownBy(() -> doc.withSpan(Span.of("s1", 0, 1, "PERSON"))).hasMessage("span id 's1' is used twice");
        assertThatThrownBy(() -> doc.withRelation(new Relation("r2", "said-by", "s1", "s99")))
                .hasMessage("relation r2 points to missing span 's99'");
        assertThatThrownBy(() -> doc.withoutSpans(List.of("s42"))).hasMessage("there is no span 's42'");
        assertThatThrownBy(() -> doc.withRelation(new Relation("s1", "said-by", "s1", "s3")))
                .hasMessage("relation id 's1' is already a span id");
        assertThatThrownBy(() -> doc.withSpan(Span.of("r1", 0, 1, "QUOTE")))
                .hasMessage("span id 'r1' is already a relation id");
    }

    @Test
    void labelNamesAreUniqueAcrossLabelSets() {
        AnnotatedDocument doc = Fixtures.sample();
        LabelSet clash = LabelSet.of("other", Label.of("PERSON", "#000000"));
        assertThatThrownBy(() -> doc.withLabelSet(clash))
                .hasMessage("label 'PERSON' is in both label sets 'entities' and 'other'");
    }

    @Test
    void removingALabelInUseIsRefused() {
        AnnotatedDocument doc = Fixtures.sample();
        LabelSet smaller = Fixtures.ENTITIES.withoutLabel("PERSON");
        assertThatThrownBy(() -> doc.withLabelSet(smaller)).hasMessage("span s3 has unknown label 'PERSON'");
        AnnotatedDocument unused =
                doc.withoutSpans(List.of("s2")).withLabelSet(Fixtures.ENTITIES.withoutLabel("LOCATION"));
        assertThat(unused.label("LOCATION")).isEmpty();
    }

    @Test
    void labelValuesAreChecked() {
        assertThatThrownBy(() -> Label.of("X", "red")).hasMessage("colour 'red' of label 'X' must be #RRGGBB");
        assertThat(Label.of("X", "#aabbcc").color()).isEqualTo("#AABBCC");
        assertThatThrownBy(() -> new Label("X", "#000000", null, "ab", null))
                .hasMessage("hotkey 'ab' of label 'X' must be one visible character");
        assertThatThrownBy(() -> LabelSet.of(
                        "s", new Label("A", "#000000", null, "k", null), new Label("B", "#000000", null, "k", null)))
                .hasMessage("hotkey 'k' of label 'B' is already taken in label set 's'");
    }

    @Test
    void documentRefusesLoneSurrogatesAndBadIds() {
        assertThatThrownBy(() -> Document.of("d", "ab\uD800c"))
                .hasMessage("document text has a lone surrogate at code point 2");
        assertThatThrownBy(() -> Document.of("../etc", "x")).hasMessageContaining("document id '../etc'");
    }

    @Test
    void documentIriFallsBackToADeterministicUrn() {
        assertThat(Document.of("my-doc", "x").resolvedIri()).isEqualTo("urn:scholion:doc:my-doc");
        assertThat(Document.of("d", "").sha256())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
