package org.scholion.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.scholion.cli.tui.Tui;
import org.scholion.core.ScholionException;
import org.scholion.core.store.AnnotationFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Label spans of an annotation file interactively in the terminal, every change saved at once. */
@Command(name = "tui", mixinStandardHelpOptions = true,
        description = {"Label spans interactively in the terminal; every change is saved at once.",
                "Press ? inside for every key; see docs/tui.md."})
public final class TuiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The annotation file (*.scholion.json).")
    Path file;

    @Mixin
    AnnotatorOption annotator;

    @Option(names = "--label-set", paramLabel = "NAME", description = "The label set to start with.")
    String labelSet;

    @Option(names = "--no-color", description = "Draw spans with brackets and underlines instead of colours "
            + "(also when NO_COLOR is set or the terminal is dumb).")
    boolean noColor;

    /** Runs {@code tui} on its own: {@code java ... org.scholion.cli.TuiCommand FILE}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new TuiCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        AnnotationFile annotations = AnnotationFile.at(file);
        try {
            annotations.read(); // a bad file is reported before the screen is taken over
        } catch (ScholionException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        if (System.console() == null) {
            err.println("error: annotate tui needs an interactive terminal (standard input and output are not one)");
            return 1;
        }
        String who = defaultAnnotator(annotator.resolve());
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).name("annotate").build()) {
            if (terminal.getType() == null || terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
                // JLine reads a dumb terminal line by line and cannot move its cursor: no screen to draw on
                err.println("error: annotate tui needs a terminal that can move the cursor, and TERM="
                        + terminal.getType() + " cannot (for no colours use --no-color or NO_COLOR=1)");
                return 1;
            }
            return Tui.run(terminal, annotations, new Tui.Options(who, labelSet, noColor ? Boolean.FALSE : null),
                    Commands.seconds());
        } catch (ScholionException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("error: terminal: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // the terminal is restored by now; a bug still gets one line, not a stack trace
            err.println("error: the annotator stopped unexpectedly: " + e);
            return 1;
        }
    }

    /** The resolved annotator, else "unknown": new spans always name someone. */
    static String defaultAnnotator(String resolved) {
        return resolved == null ? "unknown" : resolved;
    }
}
