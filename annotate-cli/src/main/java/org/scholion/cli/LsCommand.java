package org.scholion.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate ls}: lists the spans of an annotation file. */
@Command(name = "ls", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List the spans of an annotation file.", "In document order (by start, outer spans first); offsets are code points, [start, end)."},
        footerHeading = "%nExamples:%n",
        footer = {"  annotate ls article.scholion.json",
                "  annotate ls article.scholion.json --label PERSON --format tsv | cut -f5",
                "  annotate ls article.scholion.json --format json",
                "",
                "tsv: a header line, then id, label, start, end, text separated by tabs; tab, line feed, "
                        + "carriage return and backslash in the text are written as \\t \\n \\r \\\\."})
final class LsCommand implements Callable<Integer> {
    /** How the spans are printed. */
    enum Layout { table, tsv, json }

    /** Longest text shown in a table cell, in code points. */
    private static final int CELL = 60;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The annotation file.")
    Path file;

    @Option(names = {"-l", "--label"}, paramLabel = "L", description = "Only spans with this label; repeatable.")
    List<String> labels = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, tsv or json (default: ${DEFAULT-VALUE}).")
    Layout layout;

    @Override
    public Integer call() throws ScholionException, IOException {
        AnnotatedDocument doc = AnnotationFile.at(file).read();
        for (String label : labels) {
            try {
                Commands.label(doc, label);
            } catch (IllegalArgumentException e) {
                throw new ScholionException(file.toString(), e.getMessage());
            }
        }
        List<Span> spans = doc.spans().stream().filter(s -> labels.isEmpty() || labels.contains(s.label())).toList();
        PrintWriter out = spec.commandLine().getOut();
        switch (layout) {
            case tsv -> tsv(doc, spans, out);
            case json -> json(doc, spans, out);
            default -> table(doc, spans, out);
        }
        out.flush();
        return Annotate.OK;
    }

    private static void tsv(AnnotatedDocument doc, List<Span> spans, PrintWriter out) {
        StringBuilder b = new StringBuilder(64 * (spans.size() + 1)).append("id\tlabel\tstart\tend\ttext\n");
        for (Span s : spans) {
            b.append(Escapes.tsv(s.id())).append('\t').append(Escapes.tsv(s.label())).append('\t').append(s.start())
                    .append('\t').append(s.end()).append('\t').append(Escapes.tsv(doc.textOf(s))).append('\n');
        }
        out.print(b);
    }

    private static void json(AnnotatedDocument doc, List<Span> spans, PrintWriter out) throws IOException {
        JsonFactory factory = new JsonFactory();
        factory.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (Span s : spans) {
                g.writeStartObject();
                g.writeStringField("id", s.id());
                g.writeStringField("label", s.label());
                g.writeNumberField("start", s.start());
                g.writeNumberField("end", s.end());
                g.writeStringField("text", doc.textOf(s));
                if (s.note() != null) {
                    g.writeStringField("note", s.note());
                }
                if (s.annotator() != null) {
                    g.writeStringField("annotator", s.annotator());
                }
                if (s.created() != null) {
                    g.writeStringField("created", s.created().toString());
                }
                if (s.suggestion()) {
                    g.writeBooleanField("suggestion", true);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        out.println();
    }

    private static void table(AnnotatedDocument doc, List<Span> spans, PrintWriter out) {
        Table table = new Table("ID", "LABEL", ">START", ">END", "TEXT");
        for (Span s : spans) {
            table.row(s.id(), s.label(), s.start(), s.end(), cell(doc.textOf(s)));
        }
        StringBuilder b = new StringBuilder();
        table.appendTo(b);
        if (spans.isEmpty()) {
            b.append("(no spans)\n");
        }
        out.print(b);
    }

    private static String cell(String text) {
        String flat = Escapes.visible(Escapes.tsv(text), false);
        int length = flat.codePointCount(0, flat.length());
        if (length <= CELL) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, CELL - 1)) + "…";
    }

    static String plural(int n, String what) {
        return String.format(Locale.ROOT, "%,d %s%s", n, what, n == 1 ? "" : "s");
    }
}
