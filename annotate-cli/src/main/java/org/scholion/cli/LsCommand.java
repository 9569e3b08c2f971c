package org.scholion.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.corpus.Corpus;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.team.Merge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate ls}: lists the spans of annotation files, folders of them or globs. */
@Command(
        name = "ls",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        sortOptions = false,
        description = {
            "List the spans of annotation files.",
            "In document order (by start, outer spans first); offsets are code points, [start, end).",
            "A folder is searched recursively for *.scholion.json files, and a quoted glob ('data/**/*.scholion.json') matches below its folder. With more than one document each row starts with the document id. A file that cannot be read is reported and the others are listed (exit 1)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  annotate ls article.scholion.json",
            "  annotate ls article.scholion.json --label PERSON --format tsv | cut -f5",
            "  annotate ls article.scholion.json --format json",
            "  annotate ls corpus/ --label PERSON --format tsv",
            "",
            "tsv: a header line, then id, label, start, end, text, suggestion (yes or no), proposers (who proposed a suggestion, comma-separated), attributes (name=value;name=value, with \\; \\= \\\\ inside names and values) and links (space-separated) separated by tabs (document first for several documents); tab, line feed, carriage return and backslash in the text are written as \\t \\n \\r \\\\.",
            "json: every field, attributes as an object and links as an array (both always present)."
        })
final class LsCommand implements Callable<Integer> {
    /** How the spans are printed. */
    enum Layout {
        table,
        tsv,
        json
    }

    /** Longest text shown in a table cell, in code points. */
    private static final int CELL = 60;
    /** Longest attributes-and-links cell. */
    private static final int DETAILS = 40;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Annotation files, folders or globs.")
    List<String> files;

