package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholion.cli.CommandTesting.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scholion.cli.CommandTesting.Result;

class HelpTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
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
                "export",
                "import",
                "completion"
            })
    void everyCommandHasHelpWithAnExample(String command) {
        Result r = run(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage: annotate " + command).contains("Examples:\n  annotate " + command);
    }

    @Test
    void labelsSubcommandsHaveHelpToo() {
        assertThat(run("labels", "f.json", "add", "--help").out()).contains("Examples:\n  annotate labels");
        assertThat(run("labels", "f.json", "rm", "--help").out()).contains("Examples:\n  annotate labels");
    }

    @Test
    void versionAndRootHelp() {
        assertThat(run("--version").out()).isEqualTo("annotate (Scholion) 0.1.0\n");
        Result help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("  add ").contains("  export ").contains("Exit codes: 0 success, 1 bad data");
    }

    @Test
    void completionScriptCoversTheCommands() {
        Result bash = run("completion");
        assertThat(bash.code()).isZero();
        assertThat(bash.out()).contains("complete -F").contains("export").contains("--format");
        assertThat(run("completion", "zsh").out()).contains("bashcompinit");
        assertThat(run("completion", "fish").code()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
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
                "labels f.json add",
                "labels f.json rm",
                "stats",
                "export",
                "import",
                "view",
                "tui",
                "suggest",
                "completion"
            })
    void helpFitsEightyColumnsAndExamplesStayIndented(String command) {
        String[] words = command.isEmpty() ? new String[0] : command.split(" ");
        String[] args = java.util.Arrays.copyOf(words, words.length + 1);
        args[words.length] = "--help";
        String out = run(args).out();
        boolean inExamples = false;
        for (String line : out.split("\n", -1)) {
            assertThat(line.length()).as("%s --help: %s", command, line).isLessThanOrEqualTo(80);
            if (line.equals("Examples:")) {
                inExamples = true;
            } else if (line.isEmpty()) {
                inExamples = false;
            } else if (inExamples) {
                // an example wrapped by picocli would go on at column 0 and could not be pasted
                assertThat(line).as("%s --help", command).startsWith("  ");
            }
        }
    }
}
