package org.scholion.core.ingest;

import java.nio.file.Path;
import org.scholion.core.ScholionException;
import org.scholion.core.model.Document;

/**
 * Imports one file in its own JVM, so that a test can bound the heap: prints {@code OK <code points>
 * <ms> <peak heap MB>} or {@code ERROR <message>}.
 */
public final class ImportProbe {
    private ImportProbe() {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        try {
            Document doc = SourceImporter.importFile(Path.of(args[0]));
            long ms = (System.nanoTime() - start) / 1_000_000;
            Runtime rt = Runtime.getRuntime();
            System.out.println("OK " + doc.text().codePointCount(0, doc.text().length()) + " " + ms + " "
                    + (rt.totalMemory() - rt.freeMemory()) / (1 << 20));
        } catch (ScholionException e) {
            System.out.println("ERROR " + e.getMessage());
            System.exit(1);
        }
    }
}
