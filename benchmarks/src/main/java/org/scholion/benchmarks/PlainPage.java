package org.scholion.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.text.Fragment;
import org.scholion.core.text.Segmentation;

/**
 * The baseline input of the honest comparisons: what a user without Scholion would hand to
 * LibreOffice, pandoc or a browser — a plain HTML page of the text with one highlight per span
 * (nested {@code <mark>}s where spans overlap, the label as a tooltip), no script, no table.
 *
 * <p>{@code PlainPage ANNOTATION_FILE OUTPUT.html}
 */
public final class PlainPage {
    private PlainPage() {}

    public static void main(String[] args) throws IOException, ScholionException {
        if (args.length != 2) {
            System.err.println("usage: PlainPage ANNOTATION_FILE OUTPUT.html");
            System.exit(2);
        }
        write(AnnotationFile.at(Path.of(args[0])).read(), Path.of(args[1]));
    }

    static void write(AnnotatedDocument doc, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>");
            escape(doc.document().title(), out);
            out.write("</title></head>\n<body>\n<h1>");
            escape(doc.document().title(), out);
            out.write("</h1>\n<p>");
            for (Fragment fragment : Segmentation.of(doc.text(), doc.spans())) {
                List<Span> spans = fragment.spans();
                for (Span span : spans) {
                    out.write("<mark style=\"background:");
                    out.write(doc.label(span.label()).map(l -> l.color()).orElse("#FFFF00"));
                    out.write("\" title=\"");
                    escape(span.label(), out);
                    out.write("\">");
                }
                String text = fragment.text();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '\n') {
                        out.write("<br>\n"); // a <br> nests inside any <mark>, a paragraph would not
                    } else if (c != '\r') {
                        escape(c, out);
                    }
                }
                for (int i = 0; i < spans.size(); i++) {
                    out.write("</mark>");
                }
            }
            out.write("</p>\n</body></html>\n");
        }
    }

    private static void escape(String s, BufferedWriter out) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            escape(s.charAt(i), out);
        }
    }

    private static void escape(char c, BufferedWriter out) throws IOException {
        switch (c) {
            case '<' -> out.write("&lt;");
            case '>' -> out.write("&gt;");
            case '&' -> out.write("&amp;");
            case '"' -> out.write("&quot;");
            default -> out.write(c);
        }
    }
}
