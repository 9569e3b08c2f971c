package org.scholion.export.docx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.xmlbeans.XmlCursor;
import org.junit.jupiter.api.Test;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.export.BriefOptions;
import org.scholion.export.ExportOptions;
import org.scholion.export.PageSize;
import org.scholion.export.brief.Brief;
import org.scholion.export.brief.Entry;
import org.scholion.export.brief.LegendEntry;
import org.scholion.seeds.Seeds;

class DocxExporterTest {
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    static byte[] export(AnnotatedDocument doc, ExportOptions options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DocxExporter().export(doc, options, out);
        Path folder = Path.of("target", "briefs");
        Files.createDirectories(folder);
        Files.write(folder.resolve(doc.document().id() + ".docx"), out.toByteArray());
        return out.toByteArray();
    }

    @Test
    void seedBriefAnchorsEveryCommentToExactlyItsSpan() throws Exception {
        AnnotatedDocument seed = Seeds.referenceAnnotation();
        checkComments(seed, ExportOptions.DEFAULT);
    }

    @Test
    void hostileBriefAnchorsEveryCommentToExactlyItsSpan() throws Exception {
        checkComments(HostileDocument.build(), ExportOptions.DEFAULT);
    }

    private static void checkComments(AnnotatedDocument source, ExportOptions options) throws Exception {
        Brief brief = Brief.of(source, options);
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(export(source, options)))) {
            XWPFComment[] comments = docx.getComments();
            assertThat(comments).hasSize(brief.entries().size());
            Map<String, XWPFComment> byId = new HashMap<>();
            for (XWPFComment c : comments) {
                byId.put(c.getId(), c);
            }
            Anchors anchors = Anchors.read(docx, brief);
            for (Entry e : brief.entries()) {
                String id = Integer.toString(e.number());
                XWPFComment comment = byId.get(id);
                assertThat(comment).as("comment of span %s", e.span().id()).isNotNull();
                assertThat(comment.getAuthor())
                        .isEqualTo(
                                e.span().annotator() == null
                                        ? "Scholion"
                                        : e.span().annotator());
                String expectedText = e.span().note() == null
                        ? e.label().name()
                        : e.label().name() + " — " + WordText.clean(e.span().note());
                assertThat(comment.getText().strip()).isEqualTo(expectedText);
                assertThat(normalise(anchors.text.get(id)))
                        .as("text anchored to span %s", e.span().id())
                        .isEqualTo(normalise(WordText.clean(e.quote())));
            }
            // every shaded run of text carries the fill of the innermost span around it; plain text none
            assertThat(anchors.wrongFills).isEmpty();
            assertThat(anchors.shadedRuns).isGreaterThan(0);
            Set<String> fills = brief.legend().stream()
                    .map(l -> l.tint().fill().substring(1))
                    .collect(Collectors.toSet());
            assertThat(fills).containsAll(anchors.fillsSeen);
        }
    }

    /**
     * Line breaks as paragraphs see them: blank lines collapsed, as the brief keeps paragraphs,
     * and none at either end, since a comment ends with its text and not with a paragraph mark.
     */
    private static String normalise(String s) {
        return s == null
                ? null
                : s.replaceAll("\r\n?", "\n").replaceAll("\n[\n]+", "\n").replaceAll("^\n+|\n+$", "");
    }

    @Test
    void tableHasOneRowPerSpanAndPropertiesAreFilled() throws Exception {
        AnnotatedDocument seed = Seeds.referenceAnnotation();
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(export(seed, ExportOptions.DEFAULT)))) {
            XWPFTable table = annotationsTable(docx);
            assertThat(table.getRows()).hasSize(seed.spans().size() + 1);
            assertThat(table.getRow(1).getCell(0).getText()).isEqualTo("1");
            assertThat(table.getRow(1).getCell(1).getText())
                    .isEqualTo(seed.spans().get(0).label());
            POIXMLProperties.CoreProperties core = docx.getProperties().getCoreProperties();
            assertThat(core.getTitle()).isEqualTo(seed.document().title());
            assertThat(core.getCreator()).isEqualTo("scholion-seed");
            assertThat(core.getSubject()).contains("propaganda");
            assertThat(core.getKeywords()).contains("CLAIM", "PERSON");
            String footer =
                    docx.getFooterList().get(0).getParagraphs().get(0).getCTP().xmlText();
            assertThat(footer)
                    .contains("PAGE")
                    .contains("NUMPAGES")
                    .contains("Page ")
                    .contains(" of ");
            assertThat(docx.getCharts()).hasSize(1);
            assertThat(docx.getCharts().get(0).getCTChart().xmlText())
                    .contains("LOCATION")
                    .contains("42");
            String sect = docx.getDocument().getBody().getSectPr().xmlText();
            assertThat(sect).contains("w:w=\"11906\"");
        }
    }

    @Test
    void tableShowsAttributesAndLinksAsExternalHyperlinks() throws Exception {
        AnnotatedDocument linked = LinkedDocument.build();
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(export(linked, ExportOptions.DEFAULT)))) {
            XWPFTable table = annotationsTable(docx);
            assertThat(table.getRow(0).getCell(5).getText()).isEqualTo("Attributes and links");
            assertThat(table.getRow(1).getCell(5).getText()).contains("certainty=high", "wikidata:Q3052772");
            // a full IRI under a declared base is shown short; markup in a value stays text
            assertThat(table.getRow(2).getCell(5).getText())
                    .contains("speaker=" + LinkedDocument.HOSTILE_VALUE, "wikidata:Q61053", LinkedDocument.HOSTILE_IRI);
            assertThat(table.getRow(3).getCell(5).getText()).contains("geonames:2988507", "urn:isbn:0451450523");
            Map<String, String> shownByTarget = new LinkedHashMap<>();
            for (int row = 1; row < table.getRows().size(); row++) {
                for (XWPFParagraph p : table.getRow(row).getCell(5).getParagraphs()) {
                    for (XWPFRun run : p.getRuns()) {
                        if (run instanceof XWPFHyperlinkRun link) {
                            shownByTarget.put(link.getHyperlink(docx).getURL(), run.text());
                        }
                    }
                }
            }
            assertThat(shownByTarget)
                    .containsExactly(
                            Map.entry(LinkedDocument.WIKIDATA + "Q3052772", "wikidata:Q3052772"),
                            Map.entry(LinkedDocument.WIKIDATA + "Q61053", "wikidata:Q61053"),
                            Map.entry(LinkedDocument.HOSTILE_IRI, LinkedDocument.HOSTILE_IRI),
                            Map.entry(LinkedDocument.GEONAMES + "2988507", "geonames:2988507"),
                            Map.entry("urn:isbn:0451450523", "urn:isbn:0451450523"));
            assertThat(docx.getPackagePart()
                            .getRelationshipsByType(
                                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"))
                    .hasSize(5)
                    .allSatisfy(r -> assertThat(r.getTargetMode()).isEqualTo(TargetMode.EXTERNAL));
        }
    }

    @Test
    void tableWithoutAttributesOrLinksHasNoColumnForThem() throws Exception {
        AnnotatedDocument seed = Seeds.referenceAnnotation();
        for (Span span : seed.spans()) { // the seed links its entities to Wikidata
            seed = seed.withSpanReplaced(span.withLinks(List.of()).withAttributes(Map.of()));
        }
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(export(seed, ExportOptions.DEFAULT)))) {
            assertThat(annotationsTable(docx).getRow(0).getTableCells()).hasSize(5);
        }
    }

    @Test
    void letterPagesAndNoTable() throws Exception {
        ExportOptions options = ExportOptions.builder()
                .brief(new BriefOptions(PageSize.LETTER, false, true))
                .build();
        try (XWPFDocument docx =
                new XWPFDocument(new ByteArrayInputStream(export(Seeds.referenceAnnotation(), options)))) {
            assertThat(docx.getDocument().getBody().getSectPr().xmlText()).contains("w:w=\"12240\"");
            assertThat(docx.getTables().stream()
                            .noneMatch(t -> t.getRow(0).getCell(0).getText().equals("#")))
                    .isTrue();
            assertThat(docx.getComments())
                    .hasSize(Seeds.referenceAnnotation().spans().size());
        }
    }

    @Test
    void hostileTextSurvivesAndRemovedControlsAreNamed() throws Exception {
        AnnotatedDocument doc = HostileDocument.build();
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(export(doc, ExportOptions.DEFAULT)))) {
            String all = Anchors.read(docx).body.toString();
            assertThat(all)
                    .contains(
                            "<script>alert('x')</script>",
                            "\"><img src=x onerror=alert(1)>",
                            HostileDocument.CYRILLIC,
                            HostileDocument.GREEK,
                            "👨‍👩‍👧",
                            "cafe\u0301",
                            "مرحبا بالعالم",
                            "漢字かな交じり文",
                            HostileDocument.LONG_WORD,
                            "abcdefg");
            String facts = docx.getTables().get(0).getText();
            // 6 in the text, 1 in the title, 1 in a note
            assertThat(facts).contains("8 control characters were removed");
            assertThat(docx.getProperties().getCoreProperties().getTitle())
                    .doesNotContain("\u0000")
                    .contains("<input>");
        }
    }

    @Test
    void documentWithoutSpansStillMakesABrief() throws Exception {
        AnnotatedDocument empty =
                AnnotatedDocument.of(org.scholion.core.model.Document.of("empty", ""), Seeds.labelSets());
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(export(empty, ExportOptions.DEFAULT)))) {
            assertThat(docx.getComments()).isEmpty();
            assertThat(Anchors.read(docx).body.toString()).contains("No spans were exported.");
        }
    }

    @Test
    void theSameBriefGivesTheSameBytesWithFixedEntryTimesAndNoCreationTime() throws Exception {
        AnnotatedDocument seed = Seeds.referenceAnnotation();
        byte[] first = export(seed, ExportOptions.DEFAULT);
        Thread.sleep(2_100); // past the 2-second resolution of a ZIP entry's time
        assertThat(export(seed, ExportOptions.DEFAULT)).isEqualTo(first);
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(first))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                names.add(e.getName());
                assertThat(e.getTimeLocal()).as("time of %s", e.getName()).isEqualTo(WordPackage.ENTRY_TIME);
                // no extended timestamp: it would be computed in the local time zone
                assertThat(e.getExtra()).as("extra fields of %s", e.getName()).isNull();
                byte[] part = zip.readAllBytes();
                if (e.getName().endsWith(".xml") || e.getName().endsWith(".rels")) {
                    // every part is well-formed XML on its own
                    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                    factory.setNamespaceAware(true);
                    assertThat(factory.newDocumentBuilder()
                                    .parse(new ByteArrayInputStream(part))
                                    .getDocumentElement())
                            .as(e.getName())
                            .isNotNull();
                }
                if (e.getName().equals("docProps/core.xml")) {
                    assertThat(new String(part, StandardCharsets.UTF_8)).doesNotContain("created");
                }
            }
        }
        assertThat(names.get(0)).isEqualTo("[Content_Types].xml");
        assertThat(names)
                .contains(
                        "word/document.xml",
                        "word/comments.xml",
                        "word/styles.xml",
                        "word/settings.xml",
                        "word/footer1.xml",
                        "word/charts/chart1.xml",
                        "word/charts/_rels/chart1.xml.rels",
                        "word/embeddings/Microsoft_Excel_Worksheet1.xlsx",
                        "docProps/core.xml",
                        "docProps/app.xml",
                        "_rels/.rels",
                        "word/_rels/document.xml.rels");
    }

    @Test
    void chartWorkbookHoldsTheLabelsAndCountsOfTheBars() throws Exception {
        AnnotatedDocument seed = Seeds.referenceAnnotation();
        List<LegendEntry> bars =
                WordChart.bars(Brief.of(seed, ExportOptions.DEFAULT).legend());
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(export(seed, ExportOptions.DEFAULT)))) {
            XWPFChart chart = docx.getCharts().get(0);
            XSSFSheet sheet = chart.getWorkbook().getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Sheet0");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Label");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Spans");
            assertThat(sheet.getLastRowNum()).isEqualTo(bars.size());
            for (int i = 0; i < bars.size(); i++) {
                assertThat(sheet.getRow(i + 1).getCell(0).getStringCellValue())
                        .isEqualTo(bars.get(i).label().name());
                assertThat(sheet.getRow(i + 1).getCell(1).getNumericCellValue())
                        .isEqualTo(bars.get(i).count());
            }
            // the chart's own values, which Word and LibreOffice draw, are the same, bar by bar in its colour
            XDDFChartData.Series series = chart.getChartSeries().get(0).getSeries(0);
            assertThat(series.getCategoryData().getPointCount()).isEqualTo(bars.size());
            String xml = chart.getCTChart().xmlText();
            for (int i = 0; i < bars.size(); i++) {
                assertThat(series.getCategoryData().getPointAt(i))
                        .isEqualTo(bars.get(i).label().name());
                assertThat(((Number) series.getValuesData().getPointAt(i)).intValue())
                        .isEqualTo(bars.get(i).count());
                assertThat(xml).contains(bars.get(i).tint().line().substring(1));
            }
        }
    }

    private static XWPFTable annotationsTable(XWPFDocument docx) {
        return docx.getTables().stream()
                .filter(t -> t.getRow(0).getCell(0).getText().equals("#"))
                .findFirst()
                .orElseThrow();
    }

    /** The text each comment range holds, read from the document's XML in order. */
    static final class Anchors {
        final Map<String, StringBuilder> open = new LinkedHashMap<>();
        final Map<String, String> text = new HashMap<>();
        final List<String> wrongFills = new ArrayList<>();
        final Set<String> fillsSeen = new java.util.HashSet<>();
        final StringBuilder body = new StringBuilder();
        int shadedRuns;

        private final Map<String, Entry> entries = new HashMap<>();

        static Anchors read(XWPFDocument docx) {
            return read(docx, null);
        }

        static Anchors read(XWPFDocument docx, Brief brief) {
            Anchors a = new Anchors();
            if (brief != null) {
                brief.entries().forEach(e -> a.entries.put(Integer.toString(e.number()), e));
            }
            a.walk(docx);
            return a;
        }

        private void walk(XWPFDocument docx) {
            try (XmlCursor c = docx.getDocument().getBody().newCursor()) {
                int linkDepth = 0;
                List<String> stack = new ArrayList<>();
                while (c.hasNextToken()) {
                    XmlCursor.TokenType token = c.toNextToken();
                    if (token.isStart()) {
                        String name = c.getName().getLocalPart();
                        stack.add(name);
                        switch (name) {
                            case "hyperlink" -> linkDepth++;
                            case "commentRangeStart" -> open.put(attr(c, "id"), new StringBuilder());
                            case "commentRangeEnd" -> {
                                String id = attr(c, "id");
                                StringBuilder b = open.remove(id);
                                text.put(id, b == null ? null : b.toString());
                            }
                            case "t" -> {
                                if (linkDepth == 0) {
                                    String t = c.getTextValue();
                                    open.values().forEach(b -> b.append(t));
                                    body.append(t);
                                }
                            }
                            case "tab" -> {
                                if (stack.size() > 1
                                        && stack.get(stack.size() - 2).equals("r")) {
                                    open.values().forEach(b -> b.append('\t'));
                                }
                            }
                            case "br" -> open.values().forEach(b -> b.append('\n'));
                            case "shd" -> {
                                if (stack.size() > 2
                                        && stack.get(stack.size() - 3).equals("r")
                                        && !stack.contains("tbl")
                                        && linkDepth == 0) {
                                    checkFill(attr(c, "fill"));
                                }
                            }
                            default -> {}
                        }
                    } else if (token.isEnd()) {
                        if (stack.isEmpty()) {
                            break;
                        }
                        String name = stack.remove(stack.size() - 1);
                        if (name.equals("hyperlink")) {
                            linkDepth--;
                        } else if (name.equals("p")) {
                            open.values().forEach(b -> b.append('\n'));
                            body.append('\n');
                        }
                    }
                }
            }
        }

        private void checkFill(String fill) {
            shadedRuns++;
            fillsSeen.add(fill);
            if (open.isEmpty()) {
                wrongFills.add(fill + " outside any comment");
            } else if (!entries.isEmpty()) {
                Entry innermost = open.keySet().stream()
                        .map(entries::get)
                        .max((a, b) -> Span.ORDER.compare(a.span(), b.span()))
                        .orElseThrow();
                if (!innermost.tint().fill().substring(1).equals(fill)) {
                    wrongFills.add(fill + " inside span " + innermost.span().id());
                }
            }
        }

        private static String attr(XmlCursor c, String local) {
            return c.getAttributeText(new QName(W, local));
        }
    }
}
