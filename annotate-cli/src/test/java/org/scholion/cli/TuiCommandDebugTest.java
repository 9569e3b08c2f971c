package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A bug inside the terminal annotator: one line on stderr, the stack trace only with --debug. */
class TuiCommandDebugTest {
    @TempDir
    Path dir;

    /** A working terminal, except that its keyboard breaks when the annotator asks for it, as a bug would. */
    private static Terminal broken() throws IOException {
        Terminal real = TerminalBuilder.builder()
                .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
                .type("xterm-256color")
                .size(new Size(80, 24))
                .encoding(StandardCharsets.UTF_8)
                .build();
        return (Terminal) Proxy.newProxyInstance(
                Terminal.class.getClassLoader(), new Class<?>[] {Terminal.class}, (proxy, method, args) -> {
                    if (method.getName().equals("reader")) {
                        throw new UnsupportedOperationException("keyboard bug");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private CommandTesting.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Annotate root = new Annotate(Map.of("SCHOLION_ANNOTATOR", "tester"), Clock.systemUTC(), true);
        CommandLine cli = Annotate.configure(
                new CommandLine(root).addSubcommand("tui", new TuiCommand(TuiCommandDebugTest::broken, () -> true)));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new CommandTesting.Result(code, out.toString(), err.toString());
    }

    @Test
    @Timeout(60)
    void aBugIsOneLineWithoutDebugAndAStackTraceWithIt() throws Exception {
        String file = CommandTesting.sample(dir).toString();

        CommandTesting.Result plain = run("tui", file);
        assertThat(plain.code()).isEqualTo(1);
        assertThat(plain.err())
                .startsWith("error: internal error: java.lang.UnsupportedOperationException")
                .contains("(run with --debug for details)")
                .doesNotContain("\tat ")
                .hasLineCount(1);

        for (String[] args : new String[][] {{"--debug", "tui", file}, {"tui", "--debug", file}}) {
            CommandTesting.Result debug = run(args);
            assertThat(debug.code()).isEqualTo(1);
            assertThat(debug.err())
                    .contains("java.lang.UnsupportedOperationException: keyboard bug")
                    .contains("\tat org.scholion.cli.tui.");
        }
    }

    @Test
    void theStandaloneCommandTakesDebugToo() {
        assertThat(TuiCommand.standalone().getCommandSpec().findOption("--debug"))
                .isNotNull();
    }
}
