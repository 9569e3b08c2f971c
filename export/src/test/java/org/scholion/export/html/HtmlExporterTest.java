package org.scholion.export.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.Format;
import org.scholion.export.GoldenFiles;
import org.scholion.export.docx.LinkedDocument;

class HtmlExporterTest {
    static final String SCRIPT_PAYLOAD = "<script>alert(1)</script>";
    static final String IMG_PAYLOAD = "\"><img src=x onerror=alert(1)>";
    private static final Pattern JSON_LD = Pattern.compile(
            "<script type=\"application/ld\\+json\" id=\"annotations\">\n(.*?)\n</script>\n", Pattern.DOTALL);

    /** Hostile strings everywhere a person can type, plus emoji, a combining mark, CRLF, Arabic and nesting. */
    static AnnotatedDocument hostile() {
        String text = "Ahmed said " + SCRIPT_PAYLOAD + " and 😀 Zoë\u0301 wrote " + IMG_PAYLOAD + ".\r\n" + "\r\n"
                + "مرحبا بالعالم & <b>bold</b> 'quoted'\n";
        Document doc = new Document(
                "hostile-doc",
                "Title " + SCRIPT_PAYLOAD + IMG_PAYLOAD,
                null,
                "text/plain",
                "en",
                Map.of("source", "file " + IMG_PAYLOAD, "author", SCRIPT_PAYLOAD),
                text);
        LabelSet set = LabelSet.of(
                "set_x",
                new Label("<img src=x onerror=alert(2)>", "#CC3311", "Description " + SCRIPT_PAYLOAD, null, null),
                new Label("QUOTE", "#4477AA", null, null, null),
                new Label("PERSON", "#EE7733", "A \"named\" person.", null, null));
        int script = text.indexOf(SCRIPT_PAYLOAD);
        int img = text.codePointCount(0, text.indexOf(IMG_PAYLOAD));
        int arabic = text.codePointCount(0, text.indexOf("مرحبا"));
        Instant when = Instant.parse("2026-11-24T10:00:00Z");
        return AnnotatedDocument.of(doc, List.of(set))
                .withSpan(new Span("s1", 0, 5, "PERSON", null, "alice", when, false))
                .withSpan(new Span(
                        "s2",
                        script,
                        script + SCRIPT_PAYLOAD.length() + 8,
                        "QUOTE",
                        "note " + IMG_PAYLOAD,
                        SCRIPT_PAYLOAD,
                        when,
                        false))
                .withSpan(new Span(
                        "s3",
                        script + 8,
                        script + 14,
                        "<img src=x onerror=alert(2)>",
                        SCRIPT_PAYLOAD,
                        "bob",
                        null,
                        false))
                .withSpan(new Span(
                        "s4",
                        img - 8,
                        img + 12,
                        "PERSON",
                        "overlaps the quote's end? no: the emoji",
                        null,
                        null,
                        false))
                .withSpan(new Span("s5", img + 2, img + 8, "QUOTE", null, null, null, false))
                .withSpan(new Span("s6", arabic, arabic + 5, "PERSON", "right to left", "carol", when, false))
                .withSpan(new Span("s7", 30, 40, "QUOTE", null, null, null, true))
                .withRelation(new Relation("r1", "said-by", "s2", "s1"));
    }

