package org.scholion.export.docx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scholion.export.brief.LegendEntry;

/**
 * The native Word bar chart of spans per label (DrawingML), bars in the labels' line colours, most
 * frequent first, with its data in an embedded workbook so Word can edit it. The chart holds its
 * values itself (the cache Word and LibreOffice draw from); the workbook holds the same numbers.
 */
final class WordChart {
    static final String PART = "word/charts/chart1.xml";
    static final String RELATIONSHIPS = "word/charts/_rels/chart1.xml.rels";
    static final String WORKBOOK = "word/embeddings/Microsoft_Excel_Worksheet1.xlsx";

    private static final String SHEET = "Sheet0";
    private static final long EMU_PER_CM = 360_000;
    private static final String SPREADSHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private final List<LegendEntry> bars;

    WordChart(List<LegendEntry> legend) {
        this.bars = bars(legend);
    }

    /** Labels by count, most frequent first; ties keep legend order. */
    static List<LegendEntry> bars(List<LegendEntry> legend) {
        List<LegendEntry> bars = new ArrayList<>(legend);
        bars.sort(Comparator.comparingInt(LegendEntry::count).reversed());
        return bars;
    }

    /** The chart's height: 2 cm and 0.6 cm per bar. */
    long heightEmu() {
        return 2 * EMU_PER_CM + bars.size() * EMU_PER_CM * 6 / 10;
    }

