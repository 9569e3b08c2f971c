package org.scholion.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.scholion.core.ScholionException;
import org.scholion.export.ExportException;
import org.scholion.export.Exporters;
import org.scholion.export.interchange.LossReport;
import picocli.CommandLine.Option;

/**
 * {@code --report} and {@code --strict}, and the one way every conversion ends: the loss counts on
 * stderr (one line per format and kind), the details as JSON with {@code --report FILE}, and under
 * {@code --strict} a refusal to write anything when something would be lost.
 */
final class ConversionOptions {
    @Option(
            names = "--report",
            paramLabel = "FILE",
            description = "Write every loss (what the conversion could not carry, where and why) to FILE as JSON.")
    Path report;

    @Option(names = "--strict", description = "Fail (exit 1) and write nothing when anything would be lost.")
    boolean strict;

    /**
     * Reports the losses of a conversion that is ready to be written.
     *
     * @return whether to write it: always, unless {@code --strict} and something would be lost
     */
    boolean finish(LossReport losses, PrintWriter err) throws ScholionException {
        for (String line : losses.summary()) {
            err.println(line + (report == null ? " (see --report)" : ""));
        }
        if (report != null) {
            write(losses);
        }
        if (strict && !losses.isEmpty()) {
            err.println("error: --strict: nothing written, since "
                    + LsCommand.plural(losses.losses().size(), "thing") + " would be lost"
                    + (report == null ? "" : " (listed in " + report + ")"));
        }
        err.flush();
        return !(strict && !losses.isEmpty());
    }

    private void write(LossReport losses) throws ScholionException {
        try {
            Path parent = report.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Exporters.writeAtomically(report, losses::writeJson);
        } catch (IOException | ExportException e) {
            throw new ScholionException(report.toString(), "cannot write the report: " + e.getMessage(), e);
        }
    }
}
