package org.scholion.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.store.AnnotationFile;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.Format;
import org.scholion.export.PageSize;
import org.scholion.export.bag.ArchiveBag;
import org.scholion.export.bag.BagOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate export}: writes annotation files as CSV, JSON-LD, DOCX and PDF briefs and HTML. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Export annotation files as CSV, JSON-LD, DOCX, PDF or HTML.",
                "Writes DIR/<document-id>.<ext> for each file and format and prints each path.",
                "A format that fails is reported (exit 1) and the others are still written."},
        footerHeading = "%nExamples:%n",
        footer = {"  annotate export seeds/coalition-of-the-willing.scholion.json --format all \\",
                "      -o out/",
                "  annotate export *.scholion.json --format csv,jsonld -o data/ --raw",
                "  annotate export article.scholion.json --format pdf --labels propaganda \\",
                "      --page-size letter"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "1..*", paramLabel = "FILE", description = "Annotation files.")
    List<Path> files;

    @Option(names = {"-f", "--format"}, required = true, split = ",", paramLabel = "FORMAT",
            description = "csv, jsonld, docx, pdf, html or all; repeatable or comma-separated. bag (alone) writes one BagIt archive of all the files into the new folder -o.")
    List<String> formats;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = ".",
            description = "The folder to write into, created if missing (default: the current folder).")
    Path folder;

    @Option(names = "--labels", paramLabel = "SET", description = "Only spans of this label set; repeatable.")
    List<String> labelSets = new ArrayList<>();

    @Option(names = {"-l", "--label"}, paramLabel = "L", description = "Only spans with this label; repeatable.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--page-size", paramLabel = "SIZE", defaultValue = "A4",
            description = "Paper of DOCX and PDF briefs: A4 or LETTER (default: ${DEFAULT-VALUE}).")
    PageSize pageSize;

    @Option(names = "--no-table", description = "Briefs without the table of annotations.")
    boolean noTable;

    @Option(names = "--raw", description = "CSV without the formula-injection guard (for machines, not spreadsheets).")
    boolean raw;

    @Option(names = "--excel", description = "CSV with a byte-order mark, so that Excel reads it as UTF-8.")
    boolean excel;

    @Option(names = "--suggestions", description = "Include machine suggestions that nobody accepted yet.")
    boolean suggestions;

    @Mixin
    BagArchiveOptions bag = new BagArchiveOptions();

    @Override
    public Integer call() {
        Set<Format> chosen = formats();
        ExportOptions options = ExportOptions.DEFAULT.withLabelSets(Set.copyOf(labelSets)).withLabels(Set.copyOf(labels))
                .withPageSize(pageSize).withAnnotationTable(!noTable).withCsv(raw, excel).withSuggestions(suggestions);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (chosen.contains(Format.BAG)) {
            if (chosen.size() > 1) {
                throw Commands.usage(spec, "bag is written on its own: it already holds JSON-LD, CSV and PDF");
            }
            return writeBag(options, out, err);
        }
        Progress progress = new Progress(err, files.size() * chosen.size(), Commands.root(spec).console());
        Map<String, Path> writtenFor = new HashMap<>();
        boolean failed = false;
        for (Path file : files) {
            AnnotatedDocument doc;
            try {
                doc = AnnotationFile.at(file).read();
                checkSelection(doc, file);
            } catch (ScholionException e) {
                failed = report(progress, err, e.getMessage());
                chosen.forEach(f -> progress.done());
                continue;
            }
            Path earlier = writtenFor.putIfAbsent(doc.document().id(), file);
            if (earlier != null) {
                failed = report(progress, err, file + ": has the same document id '" + doc.document().id() + "' as "
                        + earlier + "; its exports would overwrite those (export it into another folder)");
                chosen.forEach(f -> progress.done());
                continue;
            }
            for (Format format : chosen) {
                progress.step(Exporters.fileName(doc, format));
                try {
                    List<Path> written = Exporters.writeFiles(doc, format, options, folder);
                    progress.clear();
                    written.forEach(out::println);
                    out.flush();
                } catch (ExportException | RuntimeException e) {
                    failed = report(progress, err, file + ": " + format.extension() + ": "
                            + Annotate.message(e, false));
                }
                progress.done();
            }
        }
        progress.clear();
        return failed ? Annotate.FAILED : Annotate.OK;
    }

    /** Writes the files as one bag at the output path (a new folder); nothing is left when it fails. */
    private int writeBag(ExportOptions options, PrintWriter out, PrintWriter err) {
        BagOptions bagOptions;
        try {
            bagOptions = bag.toOptions(Commands.root(spec).clock());
        } catch (IllegalArgumentException e) {
            throw Commands.usage(spec, "%s", e.getMessage());
        }
        Progress progress = new Progress(err, files.size(), Commands.root(spec).console());
        try {
            ArchiveBag.write(files, folder, bagOptions, options, id -> {
                progress.step(id);
                progress.done();
            });
        } catch (ExportException e) {
            report(progress, err, Annotate.message(e, false));
            return Annotate.FAILED;
        }
        progress.clear();
        out.println(folder);
        out.flush();
        return Annotate.OK;
    }

    private static boolean report(Progress progress, PrintWriter err, String message) {
        progress.clear();
        err.println("error: " + message);
        err.flush();
        return true;
    }

    private Set<Format> formats() {
        Set<Format> chosen = new LinkedHashSet<>();
        for (String name : formats) {
            if (name.equalsIgnoreCase("all")) {
                chosen.addAll(Format.publication());
                continue;
            }
            try {
                chosen.add(Format.fromName(name.strip()));
            } catch (IllegalArgumentException e) {
                throw Commands.usage(spec, "%s, or all", e.getMessage().replaceFirst("\\)$", ""));
            }
        }
        return chosen;
    }

    /** Refuses a label set or label that the document does not have: a typo would otherwise export nothing. */
    private void checkSelection(AnnotatedDocument doc, Path file) throws ScholionException {
        for (String set : labelSets) {
            if (doc.labelSet(set).isEmpty()) {
                throw new ScholionException(file.toString(), "has no label set '" + set + "' (it has "
                        + String.join(", ", doc.labelSets().stream().map(s -> s.name()).toList()) + ")");
            }
        }
        for (String label : labels) {
            if (doc.label(label).isEmpty()) {
                throw new ScholionException(file.toString(), "unknown label '" + label + "' (the file has "
                        + Commands.labelNames(doc) + ")");
            }
        }
    }
}
