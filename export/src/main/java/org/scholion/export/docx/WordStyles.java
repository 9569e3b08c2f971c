package org.scholion.export.docx;

import java.io.IOException;

/**
 * The paragraph styles of a brief ({@code word/styles.xml}). Real styles (not direct formatting)
 * so that Word's navigation pane lists the headings and an editor can restyle the whole brief at
 * once. Liberation fonts are metric-compatible with Times New Roman and Arial, so layout holds
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

    private WordStyles() {}

    /** The styles part; {@code language} (a BCP 47 tag, or null) is the text's default language. */
    static void write(WordXml x, String language) throws IOException {
        x.raw(WordPackage.DECLARATION).raw("<w:styles xmlns:w=\"" + WordXml.W + "\">");
        x.raw("<w:docDefaults><w:rPrDefault><w:rPr>").raw(fonts(SERIF)).raw(size(21));
        if (language != null) {
            x.raw("<w:lang w:val=\"").attr(language).raw("\"/>");
        }
        x.raw("</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
                + "w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>");
        x.raw("<w:style w:type=\"paragraph\" w:styleId=\"Normal\" w:default=\"1\"><w:name w:val=\"Normal\"/>"
                + "<w:qFormat/></w:style>");
        x.raw(style(TITLE, "Title", "<w:keepNext/>" + spacing(0, 60, 240), text(SANS, 40, true, "1F2937")));
        x.raw(style(SUBTITLE, "Subtitle", spacing(0, 200, 240), text(SANS, 22, false, "6B7280")));
        x.raw(style(
                HEADING,
                "heading 1",
                "<w:keepNext/>" + spacing(320, 120, 240) + "<w:outlineLvl w:val=\"0\"/>",
                text(SANS, 28, true, "1F2937")));
        x.raw(style(BODY, "Body Text", spacing(0, 160, 336), ""));
        x.raw(style(
                NOTE, "Legend Note", spacing(120, 120, 264), "<w:i/><w:color w:val=\"444444\"/><w:sz w:val=\"18\"/>"));
        x.raw(style(TABLE, "Table Text", spacing(0, 0, 240), text(SANS, 17, false, null)));
        x.raw(style(FOOTER, "footer", "", text(SANS, 16, false, "6B7280")));
        x.raw("</w:styles>");
    }

    /** A paragraph style based on Normal, in the quick-style gallery; empty properties are left out. */
    private static String style(String id, String name, String paragraph, String run) {
        return "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name + "\"/>"
                + "<w:basedOn w:val=\"Normal\"/><w:qFormat/>"
                + (paragraph.isEmpty() ? "" : "<w:pPr>" + paragraph + "</w:pPr>")
                + (run.isEmpty() ? "" : "<w:rPr>" + run + "</w:rPr>") + "</w:style>";
    }

    private static String spacing(int before, int after, int line) {
        return "<w:spacing w:before=\"" + before + "\" w:after=\"" + after + "\" w:line=\"" + line
                + "\" w:lineRule=\"auto\"/>";
    }

    private static String text(String font, int halfPoints, boolean bold, String color) {
        return fonts(font)
                + (bold ? "<w:b/>" : "")
                + (color == null ? "" : "<w:color w:val=\"" + color + "\"/>")
                + size(halfPoints);
    }

    private static String size(int halfPoints) {
        return "<w:sz w:val=\"" + halfPoints + "\"/><w:szCs w:val=\"" + halfPoints + "\"/>";
    }

    private static String fonts(String font) {
        return "<w:rFonts w:ascii=\"" + font + "\" w:hAnsi=\"" + font + "\" w:cs=\"" + font + "\" w:eastAsia=\"" + font
                + "\"/>";
    }
}
