package org.scholion.export.html;

import static org.scholion.export.html.Markup.escape;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scholion.core.Version;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.Span;
import org.scholion.core.text.Fragment;
import org.scholion.core.text.Line;
import org.scholion.export.ExportException;
import org.scholion.export.Exporters;
import org.scholion.export.Format;
import org.scholion.export.brief.Brief;
import org.scholion.export.brief.Entry;
import org.scholion.export.brief.Excerpts;
import org.scholion.export.brief.Fact;
import org.scholion.export.brief.FragmentStyle;
import org.scholion.export.brief.LegendEntry;

/** Writes one page, standalone or served, from a {@link Brief}; one instance per page. */
final class PageWriter {
    private static final String GENERATOR = "Scholion " + Version.number();
    private static final int MINIMAP_WIDTH = 1000;
    private static final int MINIMAP_ROW = 7;
    /** Characters of text after which a long paragraph continues in a new piece at its next line break. */
    private static final int PIECE = 2000;

    private final Brief brief;
    private final HtmlPage.Served served;
    private final AnnotatedDocument doc;
    private final Map<String, String> classByLabel = new HashMap<>();
    private final OutputStream stream;
    /** Where the text goes now: the page's own markup, or the stream of a slice of a sliced page. */
    private Markup out;
    /** The page's own markup, while a slice of the text goes elsewhere. */
    private final Markup page;
    /** Where a sliced page puts its text's slices after the first; null when the page carries the whole text. */
    private HtmlPage.Slices slices;

    private OutputStream sliceStream;
    /** The piece (a {@code <p>} of the text) that opens next, counted from 0. */
    private int piece;
    /** The slice being written (0: the one the page carries), its first piece, first code point, size and lines. */
    private int slice;

    private int sliceFirstPiece;
    private int sliceStart;
    private long sliceCodePoints;
    private int sliceLines;
    /** Whether span markers show their entry numbers; without, a piece of text compares equal across renumbering. */
    private boolean numbered = true;

    /** A page of {@code brief} for {@code stream}; {@code served} is null for the standalone file. */
    PageWriter(Brief brief, HtmlPage.Served served, OutputStream stream) {
        this.brief = brief;
        this.served = served;
        this.stream = stream;
        this.page = new Markup(stream);
        this.out = page;
        this.doc = brief.document();
        List<Label> labels = doc.labels();
        for (int i = 0; i < labels.size(); i++) {
            classByLabel.put(labels.get(i).name(), "c" + i);
        }
    }

    /**
     * Writes the page with {@code head} at the end of its head, the JSON-LD (if any) embedded and
     * {@code script} closing its body; the stream is flushed, not closed.
     */
    void page(String head, HtmlPage.JsonLdBlock jsonLd, String script) throws IOException, ExportException {
        page(head, jsonLd, script, null);
    }

