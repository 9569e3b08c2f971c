package org.scholion.export.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.scholion.export.brief.FragmentStyle;
import org.scholion.export.brief.Tint;

/**
 * What a PDF brief is set from: fonts and colours, cached in maps that the thread making the
 * annotation table's rows shares; runs of text in the font that can draw them, styled as their
 * spans; and table cells.
 */
final class Typesetter {
    private static final int MAX_UNDERLINES = 4;
    static final int BUTT = PdfContentByte.LINE_CAP_BUTT;
    private static final Color RULE = new Color(0xC8, 0xC8, 0xC8);

    private final Glyphs glyphs;
    private final Map<String, Font> fonts = new ConcurrentHashMap<>();
    private final Map<Integer, Color> colors = new ConcurrentHashMap<>();

    Typesetter(Glyphs glyphs) {
        this.glyphs = glyphs;
    }

    /** Whether a text holds right-to-left letters, the only case that needs the (slower) bidi algorithm. */
    static boolean hasRightToLeft(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x0590 && (c <= 0x08FF || (c >= 0xFB1D && c <= 0xFEFC) || Character.isSurrogate(c))) {
                byte d = Character.getDirectionality(text.codePointAt(i));
                if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                    return true;
                }
            }
        }
        return false;
    }

    static int direction(boolean rtl) {
        return rtl ? PdfWriter.RUN_DIRECTION_LTR : PdfWriter.RUN_DIRECTION_NO_BIDI;
    }

    /** Fills a chunk with the tint of its innermost span and underlines it once per enclosing span. */
    Chunk decorate(Chunk chunk, FragmentStyle style) {
        if (style != null && !style.isPlain()) {
            chunk.setBackground(color(style.fill().fillRgb()), 0, 0.8f, 0, 0.3f);
            List<Tint> lines = style.underlines();
            int levels = Math.min(lines.size(), MAX_UNDERLINES);
            for (int level = 0; level < levels; level++) {
                Tint t = lines.get(lines.size() - 1 - level);
                chunk.setUnderline(color(t.lineRgb()), 0.8f, 0, -2.2f - 1.55f * level, 0, BUTT);
            }
        }
        return chunk;
    }

    /**
     * Appends text in chunks by the font that can draw it; a styled fragment gets the tint fill
     * of its innermost span and one underline per enclosing span, nearest the text the span
     * just around it.
     */
    void append(Phrase target, String text, BaseFont primary, Font primaryFont, FragmentStyle style) {
        glyphs.split(text, primary, (piece, source) -> {
            Font f = switch (source) {
                case PRIMARY -> primaryFont;
                case FALLBACK ->
                    new Font(Glyphs.fallback(), primaryFont.getSize(), Font.NORMAL, primaryFont.getColor());
                case REPLACED -> font("sans", primaryFont.getSize(), new Color(0x99, 0x99, 0x99));
            };
            target.add(decorate(new Chunk(piece, f), style));
        });
    }

    Phrase phrase(String text, BaseFont base, Font font) {
        Phrase phrase = new Phrase(font.getSize() * 1.3f);
        append(phrase, text, base, font, null);
        return phrase;
    }

    static PdfPCell cell(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(3);
        cell.setPaddingBottom(4);
        cell.setRunDirection(direction(hasRightToLeft(phrase.getContent())));
        return cell;
    }

    static PdfPCell ruled(PdfPCell cell) {
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        cell.setPadding(3);
        cell.setPaddingBottom(4);
        return cell;
    }

    Font font(String name, float size, Color color) {
        String key = name + "/" + size + "/" + color.getRGB();
        return fonts.computeIfAbsent(
                key,
                k -> new Font(
                        switch (name) {
                            case "serif" -> glyphs.serif;
                            case "serifItalic" -> glyphs.serifItalic;
                            case "sansBold" -> glyphs.sansBold;
                            default -> glyphs.sans;
                        },
                        size,
                        Font.NORMAL,
                        color));
    }

    Color color(int rgb) {
        return colors.computeIfAbsent(rgb, Color::new);
    }
}
