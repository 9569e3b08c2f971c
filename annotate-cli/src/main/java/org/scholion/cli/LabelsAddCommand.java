package org.scholion.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.scholion.core.ScholionException;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.store.AnnotationFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code annotate labels FILE add}: adds a label to one of the file's label sets. */
@Command(
        name = "add",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        sortOptions = false,
        description =
                "Add a label. With several label sets in the file, --set says which (a new name makes a new set).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  annotate labels article.scholion.json add CLAIM --color '#CC6677'",
            "  annotate labels article.scholion.json add SOURCE --color '#228833' --key s \\",
            "      --set sourcing"
        })
final class LabelsAddCommand implements Callable<Integer> {
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    @Spec
    CommandSpec spec;

    @ParentCommand
    LabelsCommand parent;

    @Parameters(index = "0", paramLabel = "NAME", description = "The label's name.")
    String name;

    @Option(
            names = {"-c", "--color"},
            required = true,
            paramLabel = "#RRGGBB",
            description = "Its colour.")
    String color;

    @Option(
            names = {"-d", "--description"},
            paramLabel = "D",
            description = "When to use it, in one sentence.")
    String description;

    @Option(
            names = {"-k", "--key"},
            paramLabel = "K",
            description = "Its one-character hotkey in the terminal annotator.")
    String key;

    @Option(
            names = {"-s", "--set"},
            paramLabel = "SET",
            description = "The label set to add it to.")
    String set;

    @Override
    public Integer call() throws ScholionException {
        if (!COLOR.matcher(color).matches()) {
            throw Commands.usage(spec, "--color must be #RRGGBB (six hex digits), not '%s'", color);
        }
        AnnotationFile file = AnnotationFile.at(parent.file);
        List<LabelSet> sets = file.read().labelSets();
        if (set == null && sets.size() > 1) {
            throw Commands.usage(
                    spec,
                    "the file has label sets %s; say which with --set SET (a new name makes a new set)",
                    String.join(", ", sets.stream().map(LabelSet::name).toList()));
        }
        file.update("labels add " + name, doc -> {
            doc.label(name).ifPresent(l -> {
                throw new IllegalArgumentException("label '" + name + "' already exists in label set '"
                        + doc.labelSetOf(name).map(LabelSet::name).orElse("?") + "'");
            });
            String setName = set != null
                    ? set
                    : doc.labelSets().isEmpty()
                            ? "custom"
                            : doc.labelSets().get(0).name();
            LabelSet target = doc.labelSet(setName).orElse(new LabelSet(setName, List.of()));
            return doc.withLabelSet(target.withLabel(new Label(name, color, description, key, null)));
        });
        return Annotate.OK;
    }
}
