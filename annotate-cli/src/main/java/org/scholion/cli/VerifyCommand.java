package org.scholion.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scholion.export.bag.BagCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate verify}: checks a BagIt archive and names every file that is missing or altered. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description =
                "Check a BagIt archive (as written by 'annotate export --format bag'): every file of its manifests present with the right SHA-256, no payload file outside them, the Payload-Oxum right. Names every missing, altered or unexpected file; exits 1 when there is any.",
        footerHeading = "%nExamples:%n",
        footer = {"  annotate verify archive/"})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ARCHIVE", description = "The bag folders.")
    List<Path> bags;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean failed = false;
        for (Path bag : bags) {
            List<BagCheck.Problem> problems = BagCheck.check(bag);
            if (problems.isEmpty()) {
                out.println(bag + ": valid");
            } else {
                failed = true;
                for (BagCheck.Problem problem : problems) {
                    err.println("error: " + bag + ": " + Escapes.visible(problem.toString(), false));
                }
                err.println("error: " + bag + ": not valid (" + LsCommand.plural(problems.size(), "problem") + ")");
            }
        }
        out.flush();
        err.flush();
        return failed ? Annotate.FAILED : Annotate.OK;
    }
}
