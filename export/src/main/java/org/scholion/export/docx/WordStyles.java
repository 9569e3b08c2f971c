package org.scholion.export.docx;

import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The paragraph styles of a brief. Real styles (not direct formatting) so that Word's
 * navigation pane lists the headings and an editor can restyle the whole brief at once.
 * Liberation fonts are metric-compatible with Times New Roman and Arial, so layout holds
 * where they are substituted.
 */
final class WordStyles {
    static final String TITLE = "Title";
    static final String SUBTITLE = "Subtitle";
    static final String HEADING = "Heading1";
    static final String BODY = "BodyText";
    static final String NOTE = "Note";
    static final String TABLE = "TableText";
    static final String FOOTER = "Footer";

    static final String SERIF = "Liberation Serif";
    static final String SANS = "Liberation Sans";

    private WordStyles() {
    }

    static void install(XWPFDocument doc, String language) {
        CTStyles styles = CTStyles.Factory.newInstance();
        CTDocDefaults defaults = styles.addNewDocDefaults();
        CTRPr rpr = defaults.addNewRPrDefault().addNewRPr();
        fonts(rpr, SERIF);
        rpr.addNewSz().setVal(BigInteger.valueOf(21));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(21));
        if (language != null) {
            rpr.addNewLang().setVal(language);
        }
        CTSpacing spacing = defaults.addNewPPrDefault().addNewPPr().addNewSpacing();
        spacing.setAfter(BigInteger.ZERO);
        spacing.setLine(BigInteger.valueOf(240));
        spacing.setLineRule(STLineSpacingRule.AUTO);

        CTStyle normal = style(styles, "Normal", "Normal");
        normal.setDefault(true);

        CTStyle title = style(styles, TITLE, "Title");
        spacing(title.addNewPPr(), 0, 60, 240).addNewKeepNext();
        text(title.addNewRPr(), SANS, 40, true, "1F2937");

        CTStyle subtitle = style(styles, SUBTITLE, "Subtitle");
        spacing(subtitle.addNewPPr(), 0, 200, 240);
        text(subtitle.addNewRPr(), SANS, 22, false, "6B7280");

        CTStyle heading = style(styles, HEADING, "heading 1");
        CTPPrGeneral hp = heading.addNewPPr();
        spacing(hp, 320, 120, 240);
        hp.addNewKeepNext();
        hp.addNewOutlineLvl().setVal(BigInteger.ZERO);
        text(heading.addNewRPr(), SANS, 28, true, "1F2937");

        CTStyle body = style(styles, BODY, "Body Text");
        spacing(body.addNewPPr(), 0, 160, 336);

        CTStyle note = style(styles, NOTE, "Legend Note");
        spacing(note.addNewPPr(), 120, 120, 264);
        CTRPr noteRun = note.addNewRPr();
        noteRun.addNewI();
        noteRun.addNewColor().setVal("444444");
        noteRun.addNewSz().setVal(BigInteger.valueOf(18));

        CTStyle table = style(styles, TABLE, "Table Text");
        spacing(table.addNewPPr(), 0, 0, 240);
        text(table.addNewRPr(), SANS, 17, false, null);

        CTStyle footer = style(styles, FOOTER, "footer");
        text(footer.addNewRPr(), SANS, 16, false, "6B7280");

        doc.createStyles().setStyles(styles);
    }

    private static CTStyle style(CTStyles styles, String id, String name) {
        CTStyle style = styles.addNewStyle();
        style.setType(STStyleType.PARAGRAPH);
        style.setStyleId(id);
        style.addNewName().setVal(name);
        style.addNewQFormat();
        if (!id.equals("Normal")) {
            style.addNewBasedOn().setVal("Normal");
        }
        return style;
    }

    private static CTPPrGeneral spacing(CTPPrGeneral ppr, int before, int after, int line) {
        CTSpacing spacing = ppr.addNewSpacing();
        spacing.setBefore(BigInteger.valueOf(before));
        spacing.setAfter(BigInteger.valueOf(after));
        spacing.setLine(BigInteger.valueOf(line));
        spacing.setLineRule(STLineSpacingRule.AUTO);
        return ppr;
    }

    private static void text(CTRPr rpr, String font, int halfPoints, boolean bold, String color) {
        fonts(rpr, font);
        if (bold) {
            rpr.addNewB();
        }
        if (color != null) {
            rpr.addNewColor().setVal(color);
        }
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
    }

    private static void fonts(CTRPr rpr, String font) {
        CTFonts fonts = rpr.addNewRFonts();
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        fonts.setCs(font);
        fonts.setEastAsia(font);
    }
}
