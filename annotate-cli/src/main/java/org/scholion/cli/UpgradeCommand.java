package org.scholion.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.store.AnnotationFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate upgrade}: rewrites annotation files in the current file format. */
@Command(
        name = "upgrade",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = {
            "Rewrite annotation files in the current file format, scholion/2, keeping every span, relation, label set and the undo history.",
            "A scholion/1 file is read as it is and is only rewritten when it is edited; this command rewrites it now, for example before handing files to tools that expect scholion/2. A file already in the current form is left alone. A file that cannot be read is reported and left as it is, and the others are upgraded (exit 1)."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  annotate upgrade article.scholion.json", "  annotate upgrade corpus/*.scholion.json"})
final class UpgradeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Annotation files (*.scholion.json).")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean failed = false;
        for (Path file : files) {
            try {
                boolean rewritten = AnnotationFile.at(file).upgrade();
                out.println(file + (rewritten ? ": upgraded to scholion/2" : ": already scholion/2"));
            } catch (ScholionException e) {
                failed = true;
                out.flush();
                err.println("error: " + Escapes.visible(e.getMessage(), false));
            }
        }
        out.flush();
        err.flush();
        return failed ? Annotate.FAILED : Annotate.OK;
    }
}
