package org.scholion.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Fixtures;
import org.scholion.core.model.Span;
import org.scholion.core.testing.RequiredTools;

/**
 * Saving into a file system that fills up, or that turns read-only, gives one clear line and
 * leaves the old file whole and loadable. Uses a 64 KB tmpfs, so it needs {@code mount} (root);
 * it skips without, and fails instead when {@code SCHOLION_REQUIRE_TOOLS=1} and running as root.
 */
class DiskFullTest {
    @TempDir
    Path dir;

    @Test
    void fillingTheDiskWhileSavingGivesOneLineAndKeepsTheLastGoodFile() throws Exception {
        Path tiny = Files.createDirectory(dir.resolve("tiny"));
        try (Mount ignored = Mount.tmpfs(tiny, "size=64k")) {
            AnnotationFile file = AnnotationFile.at(tiny.resolve("full.scholion.json"));
            file.create(Fixtures.sample(), false);
            byte[] lastGood = Files.readAllBytes(file.path());
            String note = "n".repeat(1500);
            ScholionException failure = null;
            int saved = 0;
            for (int i = 0; i < 500 && failure == null; i++) {
                try {
                    file.update("add", doc -> doc.withSpan(Fixtures.free(doc, "PERSON", note, null)));
                    lastGood = Files.readAllBytes(file.path());
                    saved++;
                } catch (ScholionException e) {
                    failure = e;
                }
            }
            assertThat(failure).as("the 64 KB file system filled up").isNotNull();
            System.out.println("DiskFullTest: " + saved + " saves fitted, then: " + failure.getMessage());
            assertThat(failure.getMessage())
                    .contains("full.scholion.json: cannot write: ")
                    .containsIgnoringCase("no space left on device")
                    .endsWith("(the file is unchanged)")
                    .doesNotContain("\n", "Exception");
            assertThat(Files.readAllBytes(file.path()))
                    .as("the old file is intact")
                    .isEqualTo(lastGood);
            AnnotatedDocument reloaded = file.read();
            assertThat(reloaded.spans()).hasSize(3 + saved);
            assertThat(leftovers(tiny)).as("no temporary file is left").isEmpty();

            // once there is room again, saving works and nothing was lost on the way
            Mount.run("mount", "-o", "remount,size=1m", tiny.toString());
            file.update("add", doc -> doc.withSpan(Fixtures.free(doc, "PERSON", null, null)));
            assertThat(file.read().spans()).hasSize(3 + saved + 1);
        }
    }

    @Test
    void creatingOnAFullDiskLeavesNoFileBehind() throws Exception {
        Path tiny = Files.createDirectory(dir.resolve("tiny"));
        try (Mount ignored = Mount.tmpfs(tiny, "size=8k")) {
            fill(tiny);
            AnnotationFile file = AnnotationFile.at(tiny.resolve("new.scholion.json"));
            assertThatThrownBy(() -> file.create(Fixtures.sample(), false))
                    .isInstanceOf(ScholionException.class)
                    .hasMessageContainingAll("cannot write", "(the file is unchanged)");
            assertThat(file.exists()).isFalse();
            assertThat(leftovers(tiny)).isEmpty();
        }
    }

    @Test
    void aFolderTurnedReadOnlyRefusesEveryWriteAndKeepsTheFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("ro"));
        try (Mount mount = Mount.tmpfs(folder, "size=1m")) {
            AnnotationFile file = AnnotationFile.at(folder.resolve("ro.scholion.json"));
            file.create(Fixtures.sample(), false);
            file.update("add", doc -> doc.withSpan(Span.of("s9", 0, 1, "PERSON")));
            byte[] before = Files.readAllBytes(file.path());
            mount.remount("ro");
            try {
                List<ThrowingEdit> edits = List.of(
                        () -> file.update("add", doc -> doc.withSpan(Span.of("s10", 0, 2, "PERSON"))),
                        () -> file.undo(1),
                        () -> file.create(Fixtures.sample(), true));
                for (ThrowingEdit edit : edits) {
                    assertThatThrownBy(edit::run)
                            .isInstanceOf(ScholionException.class)
                            .hasMessageContaining("read-only file system")
                            .hasMessageNotContaining("\n");
                }
                assertThat(Files.readAllBytes(file.path())).isEqualTo(before);
                assertThat(file.read().span("s9")).isPresent();
                ScholionException e = catchIt(edits.get(0));
                System.out.println("DiskFullTest: read-only folder: " + e.getMessage());
            } finally {
                mount.remount("rw");
            }
            assertThat(leftovers(folder)).isEmpty();
        }
    }

    private interface ThrowingEdit {
        void run() throws Exception;
    }

    private static ScholionException catchIt(ThrowingEdit edit) throws Exception {
        try {
            edit.run();
        } catch (ScholionException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    /** Uses up every block of the file system. */
    private static void fill(Path folder) {
        try (var out = Files.newOutputStream(folder.resolve("filler"))) {
            for (int i = 0; i < 1 << 12; i++) {
                out.write(new byte[1024]);
                out.flush();
            }
        } catch (IOException full) {
            return;
        }
        throw new AssertionError("the file system did not fill up");
    }

    private static List<String> leftovers(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tmp"))
                    .toList();
        }
    }

    /** A tmpfs mounted for one test and always unmounted again. */
    static final class Mount implements AutoCloseable {
        private final Path at;

        private Mount(Path at) {
            this.at = at;
        }

        static Mount tmpfs(Path at, String options) throws Exception {
            Result r = run("mount", "-t", "tmpfs", "-o", options, "tmpfs", at.toString());
            if (r.exit != 0) {
                boolean root = "0".equals(run("id", "-u").out.strip());
                String why = "cannot mount a tmpfs (" + r.out.strip() + ")";
                if (root) {
                    RequiredTools.missing(why + " although running as root");
                }
                Assumptions.abort(why + "; run as root to test a full disk and a read-only folder");
            }
            return new Mount(at);
        }

        void remount(String how) throws Exception {
            Result r = run("mount", "-o", "remount," + how, at.toString());
            assertThat(r.exit).as("remount %s: %s", how, r.out).isZero();
        }

        @Override
        public void close() throws Exception {
            Result r = run("umount", at.toString());
            if (r.exit != 0) {
                run("umount", "-l", at.toString());
            }
        }

        record Result(int exit, String out) {}

        static Result run(String... command) throws Exception {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, String.join(" ", command) + " timed out");
            }
            return new Result(p.exitValue(), out);
        }
    }
}
