package org.scholion.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.store.Snapshot;
import org.scholion.export.jsonld.JsonLdImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate import}: reads a W3C Web Annotation collection (JSON-LD) back into an annotation file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Read a W3C Web Annotation collection (JSON-LD) back into an annotation file.",
                "Replaces the file's spans and relations with those of the collection, as one change "
                        + "('annotate undo' restores them). The file supplies the text, which the collection's "
                        + "selectors must match; labels the file lacks go into a label set named 'imported'.",
                "Every annotation that cannot be placed is listed on stderr as a warning."},
        footerHeading = "%nExamples:%n",
        footer = {"  annotate import out/article.jsonld --into article.scholion.json",
                "  annotate import article.jsonld          # into article.scholion.json here"})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.jsonld", description = "The annotation collection.")
    Path collection;

    @Option(names = "--into", paramLabel = "FILE",
            description = "The annotation file to import into (default: the collection's name with .scholion.json, here).")
    Path into;

    @Override
    public Integer call() throws ScholionException {
        Path target = into != null ? into : defaultTarget(collection);
        AnnotationFile file = AnnotationFile.at(target);
        if (!file.exists()) {
            throw new ScholionException(target.toString(), "no such annotation file to import into"
                    + (into == null ? " (name one with --into FILE)" : ""));
        }
        if (!Files.isRegularFile(collection)) {
            throw new ScholionException(collection.toString(), Files.exists(collection) ? "is not a file" : "no such file");
        }
        List<JsonLdImporter.Problem> problems = new ArrayList<>();
        Snapshot after = file.update("import " + collection.getFileName(), doc -> {
            JsonLdImporter.Result result = JsonLdImporter.read(collection, doc.document(), doc.labelSets());
            problems.clear();
            problems.addAll(result.problems());
            return result.document();
        });
        PrintWriter err = spec.commandLine().getErr();
        long skipped = 0;
        for (JsonLdImporter.Problem problem : problems) {
            err.println("warning: " + collection + ": " + Escapes.visible(problem.toString(), false));
            skipped += problem.severity() == JsonLdImporter.Severity.SKIPPED ? 1 : 0;
        }
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %s, %s%s%n", target, LsCommand.plural(after.document().spans().size(), "span"),
                LsCommand.plural(after.document().relations().size(), "relation"),
                skipped == 0 ? "" : " (" + LsCommand.plural((int) skipped, "annotation") + " skipped, listed above)");
        out.flush();
        return Annotate.OK;
    }

    static Path defaultTarget(Path collection) {
        String name = collection.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Path.of((dot > 0 ? name.substring(0, dot) : name) + ".scholion.json");
    }
}
