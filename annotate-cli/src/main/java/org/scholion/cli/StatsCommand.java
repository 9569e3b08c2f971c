package org.scholion.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.corpus.Corpus;
import org.scholion.core.corpus.Status;
import org.scholion.core.corpus.Tally;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate stats}: spans per label, how much of the text is covered, how many spans overlap. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        sortOptions = false,
        description = {
            "Count spans per label, their coverage of the text, and overlaps.",
            "Over several documents (folders, globs): documents per status, spans per label and per annotator, and coverage for the whole corpus, read on all cores; --by document adds a row per document. A file that cannot be read is reported and left out (exit 1)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  annotate stats article.scholion.json",
            "  annotate stats corpus/ --by document",
            "",
            "A pair overlaps when the two spans share at least one code point; it is nested when one "
                    + "span lies inside the other, crossing otherwise."
        })
final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Annotation files, folders or globs.")
    List<String> files;

    /** What the counts are given for besides the whole corpus. */
    enum By {
        corpus,
        document
    }

    @Option(
            names = "--by",
            paramLabel = "WHAT",
            defaultValue = "corpus",
            description = "corpus, or document for a row per document as well (default: ${DEFAULT-VALUE}).")
    By by;

    /** Counts of one document. */
    record Stats(int textLength, int spans, int relations, int covered, long overlapping, long nested) {
        double coverage() {
            return textLength == 0 ? 0 : 100.0 * covered / textLength;
        }
    }

    @Override
    public Integer call() throws ScholionException {
        Corpus corpus = Corpus.of(files);
        if (corpus.size() + corpus.problems().size() > 1
                || files.stream().anyMatch(Corpus::namesMany)
                || by == By.document) {
            return corpus(corpus);
        }
        Path file = corpus.files().isEmpty()
                ? Path.of(files.get(0))
                : corpus.files().get(0);
        AnnotatedDocument doc = AnnotationFile.at(file).read();
        Stats stats = of(doc);
        Map<String, Integer> counts = LabelsCommand.counts(doc);
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "%s: %s, %s, %s of text%n",
                doc.document().id(),
                LsCommand.plural(stats.spans(), "span"),
                LsCommand.plural(stats.relations(), "relation"),
                LsCommand.plural(stats.textLength(), "code point")));
        Table table = new Table("SET", "LABEL", ">SPANS", ">COVERAGE");
        for (LabelSet set : doc.labelSets()) {
            for (Label label : set.labels()) {
                List<Span> spans = doc.spans().stream()
                        .filter(s -> s.label().equals(label.name()))
                        .toList();
                double share = stats.textLength() == 0 ? 0 : 100.0 * covered(spans) / stats.textLength();
                table.row(
                        set.name(),
                        label.name(),
                        counts.getOrDefault(label.name(), 0),
                        String.format(Locale.ROOT, "%.1f%%", share));
            }
        }
        b.append('\n');
        table.appendTo(b);
        b.append(String.format(
                Locale.ROOT,
                "%ncoverage: %.1f%% of the text is in at least one span (%,d of %,d code points)%n",
                stats.coverage(),
                stats.covered(),
                stats.textLength()));
        b.append(String.format(
                Locale.ROOT,
                "overlapping pairs: %,d (%,d nested, %,d crossing)%n",
                stats.overlapping(),
                stats.nested(),
                stats.overlapping() - stats.nested()));
        spec.commandLine().getOut().print(b);
        spec.commandLine().getOut().flush();
        return Annotate.OK;
    }

    /** One document's row of {@code --by document}. */
    private record Row(Path path, String id, Status status, Tally tally) {}

    private int corpus(Corpus corpus) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err, corpus.size(), Commands.root(spec).console());
        Tally total = new Tally();
        Table rows = new Table("DOCUMENT", "STATUS", ">SPANS", ">RELATIONS", ">CODE POINTS", ">COVERAGE", "FILE");
        boolean[] failed = {false};
        corpus.parallel(
                Corpus.cores(),
                (path, doc) -> new Row(path, doc.document().id(), Status.of(doc), Tally.of(doc)),
                outcome -> {
                    progress.step(outcome.path().toString());
                    if (!outcome.ok()) {
                        failed[0] = Commands.report(progress, err, outcome.failure());
                    } else {
                        Row row = outcome.value();
                        total.add(row.tally());
                        if (by == By.document) {
                            rows.row(
                                    row.id(),
                                    row.status().stage().label(),
                                    row.tally().spans(),
                                    row.tally().relations(),
                                    row.tally().textLength(),
                                    percent(row.tally().coverage()),
                                    row.path());
                        }
                    }
                    progress.done();
                });
        progress.clear();
        StringBuilder b = new StringBuilder();
        if (by == By.document) {
            rows.appendTo(b);
            b.append('\n');
        }
        b.append(String.format(
                Locale.ROOT,
                "corpus: %s, %s, %s, %s of text%n",
                LsCommand.plural((int) total.documents(), "document"),
                LsCommand.plural((int) total.spans(), "span"),
                LsCommand.plural((int) total.relations(), "relation"),
                LsCommand.plural((int) total.textLength(), "code point")));
        Table stages = new Table("STATUS", ">DOCUMENTS");
        total.stages().forEach((stage, n) -> stages.row(stage.label(), n));
        b.append('\n');
        stages.appendTo(b);
        Table labels = new Table("SET", "LABEL", ">SPANS", ">COVERAGE");
        for (Tally.LabelCount l : total.labels()) {
            labels.row(
                    l.set(),
                    l.label(),
                    l.spans(),
                    percent(total.textLength() == 0 ? 0 : 100.0 * l.covered() / total.textLength()));
        }
        b.append('\n');
        labels.appendTo(b);
        Table annotators = new Table("ANNOTATOR", ">SPANS");
        total.annotators().forEach(annotators::row);
        b.append('\n');
        annotators.appendTo(b);
        if (annotators.isEmpty()) {
            b.append("(no spans)\n");
        }
        b.append(String.format(
                Locale.ROOT,
                "%ncoverage: %.1f%% of the text is in at least one span (%,d of %,d code points)%n",
                total.coverage(),
                total.covered(),
                total.textLength()));
        b.append(String.format(
                Locale.ROOT,
                "overlapping pairs: %,d (%,d nested, %,d crossing)%n",
                total.overlapping(),
                total.nested(),
                total.overlapping() - total.nested()));
        out.print(b);
        out.flush();
        return failed[0] ? Annotate.FAILED : Annotate.OK;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share);
    }

    static Stats of(AnnotatedDocument doc) {
        List<Span> spans = doc.spans();
        long overlapping = 0;
        long nested = 0;
        // spans are sorted by start: only later spans that start before this one ends can overlap it
        for (int i = 0; i < spans.size(); i++) {
            Span a = spans.get(i);
            for (int j = i + 1; j < spans.size() && spans.get(j).start() < a.end(); j++) {
                Span b = spans.get(j);
                overlapping++;
                if (a.covers(b.start(), b.end()) || b.covers(a.start(), a.end())) {
                    nested++;
                }
            }
        }
        return new Stats(
                doc.text().length(), spans.size(), doc.relations().size(), covered(spans), overlapping, nested);
    }

    /** Code points inside at least one of these spans, which are in document order. */
    static int covered(List<Span> spans) {
        return Tally.covered(spans);
    }
}
