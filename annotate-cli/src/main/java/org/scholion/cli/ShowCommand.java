package org.scholion.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.text.Fragment;
import org.scholion.core.text.Line;
import org.scholion.core.text.Segmentation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate show}: prints the text with every span highlighted in its label's colour. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        sortOptions = false,
        description = {
            "Print the text with spans highlighted in their labels' colours.",
            "The innermost span colours the background; text inside an enclosing span is underlined.",
            "Without colour (--no-color, NO_COLOR set, or output not a terminal) spans are bracketed: "
                    + "[PERSON: Emmanuel Macron], nested as [QUOTE: he said [PERSON: Macron]]."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  annotate show article.scholion.json",
            "  annotate show article.scholion.json --color | less -R",
            "  NO_COLOR=1 annotate show article.scholion.json --label PERSON --ids"
        })
final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The annotation file.")
    Path file;

    @Option(names = "--no-color", description = "Bracket notation instead of colours.")
    boolean noColor;

    @Option(names = "--color", description = "Colours even when the output is not a terminal.")
    boolean color;

    @Option(
            names = {"-l", "--label"},
            paramLabel = "L",
            description = "Only spans with this label; repeatable.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--ids", description = "Mark where each span starts with its id, for 'edit', 'rm' and 'relate'.")
    boolean ids;

    @Option(
            names = "--diff",
            paramLabel = "B",
            description =
                    "Draw where FILE and B (an annotation of the same text) differ, coloured by kind of difference, instead of the spans.")
    Path diff;

    @Override
    public Integer call() throws ScholionException {
        if (noColor && color) {
            throw Commands.usage(spec, "give --color or --no-color, not both");
        }
        AnnotatedDocument doc = AnnotationFile.at(file).read();
        if (diff != null) {
            if (!labels.isEmpty()) {
                throw Commands.usage(spec, "give --diff or --label, not both");
            }
            AnnotatedDocument other = AnnotationFile.at(diff).read();
            doc = DiffView.of(doc, DiffCommand.differences(file, doc, diff, other, false));
        }
        for (String label : labels) {
            try {
                Commands.label(doc, label);
            } catch (IllegalArgumentException e) {
                throw new ScholionException(file.toString(), e.getMessage());
            }
        }
        List<Span> spans = doc.spans().stream()
                .filter(s -> labels.isEmpty() || labels.contains(s.label()))
                .toList();
        Annotate root = Commands.root(spec);
        boolean colored = color
                || (!noColor && root.env("NO_COLOR") == null && root.console() && !"dumb".equals(root.env("TERM")));
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder b = new StringBuilder(doc.text().string().length() * 2);
        if (colored) {
            Palette palette = new Palette(Palette.trueColorTerminal(root.env("COLORTERM")));
            colored(doc, spans, palette, ids, b);
            legend(doc, spans, palette, b);
        } else {
            bracketed(doc, spans, ids, b);
            legend(doc, spans, null, b);
        }
        out.print(b);
        out.flush();
        return Annotate.OK;
    }

    /** Line by line, so that no background colour runs on past the end of a line. */
    static void colored(AnnotatedDocument doc, List<Span> spans, Palette palette, boolean ids, StringBuilder b) {
        for (Line line : Segmentation.lines(doc.text(), spans)) {
            for (Fragment f : line.fragments()) {
                String text = Escapes.visible(f.text(), true);
                if (!f.isCovered()) {
                    b.append(text);
                    continue;
                }
                if (ids) {
                    for (Span span : f.spans()) {
                        if (span.start() == f.start()) {
                            b.append("\u001B[2m[")
                                    .append(Escapes.visible(span.id(), false))
                                    .append(']')
                                    .append(Palette.RESET);
                        }
                    }
                }
                Span inner = f.innermost();
                boolean enclosed = f.spans().size() > 1;
                int outerRgb = enclosed ? rgb(doc, f.spans().get(f.spans().size() - 2)) : -1;
                b.append(palette.highlight(rgb(doc, inner), enclosed, outerRgb))
                        .append(text)
                        .append(Palette.RESET);
            }
            b.append('\n');
        }
    }

    /**
     * Spans as brackets around their text. Crossing spans cannot nest, so a span that has to be
     * closed to close an outer one is reopened after it, marked with an ellipsis.
     */
    static void bracketed(AnnotatedDocument doc, List<Span> spans, boolean ids, StringBuilder b) {
        Deque<Span> open = new ArrayDeque<>();
        for (Fragment f : Segmentation.of(doc.text(), spans)) {
            List<Span> wanted = f.spans();
            int keep = 0;
            List<Span> opened = new ArrayList<>(open);
            java.util.Collections.reverse(opened); // outer first
            while (keep < opened.size()
                    && keep < wanted.size()
                    && opened.get(keep).equals(wanted.get(keep))) {
                keep++;
            }
            List<Span> reopen = new ArrayList<>();
            while (open.size() > keep) {
                Span closed = open.pop();
                b.append(']');
                if (wanted.contains(closed)) {
                    reopen.add(closed);
                }
            }
            for (int i = keep; i < wanted.size(); i++) {
                Span span = wanted.get(i);
                b.append('[').append(Escapes.visible(span.label(), false));
                if (ids) {
                    b.append(' ').append(Escapes.visible(span.id(), false));
                }
                b.append(reopen.contains(span) ? "…" : "").append(": ");
                open.push(span);
            }
            b.append(Escapes.visible(f.text(), true));
        }
        while (!open.isEmpty()) {
            open.pop();
            b.append(']');
        }
        if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
            b.append('\n');
        }
    }

    private static void legend(AnnotatedDocument doc, List<Span> spans, Palette palette, StringBuilder b) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Label label : doc.labels()) {
            counts.put(label.name(), 0);
        }
        for (Span s : spans) {
            counts.merge(s.label(), 1, Integer::sum);
        }
        int width = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > 0) {
                width = Math.max(width, e.getKey().codePointCount(0, e.getKey().length()));
            }
        }
        b.append('\n')
                .append("Legend (")
                .append(LsCommand.plural(spans.size(), "span"))
                .append("):\n");
        for (Label label : doc.labels()) {
            int count = counts.get(label.name());
            if (count == 0) {
                continue;
            }
            String name = Escapes.visible(label.name(), false);
            String padded = name + " ".repeat(Math.max(0, width - name.codePointCount(0, name.length())));
            b.append("  ");
            if (palette != null) {
                b.append(palette.highlight(label.rgb(), false, -1))
                        .append(' ')
                        .append(padded)
                        .append(' ')
                        .append(Palette.RESET);
            } else {
                b.append(padded);
            }
            b.append(String.format(java.util.Locale.ROOT, " %5d", count));
            if (label.description() != null) {
                b.append("  ").append(Escapes.visible(label.description(), false));
            }
            b.append('\n');
        }
    }

    private static int rgb(AnnotatedDocument doc, Span span) {
        return doc.label(span.label()).map(Label::rgb).orElse(0xCCCCCC);
    }
}
