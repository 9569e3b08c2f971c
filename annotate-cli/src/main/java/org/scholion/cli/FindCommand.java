package org.scholion.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.scholion.core.corpus.Corpus;
import org.scholion.core.corpus.Search;
import org.scholion.core.corpus.Search.Hit;
import org.scholion.core.corpus.Search.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate find}: spans across a corpus, each with its document, offsets and context. */
@Command(
        name = "find",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        sortOptions = false,
        description = {
            "Find spans across documents by label, text, annotator or note, each with its document, offsets and a keyword-in-context snippet.",
            "Documents are read on all cores and printed in the order of their sorted file names, spans in document order. Offsets and context are code points; the context is one line, with line breaks and control characters shown as spaces. A file that cannot be read is reported and the others are searched (exit 1)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  annotate find corpus/ --label PERSON",
            "  annotate find corpus/ --text '(?i)coalition' --format tsv > hits.tsv",
            "  annotate find corpus/ 'more/**/*.scholion.json' --annotator alice --note 'check|verify'",
            "",
            "tsv: a header line document, span, label, start, end, text, left, right separated by tabs;",
            "tab, line feed, carriage return and backslash in the text are written as \\\\t \\\\n \\\\r \\\\\\\\."
        })
final class FindCommand implements Callable<Integer> {
    /** How the hits are printed. */
    enum Layout {
        table,
        tsv,
        json
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Annotation files, folders or globs.")
    List<String> files;

    @Option(
            names = {"-l", "--label"},
            paramLabel = "L",
            description = "Only spans with this label.")
    String label;

    @Option(
            names = "--text",
            paramLabel = "REGEX",
            description = "Only spans whose text contains a match (Java regex; (?i) ignores case).")
    String text;

    @Option(names = "--annotator", paramLabel = "NAME", description = "Only spans made by this annotator.")
    String annotator;

    @Option(names = "--note", paramLabel = "REGEX", description = "Only spans whose note contains a match.")
    String note;

    @Option(
            names = "--context",
            paramLabel = "N",
            defaultValue = "30",
            description = "Code points of context on each side (default: ${DEFAULT-VALUE}).")
    int context;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "table, tsv or json (default: ${DEFAULT-VALUE}).")
    Layout layout;

    @Override
    public Integer call() throws IOException {
        if (context < 0) {
            throw Commands.usage(spec, "--context must not be negative, not %d", context);
        }
        Query query = new Query(label, pattern("--text", text), annotator, pattern("--note", note), context);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Corpus corpus = Corpus.of(files);
        Progress progress = new Progress(err, corpus.size(), Commands.root(spec).console());
        Table table = new Table("DOCUMENT", "SPAN", "LABEL", ">START", ">END", ">LEFT", "TEXT", "RIGHT");
        JsonGenerator json = layout == Layout.json ? Commands.json(out) : null;
        if (json != null) {
            json.writeStartArray();
        } else if (layout == Layout.tsv) {
            out.print("document\tspan\tlabel\tstart\tend\ttext\tleft\tright\n");
        }
        boolean[] failed = {false};
        int[] found = {0};
        corpus.parallel(Corpus.cores(), (path, doc) -> Search.find(doc, query), outcome -> {
            progress.step(outcome.path().toString());
            if (!outcome.ok()) {
                failed[0] = Commands.report(progress, err, outcome.failure());
            } else {
                try {
                    print(outcome.path(), outcome.value(), out, json, table);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                found[0] += outcome.value().size();
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
            b.append(found[0] == 0 ? "(no spans)\n" : LsCommand.plural(found[0], "span") + "\n");
            out.print(b);
        }
        out.flush();
        return failed[0] ? Annotate.FAILED : Annotate.OK;
    }

    private void print(Path file, List<Hit> hits, PrintWriter out, JsonGenerator json, Table table) throws IOException {
        if (layout == Layout.tsv) {
            StringBuilder b = new StringBuilder();
            for (Hit h : hits) {
                b.append(Escapes.tsv(h.document()))
                        .append('\t')
                        .append(Escapes.tsv(h.span()))
                        .append('\t')
                        .append(Escapes.tsv(h.label()))
                        .append('\t')
                        .append(h.start())
                        .append('\t')
                        .append(h.end())
                        .append('\t')
                        .append(Escapes.tsv(h.text()))
                        .append('\t')
                        .append(Escapes.tsv(h.left()))
                        .append('\t')
                        .append(Escapes.tsv(h.right()))
                        .append('\n');
            }
            out.print(b);
        } else if (json != null) {
            for (Hit h : hits) {
                json.writeStartObject();
                json.writeStringField("document", h.document());
                json.writeStringField("file", file.toString());
                json.writeStringField("span", h.span());
                json.writeStringField("label", h.label());
                json.writeNumberField("start", h.start());
                json.writeNumberField("end", h.end());
                json.writeStringField("text", h.text());
                json.writeStringField("left", h.left());
                json.writeStringField("right", h.right());
                if (h.note() != null) {
                    json.writeStringField("note", h.note());
                }
                if (h.annotator() != null) {
                    json.writeStringField("annotator", h.annotator());
                }
                json.writeEndObject();
            }
        } else {
            for (Hit h : hits) {
                table.row(
                        h.document(),
                        h.span(),
                        h.label(),
                        h.start(),
                        h.end(),
                        h.left(),
                        LsCommand.cell(h.text()),
                        h.right());
            }
        }
    }

    private Pattern pattern(String option, String regex) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw Commands.usage(
                    spec,
                    "%s: not a regular expression: %s",
                    option,
                    e.getDescription() + " near index " + e.getIndex());
        }
    }
}
