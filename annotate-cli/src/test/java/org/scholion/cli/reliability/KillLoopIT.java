package org.scholion.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.seeds.Seeds;

/**
 * SIGKILL of {@code annotate add} processes at random moments, from JVM start to the end of the
 * save: afterwards the file always loads and holds exactly the old state or the old state plus the
 * one new span, never a torn one. 20 SIGKILLs in {@code mvn verify}; 200 with
 * {@code -Dscholion.slow=true}. {@code -Dtest.seed=N} replays the moments.
 */
class KillLoopIT {
    @TempDir
    Path dir;

    @Test
    void everyKillLeavesTheOldStateOrTheNewOneNeverATornFile() throws Exception {
        int kills = Cli.SLOW ? 200 : 20;
        StringBuilder text = new StringBuilder();
        while (text.length() < 3_000_000) {
            text.append(
                    "Macron met Zelensky in Paris \uD83C\uDDEB\uD83C\uDDF7 on Thursday; e\u0301mile wrote «ça».\r\n");
        }
        Path file = dir.resolve("big.scholion.json");
        AnnotationFile store = AnnotationFile.at(file);
        store.create(
                AnnotatedDocument.of(
                        Document.of("big", text.toString()),
                        List.of(Seeds.labelSet("entities").orElseThrow())),
                false);

        long started = System.nanoTime();
        Process first = add(file, 0).start();
        assertThat(first.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(first.exitValue()).isZero();
        long full = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        long seed = Long.getLong("test.seed", new Random().nextLong());
        System.out.println(
                "KillLoopIT: seed " + seed + " (replay with -Dtest.seed=" + seed + "), one add takes " + full + " ms");
        Random random = new Random(seed);
        AnnotatedDocument before = store.read();
        int killed = 0;
        int finished = 0;
        int inWrite = 0;
        int added = 0;
        int runs = 0;
        // until that many processes were really killed (runs that finish first do not count)
        for (int k = 1; killed < kills && k <= 3 * kills; k++) {
            runs++;
            long begun = System.nanoTime();
            Process p = add(file, k).start();
            // half of the kills anywhere from JVM start on, half near the end of a run, where the save is;
            // the length of a run is re-estimated from the runs that finish, as the machine's load changes
            long delay = (long)
                    (full * (random.nextBoolean() ? 0.1 + 0.9 * random.nextDouble() : 0.6 + 0.4 * random.nextDouble()));
            boolean done = p.waitFor(delay, TimeUnit.MILLISECONDS);
            if (done) {
                finished++;
                full = (3 * full + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun)) / 4;
            } else {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
                killed++;
                full += full / 50; // finished runs only ever shorten the estimate: let kills lengthen it a little
                if (temporaries() > 0) {
                    inWrite++;
                }
            }
            String context = String.format(java.util.Locale.ROOT, "kill %d after %d ms (seed %d)", k, delay, seed);
            AnnotatedDocument after;
            try {
                after = store.read();
            } catch (ScholionException e) {
                throw new AssertionError("torn file after " + context + ": " + e.getMessage(), e);
            }
            if (after.equals(before)) {
                assertThat(done && p.exitValue() == 0)
                        .as("a reported add is kept: " + context)
                        .isFalse();
            } else {
                String note = "k" + k;
                Span span = after.spans().stream()
                        .filter(s -> note.equals(s.note()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("neither old nor new state: " + context));
                assertThat(after)
                        .as("exactly the old state plus span " + span.id() + ": " + context)
                        .isEqualTo(before.withSpan(span));
                added++;
            }
            before = after;
        }
        assertThat(killed).as("SIGKILLs").isEqualTo(kills);
        Process last = add(file, 999).start();
        assertThat(last.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(last.exitValue()).as("the lock is free again").isZero();
        assertThat(temporaries())
                .as("what killed saves left is cleared by the next save")
                .isZero();
        System.out.printf(
                java.util.Locale.ROOT,
                "KillLoopIT: %d runs, %d SIGKILLs survived (%d inside the write), "
                        + "%d ran to the end, %d spans landed, 0 torn files%n",
                runs,
                killed,
                inWrite,
                finished,
                added);
    }

    private long temporaries() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp"))
                    .count();
        }
    }

    private static ProcessBuilder add(Path file, int k) {
        return Cli.annotate("add", file.toString(), "--label", "PERSON", "--at", k + ":" + (k + 1), "--note", "k" + k)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
    }
}
