package org.scholion.export.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import jakarta.json.JsonArray;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.export.ExportOptions;
import org.scholion.seeds.Seeds;

/** A real JSON-LD 1.1 processor (Titanium), offline, reads what the exporter writes. */
class JsonLdRdfTest {
    private static final String OA = "http://www.w3.org/ns/oa#";
    private static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    private static final String XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer";

    /** Serves the bundled anno.jsonld and refuses everything else: no test may touch the network. */
    static final class OfflineLoader implements DocumentLoader {
        final List<URI> asked = new ArrayList<>();

        @Override
        public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
            asked.add(url);
            String u = url.toString();
            if (u.equals("http://www.w3.org/ns/anno.jsonld") || u.equals("https://www.w3.org/ns/anno.jsonld")) {
                try (InputStream in = JsonLdExporter.openBundledContext()) {
                    JsonDocument document = JsonDocument.of(in);
                    document.setDocumentUrl(url);
                    return document;
                } catch (java.io.IOException e) {
                    throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e);
                }
            }
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "offline: refusing to fetch " + u);
        }
    }

    @Test
    void exactlyOneJsonProcessingProviderIsOnTheClassPath() {
        List<JsonProvider> providers = new ArrayList<>();
        ServiceLoader.load(JsonProvider.class).forEach(providers::add);
        assertThat(providers).hasSize(1);
        assertThat(providers.get(0).getClass().getName()).startsWith("org.eclipse.parsson");
    }

    @Test
    void expandsTheSeedExportWithTheBundledContextOnly() throws Exception {
        AnnotatedDocument seed = Seeds.referenceAnnotation();
        OfflineLoader loader = new OfflineLoader();
        JsonArray expanded = JsonLd.expand(document(seed)).loader(loader).get();
        assertThat(expanded).hasSize(1);
        assertThat(expanded.getJsonObject(0).getJsonArray("@type").getString(0))
                .isEqualTo("http://www.w3.org/ns/activitystreams#OrderedCollection");
        assertThat(loader.asked).extracting(URI::toString).containsOnly("http://www.w3.org/ns/anno.jsonld");
    }

    @Test
    void seedExportBecomesRdfWithTargetsSelectorsAndLabels() throws Exception {
        AnnotatedDocument seed = Seeds.referenceAnnotation();
        Graph graph = new Graph();
        JsonLd.toRdf(document(seed)).loader(new OfflineLoader()).provide(graph);
        String documentIri = "urn:scholion:doc:coalition-of-the-willing";
        String items = documentIri + "/annotations/";

        List<String> annotations = graph.subjectsOfType(OA + "Annotation");
        assertThat(annotations).hasSize(seed.spans().size() + seed.relations().size());
        for (Span span : seed.spans()) {
            String annotation = items + span.id();
            assertThat(graph.objects(annotation, OA + "motivatedBy")).containsExactly(OA + "classifying");
            List<Term> targets = graph.values(annotation, OA + "hasTarget");
            assertThat(targets).as(span.id()).hasSize(1);
            String target = targets.get(0).value();
            assertThat(graph.objects(target, OA + "hasSource")).as(span.id()).containsExactly(documentIri);
            Map<String, String> position = null;
            for (String selector : graph.objects(target, OA + "hasSelector")) {
                if (graph.objects(selector, RDF_TYPE).contains(OA + "TextPositionSelector")) {
                    position = Map.of(
                            "start",
                            graph.literal(selector, OA + "start", XSD_INTEGER),
                            "end",
                            graph.literal(selector, OA + "end", XSD_INTEGER));
                } else {
                    assertThat(graph.objects(selector, RDF_TYPE)).containsExactly(OA + "TextQuoteSelector");
                    assertThat(graph.literal(selector, OA + "exact", null)).isEqualTo(seed.textOf(span));
                }
            }
            assertThat(position)
                    .as(span.id())
                    .isEqualTo(Map.of("start", Integer.toString(span.start()), "end", Integer.toString(span.end())));
            org.scholion.core.model.LabelSet set = seed.labelSetOf(span.label()).orElseThrow();
            List<String> labelIris = new ArrayList<>();
            for (String body : graph.objects(annotation, OA + "hasBody")) {
                labelIris.addAll(graph.objects(body, OA + "hasSource"));
            }
            List<String> sources = new ArrayList<>(
                    List.of(Iris.label(set, seed.label(span.label()).orElseThrow())));
            span.links().forEach(link -> sources.add(seed.iriOf(link))); // identifying bodies, one per link
            assertThat(labelIris).as(span.id()).containsExactlyElementsOf(sources);
        }
        String s4 = graph.objects(items + "s4", OA + "hasBody").stream()
                .flatMap(body -> graph.objects(body, OA + "hasSource").stream())
                .findFirst()
                .orElseThrow();
        assertThat(s4).isEqualTo("urn:scholion:label:propaganda:Name_Calling%2CLabeling");
        String r1 = items + "r1";
        assertThat(graph.objects(r1, OA + "motivatedBy")).containsExactly(OA + "linking");
        assertThat(graph.objects(r1, OA + "hasTarget")).containsExactlyInAnyOrder(items + "s15", items + "s16");
    }

    @Test
    void trickyExportBecomesRdfToo() throws Exception {
        Graph graph = new Graph();
        JsonLd.toRdf(document(TestDocuments.tricky()))
                .loader(new OfflineLoader())
                .provide(graph);
        String s6 = "urn:scholion:doc:tricky-doc/annotations/s6";
        String target = graph.objects(s6, OA + "hasTarget").get(0);
        List<String> exact = new ArrayList<>();
        for (String selector : graph.objects(target, OA + "hasSelector")) {
            exact.addAll(graph.objects(selector, OA + "exact"));
        }
        assertThat(exact).containsExactly("𝄞");
        assertThat(graph.subjectsOfType(OA + "Annotation")).contains("urn:scholion:doc:tricky-doc/annotations/x%3A1");
    }

    @Test
    void linksAndAttributesBecomeIdentifyingAndDescribingBodies() throws Exception {
        AnnotatedDocument doc = TestDocuments.tricky();
        org.scholion.core.model.Span s6 = doc.span("s6").orElseThrow();
        doc = doc.withSpanReplaced(
                s6.withLink("https://www.wikidata.org/wiki/Q90").withAttribute("certainty", "low"));
        Graph graph = new Graph();
        JsonLd.toRdf(document(doc)).loader(new OfflineLoader()).provide(graph);
        String annotation = "urn:scholion:doc:tricky-doc/annotations/s6";
        List<String> purposes = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String body : graph.objects(annotation, OA + "hasBody")) {
            purposes.addAll(graph.objects(body, OA + "hasPurpose"));
            values.addAll(graph.objects(body, OA + "hasSource"));
            values.addAll(graph.objects(body, "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"));
        }
        assertThat(purposes).contains(OA + "identifying", OA + "describing");
        assertThat(values).contains("https://www.wikidata.org/wiki/Q90", "certainty=low");
    }

    @Test
    void theLoaderRefusesAnyOtherContext() {
        String json = "{\"@context\": \"http://example.org/other.jsonld\", \"id\": \"urn:x\"}";
        assertThatThrownBy(() -> JsonLd.expand(JsonDocument.of(
                                new ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                        .loader(new OfflineLoader())
                        .get())
                .isInstanceOf(JsonLdError.class);
    }

    private static JsonDocument document(AnnotatedDocument doc) throws Exception {
        byte[] bytes = JsonLdExporterTest.export(doc, ExportOptions.DEFAULT);
        return JsonDocument.of(new ByteArrayInputStream(bytes));
    }

    /** An RDF term: an IRI or blank node, or a literal with its datatype. */
    private record Term(String value, String datatype) {
        boolean isLiteral() {
            return datatype != null;
        }
    }

    /** The triples Titanium produces, by subject and predicate. */
    private static final class Graph implements RdfQuadConsumer {
        private final Map<String, Map<String, List<Term>>> bySubject = new HashMap<>();

        @Override
        public RdfQuadConsumer quad(
                String subject,
                String predicate,
                String object,
                String datatype,
                String language,
                String direction,
                String graph) {
            bySubject
                    .computeIfAbsent(subject, k -> new HashMap<>())
                    .computeIfAbsent(predicate, k -> new ArrayList<>())
                    .add(new Term(object, datatype));
            return this;
        }

        List<Term> values(String subject, String predicate) {
            return bySubject.getOrDefault(subject, Map.of()).getOrDefault(predicate, List.of());
        }

        List<String> objects(String subject, String predicate) {
            return values(subject, predicate).stream().map(Term::value).toList();
        }

        String literal(String subject, String predicate, String datatype) {
            List<Term> values = values(subject, predicate);
            assertThat(values).as("%s %s", subject, predicate).hasSize(1);
            assertThat(values.get(0).isLiteral()).isTrue();
            if (datatype != null) {
                assertThat(values.get(0).datatype()).isEqualTo(datatype);
            }
            return values.get(0).value();
        }

        List<String> subjectsOfType(String type) {
            List<String> found = new ArrayList<>();
            bySubject.forEach((subject, predicates) -> {
                if (predicates.getOrDefault(RDF_TYPE, List.of()).stream()
                        .anyMatch(v -> v.value().equals(type))) {
                    found.add(subject);
                }
            });
            return found;
        }
    }
}