    /**
     * Writes the page as {@link #page(String, HtmlPage.JsonLdBlock, String)} does; with {@code slices}
     * (on a served page with {@link HtmlPage.Served#lazy()}), the text's first slice in the page and
     * each further one to its own stream, a placeholder standing for it in the page.
     */
    void page(String head, HtmlPage.JsonLdBlock jsonLd, String script, HtmlPage.Slices slices)
            throws IOException, ExportException {
        this.slices = slices;
        try {
            write(head, jsonLd, script);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    /** The parts of a page that a live update may replace, each alone. */
    enum Part {
        FACTS,
        LEGEND,
        CHART,
        TEXT
    }

    /** Writes one part of the page alone; the text without its markers' numbers when {@code numbered} is false. */
    void part(Part part, boolean numbered) throws IOException {
        this.numbered = numbered;
        try {
            switch (part) {
                case FACTS -> facts();
                case LEGEND -> legend();
                case CHART -> chart();
                case TEXT -> text();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    private void write(String head, HtmlPage.JsonLdBlock jsonLd, String script) throws IOException, ExportException {
        String title = brief.title();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"generator\" content=\"")
                .append(GENERATOR)
                .append("\">\n")
                .append("<title>")
                .append(escape(title))
                .append(" \u2014 Scholion</title>\n")
                .append(head)
                .append("</head>\n<body");
        if (served != null) {
            out.append(" data-live=\"")
                    .append(escape(served.live()))
                    .append("\" data-version=\"")
                    .append(served.version())
                    .append('"');
            if (slices != null) {
                out.append(" data-slices=\"")
                        .append(escape(served.lazy().address()))
                        .append("\" data-source=\"")
                        .append(escape(served.lazy().data()))
                        .append('"');
            }
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
        out.append("</div>\n</aside>\n</div>\n<footer class=\"foot\">Made with ")
                .append(GENERATOR)
                .append(". Offsets count Unicode code points.</footer>\n");
        if (slices == null) {
            DataBlock.write(brief, classByLabel, out);
        } else {
            // 200,000 spans are 30 MB of JSON that the browser's HTML parser would read before the
            // page is shown; fetched, they are parsed once, as JSON, while the text is on screen
            try (OutputStream data = slices.data()) {
                Markup json = new Markup(data);
                DataBlock.json(brief, classByLabel, json, true);
                json.flush();
            }
        }
        out.append("</div>\n").append("<div id=\"tip\" class=\"tip\" role=\"tooltip\" hidden></div>\n");
        if (jsonLd != null) {
            out.append("<script type=\"application/ld+json\" id=\"annotations\">\n")
                    .flush();
            jsonLd.writeTo(stream);
            out.append("\n</script>\n");
        }
        out.append(script).append("</body>\n</html>\n");
    }

    private void header() {
        out.append("<header class=\"top\">\n<div class=\"heading\">\n<p class=\"kicker\">");
        if (served != null) {
            out.append("<a href=\"").append(escape(served.home())).append("\">Scholion viewer</a>");
        } else {
            out.append("Scholion brief");
        }
        out.append("</p>\n<h1 dir=\"auto\">").append(escape(brief.title())).append("</h1>\n");
        facts();
        out.append("\n</div>\n");
        if (served != null) {
            out.append(
                    "<div class=\"actions\">\n<nav class=\"downloads\" aria-label=\"Downloads\"><span>Download</span>");
            for (Map.Entry<Format, String> download : served.downloads().entrySet()) {
                Format format = download.getKey();
                out.append("<a class=\"btn\" href=\"")
                        .append(escape(download.getValue()))
                        .append("\" download=\"")
                        .append(escape(Exporters.fileName(doc, format)))
                        .append("\">")
                        .append(format == Format.JSONLD ? "JSON-LD" : format.name())
                        .append("</a>");
            }
            out.append("</nav>\n<p class=\"live\" id=\"live\" role=\"status\" aria-live=\"polite\">")
                    .append("Live \u00b7 watching the file</p>\n</div>\n");
            if (served.problem() != null) {
                out.append("<p class=\"problem\" role=\"alert\">")
                        .append(escape(served.problem()))
                        .append("</p>\n");
            }
        }
        out.append("</header>\n");
    }

    private void facts() {
        out.append("<dl class=\"facts\">");
        for (Fact fact : brief.facts()) {
            out.append("<div><dt>")
                    .append(escape(fact.name()))
                    .append("</dt><dd dir=\"auto\">")
                    .append(escape(fact.value()))
                    .append("</dd></div>");
        }
        out.append("</dl>");
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
            out.append("<fieldset class=\"set\" data-set=\"")
                    .append(escape(set.getKey()))
                    .append("\">")
                    .append("<legend><label><input type=\"checkbox\" checked data-set-toggle=\"")
                    .append(escape(set.getKey()))
                    .append("\"> ")
                    .append(escape(set.getKey()))
                    .append("</label><span class=\"cnt\">")
                    .append(total)
                    .append("</span></legend>\n<ul>\n");
            for (LegendEntry entry : set.getValue()) {
                Label label = entry.label();
                out.append("<li><label class=\"lg\"><input type=\"checkbox\" checked data-label-toggle=\"")
                        .append(escape(label.name()))
                        .append("\"><span class=\"sw ")
                        .append(classByLabel.get(label.name()))
                        .append("\" aria-hidden=\"true\"></span>")
                        .append("<span class=\"nm\">")
                        .append(escape(label.name()))
                        .append("</span>")
                        .append("<span class=\"cnt\">")
                        .append(entry.count())
                        .append("</span></label>");
                if (label.description() != null) {
                    out.append("<p class=\"desc\" title=\"")
                            .append(escape(label.description()))
                            .append("\">")
                            .append(escape(label.description()))
                            .append("</p>");
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
        out.append(
                        "<section class=\"card chart\" aria-labelledby=\"h-chart\">\n<h2 id=\"h-chart\">Spans per label</h2>\n")
                .append("<svg viewBox=\"0 0 260 ")
                .append(height)
                .append("\" role=\"img\" aria-labelledby=\"h-chart\">\n");
        for (int i = 0; i < legend.size(); i++) {
            LegendEntry entry = legend.get(i);
            String name = entry.label().name();
            int y = i * row + 2;
            int width = Math.max(2, Math.round(100f * entry.count() / max));
            out.append("<g class=\"")
                    .append(classByLabel.get(name))
                    .append("\" data-label=\"")
                    .append(escape(name))
                    .append("\"><title>")
                    .append(escape(name))
                    .append(": ")
                    .append(entry.count())
                    .append("</title><text x=\"0\" y=\"")
                    .append(y + 12)
                    .append("\">")
                    .append(escape(Excerpts.oneLine(name, 20)))
                    .append("</text><rect class=\"bar\" x=\"132\" y=\"")
                    .append(y + 2)
                    .append("\" width=\"")
                    .append(width)
                    .append("\" height=\"12\" rx=\"2\"></rect><text x=\"")
                    .append(136 + width)
                    .append("\" y=\"")
                    .append(y + 12)
                    .append("\">")
                    .append(entry.count())
                    .append("</text></g>\n");
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
                .append(MINIMAP_WIDTH)
                .append("\" height=\"")
                .append(brief.legend().size() * MINIMAP_ROW)
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
        piece = 0;
        slice = 0;
        sliceFirstPiece = 0;
        sliceStart = 0;
        sliceCodePoints = 0;
        sliceLines = 0;
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
                    out.append("</p>\n");
                    opening(line.start());
                    out.append("<p dir=\"auto\" class=\"cont")
                            .append(isLong(lines, i) ? " long" : "")
                            .append("\">");
                    written = 0;
                } else if (open) {
                    // The paragraph is white-space: pre-wrap, so the line feed alone breaks the line;
                    // a <br> before it would break it twice and draw every line break as a blank line.
                    out.append('\n');
                } else {
                    opening(line.start());
                    out.append(isLong(lines, i) ? "<p dir=\"auto\" class=\"long\">" : "<p dir=\"auto\">");
                    open = true;
                    written = 0;
                }
                pending.forEach(this::marker);
                pending.clear();
                for (Fragment fragment : line.fragments()) {
                    fragment(fragment);
                    written += fragment.text().length();
                    sliceCodePoints += fragment.end() - fragment.start();
                }
            } else if (open) {
                out.append("</p>\n");
                open = false;
            }
            if (i + 1 < lines.size()) {
                byEnd.subMap(line.end(), false, lines.get(i + 1).start(), true)
                        .values()
                        .forEach(pending::addAll);
                if (open) {
                    pending.forEach(this::marker);
                    pending.clear();
                }
            }
            sliceLines++;
        }
        if (!pending.isEmpty()) {
            if (!open) {
                opening(doc.text().length());
                out.append("<p dir=\"auto\">");
            }
            pending.forEach(this::marker);
            open = true;
        }
        if (open) {
            out.append("</p>\n");
        }
        if (slice > 0) {
            endSlice(doc.text().length());
        }
        out.append("</article>\n");
    }

    /**
     * Called before each piece of the text opens, {@code start} the code point of its first line: on a
     * sliced page, a slice that holds enough text ends here and the next one begins.
     */
    private void opening(int start) {
        if (slices != null
                && piece > sliceFirstPiece
                && sliceCodePoints >= served.lazy().slice()) {
            if (slice > 0) {
                endSlice(start);
            }
            slice++;
            sliceFirstPiece = piece;
            sliceStart = start;
            sliceCodePoints = 0;
            sliceLines = 0;
            try {
                sliceStream = slices.open(slice);
                out = new Markup(sliceStream);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        piece++;
    }

    /**
     * Closes the slice being written, which ends at code point {@code end}, and puts its
     * placeholder into the page: which pieces and code points it holds, and how much text and how
     * many lines, so the script can guess its height until it is fetched.
     */
    private void endSlice(int end) {
        out.flush();
        try {
            sliceStream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out = page;
        out.append("<div class=\"slice\" data-slice=\"")
                .append(slice)
                .append("\" data-first=\"")
                .append(sliceFirstPiece)
                .append("\" data-count=\"")
                .append(piece - sliceFirstPiece)
                .append("\" data-start=\"")
                .append(sliceStart)
                .append("\" data-end=\"")
                .append(end)
                .append("\" data-lines=\"")
                .append(sliceLines)
                .append("\"></div>\n");
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
        out.append("<span class=\"fr ")
                .append(underlines == 0 ? "f " : "u ")
                .append(classByLabel.get(spans.get(0).label()))
                .append("\" data-s=\"");
        for (int i = 0; i < spans.size(); i++) {
            out.append(i == 0 ? "" : " ").escaped(spans.get(i).id());
        }
        out.append("\">");
        for (int i = 1; i < underlines; i++) {
            out.append("<span class=\"u ")
                    .append(classByLabel.get(spans.get(i).label()))
                    .append("\">");
        }
        if (underlines > 0) {
            out.append("<span class=\"f ")
                    .append(classByLabel.get(fragment.innermost().label()))
                    .append("\">");
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
        out.append("<a class=\"mk ")
                .append(classByLabel.get(entry.span().label()))
                .append("\" href=\"#e-")
                .escaped(id)
                .append("\">")
                .append(numbered ? entry.marker() : "")
                .append("</a>");
    }

    private void entries() {
        // The rows are drawn by the script from the data block, only those in view: thousands of
        // list items made a large document's page too heavy to open.
        out.append("<section class=\"annotations\" aria-labelledby=\"h-list\">\n<h2 id=\"h-list\">Annotations ")
                .append("<span class=\"n\">(<span id=\"shown\">")
                .append(brief.entries().size())
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
        out.append(
                        "<section class=\"relations\" aria-labelledby=\"h-rel\">\n<h2 id=\"h-rel\">Relations <span class=\"n\">(")
                .append(count)
                .append(")</span></h2>\n<ul id=\"rels\"></ul>\n")
                .append("<div class=\"more\" id=\"rels-more\" hidden></div>\n</section>\n");
    }
}
