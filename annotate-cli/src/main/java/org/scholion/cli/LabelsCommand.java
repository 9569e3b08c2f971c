package org.scholion.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
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

/** {@code annotate labels}: lists the labels of a file; its subcommands add and remove labels. */
@Command(
        name = "labels",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = {
            "List, add or remove the labels of an annotation file.",
            "Without a subcommand: each label with its set, colour, hotkey, span count and description."
        },
        subcommands = {LabelsAddCommand.class, LabelsRmCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  annotate labels article.scholion.json",
            "  annotate labels article.scholion.json add CLAIM --color '#CC6677' --key c \\",
            "      --set sourcing",
            "  annotate labels article.scholion.json rm CLAIM"
        })
final class LabelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The annotation file.")
    Path file;

    @Override
    public Integer call() throws ScholionException {
        AnnotatedDocument doc = AnnotationFile.at(file).read();
        Map<String, Integer> counts = counts(doc);
        Table table = new Table("SET", "LABEL", "COLOR", "KEY", ">SPANS", "DESCRIPTION");
        for (LabelSet set : doc.labelSets()) {
            for (Label l : set.labels()) {
                table.row(set.name(), l.name(), l.color(), l.key(), counts.getOrDefault(l.name(), 0), l.description());
            }
        }
        StringBuilder b = new StringBuilder();
        table.appendTo(b);
        PrintWriter out = spec.commandLine().getOut();
        out.print(b);
        out.flush();
        return Annotate.OK;
    }

    static Map<String, Integer> counts(AnnotatedDocument doc) {
        Map<String, Integer> counts = new HashMap<>();
        for (Span s : doc.spans()) {
            counts.merge(s.label(), 1, Integer::sum);
        }
        return counts;
    }
}