    /** The paragraph in the main document that shows the chart of relationship {@code id}. */
    void paragraph(WordXml x, String id, long widthEmu) throws IOException {
        x.raw("<w:p><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"")
                .raw(Long.toString(widthEmu))
                .raw("\" cy=\"")
                .raw(Long.toString(heightEmu()))
                .raw("\"/><wp:docPr id=\"1\" name=\"Chart 1\"/><a:graphic xmlns:a=\"")
                .raw("http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"")
                .raw("http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:chart xmlns:c=\"")
                .raw("http://schemas.openxmlformats.org/drawingml/2006/chart\" r:id=\"")
                .attr(id)
                .raw("\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>");
    }

    /** The chart part; its relationship {@code rId1} is the embedded workbook. */
    void chart(WordXml x) throws IOException {
        int n = bars.size();
        x.raw(WordPackage.DECLARATION)
                .raw("<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:a=\"")
                .raw("http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"")
                .raw(WordXml.R)
                .raw("\"><c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea><c:barChart>")
                .raw("<c:barDir val=\"bar\"/><c:varyColors val=\"0\"/><c:ser><c:idx val=\"0\"/><c:order val=\"0\"/>")
                .raw("<c:tx><c:v>Spans</c:v></c:tx>");
        for (int i = 0; i < n; i++) {
            x.raw("<c:dPt><c:idx val=\"")
                    .number(i)
                    .raw("\"/><c:invertIfNegative val=\"0\"/><c:spPr><a:solidFill>")
                    .raw("<a:srgbClr val=\"")
                    .raw(bars.get(i).tint().line().substring(1))
                    .raw("\"/></a:solidFill></c:spPr></c:dPt>");
        }
        x.raw("<c:dLbls><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/>")
                .raw("<c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>");
        x.raw("<c:cat><c:strRef><c:f>" + SHEET + "!$A$2:$A$")
                .number(n + 1)
                .raw("</c:f><c:strCache><c:ptCount val=\"")
                .number(n)
                .raw("\"/>");
        for (int i = 0; i < n; i++) {
            x.raw("<c:pt idx=\"").number(i).raw("\"><c:v>").text(name(i)).raw("</c:v></c:pt>");
        }
        x.raw("</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>" + SHEET + "!$B$2:$B$")
                .number(n + 1)
                .raw("</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"")
                .number(n)
                .raw("\"/>");
        for (int i = 0; i < n; i++) {
            x.raw("<c:pt idx=\"")
                    .number(i)
                    .raw("\"><c:v>")
                    .number(bars.get(i).count())
                    .raw("</c:v></c:pt>");
        }
        x.raw("</c:numCache></c:numRef></c:val></c:ser><c:gapWidth val=\"50\"/><c:axId val=\"0\"/>")
                .raw("<c:axId val=\"1\"/></c:barChart>")
                .raw("<c:catAx><c:axId val=\"0\"/><c:scaling><c:orientation val=\"maxMin\"/></c:scaling>")
                .raw("<c:delete val=\"0\"/><c:axPos val=\"l\"/><c:majorTickMark val=\"none\"/>")
                .raw("<c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"1\"/>")
                .raw("<c:crosses val=\"autoZero\"/><c:auto val=\"0\"/></c:catAx>")
                .raw("<c:valAx><c:axId val=\"1\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling>")
                .raw("<c:delete val=\"1\"/><c:axPos val=\"b\"/><c:majorTickMark val=\"cross\"/>")
                .raw("<c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"0\"/>")
                .raw("<c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/></c:valAx></c:plotArea>")
                .raw("</c:chart><c:externalData r:id=\"rId1\"/></c:chartSpace>");
    }

    /** The chart's relationships: its workbook. */
    static void relationships(WordXml x) throws IOException {
        WordPackage.relationships(
                x,
                List.of(WordPackage.Relationship.office(
                        "rId1", "package", "../embeddings/" + WORKBOOK.substring(WORKBOOK.lastIndexOf('/') + 1))));
    }

    /** The embedded workbook: one sheet, a header row, then label and count per bar. */
    byte[] workbook() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (WordPackage xlsx = new WordPackage(bytes)) {
            Map<String, String> types = new LinkedHashMap<>();
            types.put("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            types.put(
                    "/xl/worksheets/sheet1.xml",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            types.put("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            xlsx.part("[Content_Types].xml", x -> WordPackage.contentTypes(x, Map.of(), types));
            xlsx.part(
                    "_rels/.rels",
                    x -> WordPackage.relationships(
                            x, List.of(WordPackage.Relationship.office("rId1", "officeDocument", "xl/workbook.xml"))));
            xlsx.part(
                    "xl/workbook.xml",
                    x -> x.raw(WordPackage.DECLARATION)
                            .raw("<workbook xmlns=\"" + SPREADSHEET + "\" xmlns:r=\"" + WordXml.R
                                    + "\"><sheets><sheet name=\"" + SHEET
                                    + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            xlsx.part(
                    "xl/_rels/workbook.xml.rels",
                    x -> WordPackage.relationships(
                            x,
                            List.of(
                                    WordPackage.Relationship.office("rId1", "worksheet", "worksheets/sheet1.xml"),
                                    WordPackage.Relationship.office("rId2", "styles", "styles.xml"))));
            xlsx.part(
                    "xl/styles.xml",
                    x -> x.raw(WordPackage.DECLARATION)
                            .raw("<styleSheet xmlns=\"" + SPREADSHEET
                                    + "\"><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
                                    + "</fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill>"
                                    + "<patternFill patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border><left/>"
                                    + "<right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count=\"1\"><xf "
                                    + "numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"1\">"
                                    + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs>"
                                    + "</styleSheet>"));
            xlsx.part("xl/worksheets/sheet1.xml", this::sheet);
        }
        return bytes.toByteArray();
    }

    private void sheet(WordXml x) throws IOException {
        int n = bars.size();
        x.raw(WordPackage.DECLARATION)
                .raw("<worksheet xmlns=\"" + SPREADSHEET + "\"><dimension ref=\"A1:B")
                .number(n + 1)
                .raw("\"/><sheetData><row r=\"1\">");
        text(x, "A1", "Label");
        text(x, "B1", "Spans");
        x.raw("</row>");
        for (int i = 0; i < n; i++) {
            int row = i + 2;
            x.raw("<row r=\"").number(row).raw("\">");
            text(x, "A" + row, name(i));
            x.raw("<c r=\"B")
                    .number(row)
                    .raw("\"><v>")
                    .number(bars.get(i).count())
                    .raw("</v></c></row>");
        }
        x.raw("</sheetData></worksheet>");
    }

    private static void text(WordXml x, String cell, String text) throws IOException {
        x.raw("<c r=\"")
                .raw(cell)
                .raw("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                .text(text)
                .raw("</t></is></c>");
    }

    private String name(int i) {
        return WordText.clean(bars.get(i).label().name());
    }
}
