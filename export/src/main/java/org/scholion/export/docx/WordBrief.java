package org.scholion.export.docx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFComments;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBookmark;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTUnderline;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STUnderline;
import org.scholion.export.ExportOptions;
import org.scholion.export.brief.Brief;
import org.scholion.export.brief.Entry;
import org.scholion.export.brief.Fact;
import org.scholion.export.brief.LegendEntry;

/**
 * Builds one brief as a Word document; one instance per export. POI builds what stays small
 * (styles, facts, legend, chart, footer, properties) with placeholders where the text and the
 * annotation rows go; {@link WordBody} streams those, and the comments, into the package.
 */
final class WordBrief {
    /** Word can draw one underline per run: how the DOCX shows several enclosing spans. */
    static final String UNDERLINE_NOTE = "Word draws one underline per run: this document uses the colour of the "
            + "outermost enclosing span, and a double underline where two or more spans enclose the text. "
            + "Every span is also a Word comment over exactly its text.";
    static final String TEXT_COLOR = "111111";
    static final String MUTED = "555555";
    static final String RULE = "C8C8C8";

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final int MARGIN = 1134; // 2 cm in twentieths of a point

    private final Brief brief;
    private final ExportOptions options;
    private final XWPFDocument doc = new XWPFDocument();
    private final int textWidth;
    private XWPFComments comments;
    private int bookmarkIds;
    private boolean rows;

    WordBrief(Brief brief, ExportOptions options) {
        this.brief = brief;
        this.options = options;
        this.textWidth = Math.round(options.pageSize().width() * 20) - 2 * MARGIN;
    }

    void write(OutputStream out) throws IOException {
        try (doc) {
            WordStyles.install(doc, brief.document().document().language());
            title();
            facts();
            legend();
            chart();
            text();
            if (options.annotationTable()) {
                annotations();
            }
            footer();
            page();
            properties();
            ByteArrayOutputStream skeleton = new ByteArrayOutputStream();
            doc.write(skeleton);
            WordBody body = new WordBody(brief, options.annotationTable(), bookmarkIds);
            WordPackage.write(skeleton.toByteArray(), zipName(doc.getPackagePart()),
                    zipName(comments.getPackagePart()), rows, body, out);
        }
    }

    // ---------------------------------------------------------------- header

    private void title() {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(WordStyles.TITLE);
        p.createRun().setText(WordText.clean(brief.title()));
        XWPFParagraph sub = doc.createParagraph();
        sub.setStyle(WordStyles.SUBTITLE);
        sub.createRun().setText("Annotated brief");
    }

