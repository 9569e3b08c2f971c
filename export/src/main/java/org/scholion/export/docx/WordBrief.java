package org.scholion.export.docx;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
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
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTComment;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STVerticalAlignRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBookmark;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHyperlink;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTUnderline;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STUnderline;
import org.scholion.core.model.Span;
import org.scholion.core.text.Fragment;
import org.scholion.core.text.Line;
import org.scholion.export.ExportOptions;
import org.scholion.export.brief.Brief;
import org.scholion.export.brief.Entry;
import org.scholion.export.brief.Fact;
import org.scholion.export.brief.FragmentStyle;
import org.scholion.export.brief.LegendEntry;

/** Builds one brief as a Word document; one instance per export. */
final class WordBrief {
    /** Word can draw one underline per run: how the DOCX shows several enclosing spans. */
    static final String UNDERLINE_NOTE = "Word draws one underline per run: this document uses the colour of the "
            + "outermost enclosing span, and a double underline where two or more spans enclose the text. "
            + "Every span is also a Word comment over exactly its text.";
    static final String TEXT_COLOR = "111111";
    static final String MUTED = "555555";
    static final String RULE = "C8C8C8";

    private static final int MARGIN = 1134; // 2 cm in twentieths of a point

    private final Brief brief;
    private final ExportOptions options;
    private final XWPFDocument doc = new XWPFDocument();
    private final int textWidth;
    private XWPFComments comments;
    private int bookmarkIds;

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
            doc.write(out);
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

    private void text() {
        heading("Text", "text");
        comments = doc.createComments();
        List<Line> lines = brief.lines();
        List<Fragment> flat = new ArrayList<>();
        for (Line line : lines) {
            flat.addAll(line.fragments());
        }
        boolean blankSeparates = Brief.blankLinesSeparateParagraphs(lines);
        int index = 0;
        XWPFParagraph p = null;
        boolean gap = false;
        for (Line line : lines) {
            if (line.isBlank()) {
                gap = true;
                continue;
            }
            if (p == null || gap || !blankSeparates) {
                p = doc.createParagraph();
                p.setStyle(WordStyles.BODY);
            } else {
                p.getCTP().addNewR().addNewBr();
            }
            gap = false;
            for (Fragment fragment : line.fragments()) {
                Fragment previous = index > 0 ? flat.get(index - 1) : null;
                Fragment next = index + 1 < flat.size() ? flat.get(index + 1) : null;
                index++;
                CTP ctp = p.getCTP();
                for (Entry e : brief.startingAfter(previous, fragment)) {
                    ctp.addNewCommentRangeStart().setId(BigInteger.valueOf(e.number()));
                }
                fragmentRuns(ctp, fragment, brief.style(fragment));
                List<Entry> ending = brief.endingBefore(fragment, next);
                FragmentStyle around = ending.isEmpty() ? null : around(fragment, ending);
                boolean first = true;
                for (Entry e : ending) {
                    ctp.addNewCommentRangeEnd().setId(BigInteger.valueOf(e.number()));
                    ctp.addNewR().addNewCommentReference().setId(BigInteger.valueOf(e.number()));
                    comment(e);
                    marker(ctp, e, first, around);
                    first = false;
                }
            }
        }
    }


    // The text is written on the XML beans directly: XWPFRun wrappers cost more than the runs.

    private static void fragmentRuns(CTP p, Fragment fragment, FragmentStyle style) {
        String text = WordText.clean(fragment.text());
        int from = 0;
        while (from <= text.length()) {
            int tab = text.indexOf('\t', from);
            int to = tab < 0 ? text.length() : tab;
            if (to > from || tab >= 0) {
                CTR run = p.addNewR();
                if (!style.isPlain()) {
                    rpr(run).addNewColor().setVal(TEXT_COLOR);
                    decorate(run, style);
                }
                if (to > from) {
                    text(run, text.substring(from, to));
                }
                if (tab >= 0) {
                    run.addNewTab();
                }
            }
            if (tab < 0) {
                break;
            }
            from = tab + 1;
        }
    }

