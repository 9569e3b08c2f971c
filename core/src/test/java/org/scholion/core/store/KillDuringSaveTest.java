package org.scholion.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Fixtures;
import org.scholion.core.model.Span;
import org.scholion.core.text.RandomTexts;

/**
 * SIGKILL of processes that save one span after another, at random moments (most of them in the
 * middle of a save): the file always loads, holds every save a process had reported, and at most
 * the one save in flight besides. And four processes plus a thread of this JVM adding and removing
 * spans at once keep every operation that reported success. {@code -Dscholion.slow=true} runs
 * 200 kills instead of 8; {@code -Dtest.seed=N} replays the kill moments.
 */
class KillDuringSaveTest {
    static final boolean SLOW = Boolean.getBoolean("scholion.slow");

    @TempDir
    Path dir;

    @Test
    void killedWritersLeaveTheOldFileOrTheNewOneAndLoseNoReportedSave() throws Exception {
        int kills = SLOW ? 200 : 8;
        StringBuilder text = new StringBuilder();
        while (text.length() < 1_000_000) {
            text.append("Macron met Zelensky in Paris 🇫🇷 on Thursday; e\u0301mile wrote «ça va».\r\n");
        }
        AnnotationFile file = AnnotationFile.at(dir.resolve("big.scholion.json"));
        file.create(AnnotatedDocument.of(Document.of("big", text.toString()), List.of(Fixtures.ENTITIES)), false);

        long seed = RandomTexts.seed();
        System.out.println("KillDuringSaveTest: seed " + seed + " (replay with -Dtest.seed=" + seed + ")");
        Random random = new Random(seed);
        Set<String> kept = new HashSet<>();
        int killedInSave = 0;
        int killedBeforeSave = 0;
        long start = System.nanoTime();
        for (int k = 1; k <= kills; k++) {
            String who = "k" + k;
            Child child = Child.start(file.path(), who, "add");
            long wait;
            if (random.nextInt(4) == 0) {
                wait = random.nextInt(1500); // anywhere in start-up or the first save
                Thread.sleep(wait);
            } else {
                child.awaitFirstLine(60);
                wait = random.nextInt(400); // inside the loop of saves
                Thread.sleep(wait);
            }
            child.kill();
            boolean leftTemporary = !temporaries().isEmpty();
            if (leftTemporary) {
                killedInSave++;
            } else if (child.lines.isEmpty()) {
                killedBeforeSave++;
            }
            String context = String.format(java.util.Locale.ROOT, "kill %d after %d ms (seed %d)", k, wait, seed);
            AnnotatedDocument doc;
            try {
                doc = file.read();
            } catch (ScholionException e) {
                throw new AssertionError("torn file after " + context + ": " + e.getMessage(), e);
            }
            Set<String> notes = doc.spans().stream().map(Span::note).collect(Collectors.toSet());
            assertThat(notes)
                    .as("nothing from earlier processes lost: " + context)
                    .containsAll(kept);
            Set<String> reported = child.lines.stream().map(l -> l.substring(1)).collect(Collectors.toSet());
            assertThat(notes).as("every reported save is there: " + context).containsAll(reported);
            Set<String> mine =
                    notes.stream().filter(n -> n.startsWith(who + "-")).collect(Collectors.toSet());
            assertThat(mine.size())
                    .as("at most the save in flight besides: " + context)
                    .isBetween(reported.size(), reported.size() + 1);
            kept.addAll(mine);
        }
        // a later save clears what killed saves left, and the lock is free
        file.update("after", doc -> doc.withSpan(org.scholion.core.model.Fixtures.free(doc, "PERSON", null, null)));
        assertThat(temporaries()).as("stale temporary files are cleared").isEmpty();
        assertThat(file.read().spans()).hasSize(kept.size() + 1);
        System.out.printf(
                java.util.Locale.ROOT,
                "KillDuringSaveTest: %d SIGKILLs survived (%d inside a write, %d "
                        + "before the first save), %d reported saves all kept, in %d s%n",
                kills,
                killedInSave,
                killedBeforeSave,
                kept.size(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    }

    @Test
    void fourProcessesAndAThreadAddingAndRemovingAtOnceKeepEveryReportedOperation() throws Exception {
        int perProcess = SLOW ? 250 : 100;
        AnnotationFile file = AnnotationFile.at(dir.resolve("shared.scholion.json"));
        file.create(Fixtures.sample(), false);
        List<Child> children = new ArrayList<>();
        for (int p = 1; p <= 4; p++) {
            children.add(Child.start(file.path(), "p" + p, "add-remove"));
        }
        // the terminal annotator saves through AnnotationFile.update in its own JVM: a thread stands in for it
        List<String> threadLog = new CopyOnWriteArrayList<>();
        Thread tui = new Thread(() -> {
            try {
                for (int i = 0; i < perProcess; i++) {
                    String note = "tui-" + i;
                    file.update(
                            "add",
                            doc -> doc.withSpan(org.scholion.core.model.Fixtures.free(doc, "QUOTE", note, "tui")));
                    threadLog.add("+" + note);
                }
            } catch (ScholionException e) {
                threadLog.add("!" + e.getMessage());
            }
        });
        tui.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SLOW ? 600 : 120);
        while (children.stream().anyMatch(c -> c.lines.size() < perProcess) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        for (Child c : children) {
            c.kill();
        }
        tui.join(TimeUnit.SECONDS.toMillis(120));
        assertThat(threadLog).noneMatch(l -> l.startsWith("!"));
        for (Child c : children) {
            assertThat(c.lines.size())
                    .as("%s got through its operations", c.who)
                    .isGreaterThanOrEqualTo(perProcess);
        }

        AnnotatedDocument doc = file.read();
        Set<String> notes =
                doc.spans().stream().map(Span::note).filter(n -> n != null).collect(Collectors.toSet());
        int operations = threadLog.size();
        for (Child c : children) {
            Set<String> live = new HashSet<>();
            for (String line : c.lines) {
                if (line.startsWith("+")) {
                    live.add(line.substring(1));
                } else {
                    live.remove(line.substring(1));
                }
            }
            operations += c.lines.size();
            Set<String> mine =
                    notes.stream().filter(n -> n.startsWith(c.who + "-")).collect(Collectors.toSet());
            // the one operation in flight when the process was killed may have been saved without being reported
            Set<String> extra = new HashSet<>(mine);
            extra.removeAll(live);
            Set<String> missing = new HashSet<>(live);
            missing.removeAll(mine);
            assertThat(extra.size() + missing.size())
                    .as("%s: extra %s, missing %s", c.who, extra, missing)
                    .isLessThanOrEqualTo(1);
            if (!missing.isEmpty()) {
                String next = c.who + "-" + c.lines.size();
                assertThat(missing)
                        .as("only a remove in flight can take a reported add")
                        .hasSize(1);
                assertThat(c.lines.size() % 3)
                        .as("the op in flight (%s) was a remove", next)
                        .isEqualTo(2);
            }
        }
        Set<String> tuiNotes = notes.stream().filter(n -> n.startsWith("tui-")).collect(Collectors.toSet());
        assertThat(tuiNotes).hasSize(perProcess);
        System.out.printf(
                java.util.Locale.ROOT,
                "KillDuringSaveTest: %d concurrent operations reported by 4 " + "processes and 1 thread, all kept%n",
                operations);
    }

    private List<Path> temporaries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                    .toList();
        }
    }

    /** A {@link Saver} process and the lines it reported, read as they come. */
    static final class Child {
        final String who;
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Thread reader;

        private Child(String who, Process process) {
            this.who = who;
            this.process = process;
            this.reader = new Thread(() -> {
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith("+") || line.startsWith("-")) {
                            lines.add(line);
                        }
                    }
                } catch (IOException e) {
                    // the process died
                }
            });
            reader.start();
        }

        static Child start(Path file, String who, String mode) throws IOException {
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-XX:TieredStopAtLevel=1",
                            "-XX:+UseSerialGC",
                            "-Xmx256m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            Saver.class.getName(),
                            file.toString(),
                            who,
                            mode)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.getOutputStream().close();
            return new Child(who, p);
        }

        void awaitFirstLine(int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (lines.isEmpty() && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }

        /** SIGKILL, then wait until everything the process wrote to its pipe has been read. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(30));
        }
    }
}
