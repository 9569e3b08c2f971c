package org.scholion.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.team.Diff;
import org.scholion.core.team.Diff.Difference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate diff}: where two annotations of the same text differ. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        sortOptions = false,
        description = {
            "List where two annotations of the same text differ.",
            "Spans only in A, only in B, label conflicts (same offsets, another label) and boundary conflicts (same label, overlapping, other offsets), in text order. Spans with the same offsets and label are not listed. 'annotate show A --diff B' draws the same in colour."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  annotate diff alice/article.scholion.json bob/article.scholion.json",
            "  annotate diff a.scholion.json b.scholion.json --format tsv | cut -f1 | sort | uniq -c"
        })
final class DiffCommand implements Callable<Integer> {
    /** How the differences are printed. */
    enum Layout {
        table,
        tsv,
        json
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The first annotation file.")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "The second annotation file, of the same text.")
    Path b;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "table, tsv or json (default: ${DEFAULT-VALUE}).")
    Layout layout;

    @Option(names = "--suggestions", description = "Compare suggested spans too (left out by default).")
    boolean suggestions;

    @Override
    public Integer call() throws ScholionException, IOException {
        AnnotatedDocument docA = AnnotationFile.at(a).read();
        AnnotatedDocument docB = AnnotationFile.at(b).read();
        List<Difference> diff = differences(a, docA, b, docB, suggestions);
        PrintWriter out = spec.commandLine().getOut();
        switch (layout) {
            case tsv -> tsv(docA, diff, out);
            case json -> json(docA, diff, out);
            default -> table(docA, diff, out);
        }
        out.flush();
        return Annotate.OK;
    }

    static List<Difference> differences(
            Path a, AnnotatedDocument docA, Path b, AnnotatedDocument docB, boolean suggestions)
            throws ScholionException {
        try {
            org.scholion.core.team.Agreement.requireSameText(List.of(a.toString(), b.toString()), List.of(docA, docB));
            return Diff.of(docA, docB, suggestions);
        } catch (IllegalArgumentException e) {
            throw new ScholionException(a.toString(), e.getMessage());
        }
    }

    private static void tsv(AnnotatedDocument doc, List<Difference> diff, PrintWriter out) {
        StringBuilder s =
                new StringBuilder("kind\ta_id\ta_label\ta_start\ta_end\tb_id\tb_label\tb_start\tb_end\ttext\n");
        for (Difference d : diff) {
            s.append(d.kind().key());
            for (Span span : new Span[] {d.a(), d.b()}) {
                if (span == null) {
                    s.append("\t\t\t\t");
                } else {
                    s.append('\t')
                            .append(Escapes.tsv(span.id()))
                            .append('\t')
                            .append(Escapes.tsv(span.label()))
                            .append('\t')
                            .append(span.start())
                            .append('\t')
                            .append(span.end());
                }
            }
            s.append('\t').append(Escapes.tsv(text(doc, d))).append('\n');
        }
        out.print(s);
    }

    private static String text(AnnotatedDocument doc, Difference d) {
        int start = d.start();
        int end = Math.max(d.a() == null ? 0 : d.a().end(), d.b() == null ? 0 : d.b().end());
        return doc.text().slice(start, end);
    }

    private static void table(AnnotatedDocument doc, List<Difference> diff, PrintWriter out) {
        Table table = new Table("KIND", "A", "B", "TEXT");
        for (Difference d : diff) {
            table.row(d.kind().key(), describe(d.a()), describe(d.b()), cell(text(doc, d)));
        }
        StringBuilder b = new StringBuilder();
        table.appendTo(b);
        if (diff.isEmpty()) {
            b.append("(no differences)\n");
        }
        out.print(b);
    }

    private static String describe(Span s) {
        return s == null ? "" : s.id() + " " + s.label() + " " + s.start() + ":" + s.end();
    }

    private static String cell(String text) {
        String flat = Escapes.visible(Escapes.tsv(text), false);
        return flat.codePointCount(0, flat.length()) <= 50
                ? flat
                : flat.substring(0, flat.offsetByCodePoints(0, 49)) + "…";
    }

    private static void json(AnnotatedDocument doc, List<Difference> diff, PrintWriter out) throws IOException {
        JsonFactory factory = new JsonFactory();
        factory.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (Difference d : diff) {
                g.writeStartObject();
                g.writeStringField("kind", d.kind().key());
                for (String side : new String[] {"a", "b"}) {
                    Span s = side.equals("a") ? d.a() : d.b();
                    if (s != null) {
                        g.writeObjectFieldStart(side);
                        g.writeStringField("id", s.id());
                        g.writeStringField("label", s.label());
                        g.writeNumberField("start", s.start());
                        g.writeNumberField("end", s.end());
                        g.writeStringField("text", doc.textOf(s));
                        g.writeEndObject();
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        out.println();
    }
}
