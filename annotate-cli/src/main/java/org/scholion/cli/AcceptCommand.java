package org.scholion.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.team.Adjudication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate accept}: suggestions become spans. */
@Command(
        name = "accept",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        sortOptions = false,
        description = {
            "Accept suggestions: they become spans like any other, their proposers kept in the annotator field.",
            "Give the ids of suggestions, or --all; --label narrows either to one label. Nothing changes unless every id is a suggestion. Undo with 'annotate undo FILE'."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  annotate accept gold.scholion.json s4 s7",
            "  annotate accept gold.scholion.json --all --label PERSON"
        })
final class AcceptCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The annotation file.")
    Path file;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ID", description = "Ids of suggestions.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--all", description = "Every suggestion.")
    boolean all;

    @Option(
            names = {"-l", "--label"},
            paramLabel = "L",
            description = "Only suggestions with this label.")
    String label;

    @Override
    public Integer call() throws ScholionException {
        return decide(spec, file, ids, all, label, true);
    }

    static int decide(CommandSpec spec, Path file, List<String> ids, boolean all, String label, boolean accept)
            throws ScholionException {
        if (all == !ids.isEmpty()) {
            throw Commands.usage(spec, "give the ids of suggestions or --all, not %s", all ? "both" : "neither");
        }
        int[] count = {0};
        AnnotationFile.at(file)
                .update((accept ? "accept " : "reject ") + (all ? "--all" : String.join(" ", ids)), doc -> {
                    if (label != null) {
                        Commands.label(doc, label);
                    }
                    List<Span> chosen = Adjudication.select(doc, all ? List.of() : ids, label);
                    count[0] = chosen.size();
                    return accept ? Adjudication.accept(doc, chosen) : Adjudication.reject(doc, chosen);
                });
        spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "%s %s%n",
                        accept ? "accepted" : "rejected",
                        LsCommand.plural(count[0], "suggestion"));
        spec.commandLine().getOut().flush();
        return Annotate.OK;
    }
}
