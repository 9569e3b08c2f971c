package org.scholion.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.tui.Editor;
import org.scholion.cli.tui.Key;
import org.scholion.cli.tui.Session;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.seeds.Seeds;

/**
 * Four writers, each running {@code annotate add} and {@code annotate rm} processes one after
 * another on the same file, and the terminal annotator's {@link Session} labelling word after
 * word, all at once: every operation that reported success is in the final file,
 * every reported removal is gone. 4 x 25 processes in {@code mvn verify}, 4 x 100 with
 * {@code -Dscholion.slow=true}.
 */
class ConcurrentWritersIT {
    @TempDir
    Path dir;

    @Test
    void everyReportedOperationIsInTheFinalFile() throws Exception {
        int perWriter = Cli.SLOW ? 100 : 25;
        Path file = dir.resolve("shared.scholion.json");
        AnnotationFile.at(file).create(Seeds.referenceAnnotation(), false);
        int before = AnnotationFile.at(file).read().spans().size();

        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<Writer>> writers = new ArrayList<>();
        for (int w = 1; w <= 4; w++) {
            String who = "w" + w;
            int firstOffset = 100 + (w - 1) * perWriter;
            writers.add(pool.submit(() -> new Writer(who, firstOffset).run(file, perWriter)));
        }
        // the terminal annotator's own save path: a Session fed keys, saving each label under the file's lock
        Future<Integer> tui = pool.submit(() -> {
            Session session =
                    Session.open(AnnotationFile.at(file), new Editor("tui-writer", Clock.systemUTC(), false), 120, 40);
            session.activate("entities");
            int saved = 0;
            for (int i = 0; i < perWriter; i++) {
                session.poll();
                session.press(Key.of('w'));
                session.press(Key.of('1'));
                String message = session.state().message();
                if (!session.state().error() && message != null && message.startsWith("saved")) {
                    saved++;
                }
                Thread.sleep(20);
            }
            return saved;
        });
        int operations = 0;
        AnnotatedDocument finalDoc;
        Set<String> expected = new HashSet<>();
        Set<String> removed = new HashSet<>();
        List<Writer> done = new ArrayList<>();
        for (Future<Writer> f : writers) {
            done.add(f.get(Cli.SLOW ? 60 : 15, TimeUnit.MINUTES));
        }
        int tuiSaved = tui.get(5, TimeUnit.MINUTES);
        pool.shutdown();
        finalDoc = AnnotationFile.at(file).read();
        for (Writer w : done) {
            operations += w.succeeded;
            expected.addAll(w.live);
            removed.addAll(w.removed);
            assertThat(w.failures).as("%s: operations that failed", w.who).isEmpty();
        }
        operations += tuiSaved;
        assertThat(tuiSaved).as("the terminal annotator saved").isPositive();
        assertThat(finalDoc.spans().stream()
                        .filter(s -> "tui-writer".equals(s.annotator()))
                        .count())
                .as("every span the terminal annotator reported saved is in the file")
                .isEqualTo(tuiSaved);
        Set<String> notes = finalDoc.spans().stream()
                .map(Span::note)
                .filter(n -> n != null)
                .filter(n -> n.matches("w\\d+-\\d+"))
                .collect(Collectors.toSet());
        assertThat(notes)
                .as("every reported add is kept, every reported removal is gone")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(notes).doesNotContainAnyElementsOf(removed);
        assertThat(finalDoc.spans()).hasSize(before + expected.size() + tuiSaved);
        System.out.printf(
                java.util.Locale.ROOT,
                "ConcurrentWritersIT: %d operations reported by 4 writer processes"
                        + " and the terminal annotator's session (%d process adds kept, %d removals, %d TUI saves), all in the"
                        + " final file%n",
                operations,
                expected.size(),
                removed.size(),
                tuiSaved);
    }

    /** One writer: adds, and every third operation removes its own previous span by the id add printed. */
    static final class Writer {
        final String who;
        final int firstOffset;
        final Set<String> live = new HashSet<>();
        final Set<String> removed = new HashSet<>();
        final List<String> failures = new ArrayList<>();
        int succeeded;

        Writer(String who, int firstOffset) {
            this.who = who;
            this.firstOffset = firstOffset;
        }

        Writer run(Path file, int operations) throws Exception {
            List<String[]> mine = new ArrayList<>();
            for (int i = 0; i < operations; i++) {
                if (i % 3 == 2 && !mine.isEmpty()) {
                    String[] last = mine.remove(mine.size() - 1);
                    Result r = run(Cli.annotate("rm", file.toString(), last[0]));
                    if (r.exit == 0) {
                        live.remove(last[1]);
                        removed.add(last[1]);
                        succeeded++;
                    } else {
                        failures.add("rm " + last[0] + ": " + r.err);
                    }
                } else {
                    String note = who + "-" + i;
                    // writers label their own places, and not with the label the terminal annotator uses,
                    // since a second span with the same label and offsets is refused
                    int at = firstOffset + i;
                    Result r = run(Cli.annotate(
                            "add", file.toString(), "--label", "GROUP", "--at", at + ":" + (at + 3), "--note", note));
                    if (r.exit == 0) {
                        mine.add(new String[] {r.out.strip(), note});
                        live.add(note);
                        succeeded++;
                    } else {
                        failures.add("add " + note + ": " + r.err);
                    }
                }
            }
            return this;
        }

        record Result(int exit, String out, String err) {}

        private static Result run(ProcessBuilder builder) throws Exception {
            Process p = builder.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + builder.command());
            }
            return new Result(
                    p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        }
    }
}
