package org.scholion.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scholion.core.ScholionException;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.export.Format;
import org.scholion.seeds.Seeds;

class ViewerHttpTest {
    static final String SEED = "/doc/" + Seeds.ARTICLE_ID + "/";
    static final String HOSTILE = "/doc/" + Samples.HOSTILE_ID + "/";

    @TempDir
    static Path folder;

    static Viewer viewer;
    static Path seedFile;
    static HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeAll
    static void start() throws ScholionException {
        seedFile = Samples.seed(folder);
        viewer = Viewer.start(
                List.of(seedFile, Samples.hostile(folder)), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterAll
    static void stop() {
        viewer.close();
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(viewer.uri().resolve(path)).GET().build());
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The status of a request sent byte for byte, so that no client tidies up the path first. */
    static int raw(String target, String... headers) throws IOException {
        try (Socket socket =
                new Socket(InetAddress.getLoopbackAddress(), viewer.uri().getPort())) {
            socket.setSoTimeout(5000);
            StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            return status.length() < 12 ? -1 : Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    void listensOnLoopbackAndPrintsItsAddress() {
        assertThat(viewer.uri().toString()).matches("http://127\\.0\\.0\\.1:\\d+/");
        assertThat(viewer.documentUris()).extracting(URI::getPath).containsExactly(SEED, HOSTILE);
    }

    @Test
    void indexListsEveryDocument() throws Exception {
        HttpResponse<String> index = get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
        assertThat(index.body())
                .contains("href=\"" + SEED + "\"")
                .contains("href=\"" + HOSTILE + "\"")
                .contains("181 spans, 46 relations")
                .contains("Title &lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img");
    }

    @Test
    void servesThePageWithAStrictPolicyAndSafetyHeaders() throws Exception {
        HttpResponse<String> page = get(SEED);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValue(
                        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                                + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        String body = page.body();
        assertThat(body)
                .contains("<link rel=\"stylesheet\" href=\"/assets/scholion.css\">")
                .contains("<script src=\"/assets/scholion.js\"></script>")
                .contains("data-live=\"version\"")
                .contains("181")
                .doesNotContain("<style")
                .doesNotContain(" style=\"");
        // the one typed script is the page's data, which never runs
        assertThat(body.replace("<script type=\"application/json\" id=\"data\">", ""))
                .doesNotContain("<script>")
                .doesNotContain("<script type")
                .contains("<link rel=\"alternate\" type=\"application/ld+json\" href=\"download/jsonld\">");
    }

    /** A viewer started with a page length and slice size of its own (system properties read at its start). */
    static Viewer startLazy(List<Path> files, int lazyAbove, int slice) throws ScholionException {
        System.setProperty(Routes.LAZY_ABOVE, Integer.toString(lazyAbove));
        System.setProperty(Routes.SLICE, Integer.toString(slice));
        try {
            return Viewer.start(files, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } finally {
            System.clearProperty(Routes.LAZY_ABOVE);
            System.clearProperty(Routes.SLICE);
        }
    }

    @Test
    void aLargeDocumentsPageCarriesItsFirstSliceAndTheViewerServesTheOthers() throws Exception {
        Path own = Files.createDirectories(folder.resolve("lazy"));
        Path large = Samples.large(own, "large", 400);
        try (Viewer lazy = startLazy(List.of(large, Samples.seed(own)), 20_000, 6_000)) {
            String page = send(HttpRequest.newBuilder(lazy.uri().resolve("/doc/large/"))
                            .build())
                    .body();
            long holders = page.split("<div class=\"slice\"", -1).length - 1;
            assertThat(holders).as("placeholders").isGreaterThanOrEqualTo(5);
            assertThat(page).contains(" data-slices=\"text/\"");
            String text = page.substring(page.indexOf("<article"), page.indexOf("</article>"));
            assertThat(text).contains("Paragraph 000").doesNotContain("Paragraph 399");
            assertThat(send(HttpRequest.newBuilder(lazy.uri().resolve(SEED)).build())
                            .body())
                    .as("a short document is served whole")
                    .doesNotContain("data-slices")
                    .doesNotContain("class=\"slice\"");
            String version = send(HttpRequest.newBuilder(lazy.uri().resolve("/doc/large/version"))
                            .build())
                    .body()
                    .strip();
            HttpResponse<String> last =
                    send(HttpRequest.newBuilder(lazy.uri().resolve("/doc/large/text/" + version + "/" + holders))
                            .build());
            assertThat(last.statusCode()).isEqualTo(200);
            assertThat(last.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
            assertThat(last.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(last.headers().firstValue("Content-Security-Policy")).hasValue(Routes.POLICY);
            assertThat(last.body())
                    .startsWith("<p dir=\"auto\"")
                    .contains("Paragraph 399")
                    .endsWith("</p>\n");
            HttpResponse<byte[]> packed = client.send(
                    HttpRequest.newBuilder(lazy.uri().resolve("/doc/large/text/" + version + "/1"))
                            .header("Accept-Encoding", "gzip")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(packed.headers().firstValue("Content-Encoding")).hasValue("gzip");
            String first = new String(
                    new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(packed.body())).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(first).startsWith("<p dir=\"auto\"").doesNotContain("Paragraph 000");
            assertThat(send(HttpRequest.newBuilder(lazy.uri().resolve("/doc/large/text/0123456789abcdef/1"))
                                    .build())
                            .statusCode())
                    .as("a page of another version asks again once it has followed")
                    .isEqualTo(204);
            // the spans, labels and relations come apart from the page, for the page's version
            assertThat(page).contains(" data-source=\"data/" + version + "\"").doesNotContain("id=\"data\"");
            HttpResponse<String> data = send(HttpRequest.newBuilder(lazy.uri().resolve("/doc/large/data/" + version))
                    .build());
            assertThat(data.statusCode()).isEqualTo(200);
            assertThat(data.headers().firstValue("Content-Type")).hasValue("application/json; charset=UTF-8");
            JsonNode block = new ObjectMapper().readTree(data.body());
            assertThat(block.get("spans")).hasSize(480);
            assertThat(block.get("length").asInt()).isGreaterThan(20_000);
            assertThat(send(HttpRequest.newBuilder(lazy.uri().resolve("/doc/large/data/0123456789abcdef"))
                                    .build())
                            .statusCode())
                    .isEqualTo(204);
            assertThat(send(HttpRequest.newBuilder(lazy.uri().resolve(SEED + "data/" + version))
                                    .build())
                            .statusCode())
                    .as("a page that carries its data block has none to fetch")
                    .isEqualTo(404);
            for (String wrong :
                    List.of(version + "/0", version + "/" + (holders + 1), version + "/01", version + "/x")) {
                assertThat(send(HttpRequest.newBuilder(lazy.uri().resolve("/doc/large/text/" + wrong))
                                        .build())
                                .statusCode())
                        .as("text/%s", wrong)
                        .isEqualTo(404);
            }
        }
    }

    @Test
    void assetsAndLabelColoursHaveTheirMediaTypes() throws Exception {
        HttpResponse<String> css = get("/assets/scholion.css");
        HttpResponse<String> js = get("/assets/scholion.js");
        HttpResponse<String> labels = get(SEED + "labels.css");
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=UTF-8");
        assertThat(js.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=UTF-8");
        assertThat(labels.headers().firstValue("Content-Type")).hasValue("text/css; charset=UTF-8");
        assertThat(labels.body()).startsWith(".c0{--fill:#");
        String tag = js.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = send(HttpRequest.newBuilder(viewer.uri().resolve("/assets/scholion.js"))
                .header("If-None-Match", tag)
                .build());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        HttpResponse<String> head = send(HttpRequest.newBuilder(viewer.uri().resolve("/assets/scholion.css"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length"))
                .hasValue(Integer.toString(get("/assets/scholion.css").body().getBytes(StandardCharsets.UTF_8).length));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"})
    void refusesEveryMethodButGetAndHead(String method) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(viewer.uri().resolve(SEED))
                .method(method, HttpRequest.BodyPublishers.ofString("x"))
                .build());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/nope",
                "/doc/",
                "/doc/nope/",
                "/assets/",
                "/assets/other.js",
                "/doc/hostile/version/",
                "/../../etc/passwd",
                "/doc/../assets/scholion.css",
                "/assets/../../pom.xml",
                "/doc/%2e%2e/%2e%2e/etc/passwd",
                "/doc/%2E%2E/",
                "/assets/..%2fscholion.css",
                "/assets%2fscholion.css",
                "/doc/hostile%2fversion",
                "/assets/%5c..%5cscholion.css",
                "/assets/scholion.js%00",
                "/assets/scholion.js%00.png",
                "//etc/passwd",
                "/assets/./scholion.css",
                "/doc/hostile/./version",
                "/doc/hostile/download/exe",
                "/doc/hostile/download/",
                "/doc/hostile/download/csv/x",
                "/assets/%252e%252e/scholion.css",
                "/doc/%c0%ae%c0%ae/",
                "/.git/config",
                "/favicon.ico",
                "/doc/hostile/labels.css/"
            })
    void unknownAndTraversingPathsAreNotFound(String target) throws Exception {
        assertThat(raw(target)).as(target).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets\\scholion.css", "/doc/..\\..\\etc\\passwd", "/a b", "/doc/%zz/"})
    void pathsThatAreNotUrisNeverReachARoute(String target) throws Exception {
        // the JDK server refuses these request lines itself (400) before any handler runs
        assertThat(raw(target)).as(target).isIn(400, 404);
    }

    @Test
    void refusesLongAddressesLargeHeadersAndForeignHosts() throws Exception {
        assertThat(raw("/doc/" + "a".repeat(3000))).isEqualTo(414);
        assertThat(raw("/", "X-Big: " + "b".repeat(9000))).isIn(431, 413, 400);
        String[] many = new String[60];
        for (int i = 0; i < many.length; i++) {
            many[i] = "X-H" + i + ": v";
        }
        assertThat(raw("/", many)).isEqualTo(431);
        try (Socket socket =
                new Socket(InetAddress.getLoopbackAddress(), viewer.uri().getPort())) {
            socket.getOutputStream()
                    .write(("GET " + SEED + " HTTP/1.1\r\nHost: evil.example:80\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            assertThat(status).endsWith("421");
        }
        assertThat(raw(SEED, "Host: localhost:1234".split("\n"))).isIn(200, 421);
    }

    @Test
    void hostileTextLabelsNotesAndTitlesAreEscaped() throws Exception {
        String body = get(HOSTILE).body();
        String markup = body.replaceAll("(?s)<script type=\"application/ld\\+json\".*?</script>", "");
        assertThat(markup)
                .doesNotContain("<img")
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
                .contains("data-label=\"&lt;img src=x onerror=alert(3)&gt;\"")
                .doesNotContainPattern("<\\w+(?:\\s+[\\w-]+(?:=\"[^\"]*\")?)*\\s+on\\w+\\s*=");
        assertThat(body).doesNotContain("</script><img").doesNotContainPattern("(?i)<script>alert");
    }

    @Test
    void downloadsHaveTheFormatsMediaTypeAndFileName() throws Exception {
        for (Format format : Format.publication()) {
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(viewer.uri().resolve(SEED + "download/" + format.extension()))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 501) {
                // that exporter is being built in another branch: the viewer says so plainly
                assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=UTF-8");
                assertThat(new String(response.body(), StandardCharsets.UTF_8))
                        .startsWith("This viewer cannot make " + format.name());
                continue;
            }
            assertThat(response.statusCode()).as(format.name()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(format.mediaType());
            assertThat(response.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\""
                            + Seeds.ARTICLE_ID + "." + format.extension() + "\"; filename*=UTF-8''" + Seeds.ARTICLE_ID
                            + "."
                            + format.extension());
            assertThat(response.body()).isNotEmpty();
        }
        HttpResponse<String> html = get(SEED + "download/html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body())
                .contains("<meta http-equiv=\"Content-Security-Policy\"")
                .doesNotContain("/assets/");
        assertThat(get(SEED + "download/jsonld").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type)
                        .isIn(
                                "text/plain; charset=UTF-8",
                                "application/ld+json;profile=\"http://www.w3.org/ns/anno.jsonld\""));
    }

    @Test
    void aDocumentWithoutTrailingSlashIsRedirected() throws Exception {
        HttpResponse<String> response = get("/doc/" + Samples.HOSTILE_ID);
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue(HOSTILE);
    }

    @Test
    void followsTheFileWhenAnotherProcessAddsASpan(@TempDir Path own) throws Exception {
        Path file = Samples.seed(own);
        try (Viewer live = Viewer.start(List.of(file), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            URI version = live.uri().resolve(SEED + "version");
            String before = client.send(HttpRequest.newBuilder(version).build(), HttpResponse.BodyHandlers.ofString())
                    .body()
                    .strip();
            AnnotationFile.at(file)
                    .update(
                            "add a span",
                            doc -> doc.withSpan(
                                    new Span(doc.nextSpanId(), 1, 3, "PERSON", "added live", "tester", null, false)));
            long start = System.nanoTime();
            String after = before;
            while (after.equals(before) && System.nanoTime() - start < 2_000_000_000L) {
                Thread.sleep(50);
                after = client.send(HttpRequest.newBuilder(version).build(), HttpResponse.BodyHandlers.ofString())
                        .body()
                        .strip();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(after).as("version after %d ms", millis).isNotEqualTo(before);
            String page = client.send(
                            HttpRequest.newBuilder(live.uri().resolve(SEED)).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(page).contains("added live").contains("data-version=\"" + after + "\"");

            Files.writeString(file, "{ not json", StandardCharsets.UTF_8);
            start = System.nanoTime();
            String broken = after;
            while (broken.equals(after) && System.nanoTime() - start < 2_000_000_000L) {
                Thread.sleep(50);
                broken = client.send(HttpRequest.newBuilder(version).build(), HttpResponse.BodyHandlers.ofString())
                        .body()
                        .strip();
            }
            page = client.send(
                            HttpRequest.newBuilder(live.uri().resolve(SEED)).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(page)
                    .contains("class=\"problem\"")
                    .contains("showing the last good version")
                    .contains("added live");
        }
    }

    @Test
    void aChangeSendsOnlyWhatChangedAndATextChangeAsksForAReload(@TempDir Path own) throws Exception {
        Path file = Samples.seed(own);
        try (Viewer live = Viewer.start(List.of(file), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            HttpResponse<String> page = client.send(
                    HttpRequest.newBuilder(live.uri().resolve(SEED)).build(), HttpResponse.BodyHandlers.ofString());
            String before = version(live);
            assertThat(body(live, SEED + "changes/" + before)).isEqualTo("{\"to\":\"" + before + "\"}");
            AnnotationFile.at(file)
                    .update(
                            "add a span",
                            doc -> doc.withSpan(
                                    new Span(doc.nextSpanId(), 1, 3, "PERSON", "added live", "tester", null, false)));
            String after = waitForNewVersion(live, before);
            HttpResponse<String> changes = client.send(
                    HttpRequest.newBuilder(live.uri().resolve(SEED + "changes/" + before))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(changes.statusCode()).isEqualTo(200);
            assertThat(changes.headers().firstValue("Content-Type")).hasValue("application/json; charset=UTF-8");
            assertThat(changes.headers().firstValue("Cache-Control")).hasValue("no-store");
            JsonNode json = new ObjectMapper().readTree(changes.body());
            assertThat(json.get("from").asText()).isEqualTo(before);
            assertThat(json.get("to").asText()).isEqualTo(after);
            assertThat(json.get("remove")).isEmpty();
            assertThat(json.get("add")).hasSize(1);
            JsonNode added = json.get("add").get(0);
            List<String> ids = AnnotationFile.at(file).read().spans().stream()
                    .map(Span::id)
                    .toList();
            assertThat(added.get(0).asInt()).as("the new span's entry index").isEqualTo(ids.indexOf("s182"));
            assertThat(added.get(1).get(0).asText()).isEqualTo("s182");
            assertThat(added.get(1).get(5).asText()).isEqualTo("added live");
            assertThat(json.get("pieces"))
                    .as("only the first paragraph changed")
                    .hasSize(1);
            String piece = json.get("pieces").get(0).get(1).asText();
            assertThat(piece.startsWith("<p") && piece.contains("href=\"#e-s182\"") && piece.endsWith("</p>\n"))
                    .as("the piece is the paragraph of the new span, with its marker")
                    .isTrue();
            assertThat(json.get("legend").asText()).contains("class=\"card legend\"");
            assertThat(json.get("relationsAdd")).isEmpty();
            System.out.println("one added span: the change is " + changes.body().getBytes(StandardCharsets.UTF_8).length
                    + " bytes, the page " + page.body().getBytes(StandardCharsets.UTF_8).length + " bytes");
            assertThat(changes.body().length()).isLessThan(page.body().length());
            assertThat(body(live, SEED + "changes/0123456789abcdef"))
                    .as("a version the viewer does not know")
                    .isEqualTo("{\"reload\":true,\"to\":\"" + after + "\"}");

            AnnotationFile.at(file).update("retitle the text", doc -> {
                var retitled = org.scholion.core.model.AnnotatedDocument.builder(
                                doc.document().withTitle("Retitled"))
                        .labelSets(doc.labelSets());
                doc.spans().forEach(retitled::span);
                doc.relations().forEach(retitled::relation);
                return retitled.build();
            });
            String edited = waitForNewVersion(live, after);
            assertThat(body(live, SEED + "changes/" + after)).isEqualTo("{\"reload\":true,\"to\":\"" + edited + "\"}");
        }
    }

    private static String version(Viewer live) throws Exception {
        return body(live, SEED + "version").strip();
    }

    private static String body(Viewer live, String path) throws Exception {
        return client.send(
                        HttpRequest.newBuilder(live.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String waitForNewVersion(Viewer live, String old) throws Exception {
        long start = System.nanoTime();
        String now = old;
        while (now.equals(old) && System.nanoTime() - start < 3_000_000_000L) {
            Thread.sleep(50);
            now = version(live);
        }
        assertThat(now).isNotEqualTo(old);
        return now;
    }

    @Test
    void refusesAFileItCannotRead(@TempDir Path own) throws Exception {
        Path bad = own.resolve("bad.scholion.json");
        Files.writeString(bad, "{}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Viewer.start(List.of(bad), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))
                .isInstanceOf(ScholionException.class)
                .hasMessageContaining("bad.scholion.json");
        assertThatThrownBy(() -> Viewer.start(
                        List.of(own.resolve("missing.json")),
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))
                .isInstanceOf(ScholionException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void aBusyPortIsOneClearError(@TempDir Path own) throws Exception {
        Path file = Samples.seed(own);
        assertThatThrownBy(() -> Viewer.start(
                        List.of(file),
                        new InetSocketAddress(
                                InetAddress.getLoopbackAddress(), viewer.uri().getPort())))
                .isInstanceOf(ScholionException.class)
                .hasMessageContaining("cannot listen there");
    }

    @Test
    void documentsWithTheSameIdGetDistinctAddresses(@TempDir Path own) throws Exception {
        Path a = Files.createDirectories(own.resolve("a"));
        Path b = Files.createDirectories(own.resolve("b"));
        try (Viewer two = Viewer.start(
                List.of(Samples.seed(a), Samples.seed(b)),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            assertThat(two.documentUris())
                    .extracting(URI::getPath)
                    .containsExactly(SEED, "/doc/" + Seeds.ARTICLE_ID + "-2/");
        }
    }

    @Test
    void pathSegmentsAreDecodedStrictly() {
        assertThat(Addresses.segments("/doc/a/")).containsExactly("doc", "a");
        assertThat(Addresses.segments("/doc/%C3%A9t%C3%A9/")).containsExactly("doc", "été");
        assertThat(Addresses.segments("/doc/%zz/")).isNull();
        assertThat(Addresses.segments("/doc/%C3/")).isNull();
        assertThat(Addresses.segments("/doc/../")).isNull();
        assertThat(Addresses.encode("été:1")).isEqualTo("%C3%A9t%C3%A9%3A1");
        assertThat(Addresses.contentDisposition("été.csv"))
                .isEqualTo("attachment; filename=\"_t_.csv\"; filename*=UTF-8''%C3%A9t%C3%A9.csv");
    }
}
