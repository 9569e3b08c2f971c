package org.scholion.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate redo}: redo changes that were undone. */
@Command(
        name = "redo",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = "Redo changes that were undone. Prints what was redone.",
        footerHeading = "%nExamples:%n",
        footer = {"  annotate redo article.scholion.json", "  annotate redo article.scholion.json --steps 3"})
final class RedoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The annotation file.")
    Path file;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "1", description = "How many changes (default: 1).")
    int steps;

    @Override
    public Integer call() throws ScholionException {
        if (steps < 1) {
            throw Commands.usage(spec, "--steps must be 1 or more, not %d", steps);
        }
        return UndoRedo.travel(file, steps, false, spec.commandLine().getOut());
    }
}
