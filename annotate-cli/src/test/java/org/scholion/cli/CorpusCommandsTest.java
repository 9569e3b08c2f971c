package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholion.cli.CommandTesting.p;
import static org.scholion.cli.CommandTesting.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.CommandTesting.Result;

/** Reading commands over a folder: every document listed or exported, the broken file reported, exit 1. */
class CorpusCommandsTest {
    @TempDir
    Path dir;

    Path corpus;
    List<Path> files;

    @BeforeEach
    void generatedCorpus() throws Exception {
        corpus = dir.resolve("corpus");
        files = CorpusTesting.write(corpus);
    }

    private String brokenMessage() {
        return "error: " + files.get(0);
    }

    @Test
    void lsOverAFolderListsEveryDocumentsSpansWithTheDocumentAndReportsTheBrokenFile() {
        Result r = run("ls", p(corpus), "--format", "tsv", "--label", "PERSON");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith(brokenMessage()).hasLineCount(1);
        StringBuilder expected =
                new StringBuilder("document\tid\tlabel\tstart\tend\ttext\tsuggestion\tproposers\tattributes\tlinks\n");
        for (int i = 0; i < 5; i++) {
            int[] s = CorpusTesting.SPANS.get(i);
            expected.append("doc-")
                    .append(i)
                    .append("\ts1\tPERSON\t")
                    .append(s[0])
                    .append('\t')
                    .append(s[1])
                    .append('\t')
                    .append(CorpusTesting.PERSONS.get(i))
                    .append("\tno\t\t\t\n");
        }
        assertThat(r.out()).isEqualTo(expected.toString());
    }

    @Test
    void lsJsonAndTableOverAGlobNameTheDocument() throws Exception {
        Result json = run("ls", corpus + "/**/doc-*.scholion.json", "--format", "json");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode spans = new ObjectMapper().readTree(json.out());
        assertThat(spans).hasSize(10);
        assertThat(spans.get(9).get("document").asText()).isEqualTo("doc-4");
        assertThat(spans.get(9).get("text").asText()).isEqualTo("London");
        Result table = run("ls", p(corpus.resolve("sub")));
        assertThat(table.code()).isZero();
        assertThat(table.out().lines().findFirst().orElseThrow()).startsWith("DOCUMENT  ID  LABEL");
        assertThat(table.out()).contains("doc-3", "\u5317\u4EAC", "doc-4");
    }

    @Test
    void lsRefusesALabelNoDocumentHas() {
        Result r = run("ls", p(corpus.resolve("sub")), "--label", "NOPE");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: no document has the label 'NOPE'\n");
    }

