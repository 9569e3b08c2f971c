package org.scholion.export.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.JsonArray;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.export.CsvOptions;
import org.scholion.export.ExportOptions;
import org.scholion.export.csv.CsvExporter;
import org.scholion.export.jsonld.JsonLdExporter;

class CorpusExportTest {
    private static final String AS = "http://www.w3.org/ns/activitystreams#";
    private static final LabelSet LABELS =
            LabelSet.of("entities", Label.of("PERSON", "#4477AA"), Label.of("PLACE", "#228833"));
    private static final List<String> TEXTS = List.of(
            "Zoe\u0301 visited Paris.\r\nThe end.",
            "\u0410\u043D\u043D\u0430 \u0432 \u041C\u043E\u0441\u043A\u0432\u0435.",
            "\u0633\u0627\u0631\u0629 \u0641\u064A \u0627\u0644\u0642\u0627\u0647\u0631\u0629.",
            "\u674E\u660E\u4F4F\u5728\u5317\u4EAC\u3002",
            "\uD83D\uDC69\u200D\uD83D\uDCBB =Ada in \uD83C\uDDEC\uD83C\uDDE7 London.");
    private static final List<int[]> SPANS = List.of(
            new int[] {0, 4, 13, 18},
            new int[] {0, 4, 7, 13},
            new int[] {0, 4, 8, 15},
            new int[] {0, 2, 4, 6},
            new int[] {4, 8, 15, 21});

    @TempDir
    Path dir;

    static AnnotatedDocument document(int i) {
        org.scholion.core.model.Document doc = new org.scholion.core.model.Document(
                "doc-" + i, "Document " + i, null, "text/plain", null, Map.of(), TEXTS.get(i));
        int[] s = SPANS.get(i);
        AnnotatedDocument a = AnnotatedDocument.of(doc, List.of(LABELS))
                .withSpan(new Span(
                        "s1", s[0], s[1], "PERSON", "note " + i, "alice", Instant.parse("2026-12-01T09:00:00Z"), false))
                .withSpan(Span.of("s2", s[2], s[3], "PLACE"));
        return i % 2 == 0 ? a.withRelation(new Relation("r1", "in", "s1", "s2")) : a;
    }

