package org.scholion.export.docx;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.scholion.export.BriefOptions;
import org.scholion.export.brief.Brief;
import org.scholion.export.brief.Entry;
import org.scholion.export.brief.Fact;
import org.scholion.export.brief.LegendEntry;
import org.scholion.export.brief.LinkEntry;
import org.scholion.export.brief.Section;
import org.scholion.export.docx.WordPackage.Relationship;

/**
 * Writes one brief as a Word package; one instance per export. Every part is written as XML
 * straight into the ZIP stream: the header (title, facts, legend, chart) here, the text, the
 * comments and the annotation rows by {@link WordBody}, the styles by {@link WordStyles}, the
 * chart and its workbook by {@link WordChart}. Nothing is held but the brief itself, and the
 * same brief always gives the same bytes.
 */
final class WordBrief {
    /** Word can draw one underline per run: how the DOCX shows several enclosing spans. */
    static final String UNDERLINE_NOTE = "Word draws one underline per run: this document uses the colour of the "
            + "outermost enclosing span, and a double underline where two or more spans enclose the text. "
            + "Every span is also a Word comment over exactly its text.";

    static final String TEXT_COLOR = "111111";
    static final String MUTED = "555555";
    static final String RULE = "C8C8C8";

    static final String DOCUMENT = "word/document.xml";
    static final String COMMENTS = "word/comments.xml";

    private static final String WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    private static final String WML = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

    // the main document's relationships
    private static final String SETTINGS_ID = "rId1";
    private static final String STYLES_ID = "rId2";
    private static final String CHART_ID = "rId3";
    private static final String COMMENTS_ID = "rId4";
    private static final String FOOTER_ID = "rId5";

    // bookmarks of the headings; WordBody numbers its bookmarks from FIRST_FREE_BOOKMARK
    private static final int LEGEND_BOOKMARK = 0;
    private static final int TEXT_BOOKMARK = 1;
    private static final int ANNOTATIONS_BOOKMARK = 2;
    private static final int FIRST_FREE_BOOKMARK = 3;

    private static final int MARGIN = 1134; // 2 cm in twentieths of a point
    private static final long EMU_PER_TWIP = 635; // 12,700 per point
    private static final String HEADER_FILL = "F2F2F2";

    private final Brief brief;
    private final BriefOptions options;
    /** Relationship id of each clickable link IRI in the annotations table, in order of first use. */
    private final Map<String, String> hyperlinks;

    private final int textWidth;
    /** The chart of spans per label; null when no span was exported. */
    private final WordChart chart;

    WordBrief(Brief brief, BriefOptions options) {
        this.brief = brief;
        this.options = options;
        this.textWidth = Math.round(options.pageSize().width() * 20) - 2 * MARGIN;
        this.chart = brief.legend().isEmpty() ? null : new WordChart(brief.legend());
        this.hyperlinks = options.annotationTable() ? hyperlinks(brief) : Map.of();
    }

