package org.scholion.export.pdf;

import static org.scholion.export.pdf.Typesetter.cell;
import static org.scholion.export.pdf.Typesetter.direction;
import static org.scholion.export.pdf.Typesetter.ruled;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPRow;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.scholion.core.text.Fragment;
import org.scholion.core.text.Line;
import org.scholion.export.BriefOptions;
import org.scholion.export.brief.Brief;
import org.scholion.export.brief.Entry;
import org.scholion.export.brief.Excerpts;
import org.scholion.export.brief.Fact;
import org.scholion.export.brief.FragmentStyle;
import org.scholion.export.brief.LegendEntry;
import org.scholion.export.brief.LinkEntry;
import org.scholion.export.brief.Section;

/** Lays out one brief as a PDF; one instance per export. */
final class PdfBrief {
    /** PDF draws every underline: how overlaps look in this format, after the shared note. */
    static final String UNDERLINE_NOTE = "Enclosing spans are underlined from the inside out: the line nearest "
            + "the text belongs to the span just around it.";

    private static final float MARGIN = 56.7f;
    private static final float BODY_SIZE = 10.5f;
    private static final float LEADING = 17f;
    private static final float PARAGRAPH_GAP = 7f;
    private static final float SMALL = 8f;
    private static final int TABLE_BATCH = 200;
    private static final float[] WIDTHS = {6, 17, 41, 18, 18};
    private static final float[] DETAILED_WIDTHS = {5, 14, 33, 16, 16, 16};
    private static volatile ICC_Profile srgb;

