package org.scholion.export.docx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickMark;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDPt;
import org.scholion.export.brief.LegendEntry;

/**
 * The native Word bar chart of spans per label (DrawingML through POI's XDDF), bars in the
 * labels' line colours, most frequent first, with its data in an embedded workbook so Word
 * can edit it.
 */
final class WordChart {
    private WordChart() {
    }

    /** Labels by count, most frequent first; ties keep legend order. */
    static List<LegendEntry> bars(List<LegendEntry> legend) {
        List<LegendEntry> bars = new ArrayList<>(legend);
        bars.sort(Comparator.comparingInt(LegendEntry::count).reversed());
        return bars;
    }

    /** Appends the chart, in a paragraph of its own, to the end of the document. */
    static void append(XWPFDocument doc, List<LegendEntry> legend, long widthEmu)
            throws IOException, InvalidFormatException {
        List<LegendEntry> bars = bars(legend);
        int n = bars.size();
        long height = (long) Units.EMU_PER_CENTIMETER * 2 + (long) n * Units.EMU_PER_CENTIMETER * 6 / 10;
        XWPFChart chart = doc.createChart((int) widthEmu, (int) height);
        String[] names = new String[n];
        Double[] counts = new Double[n];
        for (int i = 0; i < n; i++) {
            names[i] = WordText.clean(bars.get(i).label().name());
            counts[i] = (double) bars.get(i).count();
        }
        XDDFCategoryDataSource categories = XDDFDataSourcesFactory.fromArray(names,
                chart.formatRange(new CellRangeAddress(1, n, 0, 0)), 0);
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromArray(counts,
                chart.formatRange(new CellRangeAddress(1, n, 1, 1)), 1);

        XDDFCategoryAxis labelAxis = chart.createCategoryAxis(AxisPosition.LEFT);
        labelAxis.setOrientation(AxisOrientation.MAX_MIN);
        labelAxis.setMajorTickMark(AxisTickMark.NONE);
        XDDFValueAxis countAxis = chart.createValueAxis(AxisPosition.BOTTOM);
        countAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        countAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
        countAxis.setVisible(false);

        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, labelAxis, countAxis);
        data.setBarDirection(BarDirection.BAR);
        data.setVaryColors(false);
        data.setGapWidth(50);
        XDDFBarChartData.Series series = (XDDFBarChartData.Series) data.addSeries(categories, values);
        series.setTitle("Spans", null);
        chart.plot(data);

        CTBarSer ser = series.getCTBarSer();
        for (int i = 0; i < n; i++) {
            CTDPt point = ser.addNewDPt();
            point.addNewIdx().setVal(i);
            point.addNewInvertIfNegative().setVal(false);
            XDDFShapeProperties fill = new XDDFShapeProperties();
            fill.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb(bars.get(i).tint().lineRgb()))));
            point.setSpPr(fill.getXmlObject());
        }
        CTDLbls labels = ser.isSetDLbls() ? ser.getDLbls() : ser.addNewDLbls();
        labels.addNewShowLegendKey().setVal(false);
        labels.addNewShowVal().setVal(true);
        labels.addNewShowCatName().setVal(false);
        labels.addNewShowSerName().setVal(false);
        labels.addNewShowPercent().setVal(false);
        labels.addNewShowBubbleSize().setVal(false);
        chart.setAutoTitleDeleted(true);

        // the embedded workbook holds the same numbers, so "Edit data" in Word shows them
        XSSFSheet sheet = chart.getWorkbook().getSheetAt(0);
        XSSFRow header = sheet.createRow(0);
        header.createCell(0).setCellValue("Label");
        header.createCell(1).setCellValue("Spans");
        for (int i = 0; i < n; i++) {
            XSSFRow row = sheet.createRow(i + 1);
            row.createCell(0).setCellValue(names[i]);
            row.createCell(1).setCellValue(counts[i]);
        }
    }

    private static byte[] rgb(int rgb) {
        return new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb};
    }
}
