package org.scholion.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate completion}: prints a completion script for bash or zsh. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = "Print a shell completion script for bash or zsh.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  annotate completion > ~/.local/share/bash-completion/completions/annotate",
            "  source <(annotate completion)                      # bash, this shell only",
            "  annotate completion zsh > ~/.zfunc/_annotate        # zsh (uses bashcompinit)"
        })
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "SHELL",
            defaultValue = "bash",
            description = "bash or zsh (default: ${DEFAULT-VALUE}).")
    String shell;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw Commands.usage(spec, "SHELL must be bash or zsh, not '%s'", shell);
        }
        // picocli's script serves both: under zsh it loads bashcompinit first
        spec.commandLine()
                .getOut()
                .print(AutoComplete.bash("annotate", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return Annotate.OK;
    }
}
