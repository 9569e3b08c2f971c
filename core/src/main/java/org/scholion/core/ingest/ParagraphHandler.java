package org.scholion.core.ingest;

import java.util.Locale;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the body text of Tika's XHTML as paragraphs separated by blank lines: white space
 * inside a paragraph is folded to single spaces, {@code <br>} becomes a line break.
 */
final class ParagraphHandler extends DefaultHandler {
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "tr",
            "blockquote",
            "pre",
            "section",
            "article",
            "header",
            "footer",
            "aside",
            "table",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "figcaption",
            "caption",
            "address",
            "hr",
            "body");
    private static final Set<String> SKIPPED = Set.of("head", "script", "style", "title", "meta");

    private final int maxChars;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder paragraph = new StringBuilder();
    private boolean pendingSpace;
    private int skipping;

    ParagraphHandler(int maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        String name = name(localName, qName);
        if (SKIPPED.contains(name)) {
            skipping++;
        } else if (BLOCKS.contains(name)) {
            endParagraph();
        } else if (name.equals("br")) {
            paragraph.append('\n');
            pendingSpace = false;
        } else if (name.equals("td") || name.equals("th")) {
            pendingSpace = paragraph.length() > 0;
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        String name = name(localName, qName);
        if (SKIPPED.contains(name)) {
            skipping = Math.max(0, skipping - 1);
        } else if (BLOCKS.contains(name)) {
            endParagraph();
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (skipping > 0) {
            return;
        }
        for (int i = start; i < start + length; i++) {
            char c = ch[i];
            if (Character.isWhitespace(c)) {
                pendingSpace = paragraph.length() > 0 && paragraph.charAt(paragraph.length() - 1) != '\n';
            } else {
                if (pendingSpace) {
                    paragraph.append(' ');
                    pendingSpace = false;
                }
                paragraph.append(c);
            }
        }
        if (text.length() + paragraph.length() > maxChars) {
            throw new SAXException(new LimitReached());
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        pendingSpace = paragraph.length() > 0;
    }

    @Override
    public void endDocument() {
        endParagraph();
    }

    private void endParagraph() {
        String p = paragraph.toString().strip();
        paragraph.setLength(0);
        pendingSpace = false;
        if (!p.isEmpty()) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(p);
        }
    }

    String text() {
        endParagraph();
        return text.toString();
    }

    private static String name(String localName, String qName) {
        String n = localName == null || localName.isEmpty() ? qName : localName;
        return n.toLowerCase(Locale.ROOT);
    }

    /** Thrown through the parser when the text grows past the limit. */
    static final class LimitReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LimitReached() {
            super(null, null, false, false);
        }
    }
}
