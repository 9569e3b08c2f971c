package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.Processes.Finished;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.store.AnnotationFile;
import org.scholion.seeds.Seeds;

/** {@code kill -9} of {@code annotate add} at random moments: the file always loads, with or without the span. */
class KillDuringSaveIT {
    private static final int KILLS = 6;

    @TempDir
    Path dir;

    @Test
    void aKilledAddLeavesTheOldFileOrTheNewOne() throws Exception {
        // a large text makes the save long enough to be hit
        StringBuilder text = new StringBuilder();
        while (text.length() < 6_000_000) {
            text.append("Macron met Zelensky in Paris \uD83C\uDDEB\uD83C\uDDF7 on Thursday; e\u0301mile wrote.\r\n");
        }
        Path file = dir.resolve("big.scholion.json");
        AnnotationFile.at(file)
                .create(
                        AnnotatedDocument.of(
                                Document.of("big", text.toString()),
                                List.of(Seeds.labelSet("entities").orElseThrow())),
                        false);

        long started = System.nanoTime();
        Finished first = Processes.run(add(file, 0));
        assertThat(first.code()).as(first.err()).isZero();
        long fullMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        long seed = System.nanoTime();
        System.out.println("KillDuringSaveIT seed " + seed + ", one add takes " + fullMillis + " ms");
        Random random = new Random(seed);
        int spans = 1;
        for (int i = 1; i <= KILLS; i++) {
            Process p = add(file, i).start();
            // from the middle of start-up to the end of the save
            long delay = fullMillis / 3 + (long) (random.nextDouble() * fullMillis * 2 / 3);
            boolean finished = p.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor();
            }
            System.out.printf("kill %d after %d ms: %s%n", i, delay, finished ? "had finished" : "killed");
            AnnotatedDocument doc = AnnotationFile.at(file).read();
            assertThat(doc.spans().size())
                    .as("kill %d after %d ms (seed %d)", i, delay, seed)
                    .isBetween(spans, spans + 1);
            spans = doc.spans().size();
        }
        Finished after = Processes.run(add(file, 99));
        assertThat(after.code()).as("the lock is free again: " + after.err()).isZero();
        assertThat(AnnotationFile.at(file).read().spans()).hasSize(spans + 1);
    }

    private static ProcessBuilder add(Path file, int n) {
        return Processes.annotate("add", file.toString(), "--label", "PERSON", "--at", n + ":" + (n + 1))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
    }
}
