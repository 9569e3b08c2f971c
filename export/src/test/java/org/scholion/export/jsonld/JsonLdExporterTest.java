package org.scholion.export.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.Format;
import org.scholion.export.GoldenFiles;
import org.scholion.seeds.Seeds;

class JsonLdExporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static byte[] export(AnnotatedDocument doc, ExportOptions options) throws IOException, ExportException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonLdExporter().export(doc, options, out);
        return out.toByteArray();
    }

    @Test
    void seedReferenceMatchesGoldenFile() throws Exception {
        GoldenFiles.check(
                "seed-reference",
                "coalition-of-the-willing.jsonld",
                export(Seeds.referenceAnnotation(), ExportOptions.DEFAULT));
    }

    @Test
    void trickyDocumentMatchesGoldenFile() throws Exception {
        GoldenFiles.check("tricky", "tricky-doc.jsonld", export(TestDocuments.tricky(), ExportOptions.DEFAULT));
    }

    @Test
    void isByteIdenticalWhenExportedTwice() throws Exception {
        AnnotatedDocument seed = Seeds.referenceAnnotation();
        assertThat(export(seed, ExportOptions.DEFAULT))
                .isEqualTo(export(Seeds.referenceAnnotation(), ExportOptions.DEFAULT));
        assertThat(Exporters.of(Format.JSONLD)).isInstanceOf(JsonLdExporter.class);
    }

    @Test
    void usesLineFeedsOnlyAndEndsWithOne() throws Exception {
        String json = new String(export(TestDocuments.tricky(), ExportOptions.DEFAULT), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("\r").endsWith("}\n");
        assertThat(json).contains("\\r\\n");
    }

    @Test
    void writesTheShapeOfFormatsMd() throws Exception {
        AnnotatedDocument doc = TestDocuments.tricky();
        JsonNode root = JSON.readTree(export(doc, ExportOptions.DEFAULT));
        assertThat(names(root)).containsExactly("@context", "id", "type", "label", "total", "generator", "first");
        assertThat(root.get("@context").asText()).isEqualTo("http://www.w3.org/ns/anno.jsonld");
        assertThat(root.get("id").asText()).isEqualTo("urn:scholion:doc:tricky-doc/annotations");
        assertThat(root.get("label").asText()).isEqualTo("Tricky <b>\"doc\"</b>");
        assertThat(names(root.get("generator"))).containsExactly("id", "type", "name");
        JsonNode page = root.get("first");
        assertThat(names(page)).containsExactly("id", "type", "partOf", "startIndex", "items");
        JsonNode items = page.get("items");
        assertThat(root.get("total").asInt())
                .isEqualTo(items.size())
                .isEqualTo(doc.spans().size() + 2);

        for (int i = 0; i < doc.spans().size(); i++) {
            Span span = doc.spans().get(i);
            JsonNode item = items.get(i);
            assertThat(item.get("id").asText())
                    .isEqualTo("urn:scholion:doc:tricky-doc/annotations/"
                            + span.id().replace(":", "%3A"));
            List<String> expected = new ArrayList<>(List.of("id", "type", "motivation"));
            if (span.created() != null) {
                expected.add("created");
            }
            if (span.annotator() != null) {
                expected.add("creator");
            }
            expected.addAll(List.of("body", "target"));
            assertThat(names(item)).as(span.id()).containsExactlyElementsOf(expected);
            JsonNode body = item.get("body");
            assertThat(body.size()).as(span.id()).isEqualTo(span.note() == null ? 2 : 3);
            assertThat(body.get(1).get("value").asText()).isEqualTo(span.label());
            if (span.note() != null) {
                assertThat(body.get(2).get("value").asText()).isEqualTo(span.note());
                assertThat(body.get(2).get("purpose").asText()).isEqualTo("commenting");
            }
            JsonNode selectors = item.get("target").get("selector");
            assertThat(selectors.get(0).get("start").asInt()).isEqualTo(span.start());
            assertThat(selectors.get(0).get("end").asInt()).isEqualTo(span.end());
            JsonNode quote = selectors.get(1);
            assertThat(quote.get("exact").asText()).isEqualTo(doc.textOf(span));
            String prefix = quote.has("prefix") ? quote.get("prefix").asText() : "";
            String suffix = quote.has("suffix") ? quote.get("suffix").asText() : "";
            assertThat(prefix).isEqualTo(doc.text().slice(Math.max(0, span.start() - 32), span.start()));
            assertThat(suffix)
                    .isEqualTo(doc.text().slice(span.end(), Math.min(doc.text().length(), span.end() + 32)));
            assertThat(quote.has("prefix")).isEqualTo(span.start() > 0);
        }
        JsonNode link = items.get(doc.spans().size());
        assertThat(link.get("motivation").asText()).isEqualTo("linking");
        assertThat(link.get("body").get("value").asText()).isEqualTo("said-by");
        assertThat(link.get("target").get(0).asText()).isEqualTo("urn:scholion:doc:tricky-doc/annotations/s3");
        assertThat(link.get("target").get(1).asText()).isEqualTo("urn:scholion:doc:tricky-doc/annotations/s2");
    }

    @Test
    void prefixAndSuffixCountCodePointsNotUtf16Units() throws Exception {
        AnnotatedDocument doc = TestDocuments.tricky();
        JsonNode items =
                JSON.readTree(export(doc, ExportOptions.DEFAULT)).get("first").get("items");
        for (JsonNode item : items) {
            JsonNode quote = item.path("target").path("selector").path(1);
            if (quote.has("suffix")) {
                String suffix = quote.get("suffix").asText();
                assertThat(suffix.codePointCount(0, suffix.length())).isLessThanOrEqualTo(32);
            }
        }
        // s6 is the musical symbol U+1D11E: one code point, two UTF-16 units
        JsonNode s6 = find(items, "s6");
        assertThat(s6.at("/target/selector/0/end").asInt()
                        - s6.at("/target/selector/0/start").asInt())
                .isEqualTo(1);
        assertThat(s6.at("/target/selector/1/exact").asText()).isEqualTo("𝄞");
    }

    @Test
    void encodesLabelAndAnnotatorNamesIntoIris() throws Exception {
        JsonNode items = JSON.readTree(export(TestDocuments.tricky(), ExportOptions.DEFAULT))
                .get("first")
                .get("items");
        assertThat(find(items, "s5").at("/body/0/source").asText())
                .isEqualTo("urn:scholion:label:tricky:Name%20calling");
        assertThat(find(items, "s3").at("/body/0/source").asText()).isEqualTo("urn:scholion:label:tricky:%3DFormula");
        assertThat(find(items, "s2").at("/body/0/source").asText()).isEqualTo("https://example.org/labels#person");
        assertThat(find(items, "s2").at("/creator/id").asText()).isEqualTo("urn:scholion:annotator:alice%20smith");
        assertThat(find(items, "x%3A1").at("/creator/id").asText())
                .isEqualTo("urn:scholion:annotator:%C3%BCn%C3%AFcode");
        assertThat(find(items, "s4").has("creator")).isFalse();
        assertThat(find(items, "s4").has("created")).isFalse();
        assertThat(find(items, "s2").get("created").asText()).isEqualTo("2026-11-25T08:30:15.250Z");
    }

    @Test
    void exportsOnlyTheSelectedLabelsAndCountsThemInTotal() throws Exception {
        AnnotatedDocument doc = TestDocuments.tricky();
        JsonNode root = JSON.readTree(export(
                doc,
                ExportOptions.builder().labels(Set.of("Person", "=Formula")).build()));
        JsonNode items = root.get("first").get("items");
        // s2 (Person), s3 s7 s8 s9 (=Formula), and r1 between s3 and s2; r2 loses s12
        assertThat(root.get("total").asInt()).isEqualTo(6).isEqualTo(items.size());
        assertThat(items.get(5).get("motivation").asText()).isEqualTo("linking");
    }

    @Test
    void doesNotCloseTheCallersStream() throws Exception {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new JsonLdExporter().export(TestDocuments.tricky(), ExportOptions.DEFAULT, out);
        assertThat(closed[0]).isFalse();
        assertThat(out.size()).isPositive();
    }

    private static JsonNode find(JsonNode items, String spanId) {
        for (JsonNode item : items) {
            if (item.get("id").asText().endsWith("/" + spanId)) {
                return item;
            }
        }
        throw new AssertionError("no annotation " + spanId);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