    static String render(AnnotatedDocument doc) throws ExportException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporters.of(Format.HTML).export(doc, ExportOptions.DEFAULT, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The page apart from what other tests check: the JSON-LD block (the JSON-LD exporter's golden
     * files), the page's script and stylesheet (their own files, inlined whole) and the policy's
     * hashes of them ({@link #policyHashesMatchTheInlineStyleAndScript}).
     */
    @Test
    void matchesTheGoldenFileApartFromTheJsonLdBlockScriptAndStylesheet() throws Exception {
        String page = render(hostile());
        String script = "<script>" + HtmlPage.SCRIPT + "</script>";
        String style = "<style>" + HtmlPage.STYLESHEET;
        assertThat(countOf(page, script)).as("the script is inlined once").isEqualTo(1);
        assertThat(countOf(page, style)).as("the stylesheet is inlined once").isEqualTo(1);
        String rest = JSON_LD.matcher(page)
                .replaceAll("")
                .replace(script, "<script>/* scholion.js */</script>")
                .replace(style, "<style>/* scholion.css */\n")
                .replaceAll("'sha256-[A-Za-z0-9+/=]{44}'", "'sha256-…'");
        GoldenFiles.check("html-hostile", "expected.html", rest.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sameInputGivesTheSameBytes() throws Exception {
        assertThat(render(hostile())).isEqualTo(render(hostile()));
    }

    @Test
    void embedsTheJsonLdExportWhenThatExporterWorks() throws Exception {
        AnnotatedDocument doc = hostile();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        boolean jsonLdBuilt;
        try {
            Exporters.of(Format.JSONLD).export(doc, ExportOptions.DEFAULT, expected);
            jsonLdBuilt = true;
        } catch (ExportException e) {
            jsonLdBuilt = false;
        }
        Matcher block = JSON_LD.matcher(render(doc));
        if (!jsonLdBuilt) {
            assertThat(block.find())
                    .as("no JSON-LD block while that exporter is not built")
                    .isFalse();
            return;
        }
        assertThat(block.find()).isTrue();
        String embedded = block.group(1);
        assertThat(embedded).doesNotContain("<").doesNotContain(">");
        ObjectMapper json = new ObjectMapper();
        JsonNode fromPage = json.readTree(embedded);
        assertThat(fromPage).isEqualTo(json.readTree(expected.toByteArray()));
        assertThat(fromPage.toString()).contains(SCRIPT_PAYLOAD);
    }

    @Test
    void hostileTextLabelsNotesAndTitlesAreEscapedEverywhere() throws Exception {
        String page = render(hostile());
        String body = JSON_LD.matcher(page).replaceAll("");
        assertThat(body)
                .doesNotContain("<img")
                .doesNotContain("<b>")
                .doesNotContain("alert(1)</script>")
                .doesNotContain("onerror=alert(2)>");
        assertThat(body)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
                .contains("data-label-toggle=\"&lt;img src=x onerror=alert(2)&gt;\"")
                .contains("<title>Title &lt;script&gt;");
        // besides the JSON-LD block (when built): the page's data block, never run, and the page's own code
        assertThat(countOf(body, "<script")).isEqualTo(2);
        assertThat(countOf(body, "<script>")).isEqualTo(1);
        assertThat(countOf(body, "<script type=\"application/json\" id=\"data\">"))
                .isEqualTo(1);
        assertThat(countOf(page, "</script>")).isEqualTo(countOf(page, "<script"));
        String markup = body.replaceAll("(?s)<style>.*?</style>|<script>.*?</script>", "");
        // an event handler attribute, i.e. outside every quoted attribute value
        assertThat(markup).doesNotContainPattern("<\\w+(?:\\s+[\\w-]+(?:=\"[^\"]*\")?)*\\s+on\\w+\\s*=");
        assertThat(markup).containsPattern("<\\w+(?:\\s+[\\w-]+(?:=\"[^\"]*\")?)*\\s+data-label-toggle\\s*=");
    }

    @Test
    void policyHashesMatchTheInlineStyleAndScript() throws Exception {
        String page = render(hostile());
        Matcher policy = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">")
                .matcher(page);
        assertThat(policy.find()).isTrue();
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(page);
        Matcher script =
                Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(page);
        assertThat(style.find()).isTrue();
        assertThat(script.find()).isTrue();
        assertThat(policy.group(1))
                .startsWith("default-src 'none'; ")
                .contains("script-src '" + HtmlPage.sha256(script.group(1)) + "'")
                .contains("style-src '" + HtmlPage.sha256(style.group(1)) + "'")
                .doesNotContain("unsafe");
        // nothing is fetched: no address outside the JSON-LD data (whose IRIs name things, and are never loaded)
        assertThat(JSON_LD.matcher(page).replaceAll(""))
                .doesNotContain("style=\"")
                .doesNotContain("http://")
                .doesNotContain("https://")
                .doesNotContain(" src=\"")
                .doesNotContain("<link");
    }

    @Test
    void everySpanIsListedAndHighlightedWithItsNesting() throws Exception {
        AnnotatedDocument doc = hostile();
        String page = render(doc);
        // the suggestion s7 is left out, as in every export by default
        JsonNode data = data(page);
        assertThat(data.get("spans")).hasSize(6);
        assertThat(data.get("spans").findValuesAsText("0")).isEmpty();
        assertThat(ids(data)).containsExactly("s1", "s2", "s3", "s4", "s5", "s6");
        assertThat(page).doesNotContain("data-s=\"s7\"");
        // s3 lies inside s2: its fragment is underlined for s2 and filled for s3; a fragment of one span is one element
        assertThat(page).contains("<span class=\"fr u c1\" data-s=\"s2 s3\"><span class=\"f c0\">");
        assertThat(page).contains("<span class=\"fr f c2\" data-s=\"s1\">Ahmed</span>");
        assertThat(page).contains("<a class=\"mk c1\" href=\"#e-s2\">2</a>");
        JsonNode arabic = data.get("spans").get(5);
        assertThat(arabic.get(4).asText()).isEqualTo("مرحبا");
        assertThat(arabic.get(5).asText()).isEqualTo("right to left");
        assertThat(arabic.get(6).asText()).isEqualTo("carol");
        assertThat(data.get("relations").get(0).toString()).isEqualTo("[\"s2\",\"said-by\",\"s1\"]");
        assertThat(data.get("labels").get(0).get(0).asText()).isEqualTo("<img src=x onerror=alert(2)>");
        assertThat(data.get("rows")).hasSize(3);
    }

    @Test
    void theDataBlockKeepsHostileTextAsDataAndCannotCloseItself() throws Exception {
        String page = render(hostile());
        String block = between(page, "<script type=\"application/json\" id=\"data\">", "</script>");
        assertThat(block).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        JsonNode data = data(page);
        assertThat(data.get("spans").get(1).get(6).asText()).isEqualTo(SCRIPT_PAYLOAD);
        assertThat(data.get("spans").get(1).get(5).asText()).isEqualTo("note " + IMG_PAYLOAD);
        assertThat(data.get("spans").get(2).get(5).asText()).isEqualTo(SCRIPT_PAYLOAD);
    }

    @Test
    void theDataBlockCarriesAttributesAndLinksWithTheirExpandedIris() throws Exception {
        String page = render(LinkedDocument.build());
        String block = between(page, "<script type=\"application/json\" id=\"data\">", "</script>");
        assertThat(block).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        // one span a line, its attributes included
        assertThat(block.lines().filter(l -> l.startsWith("[\"s"))).hasSize(3);
        JsonNode spans = data(page).get("spans");
        assertThat(spans.get(0).get(8).get("certainty").asText()).isEqualTo("high");
        assertThat(spans.get(0).get(9).get(0).get(0).asText()).isEqualTo("wikidata:Q3052772");
        assertThat(spans.get(0).get(9).get(0).get(1).asText()).isEqualTo(LinkedDocument.WIKIDATA + "Q3052772");
        assertThat(spans.get(1).get(8).get("speaker").asText()).isEqualTo(LinkedDocument.HOSTILE_VALUE);
        assertThat(spans.get(1).get(9).get(0).get(0).asText()).isEqualTo("wikidata:Q61053");
        assertThat(spans.get(1).get(9).get(1).get(1).asText()).isEqualTo(LinkedDocument.HOSTILE_IRI);
        assertThat(spans.get(2).get(8).size()).isZero();
        assertThat(spans.get(2).get(9).get(1).get(1).asText()).isEqualTo("urn:isbn:0451450523");
        // a span without either keeps the short record
        assertThat(data(render(hostile())).get("spans").get(0).size()).isEqualTo(8);
    }

    @Test
    void writesToTheStreamAsItGoes() throws Exception {
        StringBuilder text = new StringBuilder();
        AnnotatedDocument.Builder builder = AnnotatedDocument.builder(Document.of("big", ""))
                .labelSet(LabelSet.of("set", Label.of("A", "#112233")));
        for (int i = 0; i < 4000; i++) {
            text.append("Sentence number ").append(i).append(" <is> & long enough to fill a line.\n");
        }
        String s = text.toString();
        builder =
                AnnotatedDocument.builder(Document.of("big", s)).labelSet(LabelSet.of("set", Label.of("A", "#112233")));
        for (int i = 0; i < 4000; i++) {
            int start = s.indexOf("Sentence number " + i + " ");
            builder.span(Span.of("s" + i, start, start + 8, "A"));
        }
        AnnotatedDocument doc = builder.build();
        long[] largest = {0};
        long[] total = {0};
        java.io.OutputStream counting = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                total[0]++;
                largest[0] = Math.max(largest[0], 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                total[0] += len;
                largest[0] = Math.max(largest[0], len);
            }
        };
        Exporters.of(Format.HTML).export(doc, ExportOptions.DEFAULT, counting);
        assertThat(total[0]).isGreaterThan(1_000_000);
        // no write larger than the page's own buffers: the page is never held whole
        assertThat(largest[0]).isLessThanOrEqualTo(1 << 17);
        assertThat(total[0]).isEqualTo(render(doc).getBytes(StandardCharsets.UTF_8).length);
        String page = render(doc);
        assertThat(page).contains("<p dir=\"auto\" class=\"long\">").contains("<p dir=\"auto\" class=\"cont long\">");
    }

    @Test
    void theJsonLdStreamIsEscapedAsTheStringWouldBe() throws Exception {
        long seed = Long.getLong("test.seed", new Random().nextLong());
        Random random = new Random(seed);
        String[] pieces = {
            "{",
            "}",
            "\"a\"",
            " ",
            "\n",
            "<",
            ">",
            "&",
            "\u2028",
            "\u2029",
            "\u2014",
            "\u20ac",
            "😀",
            "x",
            "</script>",
            "<!--",
            "\u00e2\u0080"
        };
        for (int round = 0; round < 200; round++) {
            StringBuilder json = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                json.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ScriptSafeStream safe = new ScriptSafeStream(out);
            for (int i = 0; i < bytes.length; ) {
                int n = Math.min(bytes.length - i, random.nextInt(4));
                if (n == 1) {
                    safe.write(bytes[i]);
                } else {
                    safe.write(bytes, i, n);
                }
                i += n;
                if (random.nextInt(5) == 0) {
                    safe.flush();
                }
            }
            safe.finish();
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .as("seed %d", seed)
                    // JSON's whitespace is these four; String.strip() would also take U+2028 at the edges
                    .isEqualTo(scriptSafeJson(json.toString().replaceAll("\\A[ \t\n\r]+|[ \t\n\r]+\\z", "")));
        }
    }

    /** What ScriptSafeStream must write for a whole string: the escapes, one character at a time. */
    private static String scriptSafeJson(String json) {
        StringBuilder out = new StringBuilder(json.length() + 32);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static JsonNode data(String page) throws IOException {
        return new ObjectMapper()
                .readTree(between(page, "<script type=\"application/json\" id=\"data\">", "</script>"));
    }

    private static List<String> ids(JsonNode data) {
        List<String> ids = new ArrayList<>();
        data.get("spans").forEach(span -> ids.add(span.get(0).asText()));
        return ids;
    }

    @Test
    void theTextSurvivesExactlyForRandomDocuments() throws Exception {
        long seed = Long.getLong("test.seed", new Random().nextLong());
        Random random = new Random(seed);
        String[] pieces = {
            "a", "b", " ", "\n", "\r\n", "é", "e\u0301", "😀", "👩‍💻", "中", "ا", "&", "<", ">", "\"", "'", "\t",
            "\u00a0", "x"
        };
        LabelSet set = LabelSet.of("set", Label.of("A", "#112233"), Label.of("B", "#EEDDCC"), Label.of("C", "#44AA99"));
        for (int round = 0; round < 40; round++) {
            StringBuilder text = new StringBuilder();
            int n = 1 + random.nextInt(60);
            for (int i = 0; i < n; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = text.toString();
            int length = s.codePointCount(0, s.length());
            AnnotatedDocument.Builder builder =
                    AnnotatedDocument.builder(Document.of("d", s)).labelSet(set);
            java.util.Set<String> taken = new java.util.HashSet<>();
            for (int i = 0; i < random.nextInt(8); i++) {
                int start = random.nextInt(length);
                int end = start + 1 + random.nextInt(length - start);
                String label = List.of("A", "B", "C").get(random.nextInt(3));
                if (taken.add(start + ":" + end + ":" + label)) { // one span per place and label
                    builder.span(Span.of("s" + i, start, end, label));
                }
            }
            AnnotatedDocument doc = builder.build();
            String article =
                    between(render(doc), "<article id=\"text\" class=\"text\" tabindex=\"-1\">\n", "</article>");
            String visible = unescape(article.replaceAll("<a class=\"mk[^>]*>\\d+</a>", "")
                    .replace("\n", "")
                    .replaceAll("<[^>]+>", ""));
            assertThat(visible)
                    .as("seed %d, text %s", seed, s.replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(s.replace("\r", "").replace("\n", ""));
            assertThat(countOf(article, "class=\"mk "))
                    .as("seed %d", seed)
                    .isEqualTo(doc.spans().size());
        }
    }

    @Test
    void controlCharactersBecomeReplacementCharactersOneForOne() {
        assertThat(HtmlPage.escape("a\u0000b\u0007c\u009Fd\te")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\te");
        assertThat(HtmlPage.escape("<&>\"'")).isEqualTo("&lt;&amp;&gt;&quot;&#39;");
    }

    @Test
    void jsonInAScriptBlockCannotCloseItOrOpenAComment() throws Exception {
        String json = "{\"a\":\"</script><!-- & \u2028\"}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScriptSafeStream stream = new ScriptSafeStream(out);
        stream.write(json.getBytes(StandardCharsets.UTF_8));
        stream.finish();
        String safe = out.toString(StandardCharsets.UTF_8);
        assertThat(safe)
                .doesNotContain("</")
                .doesNotContain("<!--")
                .doesNotContain("&")
                .doesNotContain("\u2028");
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(safe)).isEqualTo(mapper.readTree(json));
    }

    @Test
    void theDataBlockKeepsEveryStringInsideItsScript() throws Exception {
        String hostile = "</script><!-- & \u2028\u2029 \u0000\b\u007f\u0085 \"\\ 😀\r\n\t";
        AnnotatedDocument doc = AnnotatedDocument.of(
                        Document.of("d", "some text"), List.of(LabelSet.of("set", Label.of("A", "#112233"))))
                .withSpan(new Span("s1", 0, 4, "A", "note " + hostile, hostile, null, false));
        String block = between(render(doc), "<script type=\"application/json\" id=\"data\">", "</script>");
        assertThat(block)
                .doesNotContain("</")
                .doesNotContain("<!--")
                .doesNotContain("&")
                .doesNotContain("\u2028")
                .doesNotContain("\u2029")
                .doesNotContainPattern("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f]");
        String shown = hostile.replace("\u0000", "\uFFFD")
                .replace("\b", "\uFFFD")
                .replace("\u007f", "\uFFFD")
                .replace("\u0085", "\uFFFD");
        JsonNode data = new ObjectMapper().readTree(block);
        assertThat(data.get("spans").get(0).get(5).asText()).isEqualTo("note " + shown);
        assertThat(data.get("spans").get(0).get(6).asText()).isEqualTo(shown);
        assertThat(data.get("spans").get(0).get(7).isNull()).isTrue();
    }

    @Test
    void anEmptyDocumentStillMakesAPage() throws Exception {
        AnnotatedDocument doc = AnnotatedDocument.of(Document.of("empty", ""), List.of());
        String page = render(doc);
        assertThat(page)
                .contains("No spans yet.")
                .contains("<article id=\"text\"")
                .endsWith("</html>\n");
    }

    private static String between(String s, String from, String to) {
        int start = s.indexOf(from);
        assertThat(start).isNotNegative();
        return s.substring(start + from.length(), s.indexOf(to, start));
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static int countOf(String s, String part) {
        int count = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    static List<String> lines(String s) {
        return new ArrayList<>(List.of(s.split("\n")));
    }
}
