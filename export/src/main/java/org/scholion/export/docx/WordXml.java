package org.scholion.export.docx;

import java.io.IOException;
import java.io.Writer;

/**
 * WordprocessingML written as a stream of characters, escaped the way XMLBeans escapes it, so
 * the streamed parts of a brief read like the ones POI builds. Characters XML forbids are
 * dropped here too, so nothing a caller forgets to clean can break the document.
 */
final class WordXml {
    private final Writer out;

    WordXml(Writer out) {
        this.out = out;
    }

    /** Markup, written as it is. */
    WordXml raw(String markup) throws IOException {
        out.write(markup);
        return this;
    }

    WordXml number(int n) throws IOException {
        out.write(Integer.toString(n));
        return this;
    }

    /** Element content: {@code <} and {@code &} escaped, {@code >} after {@code ]]}, CR kept as a reference. */
    WordXml text(String s) throws IOException {
        return text(s, 0, s.length());
    }

    /** Element content of {@code s} from {@code start} to {@code end} (char indexes). */
    WordXml text(String s, int start, int end) throws IOException {
        int from = start;
        int n = end;
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            String entity;
            if (c == '<') {
                entity = "&lt;";
            } else if (c == '&') {
                entity = "&amp;";
            } else if (c == '>' && i >= start + 2 && s.charAt(i - 1) == ']' && s.charAt(i - 2) == ']') {
                entity = "&gt;";
            } else if (c == '\r') {
                entity = "&#13;";
            } else if (WordText.forbidden(c)) {
                entity = "";
            } else {
                continue;
            }
            out.write(s, from, i - from);
            out.write(entity);
            from = i + 1;
        }
        out.write(s, from, n - from);
        return this;
    }

    /** An attribute value inside double quotes. */
    WordXml attr(String s) throws IOException {
        int from = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String entity;
            if (c == '<') {
                entity = "&lt;";
            } else if (c == '&') {
                entity = "&amp;";
            } else if (c == '"') {
                entity = "&quot;";
            } else if (c == '\t') {
                entity = "&#9;";
            } else if (c == '\n') {
                entity = "&#10;";
            } else if (c == '\r') {
                entity = "&#13;";
            } else if (WordText.forbidden(c)) {
                entity = "";
            } else {
                continue;
            }
            out.write(s, from, i - from);
            out.write(entity);
            from = i + 1;
        }
        out.write(s, from, n - from);
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
        if (preserve || (end > start && (Character.isWhitespace(text.charAt(start))
                || Character.isWhitespace(text.charAt(end - 1))))) {
            out.write("<w:t xml:space=\"preserve\">");
        } else {
            out.write("<w:t>");
        }
        text(text, start, end);
        out.write("</w:t>");
        return this;
    }

    void flush() throws IOException {
        out.flush();
    }
}
