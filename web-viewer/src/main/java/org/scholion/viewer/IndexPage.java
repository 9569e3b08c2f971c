package org.scholion.viewer;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.scholion.core.corpus.Tally;
import org.scholion.export.html.HtmlPage;

/**
 * The index of the viewer: the search box, the corpus's statistics and every document with its
 * status, counts and a bar of its labels. Every piece of text from a file is escaped; the bars are
 * SVG whose colours are attributes (checked to be {@code #RRGGBB}), so the policy needs no inline style.
 */
final class IndexPage {
    /** The element the page's script replaces when the shelf changes. */
    static final String LIVE_REGION = "corpus";

    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final String NO_COLOR = "#999999";

    private IndexPage() {}

    static byte[] render(Shelf.Snapshot snapshot, boolean folders) {
        Tally total = new Tally();
        Map<String, String> colors = new LinkedHashMap<>();
        int unreadable = 0;
        for (Shelf.Item item : snapshot.items()) {
            if (item.failure() != null) {
                unreadable++;
            }
            if (item.summary() != null && item.failure() == null) {
                total.add(item.summary().tally());
            }
            if (item.summary() != null) {
                item.summary().bars().forEach(b -> colors.putIfAbsent(b.set() + '\u0000' + b.label(), b.color()));
            }
        }
        StringBuilder html = new StringBuilder(8192 + 512 * snapshot.items().size());
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Scholion viewer</title>\n")
                .append("<link rel=\"stylesheet\" href=\"")
                .append(Routes.STYLESHEET_PATH)
                .append("\">\n")
                .append("<link rel=\"stylesheet\" href=\"")
                .append(Routes.CORPUS_STYLESHEET_PATH)
                .append("\">\n")
                .append("<script src=\"")
                .append(Routes.CORPUS_SCRIPT_PATH)
                .append("\" defer></script>\n")
                .append("</head>\n<body>\n<main class=\"index corpus\">\n<p class=\"kicker\">Scholion viewer</p>\n")
                .append("<h1>Documents</h1>\n");
        searchForm(html, total);
        html.append("<p id=\"live\" class=\"live\">")
                .append(folders ? "Follows the folder." : "Follows the files.")
                .append("</p>\n");
        html.append("<div id=\"")
                .append(LIVE_REGION)
                .append("\" data-version=\"")
                .append(snapshot.version())
                .append("\">\n");
        statistics(html, total, colors, unreadable);
        html.append("<ul class=\"docs\">\n");
        for (Shelf.Item item : snapshot.items()) {
            document(html, item, folders);
        }
        html.append("</ul>\n");
        if (!snapshot.problems().isEmpty()) {
            html.append("<ul class=\"problems\">\n");
            snapshot.problems()
                    .forEach(p ->
                            html.append("<li class=\"problem\">").append(esc(p)).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("</div>\n</main>\n</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void searchForm(StringBuilder html, Tally total) {
        html.append("<form id=\"search\" class=\"card search\" role=\"search\">\n")
                .append("<label for=\"sq\">Search the spans of every document</label>\n<div class=\"row\">")
                .append("<input id=\"sq\" type=\"search\" maxlength=\"")
                .append(Routes.MAX_QUERY)
                .append("\" autocomplete=\"off\" placeholder=\"text inside a span\">")
                .append("<select id=\"sl\" aria-label=\"Label\"><option value=\"\">any label</option>");
        total.labels().stream()
                .map(Tally.LabelCount::label)
                .distinct()
                .sorted()
                .forEach(l -> html.append("<option value=\"")
                        .append(esc(l))
                        .append("\">")
                        .append(esc(l))
                        .append("</option>"));
        html.append("</select><button type=\"submit\" class=\"btn\">Search</button></div>\n")
                .append(
                        "<p id=\"found\" class=\"live\" aria-live=\"polite\"></p>\n<ol id=\"results\" class=\"results\"></ol>\n")
                .append("</form>\n");
    }

    private static void statistics(StringBuilder html, Tally total, Map<String, String> colors, int unreadable) {
        html.append("<section class=\"card stats\" aria-labelledby=\"stats\">\n<h2 id=\"stats\">Corpus</h2>\n")
                .append("<p class=\"totals\">")
                .append(count(total.documents(), "document"))
                .append(" \u00b7 ")
                .append(count(total.spans(), "span"))
                .append(" \u00b7 ")
                .append(count(total.relations(), "relation"));
        if (unreadable > 0) {
            html.append(" \u00b7 <span class=\"bad\">").append(unreadable).append(" unreadable</span>");
        }
        html.append("</p>\n<dl class=\"stages\">");
        total.stages()
                .forEach((stage, n) -> html.append("<div class=\"st-")
                        .append(stage.label())
                        .append("\"><dt>")
                        .append(stage.label())
                        .append("</dt><dd>")
                        .append(n)
                        .append("</dd></div>"));
        html.append(
                "</dl>\n<table class=\"labels\">\n<thead><tr><th scope=\"col\">Label</th><th scope=\"col\">Set</th>"
                        + "<th scope=\"col\">Spans</th><th scope=\"col\">Documents&#8217; text covered</th></tr></thead>\n<tbody>\n");
        for (Tally.LabelCount label : total.labels()) {
            String color = colors.getOrDefault(label.set() + '\u0000' + label.label(), NO_COLOR);
            html.append("<tr><td>")
                    .append(swatch(color))
                    .append(esc(label.label()))
                    .append("</td><td>")
                    .append(esc(label.set()))
                    .append("</td><td class=\"n\">")
                    .append(label.spans())
                    .append("</td><td class=\"n\">")
                    .append(percent(label.covered(), total.textLength()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static void document(StringBuilder html, Shelf.Item item, boolean folders) {
        Shelf.Summary summary = item.summary();
        String file =
                folders ? item.path().toString() : item.path().getFileName().toString();
        boolean failed = item.failure() != null;
        String stage = failed ? "unreadable" : summary.status().stage().label();
        html.append("<li class=\"doc")
                .append(failed ? " failed" : "")
                .append("\" data-slug=\"")
                .append(esc(item.slug()))
                .append("\" data-status=\"")
                .append(stage)
                .append("\">");
        String title = summary == null ? item.path().getFileName().toString() : summary.title();
        if (failed) {
            html.append("<span class=\"title\">").append(esc(title)).append("</span>");
        } else {
            html.append("<a href=\"/doc/")
                    .append(Addresses.encode(item.slug()))
                    .append("/\">")
                    .append(esc(title))
                    .append("</a>");
        }
        html.append(" <span class=\"status st-")
                .append(stage)
                .append("\">")
                .append(stage)
                .append("</span>");
        html.append("<br><span class=\"meta\">").append(esc(file));
        if (summary != null) {
            html.append(" \u00b7 ")
                    .append(summary.spans())
                    .append(" spans, ")
                    .append(summary.relations())
                    .append(" relations");
            if (summary.status().by() != null) {
                html.append(" \u00b7 ").append(esc(summary.status().by()));
            }
        }
        html.append("</span>");
        if (failed) {
            html.append("<span class=\"problem\">").append(esc(item.failure())).append("</span>");
        }
        if (summary != null) {
            bar(html, summary);
        }
        html.append("</li>\n");
    }

    /** A bar as wide as the row, each label's part as long as its share of the document's spans. */
    private static void bar(StringBuilder html, Shelf.Summary summary) {
        StringBuilder said = new StringBuilder();
        StringBuilder rects = new StringBuilder();
        double x = 0;
        int spans = summary.bars().stream().mapToInt(Shelf.Bar::spans).sum();
        for (Shelf.Bar bar : summary.bars()) {
            if (bar.spans() == 0) {
                continue;
            }
            double width = 1000.0 * bar.spans() / spans;
            String words = bar.label() + ": " + bar.spans();
            rects.append("<rect x=\"")
                    .append(number(x))
                    .append("\" y=\"0\" width=\"")
                    .append(number(width))
                    .append("\" height=\"10\" fill=\"")
                    .append(color(bar.color()))
                    .append("\" data-label=\"")
                    .append(esc(bar.label()))
                    .append("\"><title>")
                    .append(esc(words))
                    .append("</title></rect>");
            said.append(said.isEmpty() ? "" : ", ").append(words);
            x += width;
        }
        html.append(
                        "<svg class=\"bar\" viewBox=\"0 0 1000 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"")
                .append(esc(said.isEmpty() ? "no spans" : said.toString()))
                .append("\">")
                .append(rects)
                .append("</svg>");
    }

    private static String swatch(String color) {
        return "<svg class=\"sw\" viewBox=\"0 0 10 10\" aria-hidden=\"true\"><rect width=\"10\" height=\"10\" rx=\"2\" fill=\""
                + color(color) + "\"></rect></svg>";
    }

    private static String color(String color) {
        return color != null && COLOR.matcher(color).matches() ? color : NO_COLOR;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String esc(String text) {
        return HtmlPage.escape(text);
    }
}
