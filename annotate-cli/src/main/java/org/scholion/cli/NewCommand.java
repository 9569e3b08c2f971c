package org.scholion.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.ingest.SourceImporter;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.LabelSet;
import org.scholion.core.store.AnnotationFile;
import org.scholion.seeds.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate new}: imports a source document into a new annotation file. */
@Command(name = "new", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import a source document into a new annotation file.",
                "Reads plain text, HTML, DOCX, ODT, RTF, PDF and EPUB; prints the new file's path.",
                "Plain text is kept exactly as it is (no normalisation, line endings as they are)."},
        footerHeading = "%nExamples:%n",
        footer = {"  annotate new article.html                      # writes article.scholion.json",
                "  annotate new speech.txt --labels propaganda --labels my-labels.json",
                "  annotate new report.pdf -o work/report.scholion.json --id report-2026 \\",
                "      --title 'Annual report'",
                "",
                "SET is a built-in label set (propaganda, entities, sourcing) or a label-set JSON file; "
                        + "without --labels the file gets all three built-in sets."})
final class NewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The source document.")
    Path source;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "The annotation file to write (default: the source's name with .scholion.json, here).")
    Path output;

    @Option(names = "--id", paramLabel = "ID", description = "The document id (default: from the file name).")
    String id;

    @Option(names = "--title", paramLabel = "TITLE", description = "The document title (default: from the source).")
    String title;

    @Option(names = "--labels", paramLabel = "SET", description = "A label set to annotate with; repeatable.")
    List<String> labelSets = new ArrayList<>();

    @Option(names = {"-f", "--force"}, description = "Overwrite the annotation file if it exists.")
    boolean force;

    @Override
    public Integer call() throws ScholionException {
        Path target = output != null ? output : defaultOutput(source);
        AnnotationFile file = AnnotationFile.at(target);
        if (!force && file.exists()) {
            throw new ScholionException(target.toString(), "already exists (use --force to overwrite it, or -o FILE)");
        }
        List<LabelSet> sets = new ArrayList<>();
        if (labelSets.isEmpty()) {
            sets.addAll(Seeds.labelSets());
        }
        for (String name : labelSets) {
            sets.add(Seeds.labelSetOrFile(name));
        }
        Document document = SourceImporter.importFile(source);
        if (id != null) {
            document = document.withId(id);
        }
        if (title != null) {
            document = document.withTitle(title);
        }
        file.create(AnnotatedDocument.of(document, sets), force);
        spec.commandLine().getOut().println(target);
        spec.commandLine().getOut().flush();
        return Annotate.OK;
    }

    /** {@code <source-stem>.scholion.json} in the current folder. */
    static Path defaultOutput(Path source) {
        String name = source.getFileName() == null ? "document" : source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return Path.of(stem + ".scholion.json");
    }
}
