package org.scholion.export.html;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.scholion.core.Version;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.Fragment;
import org.scholion.core.text.Line;
import org.scholion.core.text.Sha256;
import org.scholion.core.time.InstantFormatter;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporter;
import org.scholion.export.Exporters;
import org.scholion.export.Format;
import org.scholion.export.brief.Brief;
import org.scholion.export.brief.Entry;
import org.scholion.export.brief.Excerpts;
import org.scholion.export.brief.Fact;
import org.scholion.export.brief.FragmentStyle;
import org.scholion.export.brief.LegendEntry;
import org.scholion.export.brief.Tint;

/**
 * The one Scholion page, drawn from a {@link Brief}: standalone (inline CSS and script, JSON-LD
 * embedded, a hash-based Content-Security-Policy, works from {@code file://}) or served by the
 * viewer (assets and label colours from the server, live updates, download buttons). The text and
 * its highlights are markup that reads without JavaScript; the annotations list, the relations and
 * the map are drawn by the script from one JSON data block, only as far as they are in view, so a
 * document of tens of thousands of spans opens in about the time a short one does.
 */
public final class HtmlPage {
    /** The page's behaviour, served by the viewer as {@code /assets/scholion.js}. */
    public static final String SCRIPT = resource("scholion.js");
    /** The page's design, served by the viewer as {@code /assets/scholion.css}. */
    public static final String STYLESHEET = resource("scholion.css");
    /** Formats the viewer offers as downloads, in button order. */
    public static final List<Format> DOWNLOADS = List.of(Format.CSV, Format.JSONLD, Format.DOCX, Format.PDF,
            Format.HTML);

    private static final String GENERATOR = "Scholion " + Version.number();
    private static final int MINIMAP_WIDTH = 1000;
    private static final int MINIMAP_ROW = 7;
    /** Characters of text after which a long paragraph continues in a new piece at its next line break. */
    private static final int PIECE = 2000;

    private HtmlPage() {
    }

    /** What the viewer knows when it serves a page: the file's current version and any problem reading it. */
    public record Served(String version, String problem) {
        public Served {
            Objects.requireNonNull(version, "version");
            if (!version.matches("[0-9A-Za-z_-]{1,64}")) {
                throw new IllegalArgumentException("version '" + version + "' must be 1 to 64 letters, digits, - or _");
            }
        }
    }

    /**
     * Writes the self-contained page to {@code out}, which is flushed but not closed; the JSON-LD is
     * streamed from its exporter into the page, so memory does not grow with the document. The same
     * input always gives the same bytes.
     */
    public static void standalone(AnnotatedDocument document, ExportOptions options, OutputStream out)
            throws IOException, ExportException {
        Brief brief = Brief.of(document, options);
        String style = STYLESHEET + labelStyles(brief.document());
        String policy = "default-src 'none'; script-src '" + sha256(SCRIPT) + "'; style-src '" + sha256(style)
                + "'; img-src data:; base-uri 'none'; form-action 'none'";
        StringBuilder head = new StringBuilder();
        // the policy holds only keywords and base64 hashes: nothing to escape
        head.append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(policy).append("\">\n");
        head.append("<style>").append(style).append("</style>\n");
        Exporter jsonLd;
        try {
            jsonLd = Exporters.of(Format.JSONLD);
        } catch (RuntimeException e) {
            jsonLd = null; // a build without the JSON-LD exporter makes the page without its data block
        }
        new Renderer(brief, null, out).page(head.toString(), jsonLd == null ? null : new JsonLdBlock(jsonLd,
                document, options), "<script>" + SCRIPT + "</script>\n");
    }

    /**
     * Writes the page as the viewer serves it, at {@code /doc/<id>/}, to {@code out} (flushed, not
     * closed): assets come from {@code /assets/}, the JSON-LD from {@code download/jsonld}.
     */
    public static void served(AnnotatedDocument document, ExportOptions options, Served served, OutputStream out)
            throws IOException {
        Brief brief = Brief.of(document, options);
        // the JSON-LD would double the page; the viewer offers it as a download instead
        String head = "<link rel=\"stylesheet\" href=\"/assets/scholion.css\">\n"
                + "<link rel=\"stylesheet\" id=\"labels-css\" href=\"labels.css?v=" + served.version() + "\">\n"
                + "<link rel=\"alternate\" type=\"application/ld+json\" href=\"download/jsonld\">\n";
        try {
            new Renderer(brief, served, out).page(head, null, "<script src=\"/assets/scholion.js\"></script>\n");
        } catch (ExportException e) {
            throw new IllegalStateException("a served page embeds no JSON-LD", e);
        }
    }

