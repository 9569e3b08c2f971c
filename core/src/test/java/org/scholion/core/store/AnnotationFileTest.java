package org.scholion.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Fixtures;
import org.scholion.core.model.Span;

class AnnotationFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripGivesAnEqualDocument() throws Exception {
        AnnotationFile file = AnnotationFile.at(dir.resolve("sample.scholion.json"));
        file.create(Fixtures.sample(), false);
        assertThat(file.read()).isEqualTo(Fixtures.sample());
        String json = Files.readString(file.path());
        assertThat(json).startsWith("{\n  \"format\" : \"scholion/2\",").endsWith("}\n");
        assertThat(json)
                .contains("\"sha256\" : \"" + Fixtures.sample().document().sha256() + "\"");
    }

    @Test
    void outputIsDeterministic() {
        Snapshot snapshot = Snapshot.of(Fixtures.sample());
        assertThat(AnnotationFile.toBytes(snapshot)).isEqualTo(AnnotationFile.toBytes(snapshot));
    }

    @Test
    void refusesToOverwriteWithoutBeingTold() throws Exception {
        AnnotationFile file = AnnotationFile.at(dir.resolve("a.scholion.json"));
        file.create(Fixtures.sample(), false);
        assertThatThrownBy(() -> file.create(Fixtures.sample(), false))
                .isInstanceOf(ScholionException.class)
                .hasMessageEndingWith("already exists (choose another name or overwrite it)");
    }

    @Test
    void updatesRecordHistoryForUndoAndRedo() throws Exception {
        AnnotationFile file = AnnotationFile.at(dir.resolve("h.scholion.json"));
        file.create(Fixtures.sample(), false);
        file.update("add s4", doc -> doc.withSpan(Span.of("s4", 0, 1, "CLAIM")));
        file.update(
                "note s2",
                doc -> doc.withSpanReplaced(doc.span("s2").orElseThrow().withNote("capital")));
        file.update("remove s3", doc -> doc.withoutSpans(List.of("s3")));
        AnnotatedDocument latest = file.read();
        assertThat(latest.relations()).isEmpty();

        Snapshot undone = file.undo(2);
        assertThat(undone.document().span("s3")).isPresent();
        assertThat(undone.document().relations()).hasSize(1);
        assertThat(undone.document().span("s2").orElseThrow().note()).isNull();
        assertThat(undone.document().span("s4")).isPresent();
        assertThat(file.load().history().redo()).hasSize(2);

        Snapshot redone = file.redo(2);
        assertThat(redone.document()).isEqualTo(latest);
        file.undo(3);
        assertThat(file.read()).isEqualTo(Fixtures.sample());
        assertThatThrownBy(() -> file.undo(1)).hasMessageEndingWith("nothing to undo");
    }

    @Test
    void labelSetChangesCanBeUndone() throws Exception {
        AnnotationFile file = AnnotationFile.at(dir.resolve("l.scholion.json"));
        file.create(Fixtures.sample(), false);
        file.update(
                "label",
                doc -> doc.withLabelSet(
                        Fixtures.ENTITIES.withLabel(org.scholion.core.model.Label.of("ORG", "#112233"))));
        assertThat(file.read().label("ORG")).isPresent();
        file.undo(1);
        assertThat(file.read()).isEqualTo(Fixtures.sample());
    }

    @Test
    void aRefusedEditLeavesTheFileByteForByte() throws Exception {
        AnnotationFile file = AnnotationFile.at(dir.resolve("r.scholion.json"));
        file.create(Fixtures.sample(), false);
        byte[] before = Files.readAllBytes(file.path());
        assertThatThrownBy(() -> file.update("bad", doc -> doc.withSpan(Span.of("s9", 0, 1, "NOPE"))))
                .isInstanceOf(ScholionException.class)
                .hasMessage(
                        "r.scholion.json: span s9 has unknown label 'NOPE'".replace("r.scholion.json", display(file)));
        assertThat(Files.readAllBytes(file.path())).isEqualTo(before);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aBrokenFileIsNeverOverwritten() throws Exception {
        Path path = dir.resolve("broken.scholion.json");
        Files.writeString(path, "{\"format\": \"scholion/1\", \"document\": ");
        AnnotationFile file = AnnotationFile.at(path);
        assertThatThrownBy(() -> file.update("add", doc -> doc))
                .isInstanceOf(ScholionException.class)
                .hasMessageContaining("malformed JSON");
        assertThat(Files.readString(path)).isEqualTo("{\"format\": \"scholion/1\", \"document\": ");
    }

    @Test
    void threadsAddingAtOnceLoseNothing() throws Exception {
        AnnotationFile file = AnnotationFile.at(dir.resolve("t.scholion.json"));
        file.create(Fixtures.sample(), false);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    String note = thread + "-" + i;
                    file.update("add", doc -> doc.withSpan(Fixtures.free(doc, "PERSON", note, null)));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(file.read().spans()).hasSize(3 + 200);
    }

    @Test
    void processesAddingAtOnceLoseNothing() throws Exception {
        AnnotationFile file = AnnotationFile.at(dir.resolve("p.scholion.json"));
        file.create(Fixtures.sample(), false);
        List<Process> processes = new ArrayList<>();
        for (String who : List.of("one", "two", "three")) {
            processes.add(new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            ConcurrentAdder.class.getName(),
                            file.path().toString(),
                            "30",
                            who)
                    .redirectErrorStream(true)
                    .start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue())
                    .as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isZero();
        }
        AnnotatedDocument doc = file.read();
        assertThat(doc.spans()).hasSize(3 + 90);
        assertThat(doc.spans().stream()
                        .map(Span::note)
                        .filter(n -> n != null && n.matches("\\w+-\\d+"))
                        .collect(Collectors.toSet()))
                .hasSize(90);
    }

    @Test
    void aMissingFileOrAFolderIsOneClearLineAndALargeFileReadsFromTheStream() throws Exception {
        assertThatThrownBy(() ->
                        AnnotationFile.at(dir.resolve("none.scholion.json")).read())
                .isInstanceOf(ScholionException.class)
                .hasMessageEndingWith("none.scholion.json: no such file");
        Path folder = Files.createDirectory(dir.resolve("folder.scholion.json"));
        assertThatThrownBy(() -> AnnotationFile.at(folder).read())
                .isInstanceOf(ScholionException.class)
                .hasMessageContaining("folder.scholion.json: cannot read: ")
                .hasMessageNotContaining("\n");
        AnnotatedDocument many = Fixtures.sample();
        for (int i = 0; i < 2_000; i++) {
            many = many.withSpan(Fixtures.free(
                            many,
                            List.of("PERSON", "LOCATION", "QUOTE", "CLAIM").get(i % 4),
                            null,
                            null)
                    .withId("m" + i));
        }
        AnnotationFile file = AnnotationFile.at(dir.resolve("many.scholion.json"));
        file.create(many, false);
        assertThat(Files.size(file.path())).isGreaterThan(1 << 16);
        assertThat(file.read()).isEqualTo(many);
    }

    private List<Path> leftovers() throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                    .toList();
        }
    }

    private static String display(AnnotationFile file) {
        Path cwd = Path.of("").toAbsolutePath();
        return file.path().startsWith(cwd)
                ? cwd.relativize(file.path()).toString()
                : file.path().toString();
    }

    static Snapshot parse(String json) throws ScholionException {
        return AnnotationFile.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "f.json");
    }
}