    private void facts() {
        List<Fact> facts = new ArrayList<>(brief.facts());
        int removed = removedCharacters();
        if (removed > 0) {
            facts.add(new Fact("Note", removed + (removed == 1 ? " control character was" : " control characters were")
                    + " removed: Word documents cannot hold NUL and most other control characters."));
        }
        XWPFTable table = table(facts.size(), new int[] {2200, textWidth - 2200});
        table.removeBorders();
        table.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 2, 0, "E4E4E4");
        for (int i = 0; i < facts.size(); i++) {
            XWPFTableRow row = table.getRow(i);
            XWPFRun name = cellRun(row.getCell(0));
            name.setBold(true);
            name.setColor(MUTED);
            name.setText(WordText.clean(facts.get(i).name()));
            cellRun(row.getCell(1)).setText(WordText.clean(facts.get(i).value()));
        }
    }

    /** Characters removed anywhere in the brief, counted up front so the header can say so. */
    private int removedCharacters() {
        int n = WordText.countForbidden(brief.document().text().string()) + WordText.countForbidden(brief.title());
        for (Entry e : brief.entries()) {
            n += WordText.countForbidden(e.span().note()) + WordText.countForbidden(e.span().annotator());
        }
        for (Fact f : brief.facts()) {
            if (!f.name().equals("Annotators")) {
                n += WordText.countForbidden(f.value());
            }
        }
        return n;
    }

    private void legend() {
        heading("Legend", "legend");
        List<LegendEntry> legend = brief.legend();
        if (legend.isEmpty()) {
            doc.createParagraph().createRun().setText("No spans were exported.");
            return;
        }
        XWPFTable table = table(legend.size() + 1, new int[] {700, 2900, textWidth - 700 - 2900 - 900, 900});
        rule(table);
        headerRow(table.getRow(0), "", "Label", "Description", "Spans");
        table.getRow(0).getCell(3).getParagraphs().get(0).setAlignment(ParagraphAlignment.RIGHT);
        for (int i = 0; i < legend.size(); i++) {
            LegendEntry entry = legend.get(i);
            XWPFTableRow row = table.getRow(i + 1);
            XWPFRun swatch = cellRun(row.getCell(0));
            swatch.setText("Aa");
            shade(swatch, entry.tint().fill().substring(1));
            underline(swatch, entry.tint().line().substring(1), false);
            row.getCell(0).getParagraphs().get(0).setAlignment(ParagraphAlignment.CENTER);
            XWPFRun label = cellRun(row.getCell(1));
            label.setBold(true);
            label.setText(entry.label().name());
            XWPFRun set = row.getCell(1).getParagraphs().get(0).createRun();
            set.addBreak();
            set.setColor(MUTED);
            set.setFontSize(8);
            set.setText(entry.labelSet());
            cellRun(row.getCell(2)).setText(entry.label().description() == null ? ""
                    : WordText.clean(entry.label().description()));
            XWPFParagraph count = row.getCell(3).getParagraphs().get(0);
            count.setAlignment(ParagraphAlignment.RIGHT);
            count.createRun().setText(Integer.toString(entry.count()));
        }
        XWPFParagraph note = doc.createParagraph();
        note.setStyle(WordStyles.NOTE);
        note.createRun().setText(Brief.OVERLAP_NOTE + " " + UNDERLINE_NOTE);
    }

    private void chart() throws IOException {
        if (brief.legend().isEmpty()) {
            return;
        }
        heading("Spans per label", null);
        try {
            WordChart.append(doc, brief.legend(), (long) textWidth * Units.EMU_PER_POINT / 20);
        } catch (InvalidFormatException e) {
            throw new IOException("cannot embed the chart: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- text

    /** The heading, the comments part, and a placeholder paragraph where {@link WordBody} streams the text. */
    private void text() {
        heading("Text", "text");
        comments = doc.createComments();
        doc.createParagraph().createRun().setText(WordPackage.TEXT_MARK);
    }

    // ---------------------------------------------------------------- table

    private void annotations() {
        heading("Annotations", "annotations");
        List<Entry> entries = brief.entries();
        if (entries.isEmpty()) {
            doc.createParagraph().createRun().setText("No spans were exported.");
            return;
        }
        int number = 650;
        int label = 2000;
        int note = 1900;
        int relations = 1900;
        XWPFTable table = table(1, new int[] {number, label, textWidth - number - label - note - relations, note,
                relations});
        rule(table);
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        headerRow(header, "#", "Label", "Text", "Note", "Relations");
        // a placeholder row where WordBody streams one row per span
        table.getCTTbl().addNewTr().addNewTc().addNewP().addNewR().addNewT().setStringValue(WordPackage.ROWS_MARK);
        rows = true;
    }

    /** A span's text for the table: on one line, cut after 400 characters. */
    static String quote(String text) {
        String flat = WHITE_SPACE.matcher(text).replaceAll(" ").strip();
        if (flat.codePointCount(0, flat.length()) > 400) {
            flat = flat.substring(0, flat.offsetByCodePoints(0, 399)) + "…";
        }
        return "“" + flat + "”";
    }

    // ---------------------------------------------------------------- page, footer, properties

    private void footer() {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setStyle(WordStyles.FOOTER);
        p.setAlignment(ParagraphAlignment.CENTER);
        p.createRun().setText("Page ");
        field(p, "PAGE", "1");
        p.createRun().setText(" of ");
        field(p, "NUMPAGES", "1");
    }

    private static void field(XWPFParagraph p, String instruction, String placeholder) {
        CTSimpleField field = p.getCTP().addNewFldSimple();
        field.setInstr(instruction + " \\* MERGEFORMAT");
        field.addNewR().addNewT().setStringValue(placeholder);
    }

    private void page() {
        CTBody body = doc.getDocument().getBody();
        CTSectPr section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(Math.round(options.pageSize().width() * 20)));
        size.setH(BigInteger.valueOf(Math.round(options.pageSize().height() * 20)));
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN));
        margins.setBottom(BigInteger.valueOf(MARGIN));
        margins.setLeft(BigInteger.valueOf(MARGIN));
        margins.setRight(BigInteger.valueOf(MARGIN));
        margins.setHeader(BigInteger.valueOf(567));
        margins.setFooter(BigInteger.valueOf(567));
        margins.setGutter(BigInteger.ZERO);
    }

    private void properties() {
        POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
        core.setTitle(WordText.clean(brief.title()));
        String annotators = fact("Annotators");
        core.setCreator(annotators == null || annotators.equals("not recorded") ? "Scholion"
                : WordText.clean(annotators));
        String sets = fact("Label sets");
        core.setSubjectProperty("Annotated brief" + (sets == null ? "" : " (label sets: " + sets + ")"));
        core.setKeywords(brief.legend().stream().map(l -> l.label().name()).collect(Collectors.joining(", ")));
        core.setDescription(WordText.clean(fact("Annotations")));
        doc.getProperties().getExtendedProperties().setApplication("Scholion");
    }

    /** A part's name as the ZIP file spells it, without the leading slash. */
    private static String zipName(PackagePart part) {
        return part.getPartName().getName().substring(1);
    }

    private String fact(String name) {
        return brief.facts().stream().filter(f -> f.name().equals(name)).map(Fact::value).findFirst().orElse(null);
    }

    // ---------------------------------------------------------------- helpers

    private void heading(String text, String bookmark) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(WordStyles.HEADING);
        if (bookmark != null) {
            int id = bookmarkIds++;
            CTBookmark b = p.getCTP().addNewBookmarkStart();
            b.setName(bookmark);
            b.setId(BigInteger.valueOf(id));
            p.createRun().setText(text);
            p.getCTP().addNewBookmarkEnd().setId(BigInteger.valueOf(id));
        } else {
            p.createRun().setText(text);
        }
    }

    /** A table of fixed column widths (twentieths of a point) and small type. */
    private XWPFTable table(int rows, int[] widths) {
        XWPFTable table = doc.createTable(rows, widths.length);
        CTTblPr pr = table.getCTTbl().getTblPr();
        pr.addNewTblLayout().setType(STTblLayoutType.FIXED);
        table.setWidth(Integer.toString(textWidth));
        CTTblGrid grid = table.getCTTbl().getTblGrid();
        if (grid == null) {
            grid = table.getCTTbl().addNewTblGrid();
        }
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        table.setCellMargins(40, 80, 40, 80);
        for (XWPFTableRow row : table.getRows()) {
            for (XWPFTableCell cell : row.getTableCells()) {
                small(cell.getParagraphs().get(0));
            }
        }
        return table;
    }

    private static void rule(XWPFTable table) {
        table.removeBorders();
        table.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 6, 0, "888888");
        table.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 6, 0, "888888");
        table.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 2, 0, RULE);
    }

    private static void headerRow(XWPFTableRow row, String... names) {
        for (int i = 0; i < names.length; i++) {
            XWPFTableCell cell = row.getCell(i);
            cell.setColor("F2F2F2");
            XWPFRun run = cellRun(cell);
            run.setBold(true);
            run.setText(names[i]);
        }
    }

    /** A new run in the cell's (first) paragraph, in the small table style. */
    private static XWPFRun cellRun(XWPFTableCell cell) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        small(p);
        return p.createRun();
    }

    private static void small(XWPFParagraph p) {
        if (p.getStyle() == null) {
            p.setStyle(WordStyles.TABLE);
        }
    }

    /** Shades a run with any colour: {@code w:shd}, since {@code w:highlight} knows only 16. */
    static void shade(XWPFRun run, String fill) {
        shade(run.getCTR(), fill);
    }

    static void shade(CTR run, String fill) {
        CTRPr rpr = rpr(run);
        CTShd shd = rpr.sizeOfShdArray() > 0 ? rpr.getShdArray(0) : rpr.addNewShd();
        shd.setVal(STShd.CLEAR);
        shd.setColor("auto");
        shd.setFill(fill);
    }

    static void underline(XWPFRun run, String color, boolean twice) {
        underline(run.getCTR(), color, twice);
    }

    static void underline(CTR run, String color, boolean twice) {
        CTRPr rpr = rpr(run);
        CTUnderline u = rpr.sizeOfUArray() > 0 ? rpr.getUArray(0) : rpr.addNewU();
        u.setVal(twice ? STUnderline.DOUBLE : STUnderline.SINGLE);
        u.setColor(color);
    }

    private static CTRPr rpr(CTR r) {
        return r.isSetRPr() ? r.getRPr() : r.addNewRPr();
    }
}
