package org.scholion.export.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.Format;
import org.scholion.export.jsonld.JsonLdImporter;

/**
 * A JSON-LD file that points at remote documents (its {@code @context}, an {@code @import}, its
 * first page, its target) is imported or refused without a single request: a server on loopback
 * stands in for the attacker's and counts what it is asked.
 */
class JsonLdNoNetworkTest {
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private String remote;

    @BeforeEach
    void listen() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"@context\": {\"id\": \"@id\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/ld+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        remote = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"context", "context-array", "context-import", "first-page", "target-source", "body-source"})
    @Timeout(30)
    void remoteReferencesAreNeverFetched(String where) throws Exception {
        AnnotatedDocument doc = HostileDocuments.formulasAndMarkup();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporters.of(Format.JSONLD).export(doc, ExportOptions.DEFAULT, out);
        String json = out.toString(StandardCharsets.UTF_8);
        String anno = "\"http://www.w3.org/ns/anno.jsonld\"";
        assertThat(json).contains(anno);
        String hostile = switch (where) {
            case "context" ->
                json.replaceFirst(java.util.regex.Pattern.quote(anno), "\"" + remote + "/context.jsonld\"");
            case "context-array" ->
                json.replaceFirst(
                        java.util.regex.Pattern.quote(anno), "[" + anno + ", \"" + remote + "/extra.jsonld\"]");
            case "context-import" ->
                json.replaceFirst(
                        java.util.regex.Pattern.quote(anno),
                        "[" + anno + ", {\"@import\": \"" + remote + "/import.jsonld\"}]");
            case "first-page" ->
                json.replaceFirst("\"first\"\\s*:\\s*\\{", "\"first\": \"" + remote + "/page1\", \"ignored\": {");
            case "target-source" ->
                json.replace("\"source\" : \"urn:scholion:doc:hostile\"", "\"source\" : \"" + remote + "/doc\"")
                        .replace("\"source\": \"urn:scholion:doc:hostile\"", "\"source\": \"" + remote + "/doc\"");
            default ->
                json.replaceFirst(
                        "\"source\"\\s*:\\s*\"urn:scholion:label:[^\"]*\"", "\"source\": \"" + remote + "/label\"");
        };
        assertThat(hostile).as("the case changed the file").isNotEqualTo(json);
        String outcome;
        try {
            JsonLdImporter.Result result = JsonLdImporter.read(
                    new ByteArrayInputStream(hostile.getBytes(StandardCharsets.UTF_8)),
                    where + ".jsonld",
                    doc.document(),
                    doc.labelSets());
            outcome = "imported " + result.document().spans().size() + " spans, problems " + result.problems();
            result.problems().forEach(p -> assertThat(p.reason()).doesNotContain("\n"));
        } catch (ScholionException e) {
            outcome = "refused: " + e.getMessage();
            assertThat(e.getMessage()).doesNotContain("\n", "Exception");
        }
        System.out.println("JsonLdNoNetworkTest " + where + ": " + outcome);
        assertThat(requests.get()).as("requests to the remote server").isZero();
    }
}
