package org.scholion.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
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
     * up front, and a terminal user should not wait for the sixteen that do not run.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("new", NewCommand::new);
        m.put("add", AddCommand::new);
        m.put("rm", RmCommand::new);
        m.put("edit", EditCommand::new);
        m.put("undo", UndoCommand::new);
        m.put("redo", RedoCommand::new);
        m.put("relate", RelateCommand::new);
        m.put("ls", LsCommand::new);
        m.put("show", ShowCommand::new);
        m.put("labels", LabelsCommand::new);
        m.put("stats", StatsCommand::new);
        m.put("status", StatusCommand::new);
        m.put("find", FindCommand::new);
        m.put("export", ExportCommand::new);
        m.put("import", ImportCommand::new);
        m.put("verify", VerifyCommand::new);
        m.put("view", ViewCommand::new);
        m.put("tui", TuiCommand::new);
        m.put("suggest", SuggestCommand::new);
        m.put("agree", AgreeCommand::new);
        m.put("diff", DiffCommand::new);
        m.put("merge", MergeCommand::new);
        m.put("accept", AcceptCommand::new);
        m.put("reject", RejectCommand::new);
        m.put("git-setup", GitSetupCommand::new);
        m.put("merge-driver", MergeDriverCommand::new);
        m.put("upgrade", UpgradeCommand::new);
        m.put("completion", CompletionCommand::new);
        return Collections.unmodifiableMap(m);
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
        boolean one = wanted != null && SUBCOMMANDS.containsKey(wanted) && !wanted.equals("completion");
        for (Map.Entry<String, Supplier<Object>> e : SUBCOMMANDS.entrySet()) {
            if (!one || e.getKey().equals(wanted)) {
                cli.addSubcommand(e.getValue().get());
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
