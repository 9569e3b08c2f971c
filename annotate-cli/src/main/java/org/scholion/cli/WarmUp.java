package org.scholion.cli;

import java.io.IOException;
import java.io.InputStream;
import org.scholion.core.ScholionException;
import org.scholion.core.store.AnnotationFile;

/**
 * Start-up work that does not depend on the arguments, done on a second core while picocli builds
 * its command model on the first: reading a small annotation file initialises the reader (the
 * JSON parser, the model's checks, SHA-256 and its security providers) that nearly every command
 * uses next. Nothing it does is needed for correctness; a failure here only costs speed.
 */
final class WarmUp {
    private static final String SAMPLE = "warm-up.scholion.json";

    private WarmUp() {}

    static void start() {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        Thread thread = new Thread(WarmUp::readSample, "scholion-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void readSample() {
        try (InputStream in = WarmUp.class.getResourceAsStream(SAMPLE)) {
            if (in != null) {
                AnnotationFile.parse(in, SAMPLE);
            }
        } catch (IOException | ScholionException | RuntimeException e) {
            // only speed is lost
        }
    }
}
