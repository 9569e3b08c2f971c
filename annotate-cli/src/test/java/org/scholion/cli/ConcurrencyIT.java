package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.Processes.Finished;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;

/** Two {@code annotate add} processes on one file at the same time: every span is kept. */
class ConcurrencyIT {
    private static final int ADDS = 25;

    @TempDir
    Path dir;

    @Test
    void twoWritersTwentyFiveAddsEachLoseNothing() throws Exception {
        Path file = CommandTesting.sample(dir);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<String>>> writers = new ArrayList<>();
        for (String label : new String[] {"PERSON", "LOCATION"}) {
            writers.add(pool.submit(() -> {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < ADDS; i++) {
                    int start = label.equals("PERSON") ? i : 30 + i;
                    Finished f = Processes.run(Processes.annotate(
                            "add",
                            file.toString(),
                            "--label",
                            label,
                            "--at",
                            start + ":" + (start + 1),
                            "--annotator",
                            label.toLowerCase(java.util.Locale.ROOT)));
                    assertThat(f.code()).as(f.err()).isZero();
                    ids.add(f.out().strip());
                }
                return ids;
            }));
        }
        Set<String> printed = new HashSet<>();
        for (Future<List<String>> writer : writers) {
            printed.addAll(writer.get());
        }
        pool.shutdown();
        AnnotatedDocument doc = CommandTesting.read(file);
        assertThat(printed).hasSize(2 * ADDS);
        assertThat(doc.spans()).hasSize(2 * ADDS);
        assertThat(doc.spans()).extracting(Span::id).containsExactlyInAnyOrderElementsOf(printed);
        assertThat(doc.spans().stream().filter(s -> s.label().equals("PERSON"))).hasSize(ADDS);
    }
}
