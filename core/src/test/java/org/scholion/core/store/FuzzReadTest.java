package org.scholion.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Fixtures;
import org.scholion.core.model.Label;
import org.scholion.core.model.Span;
import org.scholion.core.text.RandomTexts;

/**
 * Random mutations of valid annotation files give a model that keeps every invariant and survives
 * a write and a re-read, or one clean {@link ScholionException} line with its position; never
 * another exception, never a hang. Seeded: {@code -Dtest.seed=N} replays a run; a failing input is
 * kept under {@code target/fuzz-failures/}.
 */
class FuzzReadTest {
    /** Each base gets this much time at most, so the suite stays fast on a loaded machine. */
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(Long.getLong("fuzz.seconds", 5));

    private static final Path SEED_FILE = Path.of("..", "seeds", "coalition-of-the-willing.scholion.json");

    private static ExecutorService worker;

    @BeforeAll
    static void startWorker() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-read");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stopWorker() {
        worker.shutdownNow();
    }

    /** The small fixture with a history, so that undo and redo lists are mutated too. */
    static byte[] fixtureWithHistory() {
        AnnotatedDocument before = Fixtures.sample();
        AnnotatedDocument added = before.withSpan(new Span("s4", 0, 2, "CLAIM", "n", "carol", null, true));
        AnnotatedDocument relabelled = added.withLabelSet(Fixtures.ENTITIES.withLabel(Label.of("ORG", "#112233")));
        History history = History.EMPTY
                .record(Change.between(before, added, "add s4"))
                .record(Change.between(added, relabelled, "add ORG"));
        History withRedo = new History(
                history.undo().subList(0, 1), List.of(history.undo().get(1).inverse()));
        return AnnotationFile.toBytes(new Snapshot(added, withRedo));
    }

    @Test
    void mutatedFixtureLoadsCleanlyOrFailsCleanly() throws Exception {
        Result result = fuzz("fixture", fixtureWithHistory(), 20_000);
        assertThat(result.loaded).as("some mutants still load").isPositive();
        assertThat(result.loaded + result.refused).isGreaterThan(300);
    }

    @Test
    void mutatedSeedReferenceLoadsCleanlyOrFailsCleanly() throws Exception {
        assertThat(SEED_FILE)
                .as("the seed reference annotation, read from the seeds module folder")
                .exists();
        Result result = fuzz("seed", Files.readAllBytes(SEED_FILE), 3_000);
        assertThat(result.loaded + result.refused).isGreaterThan(30);
    }

    record Result(int loaded, int refused) {}

    private static Result fuzz(String name, byte[] valid, int maxIterations) throws Exception {
        Snapshot original = AnnotationFile.parse(new ByteArrayInputStream(valid), name);
        Invariants.check(original);
        long seed = RandomTexts.seed();
        System.out.println("FuzzReadTest " + name + ": seed " + seed + " (replay with -Dtest.seed=" + seed + ")");
        Random random = new Random(seed);
        long start = System.nanoTime();
        int loaded = 0;
        int refused = 0;
        Map<String, Integer> problems = new TreeMap<>();
        int i = 0;
        for (; i < maxIterations && System.nanoTime() - start < BUDGET_NANOS; i++) {
            List<String> log = new ArrayList<>();
            byte[] mutant = Mutator.mutate(valid, random, log);
            String source = name + "-" + i + ".scholion.json";
            Future<Snapshot> future =
                    worker.submit(() -> AnnotationFile.parse(new ByteArrayInputStream(mutant), source));
            try {
                Snapshot snapshot = future.get(5, TimeUnit.SECONDS);
                Invariants.check(snapshot);
                loaded++;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ScholionException clean) {
                    try {
                        CleanErrors.check(clean, source);
                    } catch (AssertionError bad) {
                        throw failure(name, seed, i, log, mutant, "unclean message: " + clean.getMessage(), bad);
                    }
                    refused++;
                    problems.merge(kind(clean.problem()), 1, Integer::sum);
                } else {
                    throw failure(name, seed, i, log, mutant, "threw " + e.getCause(), e.getCause());
                }
            } catch (TimeoutException e) {
                future.cancel(true);
                throw failure(name, seed, i, log, mutant, "hung for more than 5 s", e);
            } catch (AssertionError e) {
                throw failure(name, seed, i, log, mutant, "loaded but broke an invariant", e);
            }
        }
        System.out.printf(
                java.util.Locale.ROOT,
                "FuzzReadTest %s: %d iterations in %d ms, %d loaded, %d refused%n",
                name,
                i,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                loaded,
                refused);
        problems.forEach((k, v) -> System.out.println("  " + v + " x " + k));
        return new Result(loaded, refused);
    }

    private static String kind(String problem) {
        int cut = problem.indexOf('\'');
        String k = cut > 0 ? problem.substring(0, cut) : problem;
        return k.length() > 60 ? k.substring(0, 60) : k;
    }

    private static AssertionError failure(
            String name, long seed, int iteration, List<String> log, byte[] mutant, String what, Throwable cause) {
        Path saved = Path.of("target", "fuzz-failures", name + "-" + seed + "-" + iteration + ".scholion.json");
        try {
            Files.createDirectories(saved.getParent());
            Files.write(saved, mutant);
        } catch (IOException e) {
            saved = null;
        }
        return new AssertionError(
                String.format(
                        java.util.Locale.ROOT,
                        "%s mutant %d %s (replay with -Dtest.seed=%d; mutations: %s; input kept at %s)",
                        name,
                        iteration,
                        what,
                        seed,
                        log,
                        saved),
                cause);
    }
}
