package org.scholion.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.scholion.core.ScholionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annotate git-setup}: registers the merge driver for annotation files in a git work tree. */
@Command(
        name = "git-setup",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        sortOptions = false,
        description = {
            "Make a git work tree merge annotation files by meaning.",
            "Writes '*.scholion.json merge=scholion' into .gitattributes, sets merge.scholion.name and merge.scholion.driver ('annotate merge-driver %O %A %B') in the repository's git config, and adds the lock files (.*.lock) to .gitignore. Running it again changes nothing. Every clone runs it once: git does not carry its config."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  cd corpus && annotate git-setup && git add .gitattributes .gitignore"})
final class GitSetupCommand implements Callable<Integer> {
    static final String ATTRIBUTE = "*.scholion.json merge=scholion";
    static final String IGNORE = ".*.lock";

    @Spec
    CommandSpec spec;

    @Option(
            names = "-C",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Run in DIR instead of the current folder.")
    Path dir;

    @Option(
            names = "--command",
            paramLabel = "CMD",
            defaultValue = "annotate",
            description = "How git should run annotate (default: ${DEFAULT-VALUE}, found on the PATH).")
    String command;

    @Override
    public Integer call() throws ScholionException {
        String top = git("rev-parse", "--show-toplevel").strip();
        Path root = Path.of(top);
        PrintWriter out = spec.commandLine().getOut();
        out.println(
                addLine(root.resolve(".gitattributes"), ATTRIBUTE)
                        ? "added to .gitattributes: " + ATTRIBUTE
                        : ".gitattributes already has: " + ATTRIBUTE);
        git("config", "merge.scholion.name", "Scholion annotation files, merged by meaning");
        String driver = command + " merge-driver %O %A %B %P";
        git("config", "merge.scholion.driver", driver);
        out.println("git config merge.scholion.driver \"" + driver + "\"");
        out.println(
                addLine(root.resolve(".gitignore"), IGNORE)
                        ? "added to .gitignore: " + IGNORE
                        : ".gitignore already has: " + IGNORE);
        out.flush();
        return Annotate.OK;
    }

    private String git(String... args) throws ScholionException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new ScholionException(
                        dir.toString(),
                        "git " + String.join(" ", args) + " failed: "
                                + output.strip().lines().findFirst().orElse("exit " + p.exitValue()));
            }
            return output;
        } catch (IOException e) {
            throw new ScholionException(dir.toString(), "cannot run git: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScholionException(dir.toString(), "interrupted while running git", e);
        }
    }

    /** Appends {@code line} unless the file has it; whether it did. */
    private static boolean addLine(Path file, String line) throws ScholionException {
        try {
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (text.lines().anyMatch(l -> l.strip().equals(line))) {
                return false;
            }
            String joined = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + line + "\n";
            Files.writeString(file, joined, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new ScholionException(file.toString(), "cannot write: " + e.getMessage(), e);
        }
    }
}
