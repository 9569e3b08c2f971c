package org.scholion.export.bag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.seeds.Seeds;

class ArchiveBagTest {
    private static final LocalDate DATE = LocalDate.of(2026, 12, 5);
    private static final BagOptions OPTIONS = new BagOptions(
            "Scholion Archive", "Ada Archivist", "ada@example.org", "Two annotated articles", DATE, null);

    @TempDir
    Path dir;

    private Path seedFile() throws Exception {
        Path file = dir.resolve("in/coalition-of-the-willing.scholion.json");
        Files.createDirectories(file.getParent());
        AnnotationFile.at(file).create(Seeds.referenceAnnotation(), false);
        return file;
    }

    private Path worldFile() throws Exception {
        String text = "Kyiv 🇺🇦 and Paris — مرحبا بالعالم, 中文 e\u0301.\r\nSecond line 👩‍👩‍👧.\n";
        LabelSet set = LabelSet.of("places", Label.of("PLACE", "#117733"), Label.of("CITY NAME", "#CC6677"));
        AnnotatedDocument doc = AnnotatedDocument.builder(
                        new Document("world", "World, in scripts", null, "text/plain", null, Map.of(), text))
                .labelSet(set)
                .span(Span.of("s1", 0, 4, "CITY NAME"))
                .span(Span.of("s2", 0, 7, "PLACE"))
                .span(Span.of("s3", 12, 17, "CITY NAME"))
                .relation(new Relation("r1", "near", "s1", "s3"))
                .build();
        Path file = dir.resolve("in/sub/world.scholion.json");
        Files.createDirectories(file.getParent());
        AnnotationFile.at(file).create(doc, true);
        return file;
    }

    private Path bag(BagOptions options) throws Exception {
        Path target = dir.resolve("archive");
        ArchiveBag.write(List.of(seedFile(), worldFile()), target, options, ExportOptions.DEFAULT, id -> {});
        return target;
    }

