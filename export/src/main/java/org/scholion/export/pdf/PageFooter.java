package org.scholion.export.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;

/**
 * Draws the footer of every page: the brief's title on the left, "Page X of Y" on the right.
 * Y is unknown until the end, so every page shows the same template, filled in on close.
 */
final class PageFooter extends PdfPageEventHelper {
    private static final float SIZE = 8;
    private static final float TOTAL_WIDTH = 30;
    private static final Color GREY = new Color(0x6B, 0x72, 0x80);

    private final BaseFont font;
    private final String title;
    private PdfTemplate total;

    PageFooter(BaseFont font, String title) {
        this.font = font;
        this.title = title;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(TOTAL_WIDTH, SIZE * 1.5f);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte cb = writer.getDirectContent();
        float y = document.bottom() - 24;
        float right = document.right();
        String page = "Page " + writer.getPageNumber() + " of ";
        cb.saveState();
        cb.setColorStroke(new Color(0xD0, 0xD0, 0xD0));
        cb.setLineWidth(0.5f);
        cb.moveTo(document.left(), y + 12);
        cb.lineTo(right, y + 12);
        cb.stroke();
        cb.beginText();
        cb.setColorFill(GREY);
        cb.setFontAndSize(font, SIZE);
        cb.showTextAligned(PdfContentByte.ALIGN_LEFT, fit(title, right - document.left() - 120), document.left(), y, 0);
        cb.showTextAligned(PdfContentByte.ALIGN_RIGHT, page, right - TOTAL_WIDTH, y, 0);
        cb.endText();
        cb.addTemplate(total, right - TOTAL_WIDTH, y - SIZE * 0.3f);
        cb.restoreState();
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        total.beginText();
        total.setColorFill(GREY);
        total.setFontAndSize(font, SIZE);
        total.setTextMatrix(0, SIZE * 0.3f);
        total.showText(Integer.toString(writer.getPageNumber() - 1));
        total.endText();
    }

    private String fit(String text, float width) {
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
