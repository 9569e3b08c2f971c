package org.scholion.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.store.Snapshot;
import org.scholion.export.ExportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate import}: reads a W3C Web Annotation collection (JSON-LD) back into an annotation file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Read a W3C Web Annotation collection (JSON-LD) back into an annotation file.",
                "Replaces the file's spans and relations with those of the collection, as one change",
                "('annotate undo' restores them). The file supplies the text, which the collection's",
                "selectors must match."},
        footerHeading = "%nExamples:%n",
        footer = {"  annotate import out/article.jsonld --into article.scholion.json",
                "  annotate import article.jsonld          # into article.scholion.json here"})
final class ImportCommand implements Callable<Integer> {
    /** The importer; the JSON-LD importer replaces the placeholder when it lands. */
    static CollectionImporter importer = CollectionImporter.NOT_BUILT;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.jsonld", description = "The annotation collection.")
    Path collection;

    @Option(names = "--into", paramLabel = "FILE",
            description = "The annotation file to import into (default: <stem>.scholion.json here).")
    Path into;

    @Override
    public Integer call() throws ScholionException {
        Path target = into != null ? into : defaultTarget(collection);
        AnnotationFile file = AnnotationFile.at(target);
        if (!file.exists()) {
            throw new ScholionException(target.toString(), "no such annotation file to import into"
                    + (into == null ? " (name one with --into FILE)" : ""));
        }
        Snapshot after = file.update("import " + collection.getFileName(), doc -> {
            AnnotatedDocument imported = read(doc);
            AnnotatedDocument.Builder builder = AnnotatedDocument.builder(doc.document()).labelSets(doc.labelSets());
            for (Span span : imported.spans()) {
                builder.span(span);
            }
            for (Relation relation : imported.relations()) {
                builder.relation(relation);
            }
            return builder.build();
        });
        spec.commandLine().getOut().printf("%s: %s, %s%n", target,
                LsCommand.plural(after.document().spans().size(), "span"),
                LsCommand.plural(after.document().relations().size(), "relation"));
        spec.commandLine().getOut().flush();
        return Annotate.OK;
    }

    private AnnotatedDocument read(AnnotatedDocument target) throws ScholionException {
        try (InputStream in = Files.newInputStream(collection)) {
            return importer.read(in, collection.toString(), target);
        } catch (NoSuchFileException e) {
            throw new ScholionException(collection.toString(), "no such file");
        } catch (IOException e) {
            throw new ScholionException(collection.toString(), "cannot read: " + e.getMessage(), e);
        } catch (ExportException e) {
            throw new ScholionException(null, e.getMessage(), e);
        }
    }

    static Path defaultTarget(Path collection) {
        String name = collection.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Path.of((dot > 0 ? name.substring(0, dot) : name) + ".scholion.json");
    }
}