    @Test
    void oneCsvHoldsEveryDocumentsRowsUnderOneHeader() throws Exception {
        CorpusCsv csv = CorpusCsv.open(dir, "corpus", ExportOptions.DEFAULT);
        StringBuilder expected = new StringBuilder(String.join(",", CsvExporter.COLUMNS) + "\r\n");
        StringBuilder expectedRelations = new StringBuilder(String.join(",", CsvExporter.RELATION_COLUMNS) + "\r\n");
        for (int i = 0; i < 5; i++) {
            csv.add(document(i));
            int n = i;
            expected.append(withoutHeader(out -> new CsvExporter().export(document(n), ExportOptions.DEFAULT, out)));
            if (i % 2 == 0) {
                expectedRelations.append(
                        withoutHeader(out -> CsvExporter.exportRelations(document(n), ExportOptions.DEFAULT, out)));
            }
        }
        assertThat(dir.resolve("corpus.csv")).doesNotExist();
        assertThat(csv.finish()).containsExactly(dir.resolve("corpus.csv"), dir.resolve("corpus.relations.csv"));
        String written = Files.readString(dir.resolve("corpus.csv"), StandardCharsets.UTF_8);
        assertThat(written).isEqualTo(expected.toString());
        assertThat(Files.readString(dir.resolve("corpus.relations.csv"))).isEqualTo(expectedRelations.toString());
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(written))
                .getRecords();
        assertThat(rows).hasSize(10);
        assertThat(rows)
                .extracting(r -> r.get("document_id"))
                .containsExactly(
                        "doc-0", "doc-0", "doc-1", "doc-1", "doc-2", "doc-2", "doc-3", "doc-3", "doc-4", "doc-4");
        assertThat(rows.get(7).get("text")).isEqualTo("\u5317\u4EAC");
        assertThat(rows.get(8).get("text")).isEqualTo("'=Ada");
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp")))
                    .isEmpty();
        }
    }

    @Test
    void excelGetsOneByteOrderMarkAndNoRelationsFileWithoutRelations() throws Exception {
        CorpusCsv csv = CorpusCsv.open(
                dir,
                "all",
                ExportOptions.builder().csv(new CsvOptions(false, true)).build());
        csv.add(document(1));
        csv.add(document(3));
        assertThat(csv.finish()).containsExactly(dir.resolve("all.csv"));
        byte[] bytes = Files.readAllBytes(dir.resolve("all.csv"));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFdocument_id,");
        assertThat(text.indexOf('\uFEFF', 1)).isEqualTo(-1);
        assertThat(text.split("document_id", -1)).hasSize(2);
    }

    @Test
    void anAbandonedCorpusFileLeavesNothing() throws Exception {
        CorpusCsv csv = CorpusCsv.open(dir, "corpus", ExportOptions.DEFAULT);
        csv.add(document(0));
        csv.abandon();
        CorpusJsonLd jsonld = CorpusJsonLd.open(dir, "corpus", "urn:scholion:corpus:x", "x", ExportOptions.DEFAULT, 2);
        jsonld.add(document(0));
        jsonld.abandon();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void jsonLdPagesFollowEachOtherAndHoldEachDocumentsAnnotations() throws Exception {
        CorpusJsonLd writer =
                CorpusJsonLd.open(dir, "corpus", "urn:scholion:corpus:test", "Test corpus", ExportOptions.DEFAULT, 4);
        Set<String> expectedIds = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            writer.add(document(i));
            ByteArrayOutputStream one = new ByteArrayOutputStream();
            new JsonLdExporter().export(document(i), ExportOptions.DEFAULT, one);
            new ObjectMapper()
                    .readTree(one.toByteArray())
                    .get("first")
                    .get("items")
                    .forEach(item -> expectedIds.add(item.get("id").asText()));
        }
        assertThat(writer.finish()).containsExactly(dir.resolve("corpus.jsonld"));
        JsonNode root = new ObjectMapper().readTree(dir.resolve("corpus.jsonld").toFile());
        assertThat(root.get("@context").asText()).isEqualTo("http://www.w3.org/ns/anno.jsonld");
        JsonNode graph = root.get("@graph");
        JsonNode collection = graph.get(0);
        assertThat(collection.get("type").asText()).isEqualTo("AnnotationCollection");
        assertThat(collection.get("total").asInt()).isEqualTo(13).isEqualTo(expectedIds.size());
        assertThat(collection.get("first").asText()).isEqualTo("urn:scholion:corpus:test/page1");
        assertThat(collection.get("last").asText()).isEqualTo("urn:scholion:corpus:test/page4");
        assertThat(graph).hasSize(5);
        Set<String> ids = new HashSet<>();
        for (int p = 1; p <= 4; p++) {
            JsonNode page = graph.get(p);
            assertThat(page.get("id").asText()).isEqualTo("urn:scholion:corpus:test/page" + p);
            assertThat(page.get("type").asText()).isEqualTo("AnnotationPage");
            assertThat(page.get("partOf").asText()).isEqualTo("urn:scholion:corpus:test");
            assertThat(page.get("startIndex").asInt()).isEqualTo(4 * (p - 1));
            assertThat(page.get("items")).hasSize(p < 4 ? 4 : 1);
            assertThat(page.has("prev")).isEqualTo(p > 1);
            assertThat(page.has("next")).isEqualTo(p < 4);
            if (p < 4) {
                assertThat(page.get("next").asText()).isEqualTo("urn:scholion:corpus:test/page" + (p + 1));
            }
            page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        }
        assertThat(ids).isEqualTo(expectedIds);
    }

    @Test
    void theJsonLdProcessorExpandsTheCorpusAndSeesThePagingAsActivityStreams() throws Exception {
        CorpusJsonLd writer =
                CorpusJsonLd.open(dir, "corpus", "urn:scholion:corpus:test", "Test corpus", ExportOptions.DEFAULT, 3);
        for (int i = 0; i < 5; i++) {
            writer.add(document(i));
        }
        writer.finish();
        Document document = JsonDocument.of(Files.newInputStream(dir.resolve("corpus.jsonld")));
        JsonArray expanded = JsonLd.expand(document).loader(new Offline()).get();
        Map<String, jakarta.json.JsonObject> byId = new HashMap<>();
        expanded.forEach(v -> byId.put(v.asJsonObject().getString("@id"), v.asJsonObject()));
        jakarta.json.JsonObject collection = byId.get("urn:scholion:corpus:test");
        assertThat(collection.getJsonArray("@type").getString(0)).isEqualTo(AS + "OrderedCollection");
        assertThat(collection
                        .getJsonArray(AS + "totalItems")
                        .getJsonObject(0)
                        .getJsonNumber("@value")
                        .intValue())
                .isEqualTo(13);
        List<String> order = new ArrayList<>();
        String at = collection.getJsonArray(AS + "first").getJsonObject(0).getString("@id");
        String previous = null;
        while (at != null) {
            order.add(at);
            jakarta.json.JsonObject page = byId.get(at);
            assertThat(page.getJsonArray("@type").getString(0)).isEqualTo(AS + "OrderedCollectionPage");
            assertThat(page.getJsonArray(AS + "partOf").getJsonObject(0).getString("@id"))
                    .isEqualTo("urn:scholion:corpus:test");
            if (previous != null) {
                assertThat(page.getJsonArray(AS + "prev").getJsonObject(0).getString("@id"))
                        .isEqualTo(previous);
            }
            assertThat(page.getJsonArray(AS + "items").getJsonObject(0).getJsonArray("@list"))
                    .isNotEmpty();
            previous = at;
            at = page.containsKey(AS + "next")
                    ? page.getJsonArray(AS + "next").getJsonObject(0).getString("@id")
                    : null;
        }
        assertThat(order).hasSize(5);
        assertThat(collection.getJsonArray(AS + "last").getJsonObject(0).getString("@id"))
                .isEqualTo(order.get(4));
        List<String> quads = new ArrayList<>();
        JsonLd.toRdf(JsonDocument.of(Files.newInputStream(dir.resolve("corpus.jsonld"))))
                .loader(new Offline())
                .provide(new com.apicatalog.rdf.api.RdfQuadConsumer() {
                    @Override
                    public com.apicatalog.rdf.api.RdfQuadConsumer quad(
                            String subject,
                            String predicate,
                            String object,
                            String datatype,
                            String language,
                            String direction,
                            String graph) {
                        quads.add(predicate);
                        return this;
                    }
                });
        assertThat(quads).contains(AS + "next", AS + "prev", AS + "startIndex", "http://www.w3.org/ns/oa#hasTarget");
    }

    /** Serves the bundled anno.jsonld and refuses everything else: no test touches the network. */
    static final class Offline implements DocumentLoader {
        @Override
        public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
            if (url.toString().equals(JsonLdExporter.CONTEXT)) {
                try (InputStream in = JsonLdExporter.openBundledContext()) {
                    JsonDocument d = JsonDocument.of(in);
                    d.setDocumentUrl(url);
                    return d;
                } catch (java.io.IOException e) {
                    throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e);
                }
            }
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "offline: refusing " + url);
        }
    }

    private interface Writing {
        void to(java.io.OutputStream out) throws Exception;
    }

    private static String withoutHeader(Writing writing) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writing.to(out);
        String s = out.toString(StandardCharsets.UTF_8);
        return s.substring(s.indexOf('\n') + 1);
    }
}
