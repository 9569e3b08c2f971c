package org.scholion.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.corpus.Status.Stage;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;

class StatusTest {
    private static final Instant T1 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-12-02T11:30:00Z");

    @TempDir
    Path dir;

    private AnnotationFile file() throws Exception {
        AnnotationFile file = AnnotationFile.at(dir.resolve("d.scholion.json"));
        file.create(Corpora.document(4), false);
        return file;
    }

    @Test
    void aDocumentNobodyMarkedIsTodo() {
        assertThat(Status.of(Corpora.document(0))).isEqualTo(Status.NONE);
        assertThat(Status.NONE.stage()).isEqualTo(Stage.TODO);
    }

    @Test
    void setKeepsStageWhoAndWhenInTheMetadataAndChangesNothingElse() throws Exception {
        AnnotationFile file = file();
        Status.set(file, Stage.DONE, "alice", T1);
        AnnotatedDocument read = file.read();
        assertThat(Status.of(read)).isEqualTo(new Status(Stage.DONE, "alice", T1));
        assertThat(read.document().metadata())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "scholion:status",
                        "done",
                        "scholion:status-by",
                        "alice",
                        "scholion:status-at",
                        "2026-12-01T10:00:00Z"));
        assertThat(read.spans()).isEqualTo(Corpora.document(4).spans());
        assertThat(read.document().text())
                .isEqualTo(Corpora.document(4).document().text());
        assertThat(Files.readString(file.path())).contains("\"format\"").contains("scholion/2");
    }

    @Test
    void undoAndRedoLeaveTheStatusAlone() throws Exception {
        AnnotationFile file = file();
        file.update("add", d -> d.withSpan(Span.of("s3", 0, 3, "PERSON")));
        Status.set(file, Stage.REVIEWED, "bob", T2);
        assertThat(file.load().history().undo()).hasSize(1);
        file.undo(1);
        AnnotatedDocument undone = file.read();
        assertThat(undone.span("s3")).isEmpty();
        assertThat(Status.of(undone).stage()).isEqualTo(Stage.REVIEWED);
        file.redo(1);
        assertThat(Status.of(file.read()).stage()).isEqualTo(Stage.REVIEWED);
    }

    @Test
    void startMovesOnlyATodoDocumentToInProgress() throws Exception {
        AnnotationFile file = file();
        assertThat(Status.start(file, "carol", T1)).isTrue();
        assertThat(Status.of(file.read())).isEqualTo(new Status(Stage.IN_PROGRESS, "carol", T1));
        assertThat(Status.start(file, "dave", T2)).isFalse();
        Status.set(file, Stage.DONE, "carol", T2);
        byte[] before = Files.readAllBytes(file.path());
        assertThat(Status.start(file, "dave", T2)).isFalse();
        Status.set(file, Stage.DONE, "carol", T2);
        assertThat(Files.readAllBytes(file.path())).isEqualTo(before);
    }

    @Test
    void stagesHaveCommandLineNamesAndAnUnknownOneIsRefused() {
        assertThat(Stage.IN_PROGRESS.label()).isEqualTo("in-progress");
        assertThat(Stage.parse("In-Progress")).isEqualTo(Stage.IN_PROGRESS);
        assertThatThrownBy(() -> Stage.parse("finished"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown status 'finished' (expected one of todo, in-progress, done, reviewed)");
        Document odd = new Document("x", null, null, null, null, Map.of("scholion:status", "finished"), "t");
        assertThatThrownBy(() -> Status.of(odd)).hasMessageContaining("unknown status 'finished'");
    }
}
