package org.scholion.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.scholion.cli.tui.Suggestions;
import org.scholion.core.ScholionException;
import org.scholion.core.store.AnnotationFile;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Add suggested spans of one label wherever a pattern or a term from a list matches. */
@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = {"Add suggested spans of one label wherever a regular expression or a term matches.",
                "Suggestions stay out of exports until accepted (a / A in annotate tui)."})
public final class SuggestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The annotation file (*.scholion.json).")
    Path file;

    @Option(names = "--label", required = true, paramLabel = "LABEL", description = "The label of the suggestions.")
    String label;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--pattern", paramLabel = "REGEX", required = true,
                description = "A Java regular expression; every match becomes a suggestion.")
        String pattern;

        @Option(names = "--terms", paramLabel = "FILE", required = true,
                description = "A UTF-8 file with one term per line, matched as whole words, longest first.")
        Path terms;
    }

    @Option(names = {"-i", "--ignore-case"}, description = "Match regardless of case.")
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
        out.printf(Locale.ROOT, "added %d suggestion%s of %s to %s%s%n", result[0].added(),
                result[0].added() == 1 ? "" : "s", label, file,
                result[0].duplicates() == 0 ? "" : " (" + result[0].duplicates() + " already there)");
        out.flush();
        return 0;
    }

    private Pattern pattern() throws ScholionException {
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        if (source.pattern != null) {
            try {
                return Pattern.compile(source.pattern, flags);
            } catch (PatternSyntaxException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                        "--pattern: %s at index %d of '%s'", e.getDescription(), e.getIndex(), source.pattern));
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