    /** One relationship per distinct clickable IRI: {@code rIdL1}, {@code rIdL2}, ... */
    static Map<String, String> hyperlinks(Brief brief) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Entry e : brief.entries()) {
            for (LinkEntry link : e.links()) {
                if (link.clickable()) {
                    ids.computeIfAbsent(link.iri(), iri -> "rIdL" + (ids.size() + 1));
                }
            }
        }
        return ids;
    }

    /** Writes the package to {@code out}, which stays open. */
    void write(OutputStream out) throws IOException {
        WordBody body = new WordBody(brief, options.annotationTable(), FIRST_FREE_BOOKMARK, hyperlinks);
        try (WordPackage docx = new WordPackage(out)) {
            docx.part("[Content_Types].xml", this::contentTypes)
                    .part(
                            "_rels/.rels",
                            x -> WordPackage.relationships(
                                    x,
                                    List.of(
                                            Relationship.office("rId1", "officeDocument", DOCUMENT),
                                            Relationship.office("rId2", "extended-properties", "docProps/app.xml"),
                                            new Relationship(
                                                    "rId3",
                                                    "http://schemas.openxmlformats.org/package/2006/relationships/"
                                                            + "metadata/core-properties",
                                                    "docProps/core.xml"))))
                    .part(
                            "docProps/app.xml",
                            x -> x.raw(WordPackage.DECLARATION)
                                    .raw("<Properties xmlns=\""
                                            + "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
                                            + "<Application>Scholion</Application></Properties>"))
                    .part("docProps/core.xml", this::coreProperties)
                    .part("word/_rels/document.xml.rels", this::documentRelationships)
                    .part(DOCUMENT, x -> document(x, body))
                    // after the document: its order is the order spans end in the text
                    .part(COMMENTS, body::comments)
                    .part(
                            "word/styles.xml",
                            x -> WordStyles.write(x, brief.document().document().language()))
                    .part(
                            "word/settings.xml",
                            x -> x.raw(WordPackage.DECLARATION).raw("<w:settings xmlns:w=\"" + WordXml.W + "\"/>"))
                    .part("word/footer1.xml", WordBrief::footer);
            if (chart != null) {
                docx.part(WordChart.PART, chart::chart)
                        .part(WordChart.RELATIONSHIPS, WordChart::relationships)
                        .part(WordChart.WORKBOOK, chart.workbook());
            }
        }
    }

    // ---------------------------------------------------------------- package

    private void contentTypes(WordXml x) throws IOException {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("/" + DOCUMENT, WML + "document.main+xml");
        overrides.put("/" + COMMENTS, WML + "comments+xml");
        overrides.put("/word/styles.xml", WML + "styles+xml");
        overrides.put("/word/settings.xml", WML + "settings+xml");
        overrides.put("/word/footer1.xml", WML + "footer+xml");
        overrides.put("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        overrides.put("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
        if (chart != null) {
            overrides.put("/" + WordChart.PART, "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
        }
        WordPackage.contentTypes(
                x,
                chart == null
                        ? Map.of()
                        : Map.of("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                overrides);
    }

    private void documentRelationships(WordXml x) throws IOException {
        List<Relationship> relationships = new ArrayList<>(List.of(
                Relationship.office(SETTINGS_ID, "settings", "settings.xml"),
                Relationship.office(STYLES_ID, "styles", "styles.xml")));
        if (chart != null) {
            relationships.add(Relationship.office(CHART_ID, "chart", WordChart.PART.substring("word/".length())));
        }
        relationships.add(Relationship.office(COMMENTS_ID, "comments", "comments.xml"));
        relationships.add(Relationship.office(FOOTER_ID, "footer", "footer1.xml"));
        hyperlinks.forEach((iri, id) -> relationships.add(Relationship.hyperlink(id, iri)));
        WordPackage.relationships(x, relationships);
    }

    /**
     * Title, author (the annotators), subject (the label sets), keywords (the labels) and
     * description (the counts). No creation time: the same brief gives the same bytes.
     */
    private void coreProperties(WordXml x) throws IOException {
        x.raw(WordPackage.DECLARATION)
                .raw("<cp:coreProperties xmlns:cp=\""
                        + "http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\""
                        + "http://purl.org/dc/elements/1.1/\">");
        x.raw("<dc:title>").text(brief.title()).raw("</dc:title>");
        String sets = fact("Label sets");
        x.raw("<dc:subject>")
                .text("Annotated brief" + (sets == null ? "" : " (label sets: " + sets + ")"))
                .raw("</dc:subject>");
        String annotators = fact("Annotators");
        x.raw("<dc:creator>")
                .text(annotators == null || annotators.equals("not recorded") ? "Scholion" : annotators)
                .raw("</dc:creator>");
        x.raw("<cp:keywords>")
                .text(brief.legend().stream().map(l -> l.label().name()).collect(Collectors.joining(", ")))
                .raw("</cp:keywords>");
        String counts = fact("Annotations");
        if (counts != null) {
            x.raw("<dc:description>").text(counts).raw("</dc:description>");
        }
        x.raw("</cp:coreProperties>");
    }

    private static void footer(WordXml x) throws IOException {
        x.raw(WordPackage.DECLARATION)
                .raw("<w:ftr xmlns:w=\"" + WordXml.W + "\"><w:p><w:pPr><w:pStyle w:val=\"" + WordStyles.FOOTER
                        + "\"/><w:jc w:val=\"center\"/></w:pPr>");
        x.raw("<w:r><w:t xml:space=\"preserve\">Page </w:t></w:r>");
        field(x, "PAGE");
        x.raw("<w:r><w:t xml:space=\"preserve\"> of </w:t></w:r>");
        field(x, "NUMPAGES");
        x.raw("</w:p></w:ftr>");
    }

    /** A field Word updates when it lays out the page; {@code 1} until then. */
    private static void field(WordXml x, String instruction) throws IOException {
        x.raw("<w:fldSimple w:instr=\"")
                .raw(instruction)
                .raw(" \\* MERGEFORMAT\"><w:r><w:t>1</w:t></w:r></w:fldSimple>");
    }

    // ---------------------------------------------------------------- main document

    private void document(WordXml x, WordBody body) throws IOException {
        x.raw(WordPackage.DECLARATION)
                .raw("<w:document xmlns:w=\"" + WordXml.W + "\" xmlns:wp=\"" + WP + "\" xmlns:r=\"" + WordXml.R
                        + "\"><w:body>");
        for (Section section : Section.inOrder(options.annotationTable())) {
            switch (section) {
                case TITLE -> {
                    paragraph(x, WordStyles.TITLE, brief.title());
                    paragraph(x, WordStyles.SUBTITLE, "Annotated brief");
                }
                case FACTS -> facts(x);
                case LEGEND -> legend(x);
                case CHART -> {
                    if (chart != null) {
                        heading(x, "Spans per label", -1, null);
                        chart.paragraph(x, CHART_ID, textWidth * EMU_PER_TWIP);
                    }
                }
                case TEXT -> {
                    heading(x, "Text", TEXT_BOOKMARK, "text");
                    body.text(x);
                }
                case ANNOTATIONS -> annotations(x, body);
            }
        }
        x.raw("<w:sectPr><w:footerReference w:type=\"default\" r:id=\"" + FOOTER_ID + "\"/><w:pgSz w:w=\"")
                .number(Math.round(options.pageSize().width() * 20))
                .raw("\" w:h=\"")
                .number(Math.round(options.pageSize().height() * 20))
                .raw("\"/><w:pgMar w:top=\"")
                .number(MARGIN)
                .raw("\" w:right=\"")
                .number(MARGIN)
                .raw("\" w:bottom=\"")
                .number(MARGIN)
                .raw("\" w:left=\"")
                .number(MARGIN)
                .raw("\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>");
        x.raw("</w:body></w:document>");
    }

    private void facts(WordXml x) throws IOException {
        List<Fact> facts = new ArrayList<>(brief.facts());
        int removed = removedCharacters();
        if (removed > 0) {
            facts.add(new Fact(
                    "Note",
                    removed + (removed == 1 ? " control character was" : " control characters were")
                            + " removed: Word documents cannot hold NUL and most other control characters."));
        }
        table(x, "<w:insideH w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"E4E4E4\"/>", 2200, textWidth - 2200);
        for (Fact fact : facts) {
            x.raw("<w:tr>");
            cell(x, null, null, c -> run(c, "<w:b/><w:color w:val=\"" + MUTED + "\"/>", fact.name()));
            cell(x, null, null, c -> run(c, null, fact.value()));
            x.raw("</w:tr>");
        }
        x.raw("</w:tbl>");
    }

    /** Characters removed anywhere in the brief, counted up front so the header can say so. */
    private int removedCharacters() {
        int n = WordText.countForbidden(brief.document().text().string()) + WordText.countForbidden(brief.title());
        for (Entry e : brief.entries()) {
            n += WordText.countForbidden(e.span().note())
                    + WordText.countForbidden(e.span().annotator());
        }
        for (Fact f : brief.facts()) {
            if (!f.name().equals("Annotators")) {
                n += WordText.countForbidden(f.value());
            }
        }
        return n;
    }

    private void legend(WordXml x) throws IOException {
        heading(x, "Legend", LEGEND_BOOKMARK, "legend");
        List<LegendEntry> legend = brief.legend();
        if (legend.isEmpty()) {
            paragraph(x, null, "No spans were exported.");
            return;
        }
        table(x, rule(), 700, 2900, textWidth - 700 - 2900 - 900, 900);
        headerRow(x, false, "right", "", "Label", "Description", "Spans");
        for (LegendEntry entry : legend) {
            x.raw("<w:tr>");
            cell(
                    x,
                    null,
                    "center",
                    c -> run(
                            c,
                            "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\""
                                    + entry.tint().fill().substring(1) + "\"/><w:u w:val=\"single\" w:color=\""
                                    + entry.tint().line().substring(1) + "\"/>",
                            "Aa"));
            cell(x, null, null, c -> {
                run(c, "<w:b/>", entry.label().name());
                c.raw("<w:r><w:rPr><w:color w:val=\"" + MUTED + "\"/><w:sz w:val=\"16\"/></w:rPr><w:br/>")
                        .t(entry.labelSet(), false)
                        .raw("</w:r>");
            });
            cell(
                    x,
                    null,
                    null,
                    c -> run(
                            c,
                            null,
                            entry.label().description() == null
                                    ? ""
                                    : entry.label().description()));
            cell(x, null, "right", c -> run(c, null, Integer.toString(entry.count())));
            x.raw("</w:tr>");
        }
        x.raw("</w:tbl>");
        paragraph(x, WordStyles.NOTE, Brief.OVERLAP_NOTE + " " + UNDERLINE_NOTE);
    }

    private void annotations(WordXml x, WordBody body) throws IOException {
        heading(x, "Annotations", ANNOTATIONS_BOOKMARK, "annotations");
        if (brief.entries().isEmpty()) {
            paragraph(x, null, "No spans were exported.");
            return;
        }
        int number = 650;
        int label = 2000;
        int note = 1900;
        int relations = 1900;
        if (body.hasDetails()) {
            int details = 2000;
            table(
                    x,
                    rule(),
                    number,
                    label,
                    textWidth - number - label - note - relations - details,
                    note,
                    relations,
                    details);
            headerRow(x, true, null, "#", "Label", "Text", "Note", "Relations", "Attributes and links");
        } else {
            table(x, rule(), number, label, textWidth - number - label - note - relations, note, relations);
            headerRow(x, true, null, "#", "Label", "Text", "Note", "Relations");
        }
        body.rows(x);
        x.raw("</w:tbl>");
    }

    private String fact(String name) {
        return brief.facts().stream()
                .filter(f -> f.name().equals(name))
                .map(Fact::value)
                .findFirst()
                .orElse(null);
    }

    // ---------------------------------------------------------------- building blocks

    /** A paragraph of one run in {@code style} (null: Normal). */
    private static void paragraph(WordXml x, String style, String text) throws IOException {
        x.raw("<w:p>");
        if (style != null) {
            x.raw("<w:pPr><w:pStyle w:val=\"").raw(style).raw("\"/></w:pPr>");
        }
        run(x, null, text);
        x.raw("</w:p>");
    }

    /** A heading, with a bookmark (a link target) around its text unless {@code bookmark} is null. */
    private static void heading(WordXml x, String text, int id, String bookmark) throws IOException {
        x.raw("<w:p><w:pPr><w:pStyle w:val=\"" + WordStyles.HEADING + "\"/></w:pPr>");
        if (bookmark != null) {
            x.raw("<w:bookmarkStart w:id=\"")
                    .number(id)
                    .raw("\" w:name=\"")
                    .raw(bookmark)
                    .raw("\"/>");
        }
        run(x, null, text);
        if (bookmark != null) {
            x.raw("<w:bookmarkEnd w:id=\"").number(id).raw("\"/>");
        }
        x.raw("</w:p>");
    }

    /** A run of {@code text} with run properties {@code rpr} (markup, or null for none). */
    private static void run(WordXml x, String rpr, String text) throws IOException {
        x.raw("<w:r>");
        if (rpr != null) {
            x.raw("<w:rPr>").raw(rpr).raw("</w:rPr>");
        }
        x.t(text, false).raw("</w:r>");
    }

    /** Opens a table of fixed column widths (twentieths of a point) with {@code borders}; the caller closes it. */
    private void table(WordXml x, String borders, int... widths) throws IOException {
        x.raw("<w:tbl><w:tblPr><w:tblW w:w=\"")
                .number(textWidth)
                .raw("\" w:type=\"dxa\"/><w:tblBorders>")
                .raw(borders)
                .raw("</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>")
                .raw("<w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"80\" w:type=\"dxa\"/>")
                .raw("<w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar>")
                .raw("</w:tblPr><w:tblGrid>");
        for (int w : widths) {
            x.raw("<w:gridCol w:w=\"").number(w).raw("\"/>");
        }
        x.raw("</w:tblGrid>");
    }

    /** Rules above and below a table and between its rows. */
    private static String rule() {
        return "<w:top w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"888888\"/>"
                + "<w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"888888\"/>"
                + "<w:insideH w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"" + RULE + "\"/>";
    }

    /**
     * A shaded row of bold column names, repeated on every page when {@code repeat}; the last
     * name aligned by {@code lastJc} unless null.
     */
    private static void headerRow(WordXml x, boolean repeat, String lastJc, String... names) throws IOException {
        x.raw(repeat ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>");
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            cell(x, HEADER_FILL, i == names.length - 1 ? lastJc : null, c -> run(c, "<w:b/>", name));
        }
        x.raw("</w:tr>");
    }

    /** A cell of one paragraph in the table style, shaded with {@code fill} and aligned by {@code jc} unless null. */
    static void cell(WordXml x, String fill, String jc, WordPackage.Part content) throws IOException {
        x.raw("<w:tc>");
        if (fill != null) {
            x.raw("<w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"")
                    .raw(fill)
                    .raw("\"/></w:tcPr>");
        }
        x.raw("<w:p><w:pPr><w:pStyle w:val=\"" + WordStyles.TABLE + "\"/>");
        if (jc != null) {
            x.raw("<w:jc w:val=\"").raw(jc).raw("\"/>");
        }
        x.raw("</w:pPr>");
        content.write(x);
        x.raw("</w:p></w:tc>");
    }
}
