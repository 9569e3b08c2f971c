package org.scholion.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scholion.core.corpus.Status;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.seeds.Seeds;

/**
 * The viewer over a folder: the index (status, counts, label bars, statistics, an unreadable file
 * listed with its problem), the search over every document and its links into the pages, and
 * files that appear, change, break and go while it runs.
 */
class ViewerFolderHttpTest {
    static final String SEED = "/doc/" + Seeds.ARTICLE_ID + "/";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    static Viewer viewer;
    static HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeAll
    static void start() throws Exception {
        Samples.seed(folder);
        Samples.hostile(folder);
        Path lines = Samples.lines(Files.createDirectories(folder.resolve("sub")), "lf", "\n");
        Status.set(AnnotationFile.at(lines), Status.Stage.DONE, "reviewer", Instant.parse("2026-01-02T03:04:05Z"));
        Files.writeString(folder.resolve("broken.scholion.json"), "{ not json", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("notes.txt"), "not an annotation file", StandardCharsets.UTF_8);
        viewer = Viewer.serve(List.of(folder.toString()), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterAll
    static void stop() {
        viewer.close();
    }

    static HttpResponse<String> get(Viewer on, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(on.uri().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode search(Viewer on, Map<String, String> parameters) throws Exception {
        HttpResponse<String> response = get(on, "/search?" + query(parameters));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=UTF-8");
        return JSON.readTree(response.body());
    }

    static String query(Map<String, String> parameters) {
        List<String> pairs = new ArrayList<>();
        parameters.forEach((k, v) -> pairs.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    /** The index once it satisfies {@code ready}, looked at every 50 ms for up to five seconds. */
    static String indexWhen(Viewer on, Predicate<String> ready) throws Exception {
        long start = System.nanoTime();
        String body = get(on, "/").body();
        while (!ready.test(body) && System.nanoTime() - start < 5_000_000_000L) {
            Thread.sleep(50);
            body = get(on, "/").body();
        }
        System.out.println("the index changed within " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return body;
    }

    /** The {@code <li>} of the document with this address segment. */
    static String row(String index, String slug) {
        Matcher m = Pattern.compile(
                        "<li class=\"doc[^\"]*\" data-slug=\"" + Pattern.quote(slug) + "\".*?</li>", Pattern.DOTALL)
                .matcher(index);
        assertThat(m.find()).as("a row for %s in%n%s", slug, index).isTrue();
        return m.group();
    }

    @Test
    void indexListsEveryDocumentWithStatusCountsAndABarOfLabels() throws Exception {
        HttpResponse<String> index = get(viewer, "/");
        assertThat(index.statusCode()).isEqualTo(200);
        String body = index.body();
        assertThat(viewer.documentUris())
                .extracting(URI::getPath)
                .containsExactly("/doc/broken/", "/doc/hostile/", SEED, "/doc/lf/");
        assertThat(row(body, Seeds.ARTICLE_ID))
                .contains("href=\"" + SEED + "\"")
                .contains("181 spans, 46 relations")
                .contains("data-status=\"todo\"")
                .contains("class=\"bar\"");
        assertThat(row(body, "lf"))
                .contains("href=\"/doc/lf/\"")
                .contains("data-status=\"done\"")
                .contains(">done</span>")
                .contains("reviewer")
                .contains("1 spans, 0 relations")
                .contains(Path.of("sub", "lf.scholion.json").toString())
                // one label: the bar is all of it
                .containsOnlyOnce("<rect ")
                .contains("x=\"0.00\" y=\"0\" width=\"1000.00\"")
                .contains("<title>PERSON: 1</title>");
        // two spans of one label and one of another: two thirds and one third, in label order
        assertThat(row(body, "hostile"))
                .contains("width=\"666.67\"")
                .contains("x=\"666.67\" y=\"0\" width=\"333.33\"")
                .contains("fill=\"#CC3311\"")
                .contains("fill=\"#4477AA\"")
                .contains("Title &lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(body).doesNotContain("<img").doesNotContain("notes.txt");
    }

    @Test
    void anUnreadableFileIsListedWithItsProblemAndTheOthersAreServed() throws Exception {
        String body = get(viewer, "/").body();
        assertThat(row(body, "broken"))
                .contains("class=\"doc failed\"")
                .contains("data-status=\"unreadable\"")
                .contains("class=\"problem\"")
                .contains("broken.scholion.json")
                .doesNotContain("href=");
        assertThat(get(viewer, "/doc/broken/").statusCode()).isEqualTo(404);
        assertThat(get(viewer, SEED).statusCode()).isEqualTo(200);
        assertThat(get(viewer, "/doc/lf/").statusCode()).isEqualTo(200);
    }

    @Test
    void indexShowsTheCorpusStatistics() throws Exception {
        String body = get(viewer, "/").body();
        assertThat(body)
                .contains("3 documents \u00b7 185 spans \u00b7 47 relations")
                .contains("<span class=\"bad\">1 unreadable</span>")
                .contains("<dt>todo</dt><dd>2</dd>")
                .contains("<dt>in-progress</dt><dd>0</dd>")
                .contains("<dt>done</dt><dd>1</dd>")
                .contains("<dt>reviewed</dt><dd>0</dd>");
        // PERSON: one span in the hostile document, one in lf, and the seed's own
        long seedPersons = Seeds.referenceAnnotation().spans().stream()
                .filter(s -> s.label().equals("PERSON"))
                .count();
        assertThat(body)
                .containsPattern("<tr><td><svg class=\"sw\"[^>]*><rect [^>]*fill=\"#[0-9A-F]{6}\"></rect></svg>"
                        + "PERSON</td><td>entities</td><td class=\"n\">" + (seedPersons + 1) + "</td>");
        assertThat(body).contains("PERSON</td><td>tricky</td><td class=\"n\">1</td>");
        assertThat(body).contains("<option value=\"&lt;img src=x onerror=alert(3)&gt;\">");
    }

    @Test
    void theIndexKeepsThePolicyAndHasNoInlineStyleOrScript() throws Exception {
        HttpResponse<String> index = get(viewer, "/");
        assertThat(index.headers().firstValue("Content-Security-Policy")).hasValue(Routes.POLICY);
        assertThat(index.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(index.body())
                .doesNotContain("<style")
                .doesNotContain(" style=\"")
                .doesNotContainPattern("<script(?![^>]*\\ssrc=\"/assets/corpus\\.js\")")
                .doesNotContainPattern("<\\w+(?:\\s+[\\w-]+(?:=\"[^\"]*\")?)*\\s+on\\w+\\s*=");
        HttpResponse<String> js = get(viewer, "/assets/corpus.js");
        assertThat(js.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=UTF-8");
        assertThat(js.body()).contains("/search?").doesNotContain("innerHTML");
        assertThat(get(viewer, "/assets/corpus.css").headers().firstValue("Content-Type"))
                .hasValue("text/css; charset=UTF-8");
    }

    @Test
    void searchFindsSpansInEveryDocumentAndLinksToEach() throws Exception {
        JsonNode answer = search(viewer, Map.of("q", "LINE TWO"));
        assertThat(answer.get("documents").asInt()).isEqualTo(3);
        assertThat(answer.get("more").asBoolean()).isFalse();
        assertThat(answer.get("hits")).hasSize(1);
        JsonNode hit = answer.get("hits").get(0);
        assertThat(hit.get("document").asText()).isEqualTo("lf");
        assertThat(hit.get("title").asText()).isEqualTo("Lines lf");
        assertThat(hit.get("href").asText()).isEqualTo("/doc/lf/#e-s1");
        assertThat(hit.get("text").asText()).isEqualTo("one.\nLine two");
        assertThat(hit.get("right").asText()).doesNotContain("\n").startsWith(". Line three.");
        assertThat(hit.get("start").asInt()).isEqualTo(5);

        JsonNode persons = search(viewer, Map.of("label", "PERSON"));
        assertThat(persons.get("hits"))
                .extracting(h -> h.get("document").asText())
                .contains("hostile", Seeds.ARTICLE_ID, "lf");
        for (JsonNode h : persons.get("hits")) {
            assertThat(h.get("label").asText()).isEqualTo("PERSON");
            String href = h.get("href").asText();
            assertThat(href).matches("/doc/[^/]+/#e-s\\d+");
            HttpResponse<String> page = get(viewer, href.substring(0, href.indexOf('#')));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("\"" + h.get("span").asText() + "\"");
        }
        JsonNode both = search(viewer, Map.of("q", "mallory", "label", "PERSON"));
        assertThat(both.get("hits")).hasSize(1);
        assertThat(both.get("hits").get(0).get("href").asText()).isEqualTo("/doc/hostile/#e-s1");
    }

    @Test
    void searchTakesTheTextLiterallyAndAnswersHostileTextAsJson() throws Exception {
        assertThat(search(viewer, Map.of("q", ".*")).get("hits")).isEmpty();
        HttpResponse<String> response = get(viewer, "/search?" + query(Map.of("q", Samples.SCRIPT)));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(Routes.POLICY);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("hits")).hasSize(1);
        assertThat(answer.get("hits").get(0).get("text").asText()).isEqualTo(Samples.SCRIPT);
        assertThat(answer.get("hits").get(0).get("title").asText()).isEqualTo("Title " + Samples.SCRIPT + Samples.IMG);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/search",
                "/search?",
                "/search?q=",
                "/search?q=%20%20",
                "/search?q=%zz",
                "/search?q=%C3",
                "/search?label=%ff"
            })
    void aSearchWithoutWordsOrWithBrokenEscapesIsRefused(String target) throws Exception {
        // sent byte for byte: no client would send a broken escape
        try (Socket socket =
                new Socket(InetAddress.getLoopbackAddress(), viewer.uri().getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream()
                    .write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).as(target).startsWith("HTTP/1.1 400");
            if (target.contains("%zz")) {
                return; // not a URI at all: the JDK server refuses it before any handler runs
            }
            assertThat(response).contains("Content-type: application/json; charset=UTF-8");
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            assertThat(JSON.readTree(body).get("error").asText()).isNotBlank();
        }
    }

    /**
     * Some clients send a query's UTF-8 bytes unescaped. The JDK's server reads the request line
     * as ISO-8859-1, one character a byte, so the viewer's decoder takes a character below 256 as
     * the byte it was (unlike {@code Iris.decode}, which encodes an IRI's characters as UTF-8).
     * Bytes 0x80 to 0x9F read that way are control characters, which the JDK's server refuses
     * before the viewer sees the request.
     */
    @Test
    void aQuerySentAsRawUtf8IsReadAsItsEscapedFormIs() throws Exception {
        assertThat(search(viewer, Map.of("q", "Zo\u00eb")).get("text").asText()).isEqualTo("Zo\u00eb");
        String response = rawGet("/search?q=", "Zo\u00eb");
        assertThat(response).startsWith("HTTP/1.1 200");
        assertThat(JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4))
                        .get("text")
                        .asText())
                .isEqualTo("Zo\u00eb");
        assertThat(rawGet("/search?q=", "Ukraine\u2019s")).startsWith("HTTP/1.1 400");
    }

    /** The response to a GET of {@code path} followed by the UTF-8 bytes of {@code raw}, unescaped. */
    private static String rawGet(String path, String raw) throws Exception {
        try (Socket socket =
                new Socket(InetAddress.getLoopbackAddress(), viewer.uri().getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path).getBytes(StandardCharsets.ISO_8859_1));
            out.write(raw.getBytes(StandardCharsets.UTF_8));
            out.write(
                    " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aLongSearchIsRefusedAndOtherAddressesAreNotFound() throws Exception {
        assertThat(get(viewer, "/search?q=" + "a".repeat(Routes.MAX_QUERY + 1)).statusCode())
                .isEqualTo(400);
        assertThat(get(viewer, "/search/?q=a").statusCode()).isEqualTo(404);
        assertThat(get(viewer, "/corpus/").statusCode()).isEqualTo(404);
        assertThat(get(viewer, "/corpus/version/").statusCode()).isEqualTo(404);
        assertThat(get(viewer, "/sub/lf.scholion.json").statusCode()).isEqualTo(404);
    }

    @Test
    void filesThatAppearChangeBreakAndGoShowOnTheIndex(@TempDir Path own) throws Exception {
        Path first = Samples.lines(own, "first", "\n");
        try (Viewer live =
                Viewer.serve(List.of(own.toString()), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            String version = get(live, "/corpus/version").body().strip();
            assertThat(get(live, "/").body())
                    .as("one document still gets the index")
                    .contains("1 document \u00b7");

            Path added = own.resolve("deeper").resolve("added.scholion.json");
            Files.createDirectories(added.getParent());
            AnnotationFile.at(added)
                    .create(
                            AnnotatedDocument.of(
                                            Document.of("added", "Added while serving."),
                                            List.of(Seeds.labelSet("entities").orElseThrow()))
                                    .withSpan(Span.of("s1", 0, 5, "PERSON")),
                            false);
            String index = indexWhen(live, b -> b.contains("data-slug=\"added\""));
            assertThat(row(index, "added")).contains("href=\"/doc/added/\"").contains("1 spans");
            assertThat(get(live, "/corpus/version").body().strip()).isNotEqualTo(version);
            assertThat(search(live, Map.of("q", "added"))
                            .get("hits")
                            .get(0)
                            .get("href")
                            .asText())
                    .isEqualTo("/doc/added/#e-s1");

            Status.set(
                    AnnotationFile.at(first), Status.Stage.IN_PROGRESS, "ann", Instant.parse("2026-01-01T00:00:00Z"));
            index = indexWhen(live, b -> row(b, "first").contains("data-status=\"in-progress\""));
            assertThat(index).contains("<dt>in-progress</dt><dd>1</dd>");

            Files.writeString(added, "{ \"broken\": ", StandardCharsets.UTF_8);
            index = indexWhen(live, b -> row(b, "added").contains("unreadable"));
            // the last good summary stays beside the problem
            assertThat(row(index, "added"))
                    .contains("class=\"problem\"")
                    .contains("added.scholion.json")
                    .contains("1 spans, 0 relations")
                    .doesNotContain("href=");

            Files.delete(added);
            index = indexWhen(live, b -> !b.contains("data-slug=\"added\""));
            assertThat(index).doesNotContain("data-slug=\"added\"").contains("1 document \u00b7");
        }
    }

    @Test
    void onlyTheLastFewDocumentsStayOpen(@TempDir Path own) throws Exception {
        for (int i = 0; i < Shelf.OPEN + 4; i++) {
            Samples.lines(own, "d" + i, "\n");
        }
        Shelf shelf = Shelf.ofArguments(List.of(own.toString()));
        assertThat(shelf.snapshot().items()).hasSize(Shelf.OPEN + 4);
        assertThat(shelf.openFiles()).isEmpty();
        for (Shelf.Item item : shelf.snapshot().items()) {
            assertThat(shelf.file(item.slug())).isPresent();
        }
        assertThat(shelf.openFiles())
                .hasSize(Shelf.OPEN)
                .extracting(WatchedFile::slug)
                .doesNotContain("d0", "d1")
                .contains("d9");
        assertThat(shelf.file("nope")).isEmpty();
    }

    @Test
    void queryStringsAreDecodedStrictly() {
        assertThat(Addresses.parameters("q=a+b&label=PER%53ON&x"))
                .containsExactly(Map.entry("q", "a b"), Map.entry("label", "PERSON"), Map.entry("x", ""));
        assertThat(Addresses.parameters("q=%C3%A9t%C3%A9")).containsEntry("q", "été");
        assertThat(Addresses.parameters("q=%zz")).isNull();
        assertThat(Addresses.parameters(null)).isEmpty();
    }
}
