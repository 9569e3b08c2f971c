package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholion.cli.CommandTesting.p;
import static org.scholion.cli.CommandTesting.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.CommandTesting.Result;

class FindCommandTest {
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
    void tsvListsSpansAcrossTheCorpusWithContextAndReportsTheBrokenFile() {
        Result r = run("find", p(corpus), "--label", "LOCATION", "--format", "tsv", "--context", "8");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: " + files.get(0)).hasLineCount(1);
        assertThat(r.out())
                .isEqualTo("document\tspan\tlabel\tstart\tend\ttext\tleft\tright\n"
                        + "doc-0\ts2\tLOCATION\t13\t18\tParis\tvisited \t in May.\n"
                        + "doc-1\ts2\tLOCATION\t13\t19\t\u041C\u043E\u0441\u043A\u0432\u0435\t\u0436\u0438\u0432\u0451\u0442 \u0432 \t.\n"
                        + "doc-2\ts2\tLOCATION\t8\t15\t\u0627\u0644\u0642\u0627\u0647\u0631\u0629\t\u0633\u0627\u0631\u0629 \u0641\u064A \t \u0627\u0644\u064A\u0648\u0645.\n"
                        + "doc-3\ts2\tLOCATION\t4\t6\t\u5317\u4EAC\t\u674E\u660E\u4F4F\u5728\t\u3002\n"
                        + "doc-4\ts2\tLOCATION\t19\t25\tLondon\tt to \uD83C\uDDEC\uD83C\uDDE7 \t \uD83D\uDE00 today\n");
    }

    @Test
    void contextAcrossALineBreakStaysOnOneLine() {
        Result r = run("find", p(files.get(1)), "--text", "Paris", "--format", "tsv");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().toList())
                .containsExactly(
                        "document\tspan\tlabel\tstart\tend\ttext\tleft\tright",
                        "doc-0\ts2\tLOCATION\t13\t18\tParis\tZoe\u0301 visited \t in May. She liked it.");
    }

    @Test
    void jsonAndTableFilterByAnnotatorAndNote() throws Exception {
        Result json = run(
                "find",
                p(corpus.resolve("sub")),
                p(files.get(1)),
                "--annotator",
                "alice",
                "--note",
                "^a ",
                "--format",
                "json");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode hits = new ObjectMapper().readTree(json.out());
        assertThat(hits).hasSize(2);
        assertThat(hits.get(0).get("document").asText()).isEqualTo("doc-0");
        assertThat(hits.get(1).get("document").asText()).isEqualTo("doc-4");
        assertThat(hits.get(1).get("file").asText()).isEqualTo(files.get(5).toString());
        assertThat(hits.get(1).get("text").asText()).isEqualTo("Ada");
        Result table = run("find", p(corpus.resolve("sub")), "--label", "PERSON");
        assertThat(table.code()).isZero();
        assertThat(table.out()).contains("\u674E\u660E", "Ada").endsWith("2 spans\n");
    }

    @Test
    void aBadRegexIsAUsageError() {
        Result r = run("find", p(corpus), "--text", "(unclosed");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--text: not a regular expression");
    }
}
