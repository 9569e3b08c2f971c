package org.scholion.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.corpus.Corpus;
import org.scholion.core.corpus.Entry;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.store.AnnotationFile;
import org.scholion.export.BriefOptions;
import org.scholion.export.CsvOptions;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.Format;
import org.scholion.export.PageSize;
import org.scholion.export.bag.ArchiveBag;
import org.scholion.export.bag.BagOptions;
import org.scholion.export.corpus.CorpusCsv;
import org.scholion.export.corpus.CorpusJsonLd;
import org.scholion.export.corpus.CorpusWriter;
import org.scholion.export.interchange.DocumentWriter;
import org.scholion.export.interchange.Interchange;
import org.scholion.export.interchange.LossReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code annotate export}: writes annotation files as CSV, JSON-LD, DOCX and PDF briefs and HTML,
 * and in the formats of other annotation tools.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        sortOptions = false,
        description = {
            "Export annotation files as CSV, JSON-LD, DOCX, PDF or HTML, or in the formats of other annotation tools (brat, CoNLL, doccano, Label Studio, Prodigy, WebAnno TSV, PTC).",
            "Writes DIR/<document-id>.<ext> for each file and format and prints each path; a corpus format (conll, doccano, labelstudio, prodigy) writes one file for all the documents given. A folder stands for the annotation files in it.",
            "What a format of another tool cannot hold is counted on stderr, one line per kind (details with --report FILE); --strict refuses to write those formats then.",
            "A format that fails is reported (exit 1) and the others are still written; so is a file that cannot be read. Documents are read and written on all cores; what was written is printed in the order of the sorted file names."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  annotate export seeds/coalition-of-the-willing.scholion.json --format all \\",
            "      -o out/",
            "  annotate export *.scholion.json --format csv,jsonld -o data/ --raw",
            "  annotate export article.scholion.json --format pdf --labels propaganda \\",
            "      --page-size letter",
            "  annotate export work/ --format brat -o brat/ --report losses.json",
            "  annotate export corpus/ --format csv,jsonld -o out/",
            "",
            "Corpus files: when FILE names a folder or a glob (or with --one-file), CSV is written as one DIR/corpus.csv (and corpus.relations.csv) whose document_id column tells the documents apart, and JSON-LD adds DIR/corpus.jsonld, an AnnotationCollection paged into AnnotationPages (--per-page) linked by next/prev, beside each document's own collection. --per-document keeps a file per document. Other formats are always one file per document."
        })