    @Test
    void exportOverAFolderWritesEachDocumentInSortedOrderAndReportsTheBrokenFile() {
        Path out = dir.resolve("out");
        Result r = run("export", p(corpus), "--format", "html", "-o", p(out));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.printsNoStackTrace().err()).startsWith(brokenMessage()).hasLineCount(1);
        assertThat(r.out().lines().toList())
                .containsExactly(
                        out + "/doc-0.html",
                        out + "/doc-1.html",
                        out + "/doc-2.html",
                        out + "/doc-3.html",
                        out + "/doc-4.html");
        assertThat(out.resolve("doc-3.html")).content(StandardCharsets.UTF_8).contains("\u674E\u660E");
    }

    @Test
    void exportNamesAFolderThatHoldsNoAnnotationFile() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Result r = run("export", p(empty), "--format", "csv", "-o", p(dir.resolve("out")));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: " + empty + ": holds no .scholion.json file\n");
    }

    @Test
    void newImportsManySourcesAndListsEachFailureAtTheEnd() throws Exception {
        Path sources = Files.createDirectory(dir.resolve("sources"));
        for (int i = 0; i < 5; i++) {
            Files.writeString(sources.resolve("t" + i + ".txt"), CorpusTesting.TEXTS.get(i), StandardCharsets.UTF_8);
        }
        Files.write(sources.resolve("bad.pdf"), "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII));
        Path out = dir.resolve("imported");
        Result r = run(
                "new",
                p(sources.resolve("t0.txt")),
                p(sources.resolve("bad.pdf")),
                p(sources.resolve("t1.txt")),
                p(sources.resolve("missing.txt")),
                p(sources.resolve("t2.txt")),
                p(sources.resolve("t3.txt")),
                p(sources.resolve("t4.txt")),
                "-o",
                p(out),
                "--labels",
                "entities");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out().lines().toList())
                .containsExactly(
                        out + "/t0.scholion.json",
                        out + "/t1.scholion.json",
                        out + "/t2.scholion.json",
                        out + "/t3.scholion.json",
                        out + "/t4.scholion.json");
        List<String> err = r.err().lines().toList();
        assertThat(err).hasSize(3);
        assertThat(err.get(0)).isEqualTo("error: 2 of 7 sources were not imported:");
        assertThat(err.get(1)).startsWith("  " + sources.resolve("bad.pdf") + ": ");
        assertThat(err.get(2)).isEqualTo("  " + sources.resolve("missing.txt") + ": no such file");
        for (int i = 0; i < 5; i++) {
            assertThat(CommandTesting.read(out.resolve("t" + i + ".scholion.json"))
                            .document()
                            .text())
                    .isEqualTo(CorpusTesting.TEXTS.get(i));
        }
        Result again = run("new", p(sources.resolve("t0.txt")), p(sources.resolve("t1.txt")), "-o", p(out));
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("t0.scholion.json: already exists", "t1.scholion.json: already exists");
    }

    @Test
    void newRefusesIdAndTitleForSeveralSources() throws Exception {
        Path a = Files.writeString(dir.resolve("a.txt"), "a", StandardCharsets.UTF_8);
        Path b = Files.writeString(dir.resolve("b.txt"), "b", StandardCharsets.UTF_8);
        Result r = run("new", p(a), p(b), "--id", "x", "-o", p(dir.resolve("o")));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--id and --title name one document");
    }

    @Test
    void viewRefusesAFolderWithoutAnnotationFilesBeforeServing() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Result r = run("view", p(empty), "--port", "0");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: " + empty + ": holds no .scholion.json file\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void exportOfAFolderWritesOneCsvAndAPagedCorpusJsonLdBesideEachDocumentsCollection() throws Exception {
        Path out = dir.resolve("out");
        Result r = run("export", p(corpus), "--format", "csv,jsonld", "--per-page", "3", "-o", p(out));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith(brokenMessage()).hasLineCount(1);
        List<String> lines = r.out().lines().toList();
        assertThat(lines)
                .containsExactly(
                        out + "/doc-0.jsonld",
                        out + "/doc-1.jsonld",
                        out + "/doc-2.jsonld",
                        out + "/doc-3.jsonld",
                        out + "/doc-4.jsonld",
                        out + "/corpus.csv",
                        out + "/corpus.relations.csv",
                        out + "/corpus.jsonld");
        List<String> csv = Files.readAllLines(out.resolve("corpus.csv"), StandardCharsets.UTF_8);
        assertThat(csv).hasSize(11);
        assertThat(csv.get(0))
                .isEqualTo("document_id,span_id,label,start,end,text,note,annotator,created,attributes,links");
        assertThat(csv.get(8)).startsWith("doc-3,s2,LOCATION,4,6,\u5317\u4EAC,");
        assertThat(Files.readAllLines(out.resolve("corpus.relations.csv")))
                .containsExactly(
                        "document_id,relation_id,type,from_span_id,to_span_id,attributes", "doc-0,r1,visits,s1,s2,");
        JsonNode graph = new ObjectMapper()
                .readTree(out.resolve("corpus.jsonld").toFile())
                .get("@graph");
        assertThat(graph.get(0).get("total").asInt()).isEqualTo(11);
        assertThat(graph.get(0).get("id").asText()).isEqualTo("urn:scholion:corpus:out");
        assertThat(graph).hasSize(5);
        assertThat(graph.get(4).get("prev").asText()).isEqualTo("urn:scholion:corpus:out/page3");
    }

    @Test
    void perDocumentKeepsACsvPerDocumentAndOneFileJoinsNamedFiles() throws Exception {
        Path out = dir.resolve("out");
        Result per = run("export", p(corpus.resolve("sub")), "--format", "csv", "--per-document", "-o", p(out));
        assertThat(per.code()).as(per.err()).isZero();
        assertThat(per.out().lines().toList()).containsExactly(out + "/doc-3.csv", out + "/doc-4.csv");
        Path joined = dir.resolve("joined");
        Result one = run("export", p(files.get(1)), p(files.get(2)), "--format", "csv", "--one-file", "-o", p(joined));
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(one.out().lines().toList())
                .containsExactly(joined + "/corpus.csv", joined + "/corpus.relations.csv");
        assertThat(Files.readAllLines(joined.resolve("corpus.csv"))).hasSize(5);
        Result both = run("export", p(corpus), "--format", "csv", "--one-file", "--per-document");
        assertThat(both.code()).isEqualTo(2);
    }
}
