package org.scholion.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.corpus.Corpus;
import org.scholion.core.corpus.Entry;
import org.scholion.core.corpus.Status;
import org.scholion.core.corpus.Status.Stage;
import org.scholion.core.store.AnnotationFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate status}: prints or sets where each document is in the work. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        sortOptions = false,
        description = {
            "Print or set the status of documents: todo, in-progress, done or reviewed.",
            "The status is kept in the annotation file (document metadata scholion:status, scholion:status-by and scholion:status-at) with who set it and when; a document nobody marked is todo. Setting it is not an annotation edit: undo and redo leave it alone.",
            "A file that cannot be read is reported and the others go on (exit 1)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  annotate status corpus/",
            "  annotate status corpus/ --format tsv | awk -F'\\t' '$3 == \"done\"'",
            "  annotate status article.scholion.json --set done",
            "  annotate status corpus/batch-2/ --set reviewed --annotator carol"
        })
final class StatusCommand implements Callable<Integer> {
    /** How the statuses are printed. */
    enum Layout {
        table,
        tsv
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Annotation files, folders or globs.")
    List<String> files;

    @Option(
            names = "--set",
            paramLabel = "STATUS",
            description = "Set this status: todo, in-progress, done or reviewed.")
    String set;

    @Mixin
    AnnotatorOption annotator;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "table or tsv (default: ${DEFAULT-VALUE}); tsv columns: file, document, status, by, at.")
    Layout layout;

    @Override
    public Integer call() throws ScholionException {
        Stage stage = null;
        if (set != null) {
            try {
                stage = Stage.parse(set);
            } catch (IllegalArgumentException e) {
                throw Commands.usage(spec, "--set: %s", e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Corpus corpus = Corpus.of(files);
        Progress progress = new Progress(err, corpus.size(), Commands.root(spec).console());
        boolean failed = false;
        for (Entry problem : corpus.problems()) {
            failed = Commands.report(progress, err, problem.failure());
        }
        Table table = new Table("DOCUMENT", "STATUS", "BY", "AT", "FILE");
        if (layout == Layout.tsv && stage == null) {
            out.print("file\tdocument\tstatus\tby\tat\n");
        }
        for (Path file : corpus.files()) {
            progress.step(file.toString());
            try {
                Status status;
                String id;
                if (stage != null) {
                    var now = Status.set(AnnotationFile.at(file), stage, annotator.resolve(), Commands.now(spec))
                            .document();
                    status = Status.of(now);
                    id = now.document().id();
                } else {
                    var doc = AnnotationFile.at(file).read();
                    status = Status.of(doc);
                    id = doc.document().id();
                }
                String by = status.by() == null ? "" : status.by();
                String at = status.at() == null ? "" : status.at().toString();
                if (layout == Layout.tsv) {
                    progress.clear();
                    out.print(Escapes.tsv(file.toString()) + "\t" + Escapes.tsv(id) + "\t"
                            + status.stage().label() + "\t" + Escapes.tsv(by) + "\t" + at + "\n");
                } else {
                    table.row(id, status.stage().label(), by, at, file);
                }
            } catch (ScholionException e) {
                failed = Commands.report(progress, err, e.getMessage());
            } catch (IllegalArgumentException e) {
                failed = Commands.report(progress, err, file + ": " + e.getMessage());
            }
            progress.done();
        }
        progress.clear();
        if (layout == Layout.table) {
            StringBuilder b = new StringBuilder();
            if (!table.isEmpty()) {
                table.appendTo(b);
            }
            out.print(b);
        }
        out.flush();
        return failed ? Annotate.FAILED : Annotate.OK;
    }
}