final class ExportCommand implements Callable<Integer> {
    /** The name of the files written for a whole corpus: corpus.csv, corpus.relations.csv, corpus.jsonld. */
    static final String CORPUS = "corpus";

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "1..*",
            paramLabel = "FILE",
            description = "Annotation files, folders (searched recursively) or globs.")
    List<Path> files;

    @Option(
            names = {"-f", "--format"},
            required = true,
            split = ",",
            paramLabel = "FORMAT",
            description =
                    "csv, jsonld, docx, pdf, html or all (these five); brat, conll, doccano, labelstudio, prodigy, webanno or ptc; repeatable or comma-separated. bag (alone) writes one BagIt archive of all the files into the new folder -o.")
    List<String> formats;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            defaultValue = ".",
            description = "The folder to write into, created if missing (default: the current folder).")
    Path folder;

    @Option(names = "--labels", paramLabel = "SET", description = "Only spans of this label set; repeatable.")
    List<String> labelSets = new ArrayList<>();

    @Option(
            names = {"-l", "--label"},
            paramLabel = "L",
            description = "Only spans with this label; repeatable.")
    List<String> labels = new ArrayList<>();

    @Option(
            names = "--page-size",
            paramLabel = "SIZE",
            defaultValue = "A4",
            description = "Paper of DOCX and PDF briefs: A4 or LETTER (default: ${DEFAULT-VALUE}).")
    PageSize pageSize;

    @Option(names = "--no-table", description = "Briefs without the table of annotations.")
    boolean noTable;

    @Option(names = "--raw", description = "CSV without the formula-injection guard (for machines, not spreadsheets).")
    boolean raw;

    @Option(names = "--excel", description = "CSV with a byte-order mark, so that Excel reads it as UTF-8.")
    boolean excel;

    @Option(
            names = "--one-file",
            description =
                    "Also for files named one by one: one corpus.csv for all documents, and corpus.jsonld beside each document's JSON-LD.")
    boolean oneFile;

    @Option(
            names = "--per-document",
            description = "Also for folders and globs: a CSV per document and no corpus.jsonld.")
    boolean perDocument;

    @Option(
            names = "--per-page",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Annotations per AnnotationPage of corpus.jsonld (default: ${DEFAULT-VALUE}).")
    int perPage;

    @Option(names = "--suggestions", description = "Include machine suggestions that nobody accepted yet.")
    boolean suggestions;

    @Mixin
    BagArchiveOptions bag = new BagArchiveOptions();

    @Mixin
    ConversionOptions conversion;

    @Override
    public Integer call() throws ScholionException {
        Set<Format> all = formats();
        Set<Format> chosen = new LinkedHashSet<>();
        List<Format> interchange = new ArrayList<>();
        for (Format f : all) {
            if (f.kind() == Format.Kind.INTERCHANGE) {
                interchange.add(f);
            } else {
                chosen.add(f);
            }
        }
        ExportOptions options = ExportOptions.builder()
                .labelSets(Set.copyOf(labelSets))
                .labels(Set.copyOf(labels))
                .includeSuggestions(suggestions)
                .csv(new CsvOptions(raw, excel))
                .brief(new BriefOptions(pageSize, !noTable, BriefOptions.DEFAULT.pdfArchival()))
                .build();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (all.contains(Format.BAG)) {
            if (all.size() > 1) {
                throw Commands.usage(spec, "bag is written on its own: it already holds JSON-LD, CSV and PDF");
            }
            return writeBag(annotationFiles(), options, out, err);
        }
        if (interchange.isEmpty()) {
            Corpus corpus = Corpus.ofPaths(this.files);
            List<CorpusWriter> wholes;
            try {
                wholes = corpusFiles(chosen, options);
            } catch (ExportException e) {
                err.println("error: " + e.getMessage());
                return Annotate.FAILED;
            }
            ExportRun run = new ExportRun(
                    corpus,
                    chosen,
                    options,
                    folder,
                    wholes,
                    this::checkSelection,
                    out,
                    err,
                    Commands.root(spec).console(),
                    Corpus.cores());
            return run.run() ? Annotate.OK : Annotate.FAILED;
        }
        List<Path> files = annotationFiles();
        Progress progress =
                new Progress(err, files.size() * all.size(), Commands.root(spec).console());
        boolean failed = false;
        LossReport losses = new LossReport();
        Map<Format, DocumentWriter.Batch> batches = new LinkedHashMap<>();
        try (Staging staging = interchange.isEmpty() ? null : Staging.in(folder)) {
            for (Format format : interchange) {
                try {
                    batches.put(
                            format,
                            Interchange.writer(format)
                                    .open(staging.folder().resolve(format.extension()), options, losses));
                } catch (ExportException | IllegalArgumentException e) {
                    failed = report(progress, err, format.extension() + ": " + Annotate.message(e, false));
                }
            }
            failed |= eachFile(files, chosen, batches, options, progress, out, err);
            List<Path> staged = new ArrayList<>();
            for (Map.Entry<Format, DocumentWriter.Batch> e : batches.entrySet()) {
                try {
                    e.getValue().close();
                    staged.addAll(e.getValue().files());
                } catch (ExportException | RuntimeException x) {
                    failed = report(progress, err, e.getKey().extension() + ": " + Annotate.message(x, false));
                }
            }
            progress.clear();
            if (staging != null) {
                if (!conversion.finish(losses, err)) {
                    return Annotate.FAILED;
                }
                Set<Path> names = new HashSet<>();
                List<Path> unique = new ArrayList<>();
                for (Path file : staged) {
                    // each format wrote into its own subfolder of the staging folder; all land flat in DIR
                    Path flat = staging.folder().resolve(file.getFileName().toString());
                    if (!names.add(flat)) {
                        failed = report(
                                progress,
                                err,
                                file.getFileName() + ": two formats write a file of this name;"
                                        + " export them into different folders");
                        continue;
                    }
                    try {
                        Files.move(file, flat);
                    } catch (IOException x) {
                        throw new ScholionException(file.toString(), "cannot write: " + x.getMessage(), x);
                    }
                    unique.add(flat);
                }
                staging.commit(unique).forEach(out::println);
                out.flush();
            }
        }
        return failed ? Annotate.FAILED : Annotate.OK;
    }

    /** The annotation files named, through the corpus: folders searched recursively, globs expanded. */
    private List<Path> annotationFiles() throws ScholionException {
        Corpus corpus = Corpus.ofPaths(files);
        if (!corpus.problems().isEmpty()) {
            Entry problem = corpus.problems().get(0);
            String prefix = problem.path() + ": ";
            throw new ScholionException(
                    problem.path().toString(),
                    problem.failure().startsWith(prefix)
                            ? problem.failure().substring(prefix.length())
                            : problem.failure());
        }
        return corpus.files();
    }

    /** Exports each file in the publication formats and adds it to the batches; whether any failed. */
    private boolean eachFile(
            List<Path> files,
            Set<Format> chosen,
            Map<Format, DocumentWriter.Batch> batches,
            ExportOptions options,
            Progress progress,
            PrintWriter out,
            PrintWriter err) {
        Map<String, Path> writtenFor = new HashMap<>();
        boolean failed = false;
        int steps = chosen.size() + batches.size();
        for (Path file : files) {
            AnnotatedDocument doc;
            try {
                doc = AnnotationFile.at(file).read();
                checkSelection(doc, file);
            } catch (ScholionException e) {
                failed = report(progress, err, e.getMessage());
                for (int i = 0; i < steps; i++) {
                    progress.done();
                }
                continue;
            }
            Path earlier = writtenFor.putIfAbsent(doc.document().id(), file);
            if (earlier != null) {
                failed = report(
                        progress,
                        err,
                        file + ": has the same document id '" + doc.document().id() + "' as " + earlier
                                + "; its exports would overwrite those (export it into another folder)");
                for (int i = 0; i < steps; i++) {
                    progress.done();
                }
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
                    failed =
                            report(progress, err, file + ": " + format.extension() + ": " + Annotate.message(e, false));
                }
                progress.done();
            }
            for (Map.Entry<Format, DocumentWriter.Batch> e : batches.entrySet()) {
                progress.step(doc.document().id() + " (" + e.getKey().extension() + ")");
                try {
                    e.getValue().write(doc);
                } catch (ExportException | RuntimeException x) {
                    failed = report(
                            progress, err, file + ": " + e.getKey().extension() + ": " + Annotate.message(x, false));
                }
                progress.done();
            }
        }
        return failed;
    }

    /** Writes the files as one bag at the output path (a new folder); nothing is left when it fails. */
    private int writeBag(List<Path> files, ExportOptions options, PrintWriter out, PrintWriter err) {
        BagOptions bagOptions;
        try {
            bagOptions = bag.toOptions(Commands.root(spec).clock());
        } catch (IllegalArgumentException e) {
            throw Commands.usage(spec, "%s", e.getMessage());
        }
        Progress progress = new Progress(err, files.size(), Commands.root(spec).console());
        try {
            ArchiveBag.write(bagInputs(), folder, bagOptions, options, id -> {
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

    /** The files of the bag: a folder or glob stands for its annotation files, as everywhere else. */
    private List<Path> bagInputs() {
        return files.stream().anyMatch(f -> Corpus.namesMany(f.toString()))
                ? Corpus.ofPaths(files).files()
                : files;
    }

    private static boolean report(Progress progress, PrintWriter err, String message) {
        progress.clear();
        err.println("error: " + message);
        err.flush();
        return true;
    }

    /**
     * The corpus files and what they replace: with a folder or a glob (or --one-file, unless
     * --per-document), CSV is one corpus.csv instead of a file per document, and JSON-LD gains
     * corpus.jsonld beside each document's collection. Removes CSV from {@code chosen} when it is one file.
     */
    private List<CorpusWriter> corpusFiles(Set<Format> chosen, ExportOptions options) throws ExportException {
        if (oneFile && perDocument) {
            throw Commands.usage(spec, "--one-file and --per-document exclude each other");
        }
        if (perPage < 1) {
            throw Commands.usage(spec, "--per-page must be at least 1, not %d", perPage);
        }
        boolean whole = !perDocument && (oneFile || files.stream().anyMatch(f -> Corpus.namesMany(f.toString())));
        List<CorpusWriter> writers = new ArrayList<>();
        if (!whole) {
            return writers;
        }
        if (chosen.remove(Format.CSV)) {
            writers.add(CorpusCsv.open(folder, CORPUS, options));
        }
        if (chosen.contains(Format.JSONLD)) {
            Path name = folder.toAbsolutePath().normalize().getFileName();
            String label = name == null ? CORPUS : name.toString();
            writers.add(CorpusJsonLd.open(
                    folder,
                    CORPUS,
                    "urn:scholion:corpus:"
                            + URLEncoder.encode(label, StandardCharsets.UTF_8).replace("+", "%20"),
                    label,
                    options,
                    perPage));
        }
        return writers;
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
                throw new ScholionException(
                        file.toString(),
                        "has no label set '" + set + "' (it has "
                                + String.join(
                                        ", ",
                                        doc.labelSets().stream()
                                                .map(s -> s.name())
                                                .toList()) + ")");
            }
        }
        for (String label : labels) {
            if (doc.label(label).isEmpty()) {
                throw new ScholionException(
                        file.toString(),
                        "unknown label '" + label + "' (the file has " + Commands.labelNames(doc) + ")");
            }
        }
    }
}
