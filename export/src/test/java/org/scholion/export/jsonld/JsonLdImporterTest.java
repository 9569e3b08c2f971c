package org.scholion.export.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.export.ExportOptions;
import org.scholion.export.jsonld.JsonLdImporter.Problem;
import org.scholion.export.jsonld.JsonLdImporter.Result;
import org.scholion.export.jsonld.JsonLdImporter.Severity;
import org.scholion.seeds.Seeds;

class JsonLdImporterTest {

    private static Result roundTrip(AnnotatedDocument doc, List<LabelSet> labelSets) throws Exception {
        byte[] json = JsonLdExporterTest.export(doc, ExportOptions.DEFAULT);
        return JsonLdImporter.read(new ByteArrayInputStream(json), "test.jsonld", doc.document(), labelSets);
    }

    private static Result read(String json, Document document, List<LabelSet> labelSets) throws ScholionException {
        return JsonLdImporter.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "other.jsonld", document, labelSets);
    }

    @Test
    void seedReferenceComesBackEqual() throws Exception {
        AnnotatedDocument seed = Seeds.referenceAnnotation();
        Result result = roundTrip(seed, seed.labelSets());
        assertThat(result.problems()).isEmpty();
        assertThat(result.document()).isEqualTo(seed);
        assertThat(result.document().spans()).isEqualTo(seed.spans());
        assertThat(result.document().relations()).isEqualTo(seed.relations());
    }

    @Test
    void trickyDocumentComesBackEqual() throws Exception {
        AnnotatedDocument tricky = TestDocuments.tricky();
        Result result = roundTrip(tricky, tricky.labelSets());
        assertThat(result.problems()).isEmpty();
        assertThat(result.document().spans()).isEqualTo(tricky.spans());
        assertThat(result.document()).isEqualTo(tricky);
    }

    @Test
    void randomDocumentsComeBackEqual() throws Exception {
        long seed = System.nanoTime();
        System.out.println("randomDocumentsComeBackEqual seed " + seed);
        Random random = new Random(seed);
        String alphabet = "ab c\r\n,\"=+-@\té\u0301😀𝄞\u05D0\u0000\u0001<>&";
        for (int round = 0; round < 20; round++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(200);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(alphabet.codePointAt(
                        alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            Document document = Document.of("random-" + round, text.toString());
            int cps = document.text().codePointCount(0, document.text().length());
            LabelSet set = new LabelSet(
                    "set",
                    List.of(Label.of("A", "#112233"), Label.of("B b", "#445566")),
                    List.of(),
                    Map.of("wd", "http://www.wikidata.org/entity/"));
            AnnotatedDocument.Builder builder =
                    AnnotatedDocument.builder(document).labelSets(List.of(set));
            int spans = random.nextInt(30);
            java.util.Set<String> places = new java.util.HashSet<>();
            for (int i = 1; i <= spans; i++) {
                int start = random.nextInt(cps);
                int end = start + 1 + random.nextInt(cps - start);
                String label = random.nextBoolean() ? "A" : "B b";
                if (!places.add(start + ":" + end + ":" + label)) {
                    continue; // one span per offsets and label
                }
                Span span = new Span(
                        "s" + i,
                        start,
                        end,
                        label,
                        random.nextBoolean() ? "note " + i + "\r\n\"x\"" : null,
                        random.nextBoolean() ? "ann " + i : null,
                        random.nextBoolean()
                                ? java.time.Instant.ofEpochSecond(random.nextInt(), random.nextInt(1000) * 1000)
                                : null,
                        false);
                for (int a = random.nextInt(3); a > 0; a--) {
                    span = span.withAttribute(
                            List.of("certainty", "speaker", "a;b c").get(random.nextInt(3)),
                            List.of("low", "x=y;z", "\"q\"\ttab\nline", "é😀").get(random.nextInt(4)));
                }
                for (int l = random.nextInt(3); l > 0; l--) {
                    span = span.withLink(
                            List.of("wd:Q3052772", "https://example.org/a?b=c#d", "urn:isbn:0451450523", "wd:Q90")
                                    .get(random.nextInt(4)));
                }
                builder.span(span);
            }
            AnnotatedDocument doc = builder.build();
            Result result = roundTrip(doc, doc.labelSets());
            assertThat(result.problems()).as("seed %d round %d", seed, round).isEmpty();
            assertThat(result.document()).as("seed %d round %d", seed, round).isEqualTo(doc);
        }
    }

    @Test
    void attributesAndLinksAreDescribingAndIdentifyingBodiesAndComeBack() throws Exception {
        LabelSet tricky = TestDocuments.tricky().labelSets().get(0);
        AnnotatedDocument doc =
                TestDocuments.tricky().withLabelSet(tricky.withPrefix("wikidata", "http://www.wikidata.org/entity/"));
        Span first = doc.spans().get(0);
        doc = doc.withSpanReplaced(first.withAttribute("certainty", "low")
                .withAttribute("speaker", "a=b")
                .withLink("wikidata:Q3052772")
                .withLink("https://www.geonames.org/2988507"));
        Relation relation = doc.relations().get(0);
        doc = doc.withoutRelations(List.of(relation.id())).withRelation(relation.withAttribute("confidence", "high"));
        String json = new String(JsonLdExporterTest.export(doc, ExportOptions.DEFAULT), StandardCharsets.UTF_8);
        assertThat(json)
                .contains(
                        "{\"type\": \"TextualBody\", \"purpose\": \"describing\", \"value\": \"certainty=low\"}",
                        "{\"type\": \"TextualBody\", \"purpose\": \"describing\", \"value\": \"speaker=a=b\"}",
                        "{\"type\": \"SpecificResource\", \"purpose\": \"identifying\", \"source\": "
                                + "\"http://www.wikidata.org/entity/Q3052772\"}",
                        "{\"type\": \"TextualBody\", \"purpose\": \"describing\", \"value\": \"confidence=high\"}");
        Result back = roundTrip(doc, doc.labelSets());
        assertThat(back.problems()).isEmpty();
        assertThat(back.document()).isEqualTo(doc);
        // without the prefix declared, a link comes back as its IRI
        Result plain = roundTrip(doc, List.of(tricky));
        assertThat(plain.document().span(first.id()).orElseThrow().links())
                .containsExactly("http://www.wikidata.org/entity/Q3052772", "https://www.geonames.org/2988507");
    }

    @Test
    void anEmptyDocumentComesBackEmpty() throws Exception {
        AnnotatedDocument empty = AnnotatedDocument.of(Document.of("empty", ""), List.of());
        Result result = roundTrip(empty, List.of());
        assertThat(result.problems()).isEmpty();
        assertThat(result.document()).isEqualTo(empty);
        assertThat(new String(JsonLdExporterTest.export(empty, ExportOptions.DEFAULT), StandardCharsets.UTF_8))
                .contains("\"total\": 0,", "\"items\": []");
    }

    @Test
    void labelsMissingFromTheGivenSetsGoIntoTheImportedSet() throws Exception {
        AnnotatedDocument tricky = TestDocuments.tricky();
        LabelSet partial =
                tricky.labelSets().get(0).withoutLabel("Name calling").withoutLabel("Émotion");
        Result result = roundTrip(tricky, List.of(partial));
        assertThat(result.problems()).isEmpty();
        AnnotatedDocument imported = result.document();
        assertThat(imported.labelSets()).extracting(LabelSet::name).containsExactly("tricky", "imported");
        LabelSet made = imported.labelSet("imported").orElseThrow();
        assertThat(made.labels()).extracting(Label::name).containsExactly("Émotion", "Name calling");
        assertThat(imported.spans()).isEqualTo(tricky.spans());
        // the same name always gets the same colour
        Result again = roundTrip(tricky, List.of(partial));
        assertThat(again.document().labelSet("imported")).isEqualTo(imported.labelSet("imported"));
    }

    @Test
    void placesForeignAnnotationsByPositionOrUniqueQuoteAndReportsTheRest() throws Exception {
        Document document = Document.of("plain", "the cat sat on the mat with the other cat");
        String json = """
                {
                  "@context": ["http://www.w3.org/ns/anno.jsonld", "http://example.invalid/never-fetched.jsonld"],
                  "id": "http://example.org/collection",
                  "type": "AnnotationCollection",
                  "first": {
                    "type": "AnnotationPage",
                    "items": [
                      {"id": "http://example.org/a1", "type": "Annotation", "motivation": "tagging",
                       "body": {"type": "TextualBody", "value": "animal", "purpose": "tagging"},
                       "target": {"source": "http://example.org/plain.txt",
                                  "selector": {"type": "TextPositionSelector", "start": 4, "end": 7}}},
                      {"id": "http://example.org/a2", "type": "Annotation", "motivation": "commenting",
                       "creator": {"type": "Person", "nickname": "carol"}, "created": "2015-10-13T13:00:00+01:00",
                       "bodyValue": "a comment",
                       "target": {"source": "http://example.org/plain.txt",
                                  "selector": {"type": "TextQuoteSelector", "exact": "mat"}}},
                      {"id": "http://example.org/a3", "type": "Annotation",
                       "target": {"selector": {"type": "TextQuoteSelector", "exact": "cat"}}},
                      {"id": "http://example.org/a4", "type": "Annotation",
                       "target": {"selector": {"type": "TextQuoteSelector", "exact": "cat", "prefix": "other "}}},
                      {"id": "http://example.org/a5", "type": "Annotation",
                       "target": {"selector": [{"type": "TextPositionSelector", "start": 0, "end": 3},
                                               {"type": "TextQuoteSelector", "exact": "dog"}]}},
                      {"id": "http://example.org/a6", "type": "Annotation",
                       "target": {"selector": {"type": "FragmentSelector", "value": "xpointer(/doc)"}}},
                      {"id": "http://example.org/a7", "type": "Annotation", "target": "http://example.org/plain.txt"},
                      {"id": "http://example.org/a8", "type": "Annotation",
                       "target": {"selector": {"type": "TextPositionSelector", "start": 40, "end": 99}}},
                      {"id": "http://example.org/a9", "type": "Annotation",
                       "target": {"selector": {"type": "TextQuoteSelector", "exact": "bird"}}},
                      {"id": "http://example.org/l1", "type": "Annotation", "motivation": "linking",
                       "body": {"type": "TextualBody", "purpose": "tagging", "value": "same-as"},
                       "target": ["http://example.org/a1", "http://example.org/a4"]},
                      {"id": "http://example.org/l2", "type": "Annotation", "motivation": "linking",
                       "target": ["http://example.org/a1", "http://example.org/a9"]},
                      "http://example.org/a10"
                    ]
                  }
                }
                """;
        Result result = read(json, document, List.of());
        AnnotatedDocument doc = result.document();
        assertThat(doc.spans())
                .extracting(s -> s.start() + ":" + s.end() + " " + s.label())
                .containsExactly("0:3 annotation", "4:7 animal", "19:22 commenting", "38:41 annotation");
        Span mat = doc.spans().get(2);
        assertThat(mat.note()).isEqualTo("a comment");
        assertThat(mat.annotator()).isEqualTo("carol");
        assertThat(mat.created()).isEqualTo(java.time.Instant.parse("2015-10-13T12:00:00Z"));
        assertThat(doc.labelSet("imported").orElseThrow().labels())
                .extracting(Label::name)
                .containsExactly("animal", "commenting", "annotation");
        assertThat(doc.relations()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo("same-as");
            assertThat(doc.span(r.from()).orElseThrow().start()).isEqualTo(4);
            assertThat(doc.span(r.to()).orElseThrow().start()).isEqualTo(38);
        });

        assertThat(result.skipped())
                .extracting(Problem::annotation)
                .containsExactly(
                        "http://example.org/a3",
                        "http://example.org/a6",
                        "http://example.org/a7",
                        "http://example.org/a8",
                        "http://example.org/a9",
                        "http://example.org/a10",
                        "http://example.org/l2");
        assertThat(reason(result, "http://example.org/a3")).contains("occurs 2 times");
        assertThat(reason(result, "http://example.org/a6")).contains("no TextPositionSelector or TextQuoteSelector");
        assertThat(reason(result, "http://example.org/a8")).contains("40:99");
        assertThat(reason(result, "http://example.org/a9")).contains("\"bird\" is not in the text");
        assertThat(reason(result, "http://example.org/l2")).contains("not an imported span");
        assertThat(result.problems())
                .filteredOn(p -> p.annotation().equals("http://example.org/a5"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.severity()).isEqualTo(Severity.WARNING);
                    assertThat(p.reason()).contains("\"dog\"", "\"the\"", "position wins");
                });
        assertThat(result.problems())
                .filteredOn(p -> p.annotation().isEmpty())
                .extracting(Problem::reason)
                .anySatisfy(r -> assertThat(r).contains("http://example.invalid/never-fetched.jsonld", "never fetches"))
                .anySatisfy(r -> assertThat(r).contains("target http://example.org/plain.txt"));
    }

    @Test
    void refusesACollectionOfAnotherDocument() throws Exception {
        AnnotatedDocument seed = Seeds.referenceAnnotation();
        byte[] json = JsonLdExporterTest.export(seed, ExportOptions.DEFAULT);
        Document other = Document.of("other", "A quite different text about nothing in particular. ".repeat(100));
        assertThatThrownBy(() ->
                        JsonLdImporter.read(new ByteArrayInputStream(json), "seed.jsonld", other, seed.labelSets()))
                .isInstanceOf(ScholionException.class)
                .hasMessageStartingWith("seed.jsonld: ")
                .hasMessageContaining("target urn:scholion:doc:coalition-of-the-willing")
                .hasMessageContaining("not this document (urn:scholion:doc:other)");
    }

    @Test
    void acceptsTheSameTextUnderAnotherIdWithAWarning() throws Exception {
        AnnotatedDocument seed = Seeds.referenceAnnotation();
        byte[] json = JsonLdExporterTest.export(seed, ExportOptions.DEFAULT);
        Document copy = seed.document().withId("copy").withIri(null);
        Result result = JsonLdImporter.read(new ByteArrayInputStream(json), "seed.jsonld", copy, seed.labelSets());
        assertThat(result.document().spans()).isEqualTo(seed.spans());
        assertThat(result.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason())
                        .contains(
                                "181 of 181 annotations target urn:scholion:doc:coalition-of-the-willing,",
                                "not this document (urn:scholion:doc:copy)"));
    }

    @Test
    void namesTheLineOfBrokenJson() {
        Document document = Document.of("plain", "text");
        assertThatThrownBy(() ->
                        read("{\n  \"id\": \"x\",\n  \"first\": {\"items\": [ {\"id\": } ]}\n}", document, List.of()))
                .isInstanceOf(ScholionException.class)
                .hasMessageStartingWith("other.jsonld:3:")
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> read("[1, 2", document, List.of())).isInstanceOf(ScholionException.class);
        assertThatThrownBy(() -> read("", document, List.of())).hasMessage("other.jsonld: the file is empty");
        assertThatThrownBy(() -> read("{\"type\": \"Thing\"}", document, List.of()))
                .hasMessageContaining("not a Web Annotation collection");
    }

    @Test
    void refusesAPageItCannotFetchAndSkipsHalfCharacters() throws Exception {
        Document document = Document.of("plain", "one two three");
        assertThatThrownBy(() -> read(
                        "{\"type\": \"AnnotationCollection\", \"first\": \"http://example.org/page1\"}",
                        document,
                        List.of()))
                .isInstanceOf(ScholionException.class)
                .hasMessageContaining("\"http://example.org/page1\" is not embedded; Scholion never fetches pages");
        String halves = """
                [{"id": "urn:h", "type": "Annotation", "bodyValue": "broken \\ud800 note",
                  "target": {"selector": {"type": "TextQuoteSelector", "exact": "two"}}}]
                """;
        Result result = read(halves, document, List.of());
        assertThat(result.document().spans()).isEmpty();
        assertThat(result.skipped()).extracting(Problem::annotation).containsExactly("urn:h");
    }

    @Test
    void importsALoneAnnotationAndABareArray() throws Exception {
        Document document = Document.of("plain", "one two three");
        String lone = """
                {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:a", "type": "Annotation",
                 "body": "http://example.org/vocab#Number",
                 "target": {"source": "urn:scholion:doc:plain", "selector": {"type": "TextQuoteSelector", "exact": "two"}}}
                """;
        Result one = read(lone, document, List.of());
        assertThat(one.problems()).isEmpty();
        assertThat(one.document().spans()).singleElement().satisfies(s -> {
            assertThat(s.label()).isEqualTo("Number");
            assertThat(s.start()).isEqualTo(4);
        });
        assertThat(one.document().label("Number").orElseThrow().iri()).isEqualTo("http://example.org/vocab#Number");

        String array = "[{\"type\": \"Annotation\", \"target\": {\"selector\": {\"type\": \"TextPositionSelector\", "
                + "\"start\": 8, \"end\": 13}}}, 7]";
        Result two = read(array, document, List.of());
        assertThat(two.document().spans())
                .extracting(Span::id, Span::start)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("s1", 8));
        assertThat(two.skipped())
                .extracting(Problem::annotation, Problem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("#2", "is not a JSON object"));
    }

    @Test
    void keepsLabelsOfTheGivenSetsAndFindsDeclaredLabelIris() throws Exception {
        AnnotatedDocument tricky = TestDocuments.tricky();
        Result result = roundTrip(tricky, tricky.labelSets());
        assertThat(result.document().labelSets()).isEqualTo(tricky.labelSets());
        assertThat(result.document().span("s2").orElseThrow().label()).isEqualTo("Person");
        assertThat(Set.copyOf(result.document().labels())).isEqualTo(Set.copyOf(tricky.labels()));
    }

    private static String reason(Result result, String annotation) {
        return result.problems().stream()
                .filter(p -> p.annotation().equals(annotation))
                .map(Problem::reason)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no problem for " + annotation));
    }
}
