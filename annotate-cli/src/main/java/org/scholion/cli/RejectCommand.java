package org.scholion.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate reject}: suggestions go. */
@Command(
        name = "reject",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        sortOptions = false,
        description = {
            "Reject suggestions: they are removed, with the relations that touch them.",
            "Give the ids of suggestions, or --all; --label narrows either to one label. Nothing changes unless every id is a suggestion. Undo with 'annotate undo FILE'."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  annotate reject gold.scholion.json s5", "  annotate reject gold.scholion.json --all"})
final class RejectCommand implements Callable<Integer> {
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
        return AcceptCommand.decide(spec, file, ids, all, label, false);
    }
}
