package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholion.cli.CommandTesting.bytes;
import static org.scholion.cli.CommandTesting.p;
import static org.scholion.cli.CommandTesting.read;
import static org.scholion.cli.CommandTesting.run;
import static org.scholion.cli.CommandTesting.sample;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.CommandTesting.Result;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;

class AddCommandTest {
    @TempDir
    Path dir;

    @Test
    void addsSpanAtCodePointOffsetsAndPrintsItsId() throws Exception {
        Path file = sample(dir);
        Result r = run("add", p(file), "--label", "PERSON", "--at", "4:9", "--note", "the family");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("s1\n");
        Span span = read(file).span("s1").orElseThrow();
        assertThat(read(file).textOf(span)).isEqualTo("\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67");
        assertThat(span.note()).isEqualTo("the family");
        assertThat(span.annotator()).isEqualTo("tester");
        assertThat(span.created()).isEqualTo(CommandTesting.NOW);
    }

    @Test
    void findsTextAfterEmojiAtCodePointOffsets() throws Exception {
        Path file = sample(dir);
        Result r = run("add", p(file), "--label", "LOCATION", "--text", "Paris");
        assertThat(r.code()).as(r.err()).isZero();
        Span span = read(file).span(r.out().strip()).orElseThrow();
        assertThat(span.start()).isEqualTo(25);
        assertThat(span.end()).isEqualTo(30);
    }

    @Test
    void ambiguousTextIsAnErrorListingWhereItMatchedAndChangesNothing() throws Exception {
        Path file = sample(dir);
        byte[] before = bytes(file);
        Result r = run("add", p(file), "--label", "PERSON", "--text", "Macron");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .isEqualTo("error: " + file + ": 'Macron' occurs 2 times, at 35:41, 49:55;"
                        + " choose one with --nth N or take all with --all\n");
        assertThat(bytes(file)).isEqualTo(before);
    }

    @Test
    void nthPicksOneOccurrenceAndAllTakesEvery() throws Exception {
        Path file = sample(dir);
        assertThat(run("add", p(file), "-l", "PERSON", "--text", "Macron", "--nth", "2")
                        .out())
                .isEqualTo("s1\n");
        assertThat(read(file).span("s1").orElseThrow().start()).isEqualTo(49);
        Result all = run("add", p(file), "-l", "GROUP", "--text", "Macron", "--all");
        assertThat(all.out()).isEqualTo("s2\ns3\n");
        AnnotatedDocument doc = read(file);
        assertThat(doc.spans()).extracting(Span::start).containsExactly(35, 49, 49);
    }

    @Test
    void oneAddOfManySpansIsOneUndoableChange() throws Exception {
        Path file = sample(dir);
        run("add", p(file), "-l", "PERSON", "--text", "Macron", "--all");
        Result undo = run("undo", p(file));
        assertThat(undo.code()).isZero();
        assertThat(undo.out()).isEqualTo("undone: add PERSON 'Macron'\n");
        assertThat(read(file).spans()).isEmpty();
    }

    @Test
    void nthBeyondTheMatchesIsAnError() throws Exception {
        Path file = sample(dir);
        Result r = run("add", p(file), "-l", "PERSON", "--text", "Macron", "--nth", "3");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: " + file + ": 'Macron' occurs 2 times, not 3\n");
    }

    @Test
    void textThatDoesNotOccurIsAnError() throws Exception {
        Path file = sample(dir);
        Result r = run("add", p(file), "-l", "PERSON", "--text", "Merkel");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: " + file + ": 'Merkel' does not occur in the text\n");
    }

    @Test
    void offsetsEndingBeforeTheyStartAreBadDataNamedByTheModel() throws Exception {
        Path file = sample(dir);
        byte[] before = bytes(file);
        Result r = run("add", p(file), "-l", "PERSON", "--at", "12:4");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: " + file + ": span 12:4 ends before it starts\n");
        assertThat(bytes(file)).isEqualTo(before);
    }

    @Test
    void offsetsPastTheEndAreRefused() throws Exception {
        Path file = sample(dir);
        Result r = run("add", p(file), "-l", "PERSON", "--at", "60:64");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo("error: " + file + ": span s1 (60:64) ends after the text, which has 63 code points\n");
    }

    @Test
    void unknownLabelIsRefusedNamingTheLabelsThereAre() throws Exception {
        Path file = sample(dir);
        byte[] before = bytes(file);
        Result r = run("add", p(file), "-l", "PERSN", "--at", "0:3");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
                .startsWith("error: " + file + ": unknown label 'PERSN' (the file has PERSON, ")
                .endsWith(")\n")
                .hasLineCount(1);
        assertThat(bytes(file)).isEqualTo(before);
    }

    @Test
    void warnsWhenASpanSplitsALetterFromItsCombiningMark() throws Exception {
        Path file = sample(dir);
        Result r = run("add", p(file), "-l", "PERSON", "--at", "14:15");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("s1\n");
        assertThat(r.err()).isEqualTo("warning: " + file + ": span s1 (14:15) splits a grapheme cluster at 15\n");
        assertThat(run("add", p(file), "-l", "PERSON", "--at", "14:20").err()).isEmpty();
    }

    @Test
    void wrongUsageExitsWithTwoAndAHint() throws Exception {
        Path file = sample(dir);
        byte[] before = bytes(file);
        for (String[] args : new String[][] {
            {"add", p(file), "--label", "PERSON"},
            {"add", p(file), "--label", "PERSON", "--at", "1:2", "--text", "x"},
            {"add", p(file), "--label", "PERSON", "--at", "1:2", "--all"},
            {"add", p(file), "--label", "PERSON", "--text", "Macron", "--nth", "1", "--all"},
            {"add", p(file), "--label", "PERSON", "--text", "Macron", "--nth", "0"},
            {"add", p(file), "--label", "PERSON", "--at", "one:two"},
            {"add", p(file), "--at", "1:2"},
            {"add", "--label", "PERSON", "--at", "1:2"}
        }) {
            Result r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err())
                    .as(String.join(" ", args))
                    .startsWith("error: ")
                    .endsWith("Try 'annotate add --help' for more information.\n");
            assertThat(r.out()).isEmpty();
        }
        assertThat(bytes(file)).isEqualTo(before);
    }

    @Test
    void annotatorComesFromTheOptionThenTheEnvironmentThenTheUserName() throws Exception {
        Path file = sample(dir);
        run("add", p(file), "-l", "PERSON", "--at", "0:3", "--annotator", "alice");
        run(Map.of("SCHOLION_ANNOTATOR", "bob"), "add", p(file), "-l", "PERSON", "--at", "4:9");
        run(Map.of(), "add", p(file), "-l", "PERSON", "--at", "10:13");
        AnnotatedDocument doc = read(file);
        assertThat(doc.span("s1").orElseThrow().annotator()).isEqualTo("alice");
        assertThat(doc.span("s2").orElseThrow().annotator()).isEqualTo("bob");
        assertThat(doc.span("s3").orElseThrow().annotator()).isEqualTo(System.getProperty("user.name"));
    }
}
