package org.scholion.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.scholion.core.ScholionException;
import org.scholion.core.corpus.Corpus;
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

/** {@code annotate new}: imports source documents into new annotation files. */
@Command(
        name = "new",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        sortOptions = false,
        description = {
            "Import source documents into new annotation files.",
            "With several sources (or -o naming a folder) each becomes DIR/<source-stem>.scholion.json, imported on all cores; a source that fails does not stop the others: the end lists each failure with its reason (exit 1).",
            "Reads plain text, HTML, DOCX, ODT, RTF, PDF and EPUB; prints the new file's path.",
            "Plain text is kept exactly as it is (no normalisation, line endings as they are)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  annotate new article.html                      # writes article.scholion.json",
            "  annotate new speech.txt --labels propaganda --labels my-labels.json",
            "  annotate new report.pdf -o work/report.scholion.json --id report-2026 \\",
            "      --title 'Annual report'",
            "  annotate new sources/*.html sources/*.pdf -o corpus/ --labels propaganda",
            "",
            "SET is a built-in label set (propaganda, entities, sourcing) or a label-set JSON file; "
                    + "without --labels the file gets all three built-in sets."
        })
final class NewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "The source documents.")
    List<Path> sources;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE|DIR",
            description =
                    "The annotation file to write (default: the source's name with .scholion.json, here); with several sources, the folder to write into (created if missing).")
    Path output;

    @Option(names = "--id", paramLabel = "ID", description = "The document id (default: from the file name).")
    String id;

    @Option(names = "--title", paramLabel = "TITLE", description = "The document title (default: from the source).")
    String title;

    @Option(names = "--labels", paramLabel = "SET", description = "A label set to annotate with; repeatable.")
    List<String> labelSets = new ArrayList<>();

    @Option(
            names = {"-f", "--force"},
            description = "Overwrite the annotation file if it exists.")
    boolean force;

    @Override
    public Integer call() throws ScholionException {
        boolean many = sources.size() > 1
                || (output != null
                        && (Files.isDirectory(output)
                                || output.toString()
                                        .endsWith(output.getFileSystem().getSeparator())));
        if (many) {
            if (id != null || title != null) {
                throw Commands.usage(spec, "--id and --title name one document: give one SOURCE with them");
            }
            return many(labelSets());
        }
        Path source = sources.get(0);
        Path target = output != null ? output : defaultOutput(source);
        AnnotationFile file = AnnotationFile.at(target);
        if (!force && file.exists()) {
            throw new ScholionException(target.toString(), "already exists (use --force to overwrite it, or -o FILE)");
        }
        List<LabelSet> sets = labelSets();
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

    private List<LabelSet> labelSets() throws ScholionException {
        List<LabelSet> sets = new ArrayList<>();
        if (labelSets.isEmpty()) {
            sets.addAll(Seeds.labelSets());
        }
        for (String name : labelSets) {
            sets.add(Seeds.labelSetOrFile(name));
        }
        return sets;
    }

    /** Imports every source into the output folder on all cores, printing each file in the sources' order. */
    private int many(List<LabelSet> sets) {
        Path folder = output != null ? output : Path.of("");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Files.createDirectories(folder.toAbsolutePath());
        } catch (IOException e) {
            err.println("error: cannot create folder " + folder + ": " + e.getMessage());
            err.flush();
            return Annotate.FAILED;
        }
        List<String> failures = new ArrayList<>();
        Map<Path, Path> firstSourceOf = new HashMap<>();
        Progress progress =
                new Progress(err, sources.size(), Commands.root(spec).console());
        int threads = Corpus.cores();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "scholion-import");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<String>> pending = new ArrayDeque<>();
        Deque<Path> targets = new ArrayDeque<>();
        try {
            for (Path source : sources) {
                Path target = folder.resolve(defaultOutput(source).toString());
                Path earlier = firstSourceOf.putIfAbsent(target.toAbsolutePath().normalize(), source);
                if (earlier != null) {
                    pending.add(CompletableFuture.completedFuture(source + ": would be written to " + target + " as "
                            + earlier + " is (import it on its own with -o FILE)"));
                } else {
                    pending.add(pool.submit(() -> importOne(source, target, sets)));
                }
                targets.add(target);
                while (pending.size() > 2 * threads) {
                    finish(pending.removeFirst(), targets.removeFirst(), failures, progress, out);
                }
            }
            while (!pending.isEmpty()) {
                finish(pending.removeFirst(), targets.removeFirst(), failures, progress, out);
            }
        } finally {
            pool.shutdownNow();
        }
        progress.clear();
        out.flush();
        if (failures.isEmpty()) {
            return Annotate.OK;
        }
        err.printf(Locale.ROOT, "error: %d of %d sources were not imported:%n", failures.size(), sources.size());
        failures.forEach(f -> err.println("  " + f));
        err.flush();
        return Annotate.FAILED;
    }

    /** Imports one source; returns null when it was written, else why not. */
    private String importOne(Path source, Path target, List<LabelSet> sets) {
        AnnotationFile file = AnnotationFile.at(target);
        try {
            if (!force && file.exists()) {
                return target + ": already exists (use --force to overwrite it)";
            }
            file.create(AnnotatedDocument.of(SourceImporter.importFile(source), sets), force);
            return null;
        } catch (ScholionException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            return source + ": " + Annotate.message(e, false);
        }
    }

    private static void finish(
            Future<String> future, Path target, List<String> failures, Progress progress, PrintWriter out) {
        progress.step(target.getFileName().toString());
        String failure;
        try {
            failure = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            failure = target + ": " + Annotate.message(e.getCause(), false);
        }
        if (failure == null) {
            progress.clear();
            out.println(target);
        } else {
            failures.add(failure);
        }
        progress.done();
    }

    /** {@code <source-stem>.scholion.json} in the current folder. */
    static Path defaultOutput(Path source) {
        String name =
                source.getFileName() == null ? "document" : source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return Path.of(stem + ".scholion.json");
    }
}
