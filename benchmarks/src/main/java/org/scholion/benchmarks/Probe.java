package org.scholion.benchmarks;

import java.io.IOException;
import java.util.Locale;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.Format;

/**
 * Says which exporters are built: exports the seed in every format and prints one line per format,
 * {@code CSV<TAB>ok} or {@code DOCX<TAB>not available: <reason>}, so the suite measures what exists.
 */
public final class Probe {
    private Probe() {}

    public static void main(String[] args) {
        AnnotatedDocument seed = Workloads.named("S");
        for (Format format : Format.publication()) {
            String status;
            try {
                Exporters.of(format).export(seed, ExportOptions.DEFAULT, new CountingOutputStream());
                status = "ok";
            } catch (ExportException | IOException | RuntimeException e) {
                status = "not available: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
            }
            System.out.println(
                    format.name() + "\t" + status.toLowerCase(Locale.ROOT).startsWith("ok") + "\t" + status);
        }
    }
}
