package org.scholion.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate undo}: undo the last changes of an annotation file. */
@Command(
        name = "undo",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = "Undo the last changes of an annotation file. Prints what was undone.",
        footerHeading = "%nExamples:%n",
        footer = {"  annotate undo article.scholion.json", "  annotate undo article.scholion.json --steps 3"})
final class UndoCommand implements Callable<Integer> {
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
        return UndoRedo.travel(file, steps, true, spec.commandLine().getOut());
    }
}