    @Test
    void writesAValidBagIt10BagWithEveryFileOfEachDocument() throws Exception {
        Path bag = bag(OPTIONS);
        assertThat(Files.readString(bag.resolve("bagit.txt")))
                .contains("BagIt-Version: 1.0")
                .contains("Tag-File-Character-Encoding: UTF-8");
        String info = Files.readString(bag.resolve("bag-info.txt"));
        assertThat(info)
                .contains(
                        "Source-Organization: Scholion Archive",
                        "Contact-Name: Ada Archivist",
                        "Contact-Email: ada@example.org",
                        "External-Description: Two annotated articles",
                        "Bagging-Date: 2026-12-05",
                        "Payload-Oxum: ");
        String manifest = Files.readString(bag.resolve("manifest-sha256.txt"));
        for (String id : List.of("coalition-of-the-willing", "world")) {
            for (String ext : List.of(".txt", ".scholion.json", ".jsonld", ".csv", ".pdf")) {
                assertThat(manifest).contains("data/documents/" + id + "/" + id + ext);
            }
        }
        assertThat(manifest)
                .contains(
                        "data/documents/world/world.relations.csv",
                        "data/ro-crate-metadata.json",
                        "data/labels/places.jsonld",
                        "data/labels/propaganda.jsonld");
        assertThat(Files.readString(bag.resolve("tagmanifest-sha256.txt")))
                .contains("bag-info.txt", "bagit.txt", "manifest-sha256.txt");
        assertThat(BagCheck.check(bag)).isEmpty();
        assertThat(Files.readString(bag.resolve("data/documents/world/world.txt"), StandardCharsets.UTF_8))
                .isEqualTo(AnnotationFile.at(worldFile()).read().document().text());
        try (PDDocument pdf =
                Loader.loadPDF(bag.resolve("data/documents/world/world.pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Kyiv", "Paris");
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("in", "archive");
        }
    }

    @Test
    void namesEveryMissingAlteredAndUnexpectedFile() throws Exception {
        Path bag = bag(OPTIONS);
        Path csv = bag.resolve("data/documents/world/world.csv");
        byte[] bytes = Files.readAllBytes(csv);
        bytes[bytes.length / 2] ^= 1;
        Files.write(csv, bytes);
        Files.delete(bag.resolve("data/documents/coalition-of-the-willing/coalition-of-the-willing.pdf"));
        Files.writeString(bag.resolve("data/stray.txt"), "x");
        List<String> problems =
                BagCheck.check(bag).stream().map(Object::toString).toList();
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).startsWith("data/documents/world/world.csv: altered: its sha256 is "))
                .contains(
                        "data/documents/coalition-of-the-willing/coalition-of-the-willing.pdf: missing",
                        "data/stray.txt: not in the payload manifest")
                .anySatisfy(p -> assertThat(p).startsWith("bag-info.txt: Payload-Oxum is "));
    }

    @Test
    void namesAnAlteredTagFile() throws Exception {
        Path bag = bag(OPTIONS);
        Files.writeString(
                bag.resolve("bag-info.txt"),
                Files.readString(bag.resolve("bag-info.txt")).replace("Ada", "Eve"));
        assertThat(BagCheck.check(bag))
                .extracting(Object::toString)
                .anySatisfy(p -> assertThat(p).startsWith("bag-info.txt: altered"));
    }

    @Test
    void refusesWhatIsNotABag() throws Exception {
        assertThat(BagCheck.check(dir.resolve("nothing")))
                .extracting(Object::toString)
                .containsExactly(dir.resolve("nothing") + ": no such bag");
        Files.createDirectories(dir.resolve("plain"));
        assertThat(BagCheck.check(dir.resolve("plain")))
                .extracting(Object::toString)
                .containsExactly("bagit.txt: missing: this is not a BagIt bag");
    }

    @Test
    void skosConceptsAreTheLabelIrisTheAnnotationsUse() throws Exception {
        Path bag = bag(OPTIONS);
        Set<String> concepts = new HashSet<>();
        try (Stream<Path> files = Files.list(bag.resolve("data/labels"))) {
            for (Path file : files.toList()) {
                JsonArray expanded = JsonLd.expand(JsonDocument.of(Files.newInputStream(file)))
                        .loader(refuseAll())
                        .get();
                for (JsonValue node : expanded) {
                    JsonObject o = node.asJsonObject();
                    if (o.getJsonArray("@type").getString(0).equals(Skos.SKOS + "Concept")) {
                        concepts.add(o.getString("@id"));
                        assertThat(o.getJsonArray(Skos.SKOS + "inScheme")).hasSize(1);
                    }
                }
            }
        }
        Set<String> used = classifyingSources(bag.resolve("data/documents/world/world.jsonld"));
        used.addAll(classifyingSources(
                bag.resolve("data/documents/coalition-of-the-willing/coalition-of-the-willing.jsonld")));
        assertThat(used).isNotEmpty();
        assertThat(concepts).containsAll(used);
        assertThat(concepts).contains("urn:scholion:label:places:CITY%20NAME");
    }

    @Test
    void baseIriNamesDocumentsAndLabelsOnTheArchivesServer() throws Exception {
        Path bag = bag(new BagOptions(null, null, null, null, DATE, "https://archive.example.org/scholion"));
        Set<String> used = classifyingSources(bag.resolve("data/documents/world/world.jsonld"));
        assertThat(used)
                .containsExactlyInAnyOrder(
                        "https://archive.example.org/scholion/labels/places#CITY%20NAME",
                        "https://archive.example.org/scholion/labels/places#PLACE");
        JsonNode jsonld = new ObjectMapper()
                .readTree(bag.resolve("data/documents/world/world.jsonld").toFile());
        assertThat(jsonld.get("id").asText())
                .isEqualTo("https://archive.example.org/scholion/documents/world/annotations");
        assertThat(Files.readString(bag.resolve("data/labels/places.jsonld")))
                .contains("\"https://archive.example.org/scholion/labels/places\"");
        assertThat(BagCheck.check(bag)).isEmpty();
    }

    @Test
    void roCrateDescribesEveryPayloadFileAndExpands() throws Exception {
        Path bag = bag(OPTIONS);
        Path crate = bag.resolve("data/ro-crate-metadata.json");
        JsonArray expanded = JsonLd.expand(JsonDocument.of(Files.newInputStream(crate)))
                .loader(roCrateContext())
                .get();
        Map<String, JsonObject> byId = new java.util.HashMap<>();
        for (JsonValue node : expanded) {
            byId.put(node.asJsonObject().getString("@id", ""), node.asJsonObject());
        }
        Path data = bag.resolve("data");
        List<Path> payload = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(data)) {
            walk.filter(Files::isRegularFile).filter(p -> !p.equals(crate)).forEach(payload::add);
        }
        // 6 files for each document (text, annotation file, JSON-LD, CSV, relations CSV, PDF), 4 label sets
        assertThat(payload).hasSize(16);
        for (Path file : payload) {
            String id = data.relativize(file).toString();
            JsonObject entity = byId.entrySet().stream()
                    .filter(e -> e.getKey().equals(id) || e.getKey().endsWith("/" + id))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no entity for " + id));
            assertThat(entity.getJsonArray("http://schema.org/contentSize")
                            .getJsonObject(0)
                            .getString("@value"))
                    .isEqualTo(Long.toString(Files.size(file)));
        }
        String text = Files.readString(crate);
        assertThat(text)
                .contains(
                        "\"conformsTo\"",
                        "https://w3id.org/ro/crate/1.1",
                        "\"SoftwareApplication\"",
                        "\"datePublished\" : \"2026-12-05\"");
    }

    @Test
    void aBrokenFileStopsTheBagAndLeavesNothingBehind() throws Exception {
        Path broken = dir.resolve("in/broken.scholion.json");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "{\"format\": \"scholion/1\", ");
        Path target = dir.resolve("archive");
        assertThatThrownBy(() ->
                        ArchiveBag.write(List.of(seedFile(), broken), target, OPTIONS, ExportOptions.DEFAULT, id -> {}))
                .isInstanceOf(ExportException.class)
                .hasMessageStartingWith(broken.toString());
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("in");
        }
        Files.createDirectories(target);
        assertThatThrownBy(
                        () -> ArchiveBag.write(List.of(seedFile()), target, OPTIONS, ExportOptions.DEFAULT, id -> {}))
                .hasMessageContaining("already exists");
    }

    @Test
    void refusesTwoFilesOfOneDocument() throws Exception {
        Path seed = seedFile();
        Path copy = dir.resolve("in/copy.scholion.json");
        Files.copy(seed, copy);
        assertThatThrownBy(() -> ArchiveBag.write(
                        List.of(seed, copy), dir.resolve("archive"), OPTIONS, ExportOptions.DEFAULT, id -> {}))
                .hasMessageContaining("same document id 'coalition-of-the-willing'");
    }

    private static Set<String> classifyingSources(Path jsonld) throws IOException {
        Set<String> sources = new HashSet<>();
        JsonNode root = new ObjectMapper().readTree(jsonld.toFile());
        for (JsonNode item : root.path("first").path("items")) {
            for (JsonNode body : item.path("body")) {
                if ("classifying".equals(body.path("purpose").asText())) {
                    sources.add(body.path("source").asText());
                }
            }
        }
        return sources;
    }

    private static DocumentLoader refuseAll() {
        return (url, options) -> {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "offline: refusing " + url);
        };
    }

    /**
     * The RO-Crate context maps its terms onto schema.org; the test serves a context that does the
     * same for the terms the crate uses, so that expansion proves the crate is well-formed JSON-LD.
     */
    private static DocumentLoader roCrateContext() {
        return (url, options) -> {
            if (!url.toString().equals(RoCrate.CONTEXT)) {
                throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "offline: refusing " + url);
            }
            String context = "{\"@context\": {\"@vocab\": \"http://schema.org/\", "
                    + "\"conformsTo\": {\"@id\": \"http://purl.org/dc/terms/conformsTo\", \"@type\": \"@id\"}}}";
            InputStream in = new ByteArrayInputStream(context.getBytes(StandardCharsets.UTF_8));
            JsonDocument document = JsonDocument.of(in);
            document.setDocumentUrl(url);
            return document;
        };
    }
}
