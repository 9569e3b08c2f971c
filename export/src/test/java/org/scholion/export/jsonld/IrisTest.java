package org.scholion.export.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;

class IrisTest {

    @Test
    void percentEncodingRoundTripsAnyText() {
        long seed = System.nanoTime();
        System.out.println("percentEncodingRoundTripsAnyText seed " + seed);
        Random random = new Random(seed);
        String alphabet = "aZ09-._~ :/%#?&=+,;\"<>\\é\u0301😀𝄞\u05D0\u0000";
        for (int round = 0; round < 500; round++) {
            StringBuilder value = new StringBuilder();
            for (int i = random.nextInt(12); i >= 0; i--) {
                value.appendCodePoint(alphabet.codePointAt(
                        alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            String encoded = Iris.encode(value.toString());
            assertThat(encoded).as("seed %d", seed).matches("[A-Za-z0-9._~%-]*");
            assertThat(Iris.decode(encoded)).as("seed %d", seed).isEqualTo(value.toString());
            URI.create("urn:x:" + encoded);
        }
    }

    @Test
    void labelIrisKeepSetAndLabelApartEvenWithColons() {
        LabelSet set = LabelSet.of("a:b", Label.of("c:d e", "#000000"));
        String iri = Iris.label(set, set.labels().get(0));
        assertThat(iri).isEqualTo("urn:scholion:label:a%3Ab:c%3Ad%20e");
        assertThat(Iris.parseLabel(iri)).containsExactly("a:b", "c:d e");
        assertThat(Iris.parseLabel("urn:scholion:label:onlyone")).isNull();
        assertThat(Iris.parseLabel("urn:scholion:label:a:b:c")).isNull();
        assertThat(Iris.parseLabel("urn:scholion:label:a:%ZZ")).isNull();
        assertThat(Iris.parseLabel("http://example.org/x")).isNull();
    }

    @Test
    void documentIriIsTheDeclaredAbsoluteIriOrAUrn() {
        Document plain = Document.of("my-doc", "text");
        assertThat(Iris.document(plain)).isEqualTo("urn:scholion:doc:my-doc");
        assertThat(Iris.document(plain.withIri("https://example.org/a b?q=\"x\"")))
                .isEqualTo("https://example.org/a%20b?q=%22x%22");
        assertThat(Iris.document(plain.withIri("seeds/article.txt"))).isEqualTo("urn:scholion:doc:my-doc");
        assertThat(Iris.document(new Document("été", null, null, null, null, Map.of(), "")))
                .isEqualTo("urn:scholion:doc:%C3%A9t%C3%A9");
        assertThat(Iris.annotator("=cmd")).isEqualTo("urn:scholion:annotator:%3Dcmd");
        assertThat(Iris.parseAnnotator("urn:scholion:annotator:alice%20smith")).isEqualTo("alice smith");
    }
}
