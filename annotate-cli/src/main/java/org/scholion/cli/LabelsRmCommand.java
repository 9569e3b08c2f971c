package org.scholion.cli;

import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.model.LabelSet;
import org.scholion.core.store.AnnotationFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code annotate labels FILE rm}: removes a label that no span uses. */
@Command(
        name = "rm",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = "Remove a label; refused while spans use it.",
        footerHeading = "%nExamples:%n",
        footer = {"  annotate labels article.scholion.json rm CLAIM"})
final class LabelsRmCommand implements Callable<Integer> {
    @ParentCommand
    LabelsCommand parent;

    @Parameters(index = "0", paramLabel = "NAME", description = "The label's name.")
    String name;

    @Override
    public Integer call() throws ScholionException {
        AnnotationFile.at(parent.file).update("labels rm " + name, doc -> {
            LabelSet set = doc.labelSetOf(name)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "there is no label '" + name + "' (the file has " + Commands.labelNames(doc) + ")"));
            long used = doc.spans().stream().filter(s -> s.label().equals(name)).count();
            if (used > 0) {
                throw new IllegalArgumentException("label '" + name + "' is used by "
                        + LsCommand.plural((int) used, "span") + "; remove or relabel them first");
            }
            return doc.withLabelSet(set.withoutLabel(name));
        });
        return Annotate.OK;
    }
}
