package org.scholion.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.team.Merge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate merge}: a gold file from several annotations of one text. */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        sortOptions = false,
        description = {
            "Merge several annotations of one text into a gold file for adjudication.",
            "Spans (same offsets and label) that every input has, or at least --min-agree of them, are accepted; every other span becomes a suggestion whose annotator field names the annotators who proposed it. Relations between merged spans are kept. The gold file's metadata (merged-from) names the inputs and the SHA-256 of their bytes. Accept or reject the suggestions with 'annotate accept', 'annotate reject' or in 'annotate tui'."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  annotate merge alice.scholion.json bob.scholion.json carol.scholion.json -o gold.scholion.json",
            "  annotate merge a.scholion.json b.scholion.json c.scholion.json -o gold.scholion.json --min-agree 2"
        })
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "FILE", description = "Annotation files of one text.")
    List<Path> files;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "GOLD",
            description = "The merged annotation file to write.")
    Path output;

    @Option(
            names = "--min-agree",
            paramLabel = "N",
            description = "Accept spans at least N inputs agree on (default: all of them).")
    Integer minAgree;

    @Option(names = "--force", description = "Overwrite GOLD if it exists.")
    boolean force;

    @Override
    public Integer call() throws ScholionException {
        int needed = minAgree == null ? files.size() : minAgree;
        if (needed < 1 || needed > files.size()) {
            throw Commands.usage(
                    spec, "--min-agree must be between 1 and %d (the number of inputs), not %d", files.size(), needed);
        }
        List<Merge.Input> inputs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path file : files) {
            AnnotatedDocument doc = AnnotationFile.at(file).read();
            String name = TeamInputs.annotatorName(file, doc);
            if (!names.add(name)) {
                name = file.toString().replace(",", "_");
                names.add(name);
            }
            inputs.add(new Merge.Input(name, file.getFileName() + " sha256:" + TeamInputs.fileHash(file), doc));
        }
        AnnotatedDocument gold;
        try {
            gold = Merge.of(inputs, needed);
        } catch (IllegalArgumentException e) {
            throw new ScholionException(files.get(0).toString(), e.getMessage());
        }
        AnnotationFile.at(output).create(gold, force);
        long suggested = gold.spans().stream().filter(Span::suggestion).count();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                Locale.ROOT,
                "wrote %s: %d accepted, %d suggested for adjudication%n",
                output,
                gold.spans().size() - suggested,
                suggested);
        out.flush();
        return Annotate.OK;
    }
}
