package org.scholion.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.TuiCommand;
import picocli.CommandLine;

/** {@code annotate tui} on its own, where no terminal is needed: usage and bad input. */
class TuiCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int tui(String... args) {
        CommandLine cmd = new CommandLine(new TuiCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void aMissingOrBrokenFileIsOneLineAndExitCodeOne() throws Exception {
        assertThat(tui(dir.resolve("missing.scholion.json").toString())).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("error: ")
                .contains("no such file")
                .hasLineCount(1);

        err.getBuffer().setLength(0);
        Path broken = Files.writeString(dir.resolve("broken.scholion.json"), "{\"format\" : \"scholion/2\"}");
        assertThat(tui(broken.toString())).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("error: ")
                .doesNotContain("Exception")
                .hasLineCount(1);
    }

    @Test
    void refusesToRunWithoutATerminal() throws Exception {
        // surefire's forked JVM has no console, like a pipe or a cron job
        Fixtures.file(dir, "Alice.\n");
        assertThat(tui(dir.resolve("doc.scholion.json").toString())).isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo("error: annotate tui needs an interactive terminal "
                        + "(standard input and output are not one)" + System.lineSeparator());
    }

    @Test
    void aFolderWithoutDocumentsIsOneLineAndAFolderNeedsATerminalToo() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(tui(empty.toString())).isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo("error: " + empty + ": holds no .scholion.json file" + System.lineSeparator());

        err.getBuffer().setLength(0);
        Fixtures.file(Files.createDirectories(dir.resolve("corpus")), "Alice.\n");
        assertThat(tui(dir.resolve("corpus").toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: annotate tui needs an interactive terminal");
    }

    @Test
    void wrongUsageIsExitCodeTwoAndHelpNamesTheOptions() {
        assertThat(tui()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'FILE|DIR'");
        assertThat(tui("--help")).isZero();
        assertThat(out.toString())
                .contains("--annotator")
                .contains("--label-set")
                .contains("--no-color");
    }
}
