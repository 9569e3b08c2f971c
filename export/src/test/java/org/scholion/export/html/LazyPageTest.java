package org.scholion.export.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.export.ExportOptions;
import org.scholion.export.Format;

/**
 * A served page that carries only the first slice of its text: put back together, the slices are
 * the whole page's text to the byte; every slice starts on a piece of its own; its placeholder names
 * the right pieces and code points; a span across a slice boundary is drawn in both.
 */
class LazyPageTest {
    private static final Pattern ARTICLE =
            Pattern.compile("<article id=\"text\"[^>]*>\n(.*)</article>\n", Pattern.DOTALL);
    private static final Pattern HOLDER =
            Pattern.compile("<div class=\"slice\" data-slice=\"(\\d+)\" data-first=\"(\\d+)\" data-count=\"(\\d+)\""
                    + " data-start=\"(\\d+)\" data-end=\"(\\d+)\" data-lines=\"(\\d+)\"></div>\n");
    private static final Pattern MARKER = Pattern.compile("<a class=\"mk [^\"]*\" href=\"[^\"]*\">\\d*</a>");

    /**
     * Paragraphs with emoji, a combining mark and CRLF (two lines each, a blank line between), a
     * paragraph long enough to go out in two pieces, and spans from the middle of each paragraph
     * into the next.
     */
    static AnnotatedDocument document() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            if (i == 7) {
                for (int line = 0; line < 90; line++) {
                    text.append("😀 Long line ").append(line).append(" of the long paragraph.\r\n");
                }
                text.append("\r\n");
            }
            text.append("😀 Paragraph ")
                    .append(i)
                    .append(" by Zoë\u0301 & <b>co</b>,\r\nits second line 🇫🇷.\r\n\r\n");
        }
        String s = text.toString();
        CodePointText points = CodePointText.of(s);
        AnnotatedDocument.Builder builder = AnnotatedDocument.builder(Document.of("lazy", s))
                .labelSet(LabelSet.of("set", Label.of("A", "#112233"), Label.of("B", "#EEDDCC")));
        for (int i = 0; i + 1 < 14; i++) {
            int from = points.toCodePointIndex(s.indexOf("by Zo", s.indexOf("Paragraph " + i + " ")));
            int to = points.toCodePointIndex(s.indexOf("second", s.indexOf("Paragraph " + (i + 1) + " ")));
            builder.span(Span.of("x" + i, from, to, i % 2 == 0 ? "A" : "B"));
            int word = points.toCodePointIndex(s.indexOf("Paragraph " + i + " "));
            builder.span(new Span(
                    "w" + i,
                    word,
                    word + 9,
                    "B",
                    i % 3 == 0 ? "a note, " + (i % 2) : null,
                    i % 2 == 0 ? "ann" : null,
                    null,
                    false));
        }
        return builder.build();
    }

    static HtmlPage.Served served(HtmlPage.Lazy lazy) {
        Map<Format, String> downloads = new LinkedHashMap<>();
        downloads.put(Format.CSV, "download/csv");
        return new HtmlPage.Served(
                "/assets/scholion.css",
                "labels.css?v=1",
                "/assets/scholion.js",
                "download/jsonld",
                "/",
                "version",
                downloads,
                "v1",
                null,
                lazy);
    }

    /** A lazy page, its slices by number and its data block. */
    record Lazy(String page, Map<Integer, String> slices, String data) {}

    static Lazy lazy(AnnotatedDocument doc, int slice) throws IOException {
        Map<Integer, ByteArrayOutputStream> slices = new TreeMap<>();
        Set<Integer> closed = new HashSet<>();
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        HtmlPage.served(
                doc,
                ExportOptions.DEFAULT,
                served(new HtmlPage.Lazy("text/", slice, "data/v1")),
                page,
                new HtmlPage.Slices() {
                    @Override
                    public OutputStream open(int number) {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        assertThat(slices.put(number, bytes))
                                .as("slice %s opened once", number)
                                .isNull();
                        return closing(bytes, number);
                    }

                    @Override
                    public OutputStream data() {
                        assertThat(data.size())
                                .as("the data block is written once")
                                .isZero();
                        return closing(data, 0);
                    }

                    private OutputStream closing(OutputStream bytes, int number) {
                        return new java.io.FilterOutputStream(bytes) {
                            @Override
                            public void close() throws IOException {
                                closed.add(number);
                                super.close();
                            }
                        };
                    }
                });
        Set<Integer> opened = new HashSet<>(slices.keySet());
        opened.add(0);
        assertThat(closed).as("every slice and the data block are closed").isEqualTo(opened);
        Map<Integer, String> text = new TreeMap<>();
        slices.forEach((n, bytes) -> text.put(n, bytes.toString(StandardCharsets.UTF_8)));
        return new Lazy(page.toString(StandardCharsets.UTF_8), text, data.toString(StandardCharsets.UTF_8));
    }

    static String whole(AnnotatedDocument doc) throws IOException {
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        HtmlPage.served(doc, ExportOptions.DEFAULT, served(null), page);
        return page.toString(StandardCharsets.UTF_8);
    }

    static String article(String page) {
        Matcher m = ARTICLE.matcher(page);
        assertThat(m.find()).as("the page has its text").isTrue();
        return m.group(1);
    }

    /** The characters of a piece of markup without markers, tags and line breaks, unescaped. */
    static String characters(String markup) {
        return MARKER.matcher(markup)
                .replaceAll("")
                .replaceAll("<[^>]*>", "")
                .replace("\n", "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    static int pieces(String markup) {
        return markup.split("<p dir=", -1).length - 1;
    }

    @Test
    void theSlicesPutBackInPlaceOfTheirPlaceholdersAreTheWholeText() throws Exception {
        AnnotatedDocument doc = document();
        Lazy lazy = lazy(doc, 120);
        assertThat(lazy.slices()).as("slices beyond the first").hasSizeGreaterThan(5);
        assertThat(lazy.slices().keySet())
                .containsExactlyElementsOf(rangeClosed(1, lazy.slices().size()));
        String text = article(lazy.page());
        Matcher holder = HOLDER.matcher(text);
        StringBuilder together = new StringBuilder();
        int placeholders = 0;
        while (holder.find()) {
            holder.appendReplacement(
                    together, Matcher.quoteReplacement(lazy.slices().get(Integer.parseInt(holder.group(1)))));
            placeholders++;
        }
        holder.appendTail(together);
        assertThat(placeholders).isEqualTo(lazy.slices().size());
        assertThat(together.toString()).isEqualTo(article(whole(doc)));
        String attributes = " data-slices=\"text/\" data-source=\"data/v1\"";
        assertThat(lazy.page()).contains(attributes).doesNotContain("id=\"data\"");
        assertThat(whole(doc)).doesNotContain("data-slices").doesNotContain("class=\"slice\"");
        // the page apart from its text and data block is the whole page's, and so is the data block
        // once its notes and annotators are put back in place of their numbers
        Matcher inline = Pattern.compile(
                        "<script type=\"application/json\" id=\"data\">(.*?)</script>\n", Pattern.DOTALL)
                .matcher(whole(doc));
        assertThat(inline.find()).isTrue();
        ObjectMapper json = new ObjectMapper();
        ObjectNode fetched = (ObjectNode) json.readTree(lazy.data());
        JsonNode strings = fetched.remove("strings");
        assertThat(strings).as("notes and annotators, once each").hasSize(3);
        for (JsonNode row : fetched.get("spans")) {
            for (int i : new int[] {5, 6}) {
                if (!row.get(i).isNull()) {
                    ((ArrayNode) row).set(i, strings.get(row.get(i).asInt()));
                }
            }
        }
        assertThat(fetched).isEqualTo(json.readTree(inline.group(1)));
        String preload = "<link rel=\"preload\" as=\"fetch\" crossorigin href=\"data/v1\">\n";
        assertThat(lazy.page()).contains(preload);
        assertThat(lazy.page().replace(text, "").replace(attributes, "").replace(preload, ""))
                .isEqualTo(whole(doc).replace(article(whole(doc)), "").replace(inline.group(), ""));
    }

    @Test
    void eachPlaceholderNamesItsPiecesAndCodePoints() throws Exception {
        AnnotatedDocument doc = document();
        CodePointText points = doc.text();
        Lazy lazy = lazy(doc, 120);
        String text = article(lazy.page());
        Matcher holder = HOLDER.matcher(text);
        String first = text.substring(0, text.indexOf("<div class=\"slice\""));
        int piece = pieces(first);
        int codePoint = 0;
        String previous = first;
        assertThat(first).startsWith("<p dir=\"auto\"");
        while (holder.find()) {
            String slice = lazy.slices().get(Integer.parseInt(holder.group(1)));
            int start = Integer.parseInt(holder.group(4));
            int end = Integer.parseInt(holder.group(5));
            assertThat(slice)
                    .as("a slice holds whole pieces")
                    .startsWith("<p dir=\"auto\"")
                    .endsWith("</p>\n");
            assertThat(Integer.parseInt(holder.group(2))).as("first piece").isEqualTo(piece);
            assertThat(Integer.parseInt(holder.group(3))).as("pieces").isEqualTo(pieces(slice));
            if (previous.isEmpty()) {
                assertThat(start)
                        .as("each slice starts where the one before ends")
                        .isEqualTo(codePoint);
            } else {
                assertThat(start).as("the page's own slice holds text").isPositive();
            }
            // the text before this slice ends where it starts, and the slice holds [start, end) in code points
            assertThat(characters(previous))
                    .isEqualTo(points.slice(codePoint, start).replace("\r", "").replace("\n", ""));
            assertThat(characters(slice))
                    .isEqualTo(points.slice(start, end).replace("\r", "").replace("\n", ""));
            assertThat(Integer.parseInt(holder.group(6))).as("lines").isPositive();
            piece += pieces(slice);
            codePoint = end;
            previous = "";
        }
        assertThat(codePoint).as("the last slice ends with the text").isEqualTo(points.length());
        assertThat(piece).isEqualTo(pieces(article(whole(doc))));
    }

    @Test
    void aSpanAcrossASliceBoundaryIsDrawnInBothSlices() throws Exception {
        AnnotatedDocument doc = document();
        Lazy lazy = lazy(doc, 120);
        String text = article(lazy.page());
        List<String> chunks = new ArrayList<>();
        chunks.add(text.substring(0, text.indexOf("<div class=\"slice\"")));
        chunks.addAll(lazy.slices().values());
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        Matcher holder = HOLDER.matcher(text);
        while (holder.find()) {
            starts.add(Integer.parseInt(holder.group(4)));
        }
        int crossing = 0;
        for (Span span : doc.spans()) {
            for (int k = 1; k < starts.size(); k++) {
                if (span.start() < starts.get(k) && starts.get(k) < span.end()) {
                    crossing++;
                    Pattern drawn =
                            Pattern.compile("data-s=\"(?:[^\"]* )?" + Pattern.quote(span.id()) + "(?: [^\"]*)?\"");
                    assertThat(drawn.matcher(chunks.get(k - 1)).find())
                            .as("%s before the boundary", span.id())
                            .isTrue();
                    assertThat(drawn.matcher(chunks.get(k)).find())
                            .as("%s after the boundary", span.id())
                            .isTrue();
                }
            }
        }
        assertThat(crossing).as("spans that cross a slice boundary").isGreaterThan(2);
    }

    @Test
    void aSliceLargerThanTheTextLeavesTheWholeTextOnThePage() throws Exception {
        AnnotatedDocument doc = document();
        Lazy lazy = lazy(doc, 1_000_000);
        assertThat(lazy.slices()).isEmpty();
        assertThat(article(lazy.page())).isEqualTo(article(whole(doc)));
    }

    @Test
    void aLazyPageNeedsSomewhereToPutItsSlices() {
        HtmlPage.Served lazy = served(new HtmlPage.Lazy("text/", 10, "data/v1"));
        OutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> HtmlPage.served(document(), ExportOptions.DEFAULT, lazy, out, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HtmlPage.Lazy("text/", 0, "data/v1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(lazy.whole().lazy()).isNull();
        assertThat(Arrays.asList(lazy.whole().version(), lazy.whole().live())).containsExactly("v1", "version");
    }

    private static List<Integer> rangeClosed(int from, int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
