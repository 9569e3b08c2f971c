package org.scholion.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.text.Visible;
import org.scholion.export.ExportException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code annotate} command: label spans of text and export the result from a terminal or a script. */
@Command(
        name = "annotate",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        versionProvider = Annotate.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Label spans of text and publish the result. Offsets are Unicode code points, [start, end).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  annotate new article.html --labels entities",
            "  annotate add article.scholion.json --label PERSON --text 'Emmanuel Macron'",
            "  annotate export article.scholion.json --format all -o out/",
            "",
            "Exit codes: 0 success, 1 bad data or I/O error, 2 wrong usage.",
            "Run 'annotate COMMAND --help' for the options of a command."
        })
public final class Annotate implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    /**
     * The subcommands in the order of the help. They are registered by {@link #commandLine}, only
     * the one being run when that is clear: picocli reads every registered command's annotations
     * up front, and a terminal user should not wait for the others.
     */
    private static final List<String> SUBCOMMANDS = List.of(
            "new",
            "add",
            "rm",
            "edit",
            "undo",
            "redo",
            "relate",
            "ls",
            "show",
            "labels",
            "stats",
            "status",
            "find",
            "export",
            "import",
            "verify",
            "view",
            "tui",
            "suggest",
            "agree",
            "diff",
            "merge",
            "accept",
            "reject",
            "git-setup",
            "merge-driver",
            "upgrade",
            "completion");

    /** A new subcommand: a switch, not a table of constructor references, so no other command's class is loaded. */
    private static Object subcommand(String name) {
        return switch (name) {
            case "new" -> new NewCommand();
            case "add" -> new AddCommand();
            case "rm" -> new RmCommand();
            case "edit" -> new EditCommand();
            case "undo" -> new UndoCommand();
            case "redo" -> new RedoCommand();
            case "relate" -> new RelateCommand();
            case "ls" -> new LsCommand();
            case "show" -> new ShowCommand();
            case "labels" -> new LabelsCommand();
            case "stats" -> new StatsCommand();
            case "status" -> new StatusCommand();
            case "find" -> new FindCommand();
            case "export" -> new ExportCommand();
            case "import" -> new ImportCommand();
            case "verify" -> new VerifyCommand();
            case "view" -> new ViewCommand();
            case "tui" -> new TuiCommand();
            case "suggest" -> new SuggestCommand();
            case "agree" -> new AgreeCommand();
            case "diff" -> new DiffCommand();
            case "merge" -> new MergeCommand();
            case "accept" -> new AcceptCommand();
            case "reject" -> new RejectCommand();
            case "git-setup" -> new GitSetupCommand();
            case "merge-driver" -> new MergeDriverCommand();
            case "upgrade" -> new UpgradeCommand();
            case "completion" -> new CompletionCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    private final Map<String, String> env;
    private final Clock clock;
    private final boolean console;

    /** The command as run from a shell: the process environment, the system clock and its console. */
    public Annotate() {
        this(System.getenv(), Clock.systemUTC(), System.console() != null);
    }

    Annotate(Map<String, String> env, Clock clock, boolean console) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.clock = clock;
        this.console = console;
    }

    public static void main(String[] args) {
        // picocli's default factory looks for Groovy's Closure class once; the miss makes the class
        // loader open and index every jar of lib/ (about 60, POI's schemas among them) on every start
        System.setProperty("picocli.disable.closures", "true");
        WarmUp.start();
        System.exit(commandLine(new Annotate(), args).execute(args));
    }

    /**
     * The command line for {@code root} and these arguments, writing UTF-8 to standard output
     * and error, with the error handlers.
     */
    static CommandLine commandLine(Annotate root, String... args) {
        CommandLine cli = withSubcommands(root, args);
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        return configure(cli);
    }

    /** The root with every subcommand, or only the one that {@code args} run. */
    static CommandLine withSubcommands(Annotate root, String... args) {
        CommandLine cli = new CommandLine(root);
        String wanted = null;
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                wanted = arg;
                break;
            }
        }
        boolean one = wanted != null && SUBCOMMANDS.contains(wanted) && !wanted.equals("completion");
        for (String name : SUBCOMMANDS) {
            if (!one || name.equals(wanted)) {
                cli.addSubcommand(subcommand(name));
            }
        }
        return cli;
    }

    static CommandLine configure(CommandLine cli) {
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(Annotate::handleExecutionException);
        cli.setParameterExceptionHandler(Annotate::handleParameterException);
        return cli;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    String env(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    Clock clock() {
        return clock;
    }

    /** Whether standard output and input are a terminal (a person is watching). */
    boolean console() {
        return console;
    }

    private static int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        PrintWriter err = cli.getErr();
        boolean debug = debugRequested(parsed);
        if (debug) {
            e.printStackTrace(err);
        }
        err.println("error: " + message(e, debug));
        err.flush();
        return FAILED;
    }

    static String message(Throwable e, boolean debug) {
        if (e instanceof ScholionException || e instanceof ExportException || e instanceof IllegalArgumentException) {
            return oneLine(e.getMessage());
        }
        if (e instanceof UncheckedIOException u) {
            return oneLine(u.getCause().getMessage());
        }
        if (e instanceof IOException) {
            return oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        String what = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()));
        return "internal error: " + what + (debug ? "" : " (run with --debug for details)");
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        int cut = message.indexOf('\n');
        // messages of the JDK and libraries may quote a file name or value as it is
        return Visible.escaped((cut >= 0 ? message.substring(0, cut) : message).strip());
    }

    private static boolean debugRequested(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    private static int handleParameterException(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("error: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return USAGE;
    }

    /** The version from the build, in the form {@code annotate (Scholion) 0.1.0}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"annotate (Scholion) " + org.scholion.core.Version.number()};
        }
    }
}