    private static void text(CTR run, String text) {
        CTText t = run.addNewT();
        t.setStringValue(text);
        if (!text.isEmpty() && (Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1)))) {
            t.setSpace(SpaceAttribute.Space.PRESERVE);
        }
    }

    /** How the spans that go on past a fragment are drawn: markers inside them keep their colours. */
    private FragmentStyle around(Fragment fragment, List<Entry> ending) {
        List<Span> going = new ArrayList<>(fragment.spans());
        for (Entry e : ending) {
            going.remove(e.span());
        }
        return brief.style(new Fragment(fragment.start(), fragment.end(), fragment.text(), going));
    }

    private static void decorate(CTR run, FragmentStyle style) {
        if (style != null && !style.isPlain()) {
            shade(run, style.fill().fill().substring(1));
            if (!style.underlines().isEmpty()) {
                underline(run, style.underlines().get(0).line().substring(1), style.underlines().size() > 1);
            }
        }
    }

    /** The superscript number after a span, linked to its row in the annotations table. */
    private void marker(CTP p, Entry e, boolean first, FragmentStyle around) {
        int id = bookmarkIds++;
        CTBookmark mark = p.addNewBookmarkStart();
        mark.setName("m" + e.number());
        mark.setId(BigInteger.valueOf(id));
        CTR run;
        if (options.annotationTable()) {
            CTHyperlink link = p.addNewHyperlink();
            link.setAnchor("a" + e.number());
            run = link.addNewR();
        } else {
            run = p.addNewR();
        }
        CTRPr rpr = rpr(run);
        rpr.addNewB();
        rpr.addNewColor().setVal(e.tint().line().substring(1));
        rpr.addNewVertAlign().setVal(STVerticalAlignRun.SUPERSCRIPT);
        decorate(run, around);
        text(run, first ? e.marker() : "," + e.marker());
        p.addNewBookmarkEnd().setId(BigInteger.valueOf(id));
    }

    private void comment(Entry e) {
        Span span = e.span();
        CTComment comment = comments.getCtComments().addNewComment();
        comment.setId(BigInteger.valueOf(e.number()));
        String author = span.annotator() == null ? "Scholion" : WordText.clean(span.annotator());
        comment.setAuthor(author);
        comment.setInitials(initials(author));
        if (span.created() != null) {
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
            when.setTimeInMillis(span.created().toEpochMilli());
            comment.setDate(when);
        }
        text(comment.addNewP().addNewR(), commentText(e));
    }

    /** What a span's comment says: {@code Label — note}, or the label alone. */
    static String commentText(Entry e) {
        String note = WordText.clean(e.span().note());
        return note == null || note.isBlank() ? e.label().name() : e.label().name() + " — " + note;
    }

    private static String initials(String author) {
        StringBuilder b = new StringBuilder();
        for (String word : author.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && b.length() < 3) {
                b.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
        }
        return b.length() == 0 ? "S" : b.toString();
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
        // rows are built on the XML beans directly: XWPFTable.createRow counts the rows on every call
        CTTbl tbl = table.getCTTbl();
        for (Entry e : entries) {
            CTRow row = tbl.addNewTr();
            CTP numberCell = cellParagraph(row, null);
            int id = bookmarkIds++;
            CTBookmark anchor = numberCell.addNewBookmarkStart();
            anchor.setName("a" + e.number());
            anchor.setId(BigInteger.valueOf(id));
            CTHyperlink back = numberCell.addNewHyperlink();
            back.setAnchor("m" + e.number());
            CTR n = back.addNewR();
            CTRPr nPr = n.addNewRPr();
            nPr.addNewB();
            nPr.addNewColor().setVal(e.tint().line().substring(1));
            n.addNewT().setStringValue(e.marker());
            numberCell.addNewBookmarkEnd().setId(BigInteger.valueOf(id));

            text(cellParagraph(row, e.tint().fill().substring(1)), e.label().name());
            text(cellParagraph(row, null), WordText.clean(quote(e.quote())));
            text(cellParagraph(row, null), e.span().note() == null ? "" : WordText.clean(e.span().note()));
            text(cellParagraph(row, null), WordText.clean(String.join("; ", e.relations())));
        }
    }

    /** A new cell at the end of the row, shaded with {@code fill} unless null: its paragraph. */
    private static CTP cellParagraph(CTRow row, String fill) {
        CTTc cell = row.addNewTc();
        if (fill != null) {
            CTShd shd = cell.addNewTcPr().addNewShd();
            shd.setVal(STShd.CLEAR);
            shd.setColor("auto");
            shd.setFill(fill);
        }
        CTP p = cell.addNewP();
        p.addNewPPr().addNewPStyle().setVal(WordStyles.TABLE);
        return p;
    }

    private static void text(CTP p, String text) {
        if (!text.isEmpty()) {
            CTText t = p.addNewR().addNewT();
            t.setStringValue(text);
            t.setSpace(SpaceAttribute.Space.PRESERVE);
        }
    }

    /** A span's text for the table: on one line, cut after 400 characters. */
    static String quote(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
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
