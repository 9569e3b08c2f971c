package org.scholion.export.docx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The XML of a brief's parts written as a stream of UTF-8 bytes. Characters XML forbids are
 * dropped here too, so nothing a caller forgets to clean can break the document; a lone
 * surrogate becomes {@code ?}, as Java's UTF-8 encoder writes it. Encodes by hand: most of a
 * part is ASCII markup, and a {@code Writer} would copy every character twice.
 */
final class WordXml {
    /** The WordprocessingML namespace. */
    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    /** The namespace of relationship ids in parts. */
    static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static final byte[] LT = ascii("&lt;");
    private static final byte[] GT = ascii("&gt;");
    private static final byte[] AMP = ascii("&amp;");
    private static final byte[] QUOT = ascii("&quot;");
    private static final byte[] TAB = ascii("&#9;");
    private static final byte[] LF = ascii("&#10;");
    private static final byte[] CR = ascii("&#13;");

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;

    WordXml(OutputStream out) {
        this.out = out;
    }

    /** Markup, written as it is. */
    WordXml raw(String markup) throws IOException {
        int n = markup.length();
        for (int i = 0; i < n; i++) {
            char c = markup.charAt(i);
            if (c < 0x80) {
                ascii(c);
            } else {
                i = encode(markup, i, n);
            }
        }
        return this;
    }

    WordXml number(int n) throws IOException {
        return raw(Integer.toString(n));
    }

    /** Element content. */
    WordXml text(String s) throws IOException {
        return text(s, 0, s.length());
    }

    /**
     * Element content of {@code s} from {@code start} to {@code end} (char indexes): {@code <},
     * {@code &} and {@code >} escaped, CR kept as a reference. Every {@code >} is escaped: one
     * after {@code ]]} must be, and a dropped character between the brackets would hide it.
     */
    WordXml text(String s, int start, int end) throws IOException {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                i = encode(s, i, end);
            } else if (c == '<') {
                put(LT);
            } else if (c == '&') {
                put(AMP);
            } else if (c == '>') {
                put(GT);
            } else if (c == '\r') {
                put(CR);
            } else if (!WordText.forbidden(c)) {
                ascii(c);
            }
        }
        return this;
    }

    /** An attribute value inside double quotes. */
    WordXml attr(String s) throws IOException {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                i = encode(s, i, n);
            } else if (c == '<') {
                put(LT);
            } else if (c == '&') {
                put(AMP);
            } else if (c == '"') {
                put(QUOT);
            } else if (c == '\t') {
                put(TAB);
            } else if (c == '\n') {
                put(LF);
            } else if (c == '\r') {
                put(CR);
            } else if (!WordText.forbidden(c)) {
                ascii(c);
            }
        }
        return this;
    }

    /**
     * A {@code w:t} element; {@code xml:space="preserve"} when asked, or when the text begins or
     * ends with white space that Word would otherwise drop.
     */
    WordXml t(String text, boolean preserve) throws IOException {
        return t(text, 0, text.length(), preserve);
    }

    /** A {@code w:t} element of {@code text} from {@code start} to {@code end} (char indexes). */
    WordXml t(String text, int start, int end, boolean preserve) throws IOException {
        if (preserve
                || (end > start
                        && (Character.isWhitespace(text.charAt(start))
                                || Character.isWhitespace(text.charAt(end - 1))))) {
            raw("<w:t xml:space=\"preserve\">");
        } else {
            raw("<w:t>");
        }
        text(text, start, end);
        return raw("</w:t>");
    }

    /** Hands what is buffered to the stream. */
    void flush() throws IOException {
        drain();
        out.flush();
    }

    /** Encodes the non-ASCII character at {@code i} (a pair if it is one); returns the index of its last char. */
    private int encode(String s, int i, int end) throws IOException {
        if (buf.length - pos < 4) {
            drain();
        }
        char c = s.charAt(i);
        if (c == 0xFFFE || c == 0xFFFF) {
            return i; // forbidden in XML
        }
        if (c < 0x800) {
            buf[pos++] = (byte) (0xC0 | c >> 6);
            buf[pos++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(i + 1));
            buf[pos++] = (byte) (0xF0 | cp >> 18);
            buf[pos++] = (byte) (0x80 | (cp >> 12 & 0x3F));
            buf[pos++] = (byte) (0x80 | (cp >> 6 & 0x3F));
            buf[pos++] = (byte) (0x80 | (cp & 0x3F));
            return i + 1;
        } else if (Character.isSurrogate(c)) {
            buf[pos++] = '?';
        } else {
            buf[pos++] = (byte) (0xE0 | c >> 12);
            buf[pos++] = (byte) (0x80 | (c >> 6 & 0x3F));
            buf[pos++] = (byte) (0x80 | (c & 0x3F));
        }
        return i;
    }

    private void ascii(char c) throws IOException {
        if (pos == buf.length) {
            drain();
        }
        buf[pos++] = (byte) c;
    }

    private void put(byte[] entity) throws IOException {
        if (buf.length - pos < entity.length) {
            drain();
        }
        System.arraycopy(entity, 0, buf, pos, entity.length);
        pos += entity.length;
    }

    private void drain() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
