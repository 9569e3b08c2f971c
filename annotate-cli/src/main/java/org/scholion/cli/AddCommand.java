package org.scholion.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.store.Snapshot;
import org.scholion.core.text.CodePointText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate add}: labels a span given by its offsets or by the text it covers. */
@Command(
        name = "add",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = {"Add spans to an annotation file.", "Prints the id of each new span on its own line."},
        customSynopsis = {
            "annotate add FILE --label L (--at START:END | --text EXACT",
            "                    [--nth N | --all]) [--note NOTE]",
            "                    [--attr NAME=VALUE]... [--link IRI|PREFIX:ID]..."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  annotate add article.scholion.json --label PERSON --at 31:48",
            "  annotate add article.scholion.json --label PERSON --text 'Emmanuel Macron' \\",
            "      --all",
            "  annotate add article.scholion.json --label Loaded_Language --text evil \\",
            "      --nth 2 --note 'twice'",
            "  annotate add article.scholion.json --label PERSON --at 31:48 \\",
            "      --attr certainty=low --link wikidata:Q3052772",
            "",
            "Offsets are Unicode code points, [START, END). With --text, the text must occur once, "
                    + "or you choose with --nth (1 is the first) or take every occurrence with --all; with --all, an occurrence that already has a span of the label is skipped and named on stderr. A span of the same offsets and label as an existing one is refused."
        })
final class AddCommand implements Callable<Integer> {
    /** At most this many places are listed when --text is ambiguous. */
    private static final int LISTED = 20;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The annotation file (*.scholion.json).")
    Path file;

    @Option(
            names = {"-l", "--label"},
            required = true,
            paramLabel = "L",
            description = "The label of the new spans.")
    String label;

    @Option(
            names = "--at",
            paramLabel = "START:END",
            converter = Range.Converter.class,
            description = "Code-point offsets of the span, [START, END).")
    Range at;

    @Option(
            names = {"-t", "--text"},
            paramLabel = "EXACT",
            description = "The exact text the span covers.")
    String text;

    @Option(names = "--nth", paramLabel = "N", description = "With --text: take the N-th occurrence (1 is the first).")
    Integer nth;

    @Option(names = "--all", description = "With --text: label every occurrence.")
    boolean all;

    @Option(
            names = {"-n", "--note"},
            paramLabel = "NOTE",
            description = "A note on the new spans.")
    String note;

    @Mixin
    SpanDetails details;

    @Mixin
    AnnotatorOption annotator;

    @Override
    public Integer call() throws ScholionException {
        if ((at == null) == (text == null)) {
            throw Commands.usage(spec, "give exactly one of --at START:END and --text EXACT");
        }
        if (at != null && (nth != null || all)) {
            throw Commands.usage(spec, "--nth and --all go with --text, not with --at");
        }
        if (nth != null && all) {
            throw Commands.usage(spec, "give --nth N or --all, not both");
        }
        if (nth != null && nth < 1) {
            throw Commands.usage(spec, "--nth must be 1 or more, not %d", nth);
        }
        if (text != null && text.isEmpty()) {
            throw Commands.usage(spec, "--text must not be empty");
        }
        details.check();
        String who = annotator.resolve();
        Instant created = Commands.now(spec);
        List<Span> added = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Snapshot after = AnnotationFile.at(file).update(summary(), doc -> {
            added.clear();
            skipped.clear();
            Commands.label(doc, label);
            AnnotatedDocument result = doc;
            for (Range range : ranges(doc)) {
                Span span = details.apply(
                        new Span(result.nextSpanId(), range.start(), range.end(), label, note, who, created, false));
                Optional<Span> same = all ? sameAs(result, span) : Optional.empty();
                if (same.isPresent()) {
                    skipped.add(String.format(
                            Locale.ROOT,
                            "span %s already labels %d:%d as %s: skipped",
                            same.get().id(),
                            span.start(),
                            span.end(),
                            label));
                    continue;
                }
                result = result.withSpan(span);
                added.add(span);
            }
            return result;
        });
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        skipped.forEach(line -> err.println("warning: " + file + ": " + line));
        for (Span span : added) {
            out.println(span.id());
        }
        out.flush();
        for (Span span : added) {
            Commands.warnIfSplitsGrapheme(err, file, after.document(), span);
        }
        return Annotate.OK;
    }

    private static Optional<Span> sameAs(AnnotatedDocument doc, Span span) {
        return doc.spans().stream()
                .filter(s -> s.start() == span.start()
                        && s.end() == span.end()
                        && s.label().equals(span.label()))
                .findFirst();
    }

    private String summary() {
        return "add " + label + " " + (at != null ? at.toString() : "'" + text + "'");
    }

    private List<Range> ranges(AnnotatedDocument doc) {
        if (at != null) {
            return List.of(at);
        }
        List<Range> found = occurrences(doc.text(), text);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("'" + Escapes.visible(text, false) + "' does not occur in the text");
        }
        if (all) {
            return found;
        }
        if (nth != null) {
            if (nth > found.size()) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "'%s' occurs %d time%s, not %d",
                        Escapes.visible(text, false),
                        found.size(),
                        found.size() == 1 ? "" : "s",
                        nth));
            }
            return List.of(found.get(nth - 1));
        }
        if (found.size() > 1) {
            StringBuilder where = new StringBuilder();
            for (int i = 0; i < Math.min(LISTED, found.size()); i++) {
                where.append(i == 0 ? "" : ", ").append(found.get(i));
            }
            if (found.size() > LISTED) {
                where.append(" and ").append(found.size() - LISTED).append(" more");
            }
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "'%s' occurs %d times, at %s; choose one with --nth N or take all with --all",
                    Escapes.visible(text, false),
                    found.size(),
                    where));
        }
        return found;
    }

    /** Non-overlapping occurrences of {@code exact}, as code-point ranges. */
    static List<Range> occurrences(CodePointText text, String exact) {
        List<Range> found = new ArrayList<>();
        String s = text.string();
        int length = exact.codePointCount(0, exact.length());
        for (int i = s.indexOf(exact); i >= 0; i = s.indexOf(exact, i + exact.length())) {
            if (Character.isLowSurrogate(s.charAt(i)) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) {
                continue; // starts inside a surrogate pair: not a match of whole characters
            }
            int start = text.toCodePointIndex(i);
            found.add(new Range(start, start + length));
        }
        return found;
    }
}
