package org.scholion.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Small helpers that several commands share. */
final class Commands {
    private Commands() {}

    static Annotate root(CommandSpec spec) {
        return (Annotate) spec.root().userObject();
    }

    static ParameterException usage(CommandSpec spec, String format, Object... args) {
        return new ParameterException(spec.commandLine(), String.format(Locale.ROOT, format, args));
    }

    /** Now, in whole seconds: the one precision of the times in annotation files. */
    static Instant now(CommandSpec spec) {
        Clock clock = spec.root().userObject() instanceof Annotate root ? root.clock() : Clock.systemUTC();
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The system clock in whole seconds, for the terminal annotator's times. */
    static Clock seconds() {
        return Clock.tick(Clock.systemUTC(), Duration.ofSeconds(1));
    }

    /** The label of this name, or a refusal that lists the labels the document has. */
    static Label label(AnnotatedDocument doc, String name) {
        return doc.label(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        String.format(Locale.ROOT, "unknown label '%s' (the file has %s)", name, labelNames(doc))));
    }

    static String labelNames(AnnotatedDocument doc) {
        if (doc.labels().isEmpty()) {
            return "no labels; add one with 'annotate labels FILE add NAME --color #RRGGBB'";
        }
        StringBuilder b = new StringBuilder();
        for (Label l : doc.labels()) {
            b.append(b.length() == 0 ? "" : ", ").append(l.name());
        }
        return b.toString();
    }

    /** A pretty-printing JSON writer on {@code out} that does not close it. */
    static JsonGenerator json(PrintWriter out) throws IOException {
        JsonFactory factory = new JsonFactory();
        factory.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        JsonGenerator g = factory.createGenerator(out);
        g.useDefaultPrettyPrinter();
        return g;
    }

    /** Prints {@code error: message} on its own line (clearing the progress bar first); returns true, for "failed". */
    static boolean report(Progress progress, PrintWriter err, String message) {
        progress.clear();
        err.println("error: " + message);
        err.flush();
        return true;
    }

    /** Warns on {@code err} when a span cuts a grapheme cluster (a letter from its combining mark, an emoji sequence). */
    static void warnIfSplitsGrapheme(PrintWriter err, Path file, AnnotatedDocument doc, Span span) {
        CodePointText text = doc.text();
        for (int at : new int[] {span.start(), span.end()}) {
            if (at <= text.length() && !text.isGraphemeBoundary(at)) {
                err.printf(
                        Locale.ROOT,
                        "warning: %s: span %s (%d:%d) splits a grapheme cluster at %d%n",
                        file,
                        span.id(),
                        span.start(),
                        span.end(),
                        at);
            }
        }
    }
}
