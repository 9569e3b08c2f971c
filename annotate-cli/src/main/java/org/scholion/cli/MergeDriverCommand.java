package org.scholion.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.store.Change;
import org.scholion.core.store.Snapshot;
import org.scholion.core.team.ThreeWayMerge;
import org.scholion.export.ExportException;
import org.scholion.export.Exporters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate merge-driver}: git's merge driver for annotation files. */
@Command(
        name = "merge-driver",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        sortOptions = false,
        description = {
            "Merge two versions of an annotation file by meaning (git calls this; see 'annotate git-setup').",
            "Spans and relations added on both sides are all kept (ids both sides created are renumbered, relations follow); removals and edits made on one side apply; label-set changes combine. The result is written into OURS atomically, with the merge recorded in its undo history. A true conflict (one side edited what the other removed, or both edited the same span differently) keeps both versions as suggestions, is listed on standard error, and the exit code is 1, so git reports the conflict; nothing is lost."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  git config merge.scholion.driver 'annotate merge-driver %O %A %B'"})
final class MergeDriverCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "BASE",
            description = "The common ancestor (git's %%O; empty when there is none).")
    Path base;

    @Parameters(index = "1", paramLabel = "OURS", description = "Our version, replaced by the merge (git's %%A).")
    Path ours;

    @Parameters(index = "2", paramLabel = "THEIRS", description = "Their version (git's %%B).")
    Path theirs;

    @Parameters(
            index = "3",
            arity = "0..1",
            paramLabel = "PATH",
            description = "The file's name in the work tree, for messages (git's %%P).")
    String name;

    @Override
    public Integer call() throws ScholionException, ExportException {
        Snapshot mine = AnnotationFile.at(ours).load();
        AnnotatedDocument their = AnnotationFile.at(theirs).read();
        AnnotatedDocument common = isEmpty(base)
                ? AnnotatedDocument.of(mine.document().document(), List.of())
                : AnnotationFile.at(base).read();
        String shown = name != null ? name : ours.toString();
        ThreeWayMerge.Result result;
        try {
            result = ThreeWayMerge.merge(common, mine.document(), their);
        } catch (IllegalArgumentException e) {
            throw new ScholionException(shown, "cannot merge: " + e.getMessage());
        }
        Change change = Change.between(mine.document(), result.document(), "merge");
        Snapshot merged = new Snapshot(
                result.document(),
                change.isEmpty() ? mine.history() : mine.history().record(change));
        Exporters.writeAtomically(ours, out -> AnnotationFile.write(merged, out));
        PrintWriter err = spec.commandLine().getErr();
        for (String conflict : result.conflicts()) {
            err.printf(Locale.ROOT, "conflict: %s: %s%n", shown, conflict);
        }
        err.flush();
        return result.isClean() ? Annotate.OK : Annotate.FAILED;
    }

    private static boolean isEmpty(Path file) throws ScholionException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() < 0;
        } catch (IOException e) {
            throw new ScholionException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }
}
