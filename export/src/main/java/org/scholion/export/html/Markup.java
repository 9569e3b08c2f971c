package org.scholion.export.html;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The page's characters, UTF-8 encoded into the caller's stream through one buffer, and the one
 * table of what HTML text must escape. I/O errors travel unchecked inside a rendering and come out
 * as {@link IOException} at its edge.
 */
final class Markup {
    private final Writer writer;

    Markup(OutputStream out) {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** See {@link HtmlPage#escape}. */
    static String escape(String text) {
        StringWriter out = new StringWriter(text.length() + 16);
        try {
            escape(text, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a string writer cannot fail", e);
        }
        return out.toString();
    }

    /** {@code text} escaped for HTML content and quoted attribute values, written in runs. */
    private static void escape(String text, Writer out) throws IOException {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            String replacement = replacement(text.charAt(i));
            if (replacement != null) {
                out.write(text, run, i - run);
                out.write(replacement);
                run = i + 1;
            }
        }
        out.write(text, run, text.length() - run);
    }

    /** What stands for {@code c} in the page, or null if {@code c} stands for itself. */
    private static String replacement(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            // control characters HTML forbids: one code point for one, so offsets still hold
            default -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) ? "\uFFFD" : null;
        };
    }

    /** The writer under this markup, for a JSON generator; whoever writes to it flushes their own buffer. */
    Writer writer() {
        return writer;
    }

    Markup append(String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Markup append(char c) {
        try {
            writer.write(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Markup append(long number) {
        return append(Long.toString(number));
    }

    /** {@code text} escaped as {@link HtmlPage#escape} does it. */
    Markup escaped(String text) {
        try {
            escape(text, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Markup flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
