package org.scholion.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.scholion.core.ScholionException;
import org.scholion.core.model.LabelSet;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.store.Snapshot;
import org.scholion.export.Format;
import org.scholion.export.interchange.DocumentReader;
import org.scholion.export.interchange.ForeignLabels;
import org.scholion.export.interchange.Interchange;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;
import org.scholion.export.jsonld.JsonLdImporter;
import org.scholion.seeds.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code annotate import}: makes annotation files from the files of other annotation tools, or reads
 * a W3C Web Annotation collection (JSON-LD) back into an existing annotation file.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        sortOptions = false,
        description = {
            "Make annotation files (text included) from the files of other annotation tools: brat, CoNLL, doccano, Label Studio, Prodigy, WebAnno TSV and the propaganda techniques corpus (PTC). Writes DIR/<document-id>.scholion.json for each document and prints each path.",
            "The format is told from the files' names and content where that is unambiguous; otherwise give --format. A folder stands for the files in it. Labels go onto the label sets given with --labels where their names match (PTC maps onto the built-in propaganda set by default); the others go into a label set named after the source.",
            "What cannot be carried over is counted on stderr, one line per kind (details with --report FILE); --strict refuses to write anything then. A file that is not valid stops the import (exit 1) and writes nothing.",
            "A W3C Web Annotation collection (JSON-LD, as written by 'annotate export --format jsonld') has no text: it is read into an existing annotation file (--into, default <stem>.scholion.json here), replacing its spans and relations as one change ('annotate undo' restores them)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  annotate import corpus/brat/ -o work/                 # every .ann/.txt pair",
            "  annotate import datasets/train-articles \\",
            "      datasets/train-labels-task-flc-tc --format ptc -o work/",
            "  annotate import article.ann --into article.scholion.json \\",
            "      --labels entities --strict",
            "  annotate import out/article.jsonld --into article.scholion.json"
        })
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "1..*",
            paramLabel = "SOURCE",
            description =
                    "Files or folders of another tool (a pair such as brat's .txt and .ann may be named by either file).")
    List<Path> sources;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            description =
                    "brat, conll, doccano, labelstudio, prodigy, webanno, ptc or jsonld (default: told from the files).")
    String format;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            description =
                    "The folder to write the annotation files into, created if missing (default: the current folder).")
    Path folder;

    @Option(
            names = "--into",
            paramLabel = "FILE",
            description =
                    "The annotation file to write, for a source of one document; for JSON-LD, the existing file to import into (default: <stem>.scholion.json here).")
    Path into;

    @Option(
            names = "--labels",
            paramLabel = "SET",
            description =
                    "A built-in label set (propaganda, entities, sourcing) or label-set file to map labels onto; repeatable.")
    List<String> labelSets = new ArrayList<>();

    @Option(names = "--force", description = "Overwrite annotation files that exist.")
    boolean force;

    @Mixin
    ConversionOptions conversion;

    @Override
    public Integer call() throws ScholionException {
        if (into != null && folder != null) {
            throw Commands.usage(spec, "give -o DIR or --into FILE, not both");
        }
        for (Path source : sources) {
            if (!Files.exists(source)) {
                throw new ScholionException(source.toString(), "no such file");
            }
        }
        Format chosen = format != null ? named(format) : detected();
        if (chosen == Format.JSONLD) {
            if (sources.size() != 1 || Files.isDirectory(sources.get(0))) {
                throw Commands.usage(
                        spec, "a JSON-LD collection is imported one file at a time, into an existing annotation file");
            }
            return jsonLd(sources.get(0));
        }
        return foreign(chosen);
    }

    private Format named(String name) {
        Format f;
        try {
            f = Format.fromName(name.strip());
        } catch (IllegalArgumentException e) {
            throw Commands.usage(spec, "%s", e.getMessage());
        }
        if (f != Format.JSONLD && f.kind() != Format.Kind.INTERCHANGE) {
            throw Commands.usage(
                    spec, "%s is written by 'annotate export', not read: import reads %s", name, readable());
        }
        return f;
    }

    private static String readable() {
        return Arrays.stream(Format.values())
                .filter(f -> f == Format.JSONLD || f.kind() == Format.Kind.INTERCHANGE)
                .map(Format::extension)
                .collect(Collectors.joining(", "));
    }

    /** The one format every source file is in, or a usage error that asks for --format. */
    private Format detected() throws ScholionException {
        Set<Format> found = EnumSet.noneOf(Format.class);
        for (Path source : sources) {
            List<Path> files = Files.isDirectory(source) ? list(source) : List.of(source);
            boolean any = false;
            for (Path file : files) {
                Optional<Format> f = Interchange.detect(file);
                if (f.isPresent()) {
                    found.add(f.get());
                    any = true;
                } else if (!Files.isDirectory(source)) {
                    throw Commands.usage(
                            spec,
                            "cannot tell the format of %s from its name and content; give --format (%s)",
                            source,
                            readable());
                }
            }
            if (!any) {
                throw Commands.usage(
                        spec, "found no file of a known format in %s; give --format (%s)", source, readable());
            }
        }
        if (found.size() > 1) {
            throw Commands.usage(
                    spec,
                    "the sources are in several formats (%s); import each format on its own, or give --format",
                    found.stream().map(Format::extension).collect(Collectors.joining(", ")));
        }
        return found.iterator().next();
    }

    static List<Path> list(Path folder) throws ScholionException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, Files::isRegularFile)) {
            entries.forEach(files::add);
        } catch (IOException e) {
            throw new ScholionException(folder.toString(), "cannot list: " + e.getMessage(), e);
        }
        files.removeIf(f -> f.getFileName().toString().startsWith("."));
        files.sort(null);
        return files;
    }

    private int foreign(Format chosen) throws ScholionException {
        DocumentReader reader;
        try {
            reader = Interchange.reader(chosen);
        } catch (IllegalArgumentException e) {
            throw Commands.usage(spec, "%s", e.getMessage());
        }
        Set<Path> primaries = new LinkedHashSet<>();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                for (Path file : list(source)) {
                    if (Interchange.detect(file).map(f -> f == chosen).orElse(false)) {
                        primaries.add(reader.primary(file));
                    }
                }
            } else {
                primaries.add(reader.primary(source));
            }
        }
        if (primaries.isEmpty()) {
            throw new ScholionException(sources.get(0).toString(), "holds no " + chosen.extension() + " files");
        }
        List<LabelSet> sets = new ArrayList<>();
        for (String name : labelSets) {
            sets.add(Seeds.labelSetOrFile(name));
        }
        if (sets.isEmpty() && chosen == Format.PTC) {
            sets.add(Seeds.labelSet("propaganda").orElseThrow());
        }
        Path first = sources.get(0).toAbsolutePath().normalize();
        String setName = ForeignLabels.setNameFor(
                first.getFileName() == null ? "imported" : first.getFileName().toString());
        ReadOptions options = new ReadOptions(sets, setName, null);
        LossReport losses = new LossReport();
        Path outFolder = into != null ? parentOf(into) : folder != null ? folder : Path.of(".");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Staging staging = Staging.in(outFolder)) {
            Map<Path, Path> staged = new LinkedHashMap<>();
            Map<Path, String> from = new HashMap<>();
            for (Path source : primaries) {
                reader.read(source, options, losses, doc -> {
                    if (into != null && !staged.isEmpty()) {
                        throw new ScholionException(
                                source.toString(),
                                "holds more than one document, and --into names" + " one file (use -o DIR)");
                    }
                    Path target = into != null
                            ? into
                            : outFolder.resolve(doc.document().id() + ".scholion.json");
                    Path temp = staging.folder().resolve(target.getFileName().toString());
                    if (staged.containsKey(temp)) {
                        throw new ScholionException(
                                source.toString(),
                                "document " + doc.document().id() + " is also in " + from.get(temp)
                                        + ": both would be written to " + target);
                    }
                    if (!force && Files.exists(target)) {
                        throw new ScholionException(target.toString(), "already exists (use --force to overwrite it)");
                    }
                    AnnotationFile.at(temp).create(doc, false);
                    staged.put(temp, target);
                    from.put(temp, source.toString());
                });
            }
            if (!conversion.finish(losses, err)) {
                return Annotate.FAILED;
            }
            staging.commit(new ArrayList<>(staged.keySet()));
            staged.values().forEach(out::println);
            out.flush();
        }
        return Annotate.OK;
    }

    private static Path parentOf(Path file) {
        Path parent = file.getParent();
        return parent == null ? Path.of(".") : parent;
    }

    private int jsonLd(Path collection) throws ScholionException {
        Path target = into != null ? into : defaultTarget(collection);
        AnnotationFile file = AnnotationFile.at(target);
        if (!file.exists()) {
            throw new ScholionException(
                    target.toString(),
                    "no such annotation file to import into" + (into == null ? " (name one with --into FILE)" : ""));
        }
        if (!Files.isRegularFile(collection)) {
            throw new ScholionException(
                    collection.toString(), Files.exists(collection) ? "is not a file" : "no such file");
        }
        List<JsonLdImporter.Problem> problems = new ArrayList<>();
        LossReport losses = new LossReport();
        PrintWriter err = spec.commandLine().getErr();
        Snapshot after = file.update("import " + collection.getFileName(), doc -> {
            JsonLdImporter.Result result = JsonLdImporter.read(collection, doc.document(), doc.labelSets());
            problems.clear();
            problems.addAll(result.problems());
            if (conversion.strict && !result.problems().isEmpty()) {
                for (JsonLdImporter.Problem problem : result.problems()) {
                    err.println("warning: " + collection + ": " + Escapes.visible(problem.toString(), false));
                }
                throw new ScholionException(
                        collection.toString(),
                        "--strict: nothing imported, since "
                                + LsCommand.plural(result.problems().size(), "annotation")
                                + " could not be placed as they are");
            }
            return result.document();
        });
        long skipped = 0;
        for (JsonLdImporter.Problem problem : problems) {
            err.println("warning: " + collection + ": " + Escapes.visible(problem.toString(), false));
            skipped += problem.severity() == JsonLdImporter.Severity.SKIPPED ? 1 : 0;
            losses.add(
                    "jsonld",
                    collection.toString(),
                    0,
                    problem.severity() == JsonLdImporter.Severity.SKIPPED
                            ? "annotations skipped"
                            : "annotations imported with a caveat",
                    problem.toString());
        }
        err.flush();
        if (conversion.report != null) {
            conversion.finish(losses, new PrintWriter(java.io.Writer.nullWriter()));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "%s: %s, %s%s%n",
                target,
                LsCommand.plural(after.document().spans().size(), "span"),
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
