package org.scholion.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.scholion.cli.tui.Suggestions;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.store.AnnotationFile;
import org.scholion.export.Format;
import org.scholion.export.interchange.LossReport;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Add suggested spans of one label wherever a pattern or a term from a list matches, or a model's spans from a file. */
@Command(
        name = "suggest",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = {
            "Add suggested spans of one label wherever a regular expression or a term matches, or take a model's spans from a file in an interchange format as suggestions.",
            "With --from, the document in PREDICTIONS that has FILE's text (else FILE's document id) gives its spans; spans already in FILE (same range and label) are not added twice, and --min-score keeps only spans whose score (Label Studio predictions, Prodigy spans) is at least the given one.",
            "Suggestions stay out of exports until accepted (a / A in annotate tui)."
        },
        footer = {
            "  annotate suggest article.scholion.json --label Person --terms people.txt",
            "  annotate suggest article.scholion.json --from predictions.json --min-score 0.8",
            "  annotate suggest article.scholion.json --from model.jsonl --format prodigy --label ORG"
        })
public final class SuggestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The annotation file (*.scholion.json).")
    Path file;

    @Option(
            names = "--label",
            paramLabel = "LABEL",
            description = "The label of the suggestions; with --from, take only spans of this label.")
    String label;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(
                names = "--pattern",
                paramLabel = "REGEX",
                required = true,
                description = "A Java regular expression; every match becomes a suggestion.")
        String pattern;

        @Option(
                names = "--terms",
                paramLabel = "FILE",
                required = true,
                description = "A UTF-8 file with one term per line, matched as whole words, longest first.")
        Path terms;

        @Option(
                names = "--from",
                paramLabel = "PREDICTIONS",
                required = true,
                description =
                        "A file in an interchange format (doccano, labelstudio, prodigy, brat, conll, webanno, ptc) or JSON-LD whose spans become suggestions.")
        Path from;
    }

    @Option(
            names = "--format",
            paramLabel = "FMT",
            description = "The format of PREDICTIONS when its name and content do not say.")
    String format;

    @Option(
            names = "--min-score",
            paramLabel = "X",
            description = "With --from: only spans with a score of at least X (spans without a score are taken).")
    Double minScore;

    @Option(
            names = {"-i", "--ignore-case"},
            description = "Match regardless of case.")
    boolean ignoreCase;

    @Mixin
    AnnotatorOption annotator;

    /** Runs {@code suggest} on its own. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new SuggestCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (source.from != null) {
            return fromPredictions(out, err);
        }
        if (label == null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--label is required with --pattern or --terms");
        }
        if (format != null || minScore != null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), (format != null ? "--format" : "--min-score") + " goes with --from");
        }
        Pattern pattern;
        try {
            pattern = pattern();
        } catch (ScholionException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        String who = TuiCommand.defaultAnnotator(annotator.resolve());
        Instant now = Commands.now(spec);
        Suggestions.Result[] result = new Suggestions.Result[1];
        AnnotationFile annotations = AnnotationFile.at(file);
        try {
            annotations.update("suggest " + label, doc -> {
                result[0] = Suggestions.add(doc, label, pattern, who, now);
                return result[0].document();
            });
        } catch (ScholionException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        out.printf(
                Locale.ROOT,
                "added %d suggestion%s of %s to %s%s%n",
                result[0].added(),
                result[0].added() == 1 ? "" : "s",
                label,
                file,
                result[0].duplicates() == 0 ? "" : " (" + result[0].duplicates() + " already there)");
        out.flush();
        return 0;
    }

    private int fromPredictions(PrintWriter out, PrintWriter err) {
        Format predictionFormat;
        try {
            predictionFormat = Predictions.format(source.from, format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (minScore != null && !Double.isFinite(minScore)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--min-score must be a number");
        }
        String who = TuiCommand.defaultAnnotator(annotator.resolve());
        Instant now = Instant.now();
        AnnotationFile annotations = AnnotationFile.at(file);
        LossReport losses = new LossReport();
        Predictions.Result[] result = new Predictions.Result[1];
        try {
            AnnotatedDocument target = annotations.read();
            Predictions.Found found = Predictions.find(source.from, predictionFormat, target, losses);
            annotations.update("suggest from " + source.from.getFileName(), doc -> {
                result[0] = Predictions.add(doc, found, label, minScore == null ? Double.NaN : minScore, who, now);
                return result[0].document();
            });
        } catch (ScholionException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        Predictions.Result r = result[0];
        losses.summary().forEach(line -> err.println("note: " + line));
        List<String> skipped = new ArrayList<>();
        if (r.duplicates() > 0) {
            skipped.add(r.duplicates() + " already there");
        }
        if (r.lowScore() > 0) {
            skipped.add(r.lowScore() + " below --min-score");
        }
        if (r.otherText() > 0) {
            skipped.add(r.otherText() + " over text that differs");
        }
        if (r.unscored() > 0) {
            skipped.add(r.unscored() + " without a score taken");
        }
        if (r.relations() > 0) {
            skipped.add(r.relations() + " relation" + (r.relations() == 1 ? "" : "s") + " not taken");
        }
        out.printf(
                Locale.ROOT,
                "added %d suggestion%s to %s from %s%s%n",
                r.added(),
                r.added() == 1 ? "" : "s",
                file,
                source.from,
                skipped.isEmpty() ? "" : " (" + String.join(", ", skipped) + ")");
        out.flush();
        return 0;
    }

    private Pattern pattern() throws ScholionException {
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        if (source.pattern != null) {
            try {
                return Pattern.compile(source.pattern, flags);
            } catch (PatternSyntaxException e) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        String.format(
                                Locale.ROOT,
                                "--pattern: %s at index %d of '%s'",
                                e.getDescription(),
                                e.getIndex(),
                                source.pattern));
            }
        }
        String content;
        try {
            content = Files.readString(source.terms, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScholionException(source.terms.toString(), "no such file");
        } catch (IOException e) {
            throw new ScholionException(source.terms.toString(), "cannot read: " + e.getMessage(), e);
        }
        try {
            return Suggestions.termsPattern(Suggestions.parseTerms(content), ignoreCase);
        } catch (IllegalArgumentException e) {
            throw new ScholionException(source.terms.toString(), "holds no terms (one per line)");
        }
    }
}
