package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholion.cli.CommandTesting.bytes;
import static org.scholion.cli.CommandTesting.p;
import static org.scholion.cli.CommandTesting.read;
import static org.scholion.cli.CommandTesting.run;
import static org.scholion.cli.CommandTesting.sample;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.CommandTesting.Result;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;

class EditingCommandsTest {
    @TempDir
    Path dir;

    Path file;

    @BeforeEach
    void threeSpans() throws Exception {
        file = sample(dir);
        run("add", p(file), "-l", "PERSON", "--text", "Macron", "--all");
        run("add", p(file), "-l", "LOCATION", "--text", "Paris");
    }

    @Test
    void relatePrintsTheRelationIdAndRmOfASpanRemovesItsRelations() throws Exception {
        Result r = run("relate", p(file), "s1", "same-as", "s2");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("r1\n");
        assertThat(read(file).relations()).containsExactly(new Relation("r1", "same-as", "s1", "s2"));
        assertThat(run("rm", p(file), "s2").code()).isZero();
        assertThat(read(file).spans()).extracting(Span::id).containsExactly("s3", "s1");
        assertThat(read(file).relations()).isEmpty();
    }

    @Test
    void relateToAMissingSpanChangesNothing() throws Exception {
        byte[] before = bytes(file);
        Result r = run("relate", p(file), "s1", "same-as", "s9");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: " + file + ": there is no span 's9'\n");
        assertThat(bytes(file)).isEqualTo(before);
    }

    @Test
    void rmRemovesRelationsByIdAndRefusesUnknownIdsWithoutRemovingAnything() throws Exception {
        run("relate", p(file), "s1", "same-as", "s2");
        byte[] before = bytes(file);
        Result bad = run("rm", p(file), "s1", "s7");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).isEqualTo("error: " + file + ": there is no span or relation 's7'\n");
        assertThat(bytes(file)).isEqualTo(before);
        assertThat(run("rm", p(file), "r1").code()).isZero();
        assertThat(read(file).relations()).isEmpty();
        assertThat(read(file).spans()).hasSize(3);
    }

    @Test
    void editChangesLabelNoteAndOffsets() throws Exception {
        Result r = run("edit", p(file), "s3", "--label", "EVENT", "--note", "a place", "--at", "22:30");
        assertThat(r.code()).as(r.err()).isZero();
        Span span = read(file).span("s3").orElseThrow();
        assertThat(span.label()).isEqualTo("EVENT");
        assertThat(span.note()).isEqualTo("a place");
        assertThat(read(file).textOf(span)).isEqualTo("in Paris");
        run("edit", p(file), "s3", "--note", "");
        assertThat(read(file).span("s3").orElseThrow().note()).isNull();
    }

    @Test
    void editRefusesBadOffsetsUnknownSpansAndNothingToDo() throws Exception {
        byte[] before = bytes(file);
        Result backwards = run("edit", p(file), "s3", "--at", "30:25");
        assertThat(backwards.code()).isEqualTo(1);
        assertThat(backwards.err()).isEqualTo("error: " + file + ": span 30:25 ends before it starts\n");
        Result missing = run("edit", p(file), "s9", "--label", "PERSON");
        assertThat(missing.err()).isEqualTo("error: " + file + ": there is no span 's9'\n");
        Result nothing = run("edit", p(file), "s3");
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err()).contains("say what to change").contains("Try 'annotate edit --help'");
        assertThat(bytes(file)).isEqualTo(before);
    }

    @Test
    void undoAndRedoStepThroughTheHistory() throws Exception {
        Result undo = run("undo", p(file), "--steps", "2");
        assertThat(undo.out()).isEqualTo("undone: add LOCATION 'Paris'\nundone: add PERSON 'Macron'\n");
        assertThat(read(file).spans()).isEmpty();
        Result redo = run("redo", p(file));
        assertThat(redo.out()).isEqualTo("redone: add PERSON 'Macron'\n");
        assertThat(read(file).spans()).hasSize(2);
        assertThat(run("redo", p(file)).code()).isZero();
        Result none = run("redo", p(file));
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).isEqualTo("error: " + file + ": nothing to redo\n");
        assertThat(run("undo", p(file), "--steps", "0").code()).isEqualTo(2);
    }

    @Test
    void labelsAddAndRmRefusingALabelInUse() throws Exception {
        Result add = run(
                "labels",
                p(file),
                "add",
                "CLAIM",
                "--color",
                "#cc6677",
                "--key",
                "c",
                "--description",
                "Something asserted.");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(read(file).label("CLAIM").orElseThrow().color()).isEqualTo("#CC6677");
        Result listed = run("labels", p(file));
        assertThat(listed.out())
                .containsPattern("entities +CLAIM +#CC6677 +c +0 +Something asserted\\.")
                .containsPattern("entities +PERSON +#[0-9A-F]{6} +\\S* +2 ");
        byte[] before = bytes(file);
        Result inUse = run("labels", p(file), "rm", "PERSON");
        assertThat(inUse.code()).isEqualTo(1);
        assertThat(inUse.err())
                .isEqualTo("error: " + file + ": label 'PERSON' is used by 2 spans; remove or relabel them first\n");
        assertThat(bytes(file)).isEqualTo(before);
        assertThat(run("labels", p(file), "rm", "CLAIM").code()).isZero();
        assertThat(read(file).label("CLAIM")).isEmpty();
        Result badColor = run("labels", p(file), "add", "X", "--color", "red");
        assertThat(badColor.code()).isEqualTo(2);
        Result twice = run("labels", p(file), "add", "PERSON", "--color", "#000000");
        assertThat(twice.code()).isEqualTo(1);
        assertThat(twice.err()).contains("label 'PERSON' already exists in label set 'entities'");
    }
}
