package org.scholion.export.pdf;

import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.scholion.export.brief.LegendEntry;

/**
 * The bar chart of spans per label, drawn as vectors: one bar per label in its line colour,
 * most frequent first, label on the left and count at the end of the bar.
 */
final class PdfChart {
    private static final float ROW = 15;
    private static final float BAR = 10;
    private static final float SIZE = 8;
    private static final Color TEXT = new Color(0x33, 0x33, 0x33);
    private static final Color AXIS = new Color(0xB0, 0xB0, 0xB0);

    private PdfChart() {}

    static Image draw(PdfContentByte cb, List<LegendEntry> legend, float width, Glyphs glyphs) {
        List<LegendEntry> bars = new ArrayList<>(legend);
        bars.sort(Comparator.comparingInt(LegendEntry::count).reversed());
        BaseFont font = glyphs.sans;
        List<String> names = new ArrayList<>();
        float labelWidth = 0;
        for (LegendEntry e : bars) {
            String name = glyphs.drawable(e.label().name(), font);
            names.add(name);
            labelWidth = Math.max(labelWidth, font.getWidthPoint(name, SIZE));
        }
        labelWidth = Math.min(labelWidth, width * 0.4f) + 8;
        int max = bars.stream().mapToInt(LegendEntry::count).max().orElse(1);
        float countRoom = font.getWidthPoint(Integer.toString(max), SIZE) + 8;
        float barRoom = width - labelWidth - countRoom;
        float height = bars.size() * ROW + 8;
        PdfTemplate t = cb.createTemplate(width, height);
        float axisX = labelWidth;
        for (int i = 0; i < bars.size(); i++) {
            LegendEntry e = bars.get(i);
            float rowTop = height - 4 - i * ROW;
            float barY = rowTop - (ROW + BAR) / 2;
            float length = Math.max(1.5f, barRoom * e.count() / max);
            t.setColorFill(new Color(e.tint().lineRgb()));
            t.rectangle(axisX, barY, length, BAR);
            t.fill();
            t.beginText();
            t.setFontAndSize(font, SIZE);
            t.setColorFill(TEXT);
            t.showTextAligned(
                    PdfContentByte.ALIGN_RIGHT, fit(names.get(i), font, labelWidth - 8), axisX - 6, barY + 2, 0);
            t.showTextAligned(
                    PdfContentByte.ALIGN_LEFT,
                    String.format(Locale.ROOT, "%d", e.count()),
                    axisX + length + 4,
                    barY + 2,
                    0);
            t.endText();
        }
        t.setColorStroke(AXIS);
        t.setLineWidth(0.6f);
        t.moveTo(axisX, 2);
        t.lineTo(axisX, height - 2);
        t.stroke();
        try {
            Image image = Image.getInstance(t);
            image.setAlignment(Image.LEFT);
            return image;
        } catch (com.lowagie.text.BadElementException e) {
            throw new IllegalStateException("a template is always a valid image", e);
        }
    }

    private static String fit(String text, BaseFont font, float width) {
        if (font.getWidthPoint(text, SIZE) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && font.getWidthPoint(cut + "…", SIZE) > width) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut + "…";
    }
}