    @Option(
            names = {"-l", "--label"},
            paramLabel = "L",
            description = "Only spans with this label; repeatable.")
    List<String> labels = new ArrayList<>();

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "table, tsv or json (default: ${DEFAULT-VALUE}).")
    Layout layout;

    @Override
    public Integer call() throws ScholionException, IOException {
        Corpus corpus = Corpus.of(files);
        boolean many =
                corpus.size() + corpus.problems().size() > 1 || files.stream().anyMatch(Corpus::namesMany);
        if (!many) {
            return one(
                    corpus.files().isEmpty()
                            ? Path.of(files.get(0))
                            : corpus.files().get(0));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<String> labelsSeen = new HashSet<>();
        boolean[] failed = {false};
        JsonGenerator json = layout == Layout.json ? Commands.json(out) : null;
        Table table = new Table("DOCUMENT", "ID", "LABEL", ">START", ">END", "TEXT");
        if (json != null) {
            json.writeStartArray();
        } else if (layout == Layout.tsv) {
            out.print("document\tid\tlabel\tstart\tend\ttext\tsuggestion\tproposers\tattributes\tlinks\n");
        }
        Progress progress = new Progress(err, corpus.size(), Commands.root(spec).console());
        corpus.forEach(entry -> {
            progress.step(entry.path().toString());
            if (!entry.ok()) {
                failed[0] = Commands.report(progress, err, entry.failure());
                progress.done();
                return;
            }
            AnnotatedDocument doc = entry.document();
            doc.labels().forEach(l -> labelsSeen.add(l.name()));
            String id = doc.document().id();
            List<Span> spans = select(doc);
            try {
                switch (layout) {
                    case tsv -> tsv(id, doc, spans, out);
                    case json -> json(id, doc, spans, json);
                    default ->
                        spans.forEach(s -> table.row(id, s.id(), s.label(), s.start(), s.end(), cell(doc.textOf(s))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            progress.done();
        });
        progress.clear();
        if (json != null) {
            json.writeEndArray();
            json.close();
            out.println();
        } else if (layout == Layout.table) {
            StringBuilder b = new StringBuilder();
            table.appendTo(b);
            if (table.isEmpty()) {
                b.append("(no spans)\n");
            }
            out.print(b);
        }
        out.flush();
        for (String label : labels) {
            if (!labelsSeen.contains(label) && corpus.size() > 0) {
                failed[0] = Commands.report(progress, err, "no document has the label '" + label + "'");
            }
        }
        return failed[0] ? Annotate.FAILED : Annotate.OK;
    }

    /** One file, listed as it always was. */
    private Integer one(Path file) throws ScholionException, IOException {
        AnnotatedDocument doc = AnnotationFile.at(file).read();
        for (String label : labels) {
            try {
                Commands.label(doc, label);
            } catch (IllegalArgumentException e) {
                throw new ScholionException(file.toString(), e.getMessage());
            }
        }
        List<Span> spans = select(doc);
        PrintWriter out = spec.commandLine().getOut();
        switch (layout) {
            case tsv -> tsv(null, doc, spans, out);
            case json -> {
                try (JsonGenerator g = Commands.json(out)) {
                    g.writeStartArray();
                    json(null, doc, spans, g);
                    g.writeEndArray();
                }
                out.println();
            }
            default -> table(doc, spans, out);
        }
        out.flush();
        return Annotate.OK;
    }

    private List<Span> select(AnnotatedDocument doc) {
        return doc.spans().stream()
                .filter(s -> labels.isEmpty() || labels.contains(s.label()))
                .toList();
    }

    private static void tsv(String document, AnnotatedDocument doc, List<Span> spans, PrintWriter out) {
        StringBuilder b = new StringBuilder(64 * (spans.size() + 1));
        if (document == null) {
            b.append("id\tlabel\tstart\tend\ttext\tsuggestion\tproposers\tattributes\tlinks\n");
        }
        for (Span s : spans) {
            if (document != null) {
                b.append(Escapes.tsv(document)).append('\t');
            }
            b.append(Escapes.tsv(s.id()))
                    .append('\t')
                    .append(Escapes.tsv(s.label()))
                    .append('\t')
                    .append(s.start())
                    .append('\t')
                    .append(s.end())
                    .append('\t')
                    .append(Escapes.tsv(doc.textOf(s)))
                    .append('\t')
                    .append(s.suggestion() ? "yes" : "no")
                    .append('\t')
                    .append(s.suggestion() ? Escapes.tsv(String.join(", ", Merge.proposers(s))) : "")
                    .append('\t')
                    .append(Escapes.attributes(s.attributes()))
                    .append('\t')
                    .append(String.join(" ", s.links()))
                    .append('\n');
        }
        out.print(b);
    }

    private static void json(String document, AnnotatedDocument doc, List<Span> spans, JsonGenerator g)
            throws IOException {
        for (Span s : spans) {
            g.writeStartObject();
            if (document != null) {
                g.writeStringField("document", document);
            }
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
            g.writeBooleanField("suggestion", s.suggestion());
            if (s.suggestion()) {
                g.writeArrayFieldStart("proposers");
                for (String name : Merge.proposers(s)) {
                    g.writeString(name);
                }
                g.writeEndArray();
            }
            g.writeObjectFieldStart("attributes");
            for (Map.Entry<String, String> e : s.attributes().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("links");
            for (String link : s.links()) {
                g.writeString(link);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void table(AnnotatedDocument doc, List<Span> spans, PrintWriter out) {
        boolean suggestions = spans.stream().anyMatch(Span::suggestion);
        boolean details = spans.stream()
                .anyMatch(s -> !s.attributes().isEmpty() || !s.links().isEmpty());
        List<String> headers = new ArrayList<>(List.of("ID", "LABEL", ">START", ">END"));
        if (suggestions) {
            headers.add("SUGGESTED BY");
        }
        if (details) {
            headers.add("ATTRIBUTES AND LINKS");
        }
        headers.add("TEXT");
        Table table = new Table(headers.toArray(new String[0]));
        for (Span s : spans) {
            List<Object> row = new ArrayList<>(List.of(s.id(), s.label(), s.start(), s.end()));
            if (suggestions) {
                row.add(s.suggestion() ? String.join(", ", Merge.proposers(s)) + "?" : "");
            }
            if (details) {
                row.add(details(s));
            }
            row.add(cell(doc.textOf(s)));
            table.row(row.toArray());
        }
        StringBuilder b = new StringBuilder();
        table.appendTo(b);
        if (spans.isEmpty()) {
            b.append("(no spans)\n");
        }
        out.print(b);
    }

    /** Attributes and links in short: {@code certainty=low wikidata:Q3052772}, cut to a cell. */
    static String details(Span s) {
        List<String> parts = new ArrayList<>();
        s.attributes().forEach((name, value) -> parts.add(name + "=" + value));
        parts.addAll(s.links());
        return cell(String.join(" ", parts), DETAILS);
    }

    static String cell(String text) {
        return cell(text, CELL);
    }

    private static String cell(String text, int width) {
        String flat = Escapes.visible(Escapes.tsv(text), false);
        int length = flat.codePointCount(0, flat.length());
        if (length <= width) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, width - 1)) + "…";
    }

    static String plural(int n, String what) {
        return String.format(Locale.ROOT, "%,d %s%s", n, what, n == 1 ? "" : "s");
    }
}
