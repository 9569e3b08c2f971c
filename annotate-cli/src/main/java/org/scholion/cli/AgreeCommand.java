package org.scholion.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.team.Agreement;
import org.scholion.core.team.Agreement.Comparison;
import org.scholion.core.team.Agreement.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate agree}: how far annotators of the same texts agree. */
@Command(
        name = "agree",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        sortOptions = false,
        description = {
            "Measure how far two or more annotators of the same text agree, per label and overall.",
            "Exact precision, recall and F1 count spans with the same offsets and label (the first input is the reference); overlap F1 counts spans of the same label that overlap. Cohen's kappa (two inputs) or Fleiss' kappa (three or more) treat every token as a yes/no decision per label; krippendorff_alpha_u is Krippendorff's unitizing alpha over code points. With three or more inputs, every pair is measured as well as the whole. A value the data leave undefined is n/a with the reason.",
            "Inputs are annotation files of the same text, or folders (searched recursively) or globs of them, paired by document text; documents missing from a folder are listed, and files that cannot be read are reported while the others are compared."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  annotate agree alice/article.scholion.json bob/article.scholion.json",
            "  annotate agree alice/ bob/ carol/ --format tsv",
            "  annotate agree a.scholion.json b.scholion.json --label-set propaganda --format json"
        })
final class AgreeCommand implements Callable<Integer> {
    /** How the values are printed. */
    enum Layout {
        table,
        tsv,
        json
    }

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "2..*",
            paramLabel = "INPUT",
            description = "Annotation files of one text, or folders (searched recursively) or globs of them.")
    List<String> inputs;

    @Option(
            names = "--label-set",
            paramLabel = "S",
            description = "Only the labels of this set; repeatable (default: every set).")
    List<String> labelSets = new ArrayList<>();

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "table, tsv or json (default: ${DEFAULT-VALUE}).")
    Layout layout;

    @Option(names = "--suggestions", description = "Count suggested spans too (left out by default).")
    boolean suggestions;

    @Override
    public Integer call() throws ScholionException, IOException {
        if (inputs.size() > 20) {
            throw Commands.usage(spec, "agree compares at most 20 inputs, not %d", inputs.size());
        }
        TeamInputs.Read read;
        try {
            read = TeamInputs.read(inputs);
        } catch (IllegalArgumentException e) {
            throw Commands.usage(spec, "%s", e.getMessage());
        }
        List<Comparison> result;
        try {
            result = Agreement.measure(
                    read.names(), read.documents(), new Agreement.Options(Set.copyOf(labelSets), suggestions));
        } catch (IllegalArgumentException e) {
            throw new ScholionException(String.join(", ", read.names()), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String problem : read.problems()) {
            err.println("error: " + problem);
        }
        if (layout != Layout.json) {
            for (TeamInputs.Missing m : read.missing()) {
                err.printf(
                        Locale.ROOT,
                        "note: %s (%s) is missing from %s%n",
                        m.document(),
                        m.file(),
                        String.join(", ", m.missingFrom()));
            }
        }
        if (read.documents().isEmpty()) {
            err.println("error: no document is in every input");
            err.flush();
            return Annotate.FAILED;
        }
        switch (layout) {
            case tsv -> tsv(result, inputs.size() > 2, out);
            case json -> json(read, result, out);
            default -> table(read, result, out);
        }
        out.flush();
        err.flush();
        return read.problems().isEmpty() ? Annotate.OK : Annotate.FAILED;
    }

    static void tsv(List<Comparison> result, boolean named, PrintWriter out) {
        StringBuilder b = new StringBuilder();
        b.append(named ? "annotators\t" : "").append("scope\tmetric\tvalue\n");
        for (Comparison c : result) {
            for (Value v : c.values()) {
                if (named) {
                    b.append(Escapes.tsv(c.name())).append('\t');
                }
                b.append(Escapes.tsv(v.scope()))
                        .append('\t')
                        .append(v.metric())
                        .append('\t')
                        .append(Escapes.tsv(v.text()))
                        .append('\n');
            }
        }
        out.print(b);
    }

    private static void table(TeamInputs.Read read, List<Comparison> result, PrintWriter out) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "%s compared over %s%n",
                String.join(", ", read.names()),
                LsCommand.plural(read.documents().size(), "document")));
        for (Comparison c : result) {
            b.append('\n')
                    .append(c.isWhole() ? "All " + c.raters().size() + " annotators" : c.name())
                    .append(":\n");
            Set<String> metrics = new LinkedHashSet<>();
            Map<String, Map<String, Value>> rows = new LinkedHashMap<>();
            for (Value v : c.values()) {
                metrics.add(v.metric());
                rows.computeIfAbsent(v.scope(), k -> new LinkedHashMap<>()).put(v.metric(), v);
            }
            List<String> headings = new ArrayList<>();
            headings.add("SCOPE");
            metrics.forEach(m -> headings.add(">" + m.toUpperCase(Locale.ROOT)));
            Table table = new Table(headings.toArray(String[]::new));
            List<String> notes = new ArrayList<>();
            for (Map.Entry<String, Map<String, Value>> row : rows.entrySet()) {
                List<Object> cells = new ArrayList<>();
                cells.add(row.getKey());
                for (String m : metrics) {
                    Value v = row.getValue().get(m);
                    if (v == null) {
                        cells.add("");
                    } else if (v.isDefined()) {
                        cells.add(String.format(Locale.ROOT, "%.3f", v.value()));
                    } else {
                        cells.add("n/a");
                        notes.add("  " + row.getKey() + " " + m + ": " + v.undefined());
                    }
                }
                table.row(cells.toArray());
            }
            table.appendTo(b);
            if (!notes.isEmpty()) {
                b.append("n/a:\n");
                notes.forEach(n -> b.append(Escapes.visible(n, false)).append('\n'));
            }
        }
        out.print(b);
    }

    private static void json(TeamInputs.Read read, List<Comparison> result, PrintWriter out) throws IOException {
        JsonFactory factory = new JsonFactory();
        factory.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("inputs");
            for (String name : read.names()) {
                g.writeString(name);
            }
            g.writeEndArray();
            g.writeNumberField("documents", read.documents().size());
            g.writeArrayFieldStart("missing");
            for (TeamInputs.Missing m : read.missing()) {
                g.writeStartObject();
                g.writeStringField("document", m.document());
                g.writeStringField("file", m.file());
                g.writeArrayFieldStart("missingFrom");
                for (String f : m.missingFrom()) {
                    g.writeString(f);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("problems");
            for (String problem : read.problems()) {
                g.writeString(problem);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("comparisons");
            for (Comparison c : result) {
                g.writeStartObject();
                g.writeStringField("annotators", c.name());
                g.writeArrayFieldStart("values");
                for (Value v : c.values()) {
                    g.writeStartObject();
                    g.writeStringField("scope", v.scope());
                    g.writeStringField("metric", v.metric());
                    if (v.isDefined()) {
                        g.writeNumberField("value", v.value());
                    } else {
                        g.writeNullField("value");
                        g.writeStringField("undefined", v.undefined());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println();
    }
}
