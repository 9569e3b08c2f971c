package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholion.cli.CommandTesting.p;
import static org.scholion.cli.CommandTesting.read;
import static org.scholion.cli.CommandTesting.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.CommandTesting.Result;
import org.scholion.core.corpus.Status;
import org.scholion.core.corpus.Status.Stage;

class StatusAndStatsCommandsTest {
    @TempDir
    Path dir;

    Path corpus;
    List<Path> files;

    @BeforeEach
    void generatedCorpus() throws Exception {
        corpus = dir.resolve("corpus");
        files = CorpusTesting.write(corpus);
    }

    @Test
    void statusPrintsTodoForUnmarkedDocumentsAndReportsTheBrokenFile() {
        Result r = run("status", p(corpus), "--format", "tsv");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: " + files.get(0)).hasLineCount(1);
        assertThat(r.out().lines().toList())
                .containsExactly(
                        "file\tdocument\tstatus\tby\tat",
                        files.get(1) + "\tdoc-0\ttodo\t\t",
                        files.get(2) + "\tdoc-1\ttodo\t\t",
                        files.get(3) + "\tdoc-2\ttodo\t\t",
                        files.get(4) + "\tdoc-3\ttodo\t\t",
                        files.get(5) + "\tdoc-4\ttodo\t\t");
    }

    @Test
    void setKeepsWhoAndWhenInTheFileAndUndoLeavesIt() throws Exception {
        Path file = files.get(2);
        run("add", p(file), "-l", "PERSON", "--at", "5:10");
        Result set = run("status", p(file), "--set", "done", "--annotator", "carol");
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("doc-1", "done", "carol", "2026-11-26T10:15:30Z");
        assertThat(Status.of(read(file))).isEqualTo(new Status(Stage.DONE, "carol", CommandTesting.NOW));
        assertThat(run("undo", p(file)).code()).isZero();
        assertThat(read(file).spans()).hasSize(2);
        assertThat(Status.of(read(file)).stage()).isEqualTo(Stage.DONE);
        Result listed = run("status", p(corpus.resolve("sub")), p(file));
        assertThat(listed.code()).isZero();
        assertThat(listed.out().lines().toList()).hasSize(4);
        assertThat(listed.out().lines().toList().get(1)).startsWith("doc-1     done");
    }

    @Test
    void setOverAFolderMarksEveryReadableFileAndAnUnknownStatusIsUsage() {
        Result set = run("status", p(corpus), "--set", "in-progress");
        assertThat(set.code()).isEqualTo(1);
        assertThat(set.err()).startsWith("error: " + files.get(0)).hasLineCount(1);
        for (Path file : files.subList(1, 6)) {
            assertThat(Status.of(CorpusTestingRead.read(file)).stage()).isEqualTo(Stage.IN_PROGRESS);
        }
        Result bad = run("status", p(corpus), "--set", "finished");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown status 'finished' (expected one of todo, in-progress, done, reviewed)");
    }

    @Test
    void statsOverACorpusCountsStatusesLabelsAnnotatorsAndCoverage() throws Exception {
        run("status", p(files.get(1)), "--set", "done");
        run("status", p(files.get(4)), "--set", "reviewed");
        Files.delete(files.get(0));
        Result r = run("stats", p(corpus));
        assertThat(r.code()).as(r.err()).isZero();
        long text = CorpusTesting.TEXTS.stream()
                .mapToLong(t -> t.codePointCount(0, t.length()))
                .sum();
        long covered = CorpusTesting.SPANS.stream()
                .mapToLong(s -> s[1] - s[0] + s[3] - s[2])
                .sum();
        assertThat(r.out()).startsWith("corpus: 5 documents, 10 spans, 1 relation, " + text + " code points of text\n");
        assertThat(r.out()).contains("""
                STATUS       DOCUMENTS
                todo                 3
                in-progress          0
                done                 1
                reviewed             1
                """);
        assertThat(r.out()).containsPattern("entities  PERSON\\s+5 ");
        assertThat(r.out()).containsPattern("entities  LOCATION\\s+5 ");
        assertThat(r.out()).contains("""
                ANNOTATOR  SPANS
                alice          8
                bob            2
                """);
        assertThat(r.out())
                .contains(String.format(
                        java.util.Locale.ROOT,
                        "coverage: %.1f%% of the text is in at least one span (%d of %d code points)",
                        100.0 * covered / text,
                        covered,
                        text));
    }

    @Test
    void statsByDocumentAddsARowPerDocumentAndReportsTheBrokenFile() {
        Result r = run("stats", p(corpus), "--by", "document");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: " + files.get(0)).hasLineCount(1);
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("DOCUMENT  STATUS  SPANS  RELATIONS  CODE POINTS  COVERAGE  FILE");
        assertThat(lines.get(1)).startsWith("doc-0     todo        2          1");
        assertThat(lines.get(5)).startsWith("doc-4").endsWith(files.get(5).toString());
    }

    @Test
    void statsOfOneFileIsAsBefore() {
        Result r = run("stats", p(files.get(1)));
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("doc-0: 2 spans, 1 relation, ");
    }

    /** Reads a file in a lambda-friendly way. */
    private static final class CorpusTestingRead {
        static org.scholion.core.model.AnnotatedDocument read(Path file) {
            try {
                return CommandTesting.read(file);
            } catch (org.scholion.core.ScholionException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }
    }
}
