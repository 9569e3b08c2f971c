package org.scholion.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate stats}: spans per label, how much of the text is covered, how many spans overlap. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Count spans per label, their coverage of the text, and overlaps.",
        footerHeading = "%nExamples:%n",
        footer = {"  annotate stats article.scholion.json",
                "",
                "A pair overlaps when the two spans share at least one code point; it is nested when one "
                        + "span lies inside the other, crossing otherwise."})
final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The annotation file.")
    Path file;

    /** Counts of one document. */
    record Stats(int textLength, int spans, int relations, int covered, long overlapping, long nested) {
        double coverage() {
            return textLength == 0 ? 0 : 100.0 * covered / textLength;
        }
    }

    @Override
    public Integer call() throws ScholionException {
        AnnotatedDocument doc = AnnotationFile.at(file).read();
        Stats stats = of(doc);
        Map<String, Integer> counts = LabelsCommand.counts(doc);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: %s, %s, %s of text%n", doc.document().id(),
                LsCommand.plural(stats.spans(), "span"), LsCommand.plural(stats.relations(), "relation"),
                LsCommand.plural(stats.textLength(), "code point")));
        Table table = new Table("SET", "LABEL", ">SPANS", ">COVERAGE");
        for (LabelSet set : doc.labelSets()) {
            for (Label label : set.labels()) {
                List<Span> spans = doc.spans().stream().filter(s -> s.label().equals(label.name())).toList();
                double share = stats.textLength() == 0 ? 0 : 100.0 * covered(spans) / stats.textLength();
                table.row(set.name(), label.name(), counts.getOrDefault(label.name(), 0),
                        String.format(Locale.ROOT, "%.1f%%", share));
            }
        }
        b.append('\n');
        table.appendTo(b);
        b.append(String.format(Locale.ROOT, "%ncoverage: %.1f%% of the text is in at least one span (%,d of %,d code points)%n",
                stats.coverage(), stats.covered(), stats.textLength()));
        b.append(String.format(Locale.ROOT, "overlapping pairs: %,d (%,d nested, %,d crossing)%n", stats.overlapping(),
                stats.nested(), stats.overlapping() - stats.nested()));
        spec.commandLine().getOut().print(b);
        spec.commandLine().getOut().flush();
        return Annotate.OK;
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
        return new Stats(doc.text().length(), spans.size(), doc.relations().size(), covered(spans), overlapping,
                nested);
    }

    /** Code points inside at least one of these spans, which are in document order. */
    static int covered(List<Span> spans) {
        int covered = 0;
        int reach = 0;
        for (Span s : spans) {
            int from = Math.max(s.start(), reach);
            if (s.end() > from) {
                covered += s.end() - from;
            }
            reach = Math.max(reach, s.end());
        }
        return covered;
    }
}