    private static final Color INK = new Color(0x11, 0x11, 0x11);
    private static final Color PLAIN_INK = new Color(0x1A, 0x1A, 0x1A);
    private static final Color HEADING = new Color(0x1F, 0x29, 0x37);
    private static final Color LINK_INK = new Color(0x1F, 0x5F, 0xA8);
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);
    private static final Color HEADER_FILL = new Color(0xF2, 0xF2, 0xF2);

    private final Brief brief;
    private final BriefOptions options;
    private final Glyphs glyphs;
    /** Shared with the thread that makes the annotation table's rows. */
    private final Typesetter type;

    private Document document;
    private PdfWriter writer;
    private Links links;
    /** The annotation table's rows, made while the sections before it are written. */
    private RowsAhead rowsAhead;
    /** Where the next paragraph of the text starts on the page; negative before the first. */
    private float textY = -1;

    /** The output intent's colour profile: its first use loads the JDK's colour engine. */
    private static ICC_Profile srgb() {
        ICC_Profile profile = srgb;
        if (profile == null) {
            profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB);
            profile.getData();
            srgb = profile;
        }
        return profile;
    }

    /** Loads the fonts and the colour profile every brief needs. */
    static void prepare() throws IOException {
        Glyphs.prepare();
        srgb();
    }

    PdfBrief(Brief brief, BriefOptions options) throws IOException {
        this.brief = brief;
        this.options = options;
        this.glyphs = new Glyphs();
        this.type = new Typesetter(glyphs);
    }

    void write(OutputStream out) throws IOException {
        Rectangle page =
                new Rectangle(options.pageSize().width(), options.pageSize().height());
        document = new Document(page, MARGIN, MARGIN, MARGIN, MARGIN + 10);
        writer = PdfWriter.getInstance(document, out);
        writer.setCloseStream(false);
        writer.setPdfVersion(PdfWriter.VERSION_1_4);
        if (options.pdfArchival()) {
            writer.setPDFXConformance(PdfWriter.PDFA1B);
        }
        info();
        writer.createXmpMetadata();
        writer.setPageEvent(new PageFooter(glyphs.sans, glyphs.drawable(metadata(brief.title()), glyphs.sans)));
        if (options.annotationTable()) {
            links = new Links(brief.entries().size());
            writer.setPageEvent(links);
        }
        document.open();
        if (options.pdfArchival()) {
            writer.setOutputIntents("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1", srgb());
        }
        outline();
        try {
            if (options.annotationTable() && !brief.entries().isEmpty()) {
                rowsAhead = rowsAhead();
            }
            for (Section section : Section.inOrder(options.annotationTable())) {
                switch (section) {
                    case TITLE -> title();
                    case FACTS -> facts();
                    case LEGEND -> legend();
                    case CHART -> chart();
                    case TEXT -> text();
                    case ANNOTATIONS -> annotations();
                }
            }
        } finally {
            if (rowsAhead != null) {
                rowsAhead.close();
            }
        }
        document.close();
    }

    // ---------------------------------------------------------------- metadata

    private void info() {
        document.addTitle(metadata(brief.title()));
        String annotators = fact("Annotators");
        document.addAuthor(annotators == null || annotators.equals("not recorded") ? "Scholion" : metadata(annotators));
        String sets = fact("Label sets");
        document.addSubject("Annotated brief" + (sets == null ? "" : " (label sets: " + metadata(sets) + ")"));
        document.addKeywords(brief.legend().stream().map(l -> l.label().name()).collect(Collectors.joining(", ")));
        document.addCreator("Scholion");
        String language = brief.document().document().language();
        if (language != null) {
            writer.getExtraCatalog()
                    .put(com.lowagie.text.pdf.PdfName.LANG, new com.lowagie.text.pdf.PdfString(metadata(language)));
        }
    }

    /** Metadata goes into XMP too, whose XML cannot hold control characters. */
    private static String metadata(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(c -> c >= 0x20 && c != 0xFFFE && c != 0xFFFF).forEach(b::appendCodePoint);
        return b.toString();
    }

    private String fact(String name) {
        return brief.facts().stream()
                .filter(f -> f.name().equals(name))
                .map(Fact::value)
                .findFirst()
                .orElse(null);
    }

    private void outline() {
        PdfOutline root = writer.getRootOutline();
        new PdfOutline(root, PdfAction.gotoLocalPage("legend", false), "Legend");
        new PdfOutline(root, PdfAction.gotoLocalPage("text", false), "Text");
        if (options.annotationTable()) {
            new PdfOutline(root, PdfAction.gotoLocalPage("annotations", false), "Annotations");
        }
    }

    // ---------------------------------------------------------------- header

    private void title() {
        Paragraph title = new Paragraph(22, "", type.font("sansBold", 19, HEADING));
        type.append(title, brief.title(), glyphs.sansBold, type.font("sansBold", 19, HEADING), null);
        document.add(title);
        Paragraph sub = new Paragraph(16, "Annotated brief", type.font("sans", 11, new Color(0x6B, 0x72, 0x80)));
        sub.setSpacingAfter(10);
        document.add(sub);
    }

    private void facts() {
        List<Fact> facts = new ArrayList<>(brief.facts());
        int[] text = glyphs.count(brief.document().text().string(), glyphs.serif);
        int replaced = text[0];
        int controls = text[1];
        for (Entry e : brief.entries()) {
            int[] note = glyphs.count(e.span().note(), glyphs.sans);
            replaced += note[0];
            controls += note[1];
        }
        int[] title = glyphs.count(brief.title(), glyphs.sansBold);
        replaced += title[0];
        controls += title[1];
        if (controls > 0) {
            facts.add(new Fact(
                    "Note",
                    controls + (controls == 1 ? " control character was" : " control characters were")
                            + " removed (NUL and other control characters cannot be shown)."));
        }
        if (replaced > 0) {
            facts.add(new Fact(
                    "Note",
                    replaced + (replaced == 1 ? " character" : " characters")
                            + " that no embedded font can draw " + (replaced == 1 ? "is" : "are") + " shown as "
                            + Glyphs.REPLACEMENT + " (the DOCX and HTML briefs keep them)."));
        }
        PdfPTable table = table(new float[] {22, 78});
        for (Fact f : facts) {
            PdfPCell name = cell(type.phrase(f.name(), glyphs.sansBold, type.font("sansBold", SMALL + 0.5f, MUTED)));
            PdfPCell value = cell(type.phrase(f.value(), glyphs.sans, type.font("sans", SMALL + 0.5f, PLAIN_INK)));
            name.setBorder(Rectangle.BOTTOM);
            value.setBorder(Rectangle.BOTTOM);
            name.setBorderColor(new Color(0xE4, 0xE4, 0xE4));
            value.setBorderColor(new Color(0xE4, 0xE4, 0xE4));
            table.addCell(name);
            table.addCell(value);
        }
        document.add(table);
    }

    private void legend() {
        heading("Legend", "legend");
        List<LegendEntry> legend = brief.legend();
        if (legend.isEmpty()) {
            document.add(new Paragraph("No spans were exported.", type.font("serif", BODY_SIZE, PLAIN_INK)));
            return;
        }
        PdfPTable table = table(new float[] {7, 27, 56, 10});
        table.setHeaderRows(1);
        headerCells(table, "", "Label", "Description", "Spans");
        Font small = type.font("sans", SMALL, PLAIN_INK);
        for (LegendEntry e : legend) {
            Phrase swatch = new Phrase();
            Chunk aa = new Chunk("Aa", type.font("serif", BODY_SIZE, INK));
            aa.setBackground(type.color(e.tint().fillRgb()), 2, 1, 2, 0.5f);
            aa.setUnderline(type.color(e.tint().lineRgb()), 0.9f, 0, -2.4f, 0, Typesetter.BUTT);
            swatch.add(aa);
            PdfPCell swatchCell = ruled(new PdfPCell(swatch));
            swatchCell.setHorizontalAlignment(Element.ALIGN_CENTER);
            swatchCell.setPaddingTop(5);
            table.addCell(swatchCell);
            Phrase label = type.phrase(e.label().name(), glyphs.sansBold, type.font("sansBold", SMALL, PLAIN_INK));
            label.add(new Chunk("\n", small));
            label.add(new Chunk(e.labelSet(), type.font("sans", SMALL - 1, MUTED)));
            table.addCell(ruled(new PdfPCell(label)));
            table.addCell(ruled(cell(
                    type.phrase(e.label().description() == null ? "" : e.label().description(), glyphs.sans, small))));
            PdfPCell count = ruled(cell(type.phrase(Integer.toString(e.count()), glyphs.sans, small)));
            count.setHorizontalAlignment(Element.ALIGN_RIGHT);
            table.addCell(count);
        }
        document.add(table);
        Paragraph note = new Paragraph(12, "", type.font("serifItalic", SMALL + 0.5f, MUTED));
        type.append(
                note,
                Brief.OVERLAP_NOTE + " " + UNDERLINE_NOTE,
                glyphs.serifItalic,
                type.font("serifItalic", SMALL + 0.5f, MUTED),
                null);
        note.setSpacingBefore(6);
        document.add(note);
    }

    private void chart() {
        if (brief.legend().isEmpty()) {
            return;
        }
        heading("Spans per label", null);
        document.add(
                PdfChart.draw(writer.getDirectContent(), brief.legend(), document.right() - document.left(), glyphs));
    }

    // ---------------------------------------------------------------- text

    private void text() {
        heading("Text", "text");
        List<Line> all = brief.lines();
        boolean blankSeparates = Brief.blankLinesSeparateParagraphs(all);
        // each line is let go once drawn, so a long text's fragments do not all stay in memory
        ArrayDeque<Line> lines = new ArrayDeque<>(all);
        all = null;
        Font body = type.font("serif", BODY_SIZE, PLAIN_INK);
        Phrase paragraph = null;
        boolean rtl = false;
        boolean gap = false;
        while (!lines.isEmpty()) {
            Line line = lines.poll();
            if (line.isBlank()) {
                gap = true;
                continue;
            }
            if (paragraph == null || gap || !blankSeparates) {
                if (paragraph != null) {
                    addParagraph(paragraph, rtl);
                }
                paragraph = new Phrase(LEADING);
                rtl = false;
            } else {
                paragraph.add(new Chunk("\n", body));
            }
            gap = false;
            List<Fragment> fragments = line.fragments();
            for (int i = 0; i < fragments.size(); i++) {
                Fragment fragment = fragments.get(i);
                Fragment next = i + 1 < fragments.size() ? fragments.get(i + 1) : firstFragment(lines);
                FragmentStyle style = brief.style(fragment);
                rtl |= Typesetter.hasRightToLeft(fragment.text());
                type.append(
                        paragraph,
                        fragment.text(),
                        glyphs.serif,
                        style.isPlain() ? body : type.font("serif", BODY_SIZE, INK),
                        style);
                List<Entry> ending = brief.endingBefore(fragment, next);
                FragmentStyle around = ending.isEmpty() ? null : around(fragment, ending);
                boolean first = true;
                for (Entry e : ending) {
                    paragraph.add(type.decorate(marker(e, first), around));
                    first = false;
                }
            }
        }
        if (paragraph != null) {
            addParagraph(paragraph, rtl);
        }
    }

    /** The first fragment of the lines still to come (blank ones included), or null at the end. */
    private static Fragment firstFragment(ArrayDeque<Line> lines) {
        for (Line line : lines) {
            if (!line.fragments().isEmpty()) {
                return line.fragments().get(0);
            }
        }
        return null;
    }

    /**
     * A paragraph of the text, laid out by a {@link ColumnText} straight onto the page, from where
     * the last one ended and on over as many pages as it needs. ColumnText runs OpenPDF's
     * bidirectional algorithm and Arabic shaping, as a table cell would, but lays the text out
     * once: a cell lays it out twice, once only to measure its height.
     */
    private void addParagraph(Phrase phrase, boolean rtl) {
        ColumnText column = new ColumnText(writer.getDirectContent());
        column.setRunDirection(direction(rtl));
        column.setLeading(LEADING, 0);
        column.addText(phrase);
        if (textY < 0) {
            textY = writer.getVerticalPosition(true);
        }
        boolean freshPage = false;
        if (textY - 2 * LEADING < document.bottom()) {
            // a paragraph's first line is not left alone at the foot of a page
            document.newPage();
            textY = document.top();
            freshPage = true;
        }
        while (true) {
            column.setSimpleColumn(document.left(), document.bottom(), document.right(), textY);
            int status = column.go();
            if (column.getLinesWritten() > 0) {
                writer.setPageEmpty(false);
            }
            if (!ColumnText.hasMoreText(status) || (freshPage && column.getLinesWritten() == 0)) {
                break;
            }
            document.newPage();
            textY = document.top();
            freshPage = true;
        }
        textY = column.getYLine() - PARAGRAPH_GAP;
    }

    /** The superscript number after a span, in its label's line colour, linked to its table row. */
    private Chunk marker(Entry e, boolean first) {
        Chunk marker = new Chunk(
                first ? e.marker() : "," + e.marker(),
                type.font("sansBold", 6.5f, type.color(e.tint().lineRgb())));
        marker.setTextRise(4f);
        if (links != null) {
            marker.setGenericTag(Links.marker(e.number()));
        }
        return marker;
    }

    /** How the spans that go on past a fragment are drawn: markers inside them keep their colours. */
    private FragmentStyle around(Fragment fragment, List<Entry> ending) {
        List<org.scholion.core.model.Span> going = new ArrayList<>(fragment.spans());
        for (Entry e : ending) {
            going.remove(e.span());
        }
        return brief.style(new Fragment(fragment.start(), fragment.end(), fragment.text(), going));
    }

    // ---------------------------------------------------------------- table

    private void annotations() {
        document.newPage();
        heading("Annotations", "annotations");
        List<Entry> entries = brief.entries();
        if (entries.isEmpty()) {
            document.add(new Paragraph("No spans were exported.", type.font("serif", BODY_SIZE, PLAIN_INK)));
            return;
        }
        boolean details = hasDetails(entries);
        RowsAhead.Table table = rowsAhead.table();
        table.setSplitLate(false);
        table.setSpacingBefore(2);
        table.setHeaderRows(1);
        table.setComplete(false);
        if (details) {
            headerCells(table, "#", "Label", "Text", "Note", "Relations", "Attributes and links");
        } else {
            headerCells(table, "#", "Label", "Text", "Note", "Relations");
        }
        // large tables go out in batches instead of piling up in memory
        for (List<PdfPRow> batch = rowsAhead.next(); batch != null; batch = rowsAhead.next()) {
            table.append(batch);
            document.add(table);
        }
        table.setComplete(true);
        document.add(table);
    }

    private RowsAhead rowsAhead() {
        List<Entry> entries = brief.entries();
        boolean details = hasDetails(entries);
        Font small = type.font("sans", SMALL - 0.5f, PLAIN_INK);
        return new RowsAhead(
                details ? DETAILED_WIDTHS : WIDTHS,
                document.right() - document.left(),
                entries.size(),
                TABLE_BATCH,
                i -> row(entries.get(i), details, small));
    }

    private static boolean hasDetails(List<Entry> entries) {
        return entries.stream().anyMatch(Entry::hasDetails);
    }

    /** The cells of a span's row in the annotations table. */
    private List<PdfPCell> row(Entry e, boolean details, Font small) {
        List<PdfPCell> cells = new ArrayList<>(6);
        Chunk number = new Chunk(
                e.marker(),
                type.font("sansBold", SMALL - 0.5f, type.color(e.tint().lineRgb())));
        number.setGenericTag(Links.row(e.number()));
        cells.add(ruled(new PdfPCell(new Phrase(number))));
        PdfPCell label = ruled(cell(type.phrase(e.label().name(), glyphs.sans, small)));
        label.setBackgroundColor(type.color(e.tint().fillRgb()));
        cells.add(label);
        cells.add(ruled(
                cell(type.phrase(Excerpts.quoted(e.quote()), glyphs.serif, type.font("serif", SMALL, PLAIN_INK)))));
        cells.add(ruled(cell(type.phrase(e.span().note() == null ? "" : e.span().note(), glyphs.sans, small))));
        cells.add(ruled(cell(type.phrase(String.join("; ", e.relations()), glyphs.sans, small))));
        if (details) {
            cells.add(ruled(cell(details(e, small))));
        }
        return cells;
    }

    /**
     * A span's attributes ({@code name=value}) and links, one a line; a clickable link is an
     * anchor to its expanded IRI showing its short form.
     */
    private Phrase details(Entry e, Font small) {
        Phrase phrase = new Phrase(small.getSize() * 1.3f);
        boolean first = true;
        for (String attribute : e.attributes()) {
            type.append(phrase, first ? attribute : "\n" + attribute, glyphs.sans, small, null);
            first = false;
        }
        Font linkFont = type.font("sans", small.getSize(), LINK_INK);
        for (LinkEntry link : e.links()) {
            if (!first) {
                phrase.add(new Chunk("\n", small));
            }
            first = false;
            if (!link.clickable()) {
                type.append(phrase, link.text(), glyphs.sans, small, null);
                continue;
            }
            Phrase pieces = new Phrase();
            type.append(pieces, link.text(), glyphs.sans, linkFont, null);
            for (Object piece : pieces) {
                Chunk chunk = (Chunk) piece;
                chunk.setAnchor(link.iri());
                chunk.setUnderline(0.4f, -1.5f);
                phrase.add(chunk);
            }
        }
        return phrase;
    }

    // ---------------------------------------------------------------- helpers

    private void heading(String text, String destination) {
        Chunk chunk = new Chunk(text, type.font("sansBold", 14, HEADING));
        if (destination != null) {
            chunk.setLocalDestination(destination);
        }
        Paragraph p = new Paragraph(18, chunk);
        p.setSpacingBefore(14);
        p.setSpacingAfter(6);
        p.setKeepTogether(true);
        document.add(p);
    }

    private PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSplitLate(false);
        table.setSpacingBefore(2);
        return table;
    }

    private void headerCells(PdfPTable table, String... names) {
        for (String name : names) {
            PdfPCell cell = cell(new Phrase(name, type.font("sansBold", SMALL, PLAIN_INK)));
            cell.setBackgroundColor(HEADER_FILL);
            cell.setBorder(Rectangle.TOP | Rectangle.BOTTOM);
            cell.setBorderColor(new Color(0x88, 0x88, 0x88));
            if (name.equals("Spans")) {
                cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            }
            table.addCell(cell);
        }
    }
}
