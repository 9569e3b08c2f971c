package org.scholion.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.scholion.cli.tui.Tui;
import org.scholion.core.ScholionException;
import org.scholion.core.corpus.Corpus;
import org.scholion.core.store.AnnotationFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Label spans of an annotation file, or of the documents of a corpus, interactively in the
 * terminal, every change saved at once.
 */
@Command(
        name = "tui",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = {
            "Label spans interactively in the terminal; every change is saved at once.",
            "Given a folder or a glob, a list of its documents comes first (status, span count, title; / filters, "
                    + "Enter opens); in a document N and P open the next and previous one, D marks it done and O "
                    + "goes back to the list.",
            "Press ? inside for every key; see docs/tui.md."
        })
public final class TuiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "FILE|DIR",
            description =
                    "The annotation file (*.scholion.json), " + "or a folder (searched recursively) or glob of them.")
    String target;

    @Mixin
    AnnotatorOption annotator;

    @Option(names = "--label-set", paramLabel = "NAME", description = "The label set to start with.")
    String labelSet;

    /** Opens the terminal to draw on. */
    interface Terminals {
        Terminal open() throws IOException;
    }

    private final Terminals terminals;
    private final BooleanSupplier interactive;

    /** The command as run from a shell: the system terminal, when standard input and output are one. */
    public TuiCommand() {
        this(
                () -> TerminalBuilder.builder()
                        .system(true)
                        .dumb(true)
                        .name("annotate")
                        .build(),
                () -> System.console() != null);
    }

    /** For tests: another terminal, and whether to take it as interactive. */
    TuiCommand(Terminals terminals, BooleanSupplier interactive) {
        this.terminals = terminals;
        this.interactive = interactive;
    }

    @Option(
            names = "--no-color",
            description = "Draw spans with brackets and underlines instead of colours "
                    + "(also when NO_COLOR is set or the terminal is dumb).")
    boolean noColor;

    /** Runs {@code tui} on its own: {@code java ... org.scholion.cli.TuiCommand FILE|DIR [--debug]}. */
    public static void main(String[] args) {
        System.exit(standalone().execute(args));
    }

    /** The command without the root command, with the root's --debug option and error handling. */
    public static CommandLine standalone() {
        CommandLine cli = new CommandLine(new TuiCommand());
        cli.getCommandSpec()
                .addOption(CommandLine.Model.OptionSpec.builder("--debug")
                        .type(boolean.class)
                        .description("Print stack traces of errors.")
                        .build());
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        return Annotate.configure(cli);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (Corpus.namesMany(target)) {
            return corpus(err);
        }
        AnnotationFile annotations = AnnotationFile.at(Path.of(target));
        try {
            annotations.read(); // a bad file is reported before the screen is taken over
        } catch (ScholionException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        if (!interactive.getAsBoolean()) {
            err.println("error: annotate tui needs an interactive terminal (standard input and output are not one)");
            return 1;
        }
        return inTerminal(
                err,
                terminal -> Tui.run(
                        terminal,
                        annotations,
                        new Tui.Options(
                                defaultAnnotator(annotator.resolve()), labelSet, noColor ? Boolean.FALSE : null),
                        Commands.seconds()));
    }

    /** {@code annotate tui DIR}: the document list of the corpus, then the documents chosen. */
    private int corpus(PrintWriter err) {
        Corpus corpus = Corpus.of(List.of(target));
        if (corpus.files().isEmpty()) {
            corpus.problems().forEach(p -> err.println("error: " + p.failure()));
            return 1;
        }
        if (!interactive.getAsBoolean()) {
            err.println("error: annotate tui needs an interactive terminal (standard input and output are not one)");
            return 1;
        }
        Path root = Files.isDirectory(Path.of(target)) ? Path.of(target) : null;
        return inTerminal(
                err,
                terminal -> Tui.run(
                        terminal,
                        corpus,
                        root,
                        new Tui.Options(
                                defaultAnnotator(annotator.resolve()), labelSet, noColor ? Boolean.FALSE : null),
                        Commands.seconds()));
    }

    /** What runs on the terminal. */
    private interface OnTerminal {
        int run(Terminal terminal) throws ScholionException, IOException;
    }

    private int inTerminal(PrintWriter err, OnTerminal work) {
        // an unexpected exception (a bug) goes on to the root command's handler, which prints one
        // line, or the stack trace with --debug; Tui.run's finally and the close restore the terminal first
        try (Terminal terminal = terminals.open()) {
            if (terminal.getType() == null || terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
                // JLine reads a dumb terminal line by line and cannot move its cursor: no screen to draw on
                err.println("error: annotate tui needs a terminal that can move the cursor, and TERM="
                        + terminal.getType() + " cannot (for no colours use --no-color or NO_COLOR=1)");
                return 1;
            }
            return work.run(terminal);
        } catch (ScholionException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("error: terminal: " + e.getMessage());
            return 1;
        }
    }

    /** The resolved annotator, else "unknown": new spans always name someone. */
    static String defaultAnnotator(String resolved) {
        return resolved == null ? "unknown" : resolved;
    }
}