    /** The Content-Security-Policy of a served page: assets from the viewer itself, nothing inline. */
    public static String servedPolicy() {
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /** The label colours of a document as CSS classes {@code c0}, {@code c1} ... in label order. */
    public static String labelStyles(AnnotatedDocument document) {
        StringBuilder css = new StringBuilder();
        List<Label> labels = document.labels();
        for (int i = 0; i < labels.size(); i++) {
            Tint tint = Tint.of(labels.get(i).color());
            css.append(".c").append(i).append("{--fill:").append(tint.fill()).append(";--ink:").append(tint.text())
                    .append(";--line:").append(tint.line()).append("}\n");
        }
        return css.toString();
    }

    /**
     * Text escaped for HTML content and quoted attribute values alike; NUL and other control
     * characters that HTML forbids become U+FFFD, one code point for one, so offsets still hold.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escapeTo(out, text);
        return out.toString();
    }

    static void escapeTo(StringBuilder out, String text) {
        escapeTo((Appendable) out, text);
    }

    private static void escapeTo(Sink out, String text) {
        out.escaped(text);
    }

    private static void escapeTo(Appendable out, String text) {
        try {
            escapeChars(out, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void escapeChars(Appendable out, String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    static String sha256(String text) {
        return "sha256-" + Base64.getEncoder().encodeToString(Sha256.of(text));
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("page resource " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The page's characters, UTF-8 encoded into the caller's stream through one buffer; I/O errors
     * travel unchecked inside a rendering and come out as {@link IOException} at its edge.
     */
    private static final class Sink {
        private final Writer writer;

        Sink(OutputStream out) {
            this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        }

        Sink append(String text) {
            try {
                writer.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Sink append(char c) {
            try {
                writer.write(c);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** {@code text} escaped as {@link #escape} does, written in runs rather than character by character. */
        Sink escaped(String text) {
            try {
                int run = 0;
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    String replacement = switch (c) {
                        case '&' -> "&amp;";
                        case '<' -> "&lt;";
                        case '>' -> "&gt;";
                        case '"' -> "&quot;";
                        case '\'' -> "&#39;";
                        default -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)
                                ? "\uFFFD" : null;
                    };
                    if (replacement != null) {
                        writer.write(text, run, i - run);
                        writer.write(replacement);
                        run = i + 1;
                    }
                }
                writer.write(text, run, text.length() - run);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /**
         * A JSON string (or {@code null}) that is also safe inside a {@code <script>} data block;
         * control characters HTML forbids become U+FFFD, as in the page's text.
         */
        Sink json(String text) {
            if (text == null) {
                return append("null");
            }
            try {
                writer.write('"');
                int run = 0;
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    String replacement = switch (c) {
                        case '"' -> "\\\"";
                        case '\\' -> "\\\\";
                        case '\n' -> "\\n";
                        case '\r' -> "\\r";
                        case '\t' -> "\\t";
                        case '<' -> "\\u003c";
                        case '>' -> "\\u003e";
                        case '&' -> "\\u0026";
                        case '\u2028' -> "\\u2028";
                        case '\u2029' -> "\\u2029";
                        default -> c < 0x20 || (c >= 0x7F && c <= 0x9F) ? "\uFFFD" : null;
                    };
                    if (replacement != null) {
                        writer.write(text, run, i - run);
                        writer.write(replacement);
                        run = i + 1;
                    }
                }
                writer.write(text, run, text.length() - run);
                writer.write('"');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Sink append(long number) {
            return append(Long.toString(number));
        }

        Sink flush() {
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }
    }

    /** The JSON-LD export, streamed into the page's data block through {@link ScriptSafeStream}. */
    private record JsonLdBlock(Exporter exporter, AnnotatedDocument document, ExportOptions options) {
        void writeTo(OutputStream out) throws IOException, ExportException {
            ScriptSafeStream safe = new ScriptSafeStream(out);
            exporter.export(document, options, safe);
            safe.finish();
        }
    }

    /** Writes one page; package-private state of a single rendering. */
    private static final class Renderer {
        private final Brief brief;
        private final Served served;
        private final AnnotatedDocument doc;
        private final Map<String, String> classByLabel = new HashMap<>();
        private final InstantFormatter instants = new InstantFormatter();
        private final OutputStream stream;
        private final Sink out;

        Renderer(Brief brief, Served served, OutputStream stream) {
            this.brief = brief;
            this.served = served;
            this.stream = stream;
            this.out = new Sink(stream);
            this.doc = brief.document();
            List<Label> labels = doc.labels();
            for (int i = 0; i < labels.size(); i++) {
                classByLabel.put(labels.get(i).name(), "c" + i);
            }
        }

        void page(String head, JsonLdBlock jsonLd, String script) throws IOException, ExportException {
            try {
                write(head, jsonLd, script);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            out.flush();
        }

        private void write(String head, JsonLdBlock jsonLd, String script) throws IOException, ExportException {
            String title = brief.title();
            out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                    .append("<meta name=\"generator\" content=\"").append(GENERATOR).append("\">\n")
                    .append("<title>").append(escape(title)).append(" \u2014 Scholion</title>\n")
                    .append(head).append("</head>\n<body");
            if (served != null) {
                out.append(" data-live=\"version\" data-version=\"").append(served.version()).append('"');
            }
            out.append(">\n<div id=\"app\">\n<a class=\"skip\" href=\"#text\">Skip to the text</a>\n");
            header();
            out.append("<div class=\"layout\">\n<aside class=\"side\" aria-label=\"Labels\">\n");
            legend();
            chart();
            out.append("</aside>\n<main class=\"main\">\n");
            minimap();
            text();
            out.append("</main>\n<aside class=\"list\" aria-label=\"Annotations\">\n<div class=\"card\">\n");
            entries();
            relations();
            out.append("</div>\n</aside>\n</div>\n<footer class=\"foot\">Made with ").append(GENERATOR)
                    .append(". Offsets count Unicode code points.</footer>\n");
            data();
            out.append("</div>\n")
                    .append("<div id=\"tip\" class=\"tip\" role=\"tooltip\" hidden></div>\n");
            if (jsonLd != null) {
                out.append("<script type=\"application/ld+json\" id=\"annotations\">\n").flush();
                jsonLd.writeTo(stream);
                out.append("\n</script>\n");
            }
            out.append(script).append("</body>\n</html>\n");
        }

        private void header() {
            out.append("<header class=\"top\">\n<div class=\"heading\">\n<p class=\"kicker\">");
            if (served != null) {
                out.append("<a href=\"/\">Scholion viewer</a>");
            } else {
                out.append("Scholion brief");
            }
            out.append("</p>\n<h1 dir=\"auto\">").append(escape(brief.title())).append("</h1>\n<dl class=\"facts\">");
            for (Fact fact : brief.facts()) {
                out.append("<div><dt>").append(escape(fact.name())).append("</dt><dd dir=\"auto\">")
                        .append(escape(fact.value())).append("</dd></div>");
            }
            out.append("</dl>\n</div>\n");
            if (served != null) {
                out.append("<div class=\"actions\">\n<nav class=\"downloads\" aria-label=\"Downloads\"><span>Download</span>");
                for (Format format : DOWNLOADS) {
                    out.append("<a class=\"btn\" href=\"download/").append(format.extension()).append("\" download=\"")
                            .append(escape(Exporters.fileName(doc, format))).append("\">")
                            .append(format == Format.JSONLD ? "JSON-LD" : format.name()).append("</a>");
                }
                out.append("</nav>\n<p class=\"live\" id=\"live\" role=\"status\" aria-live=\"polite\">")
                        .append("Live \u00b7 watching the file</p>\n</div>\n");
                if (served.problem() != null) {
                    out.append("<p class=\"problem\" role=\"alert\">").append(escape(served.problem())).append("</p>\n");
                }
            }
            out.append("</header>\n");
        }

        private void legend() {
            out.append("<section class=\"card legend\" aria-labelledby=\"h-labels\">\n")
                    .append("<h2 id=\"h-labels\">Labels</h2>\n")
                    .append("<label class=\"filter\"><span class=\"vh\">Filter spans</span>")
                    .append("<input id=\"q\" type=\"search\" placeholder=\"Filter by text, label or note\" ")
                    .append("autocomplete=\"off\" spellcheck=\"false\"></label>\n");
            Map<String, List<LegendEntry>> bySet = new LinkedHashMap<>();
            for (LegendEntry entry : brief.legend()) {
                bySet.computeIfAbsent(entry.labelSet(), k -> new ArrayList<>()).add(entry);
            }
            if (bySet.isEmpty()) {
                out.append("<p class=\"overlap\">No spans yet.</p>\n");
            }
            for (Map.Entry<String, List<LegendEntry>> set : bySet.entrySet()) {
                int total = set.getValue().stream().mapToInt(LegendEntry::count).sum();
                out.append("<fieldset class=\"set\" data-set=\"").append(escape(set.getKey())).append("\">")
                        .append("<legend><label><input type=\"checkbox\" checked data-set-toggle=\"")
                        .append(escape(set.getKey())).append("\"> ").append(escape(set.getKey()))
                        .append("</label><span class=\"cnt\">").append(total).append("</span></legend>\n<ul>\n");
                for (LegendEntry entry : set.getValue()) {
                    Label label = entry.label();
                    out.append("<li><label class=\"lg\"><input type=\"checkbox\" checked data-label-toggle=\"")
                            .append(escape(label.name())).append("\"><span class=\"sw ")
                            .append(classByLabel.get(label.name())).append("\" aria-hidden=\"true\"></span>")
                            .append("<span class=\"nm\">").append(escape(label.name())).append("</span>")
                            .append("<span class=\"cnt\">").append(entry.count()).append("</span></label>");
                    if (label.description() != null) {
                        out.append("<p class=\"desc\" title=\"").append(escape(label.description())).append("\">")
                                .append(escape(label.description())).append("</p>");
                    }
                    out.append("</li>\n");
                }
                out.append("</ul>\n</fieldset>\n");
            }
            out.append("<p class=\"overlap\">").append(escape(Brief.OVERLAP_NOTE)).append("</p>\n</section>\n");
        }

        private void chart() {
            List<LegendEntry> legend = brief.legend();
            if (legend.isEmpty()) {
                return;
            }
            int max = legend.stream().mapToInt(LegendEntry::count).max().orElse(1);
            int row = 18;
            int height = legend.size() * row + 4;
            out.append("<section class=\"card chart\" aria-labelledby=\"h-chart\">\n<h2 id=\"h-chart\">Spans per label</h2>\n")
                    .append("<svg viewBox=\"0 0 260 ").append(height).append("\" role=\"img\" aria-labelledby=\"h-chart\">\n");
            for (int i = 0; i < legend.size(); i++) {
                LegendEntry entry = legend.get(i);
                String name = entry.label().name();
                int y = i * row + 2;
                int width = Math.max(2, Math.round(100f * entry.count() / max));
                out.append("<g class=\"").append(classByLabel.get(name)).append("\" data-label=\"").append(escape(name))
                        .append("\"><title>").append(escape(name)).append(": ").append(entry.count())
                        .append("</title><text x=\"0\" y=\"").append(y + 12).append("\">").append(escape(Excerpts.oneLine(name, 20)))
                        .append("</text><rect class=\"bar\" x=\"132\" y=\"").append(y + 2).append("\" width=\"")
                        .append(width).append("\" height=\"12\" rx=\"2\"></rect><text x=\"").append(136 + width)
                        .append("\" y=\"").append(y + 12).append("\">").append(entry.count()).append("</text></g>\n");
            }
            out.append("</svg>\n</section>\n");
        }

        private void minimap() {
            if (brief.legend().isEmpty()) {
                return;
            }
            // One canvas, drawn by the script from the data block: a tick per span as an element
            // cost tens of thousands of nodes on a large document.
            out.append("<section class=\"card minimap\" aria-labelledby=\"h-map\">\n")
                    .append("<h2 id=\"h-map\">Where each label occurs</h2>\n<canvas id=\"map\" width=\"")
                    .append(MINIMAP_WIDTH).append("\" height=\"").append(brief.legend().size() * MINIMAP_ROW)
                    .append("\" role=\"img\" aria-labelledby=\"h-map\"></canvas>\n")
                    .append("<div class=\"cap\" aria-hidden=\"true\"><span>start of the text</span>")
                    .append("<span>end</span></div>\n</section>\n");
        }

        private void text() {
            String language = doc.document().language();
            out.append("<article id=\"text\" class=\"text\" tabindex=\"-1\"");
            if (language != null) {
                out.append(" lang=\"").append(escape(language)).append('"');
            }
            out.append(">\n");
            // Line terminators are not drawn, so a span that ends inside one gets its marker at the end of the line.
            TreeMap<Integer, List<Entry>> byEnd = new TreeMap<>();
            for (Entry entry : brief.entries()) {
                byEnd.computeIfAbsent(entry.span().end(), k -> new ArrayList<>()).add(0, entry);
            }
            List<Line> lines = brief.lines();
            List<Entry> pending = new ArrayList<>();
            boolean open = false;
            long written = 0;
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                if (!line.fragments().isEmpty()) {
                    if (open && written >= PIECE) {
                        // A long paragraph goes out in pieces that the browser can skip laying out
                        // while they are off screen (content-visibility); CSS closes the gap between them,
                        // so the piece's first line sits one line under the last line of the one before.
                        out.append("</p>\n<p dir=\"auto\" class=\"cont").append(isLong(lines, i) ? " long" : "")
                                .append("\">");
                        written = 0;
                    } else if (open) {
                        // The paragraph is white-space: pre-wrap, so the line feed alone breaks the line;
                        // a <br> before it would break it twice and draw every line break as a blank line.
                        out.append('\n');
                    } else {
                        out.append(isLong(lines, i) ? "<p dir=\"auto\" class=\"long\">" : "<p dir=\"auto\">");
                        open = true;
                        written = 0;
                    }
                    pending.forEach(this::marker);
                    pending.clear();
                    for (Fragment fragment : line.fragments()) {
                        fragment(fragment);
                        written += fragment.text().length();
                    }
                } else if (open) {
                    out.append("</p>\n");
                    open = false;
                }
                if (i + 1 < lines.size()) {
                    byEnd.subMap(line.end(), false, lines.get(i + 1).start(), true).values().forEach(pending::addAll);
                    if (open) {
                        pending.forEach(this::marker);
                        pending.clear();
                    }
                }
            }
            if (!pending.isEmpty()) {
                out.append(open ? "" : "<p dir=\"auto\">");
                pending.forEach(this::marker);
                open = true;
            }
            if (open) {
                out.append("</p>\n");
            }
            out.append("</article>\n");
        }

        /** Whether the piece of a paragraph starting at line {@code from} is long enough to be worth skipping off screen. */
        private static boolean isLong(List<Line> lines, int from) {
            long length = 0;
            for (int j = from; j < lines.size() && !lines.get(j).fragments().isEmpty() && length < PIECE; j++) {
                for (Fragment fragment : lines.get(j).fragments()) {
                    length += fragment.text().length();
                }
            }
            return length >= PIECE / 2;
        }

        private void fragment(Fragment fragment) {
            FragmentStyle style = brief.style(fragment);
            if (style.isPlain()) {
                out.escaped(fragment.text());
                return;
            }
            // The nesting mirrors Brief.style: one underline per enclosing span, outer first, then the
            // innermost span's fill; the outermost element also carries the fragment's spans, so a
            // fragment of one span is one element. CSS classes carry the tints: the policy needs no inline style.
            List<Span> spans = fragment.spans();
            int underlines = style.underlines().size();
            out.append("<span class=\"fr ").append(underlines == 0 ? "f " : "u ")
                    .append(classByLabel.get(spans.get(0).label())).append("\" data-s=\"");
            for (int i = 0; i < spans.size(); i++) {
                out.append(i == 0 ? "" : " ").escaped(spans.get(i).id());
            }
            out.append("\">");
            for (int i = 1; i < underlines; i++) {
                out.append("<span class=\"u ").append(classByLabel.get(spans.get(i).label())).append("\">");
            }
            if (underlines > 0) {
                out.append("<span class=\"f ").append(classByLabel.get(fragment.innermost().label())).append("\">");
            }
            out.escaped(fragment.text());
            for (int i = 0; i <= underlines; i++) {
                out.append("</span>");
            }
            brief.endingAt(fragment).forEach(this::marker);
        }

        private void marker(Entry entry) {
            String id = entry.span().id();
            // The span's id is in the link alone, and what the marker stands for is told on focus (the
            // tooltip describes it): a marker per span adds up to megabytes on a large document.
            out.append("<a class=\"mk ").append(classByLabel.get(entry.span().label())).append("\" href=\"#e-")
                    .escaped(id).append("\">").append(entry.marker()).append("</a>");
        }

        private void entries() {
            // The rows are drawn by the script from the data block, only those in view: thousands of
            // list items made a large document's page too heavy to open.
            out.append("<section class=\"annotations\" aria-labelledby=\"h-list\">\n<h2 id=\"h-list\">Annotations ")
                    .append("<span class=\"n\">(<span id=\"shown\">").append(brief.entries().size())
                    .append("</span>)</span></h2>\n<noscript><p class=\"overlap\">The list of annotations, the map ")
                    .append("and the relations need JavaScript; the highlighted text reads without it.</p></noscript>\n")
                    .append("<div class=\"more\" id=\"before\" hidden></div>\n<ol class=\"entries\" id=\"entries\"></ol>\n")
                    .append("<div class=\"more\" id=\"after\" hidden></div>\n</section>\n");
        }

        private void relations() {
            int count = doc.relations().size();
            if (count == 0) {
                return;
            }
            out.append("<section class=\"relations\" aria-labelledby=\"h-rel\">\n<h2 id=\"h-rel\">Relations <span class=\"n\">(")
                    .append(count).append(")</span></h2>\n<ul id=\"rels\"></ul>\n")
                    .append("<div class=\"more\" id=\"rels-more\" hidden></div>\n</section>\n");
        }

        /**
         * Everything the script shows beyond the text, as one JSON block parsed once: labels
         * {@code [name, set, class, line colour]}, the legend's label numbers (the map's rows), spans in entry
         * order {@code [id, label, start, end, quote, note, annotator, created]} and relations
         * {@code [from, type, to]} (the script words them as {@link Entry#relations()} does).
         */
        private void data() {
            out.append("<script type=\"application/json\" id=\"data\">{\"labels\":[");
            List<Label> labels = doc.labels();
            Map<String, Integer> labelIndex = new HashMap<>();
            for (int i = 0; i < labels.size(); i++) {
                Label label = labels.get(i);
                labelIndex.put(label.name(), i);
                out.append(i == 0 ? "[" : ",\n[").json(label.name()).append(',')
                        .json(doc.labelSetOf(label.name()).map(set -> set.name()).orElse("")).append(",\"")
                        .append(classByLabel.get(label.name())).append("\",").json(Tint.of(label.color()).line())
                        .append(']');
            }
            out.append("],\n\"rows\":[");
            List<LegendEntry> legend = brief.legend();
            for (int i = 0; i < legend.size(); i++) {
                out.append(i == 0 ? "" : ",").append(labelIndex.get(legend.get(i).label().name()));
            }
            out.append("],\n\"length\":").append(doc.text().length()).append(",\n\"spans\":[");
            boolean first = true;
            for (Entry entry : brief.entries()) {
                Span span = entry.span();
                out.append(first ? "\n[" : ",\n[").json(span.id()).append(',').append(labelIndex.get(span.label()))
                        .append(',').append(span.start()).append(',').append(span.end()).append(',')
                        .json(Excerpts.oneLine(entry.quote(), 240)).append(',').json(span.note()).append(',')
                        .json(span.annotator()).append(',')
                        .json(span.created() == null ? null : instants.format(span.created())).append(']');
                first = false;
            }
            out.append("],\n\"relations\":[");
            first = true;
            for (Relation relation : doc.relations()) {
                out.append(first ? "\n[" : ",\n[").json(relation.from()).append(',').json(relation.type()).append(',')
                        .json(relation.to()).append(']');
                first = false;
            }
            out.append("]}</script>\n");
        }
    }
}
