package org.scholion.export.doccano;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholion.export.json.Interchanges.content;
import static org.scholion.export.json.Interchanges.readAll;
import static org.scholion.export.json.Interchanges.writeAll;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.export.ExportOptions;
import org.scholion.export.Format;
import org.scholion.export.GoldenFiles;
import org.scholion.export.interchange.Interchange;
import org.scholion.export.interchange.Loss;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.json.Interchanges;

class DoccanoTest {
    private static final Path DOCS = Path.of("src/test/resources/golden/doccano-docs");

    @TempDir
    Path dir;

    @Test
    void readsTheSequenceExampleOfDoccanosDocumentation() throws Exception {
        LossReport losses = new LossReport();
        List<AnnotatedDocument> docs = readAll(new DoccanoReader(), DOCS.resolve("sequence.jsonl"), losses);

        assertThat(docs).hasSize(3);
        assertThat(covered(docs.get(0))).containsExactly("ORG EU", "MISC German");
        assertThat(covered(docs.get(1))).containsExactly("PERSON Peter Blackburn");
        assertThat(covered(docs.get(2))).containsExactly("PERSON Obama");
        assertThat(docs.get(0).document().id()).isEqualTo("sequence-line1");
        // every document of the file gets every label of the file, in the order met
        assertThat(docs.get(2).labels()).extracting(l -> l.name()).containsExactly("ORG", "MISC", "PERSON");
        assertThat(losses.isEmpty()).isTrue();
        check("sequence", docs);
    }

    @Test
    void readsTheRelationExampleOfDoccanosDocumentation() throws Exception {
        LossReport losses = new LossReport();
        List<AnnotatedDocument> docs = readAll(new DoccanoReader(), DOCS.resolve("relations.jsonl"), losses);

        AnnotatedDocument doc = docs.get(0);
        assertThat(covered(doc))
                .containsExactly("ORG Google", "DATE September 4, 1998", "PERSON Larry Page", "PERSON Sergey Brin");
        assertThat(doc.spans()).extracting(Span::id).containsExactly("s0", "s1", "s2", "s3");
        assertThat(content(doc))
                .contains(
                        "relation foundedAt 0:6 ORG -> 22:39 DATE",
                        "relation foundedBy 0:6 ORG -> 44:54 PERSON",
                        "relation foundedBy 0:6 ORG -> 59:70 PERSON");
        assertThat(losses.isEmpty()).isTrue();
        check("relations", docs);
    }

    @Test
    void roundTripsTheHardDocumentExceptWhatItReports() throws Exception {
        AnnotatedDocument hard = Interchanges.hard();
        LossReport written = new LossReport();
        List<Path> files = writeAll(new DoccanoWriter(), dir, ExportOptions.DEFAULT, written, hard);
        assertThat(files).containsExactly(dir.resolve("doccano.jsonl"));

        LossReport read = new LossReport();
        List<AnnotatedDocument> back = readAll(new DoccanoReader(), files.get(0), read);

        assertThat(back).hasSize(1);
        AnnotatedDocument expected = ExportOptions.DEFAULT.select(hard);
        assertThat(content(back.get(0))).isEqualTo(content(expected));
        // one id (x:1) is not an s-number, so all are renumbered in document order; relations follow
        assertThat(back.get(0).spans())
                .extracting(Span::id)
                .contains("s1", "s15")
                .doesNotContain("x:1");
        assertThat(read.isEmpty()).isTrue();
        assertThat(kinds(written))
                .containsExactlyInAnyOrder(
                        "span notes not written",
                        "span annotators and times not written",
                        "label colours and descriptions not written");
        assertThat(written.losses())
                .filteredOn(l -> l.kind().equals("span notes not written"))
                .hasSize((int)
                        expected.spans().stream().filter(s -> s.note() != null).count());
    }

    @Test
    void writesTheSequenceShapeWithoutRelationsAndTheRelationShapeWithThem() throws Exception {
        AnnotatedDocument hard = Interchanges.hard();
        AnnotatedDocument plain =
                hard.withoutRelations(hard.relations().stream().map(r -> r.id()).toList());
        writeAll(new DoccanoWriter(), dir, ExportOptions.DEFAULT, new LossReport(), hard, plain);
        List<String> lines = Files.readAllLines(dir.resolve("doccano.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .contains("\"entities\":[{\"id\":1,")
                .contains("\"relations\":[")
                .doesNotContain("\"label\":[");
        assertThat(lines.get(1)).contains("\"label\":[[0,").doesNotContain("\"entities\"");

        LossReport losses = new LossReport();
        writeAll(new DoccanoWriter(DoccanoWriter.Shape.SEQUENCE), dir, ExportOptions.DEFAULT, losses, hard);
        assertThat(kinds(losses)).contains("relations not written");
    }

    @Test
    void keepsOtherKeysAsMetadataWithTheirJsonTypes() throws Exception {
        Path file = dir.resolve("meta.jsonl");
        Files.writeString(
                file,
                "{\"text\": \"ab\", \"label\": [], \"n\": 3, \"ok\": false, \"tags\": [\"x\", 1],"
                        + " \"who\": {\"name\": \"Ann\"}, \"nothing\": null, \"s\": \"3\", \"Comments\": []}\n",
                StandardCharsets.UTF_8);
        AnnotatedDocument doc =
                readAll(new DoccanoReader(), file, new LossReport()).get(0);
        assertThat(doc.document().metadata())
                .containsEntry("n", "3")
                .containsEntry("ok", "false")
                .containsEntry("tags", "[\"x\",1]")
                .containsEntry("who", "{\"name\":\"Ann\"}")
                .containsEntry("s", "3")
                .containsEntry("Comments", "[]")
                .doesNotContainKey("nothing");

        writeAll(new DoccanoWriter(), dir, ExportOptions.DEFAULT, new LossReport(), doc);
        assertThat(Files.readString(dir.resolve("doccano.jsonl"), StandardCharsets.UTF_8))
                .contains("\"n\":3", "\"ok\":false", "\"tags\":[\"x\",1]", "\"who\":{\"name\":\"Ann\"}", "\"s\":3");
    }

    @Test
    void reportsCategoriesEmptySpansAndRenamedRelationTypes() throws Exception {
        Path file = dir.resolve("odd.jsonl");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "{\"text\": \"good film\", \"label\": [\"positive\"]}",
                        "{\"text\": \"Ann met Bob\", \"entities\": [{\"id\": 1, \"start_offset\": 0, \"end_offset\": 3,"
                                + " \"label\": \"P\"}, {\"id\": 2, \"start_offset\": 8, \"end_offset\": 11, \"label\": \"P\"},"
                                + " {\"id\": 3, \"start_offset\": 4, \"end_offset\": 4, \"label\": \"P\"}],"
                                + " \"relations\": [{\"id\": 7, \"from_id\": 1, \"to_id\": 2, \"type\": \"met with\"},"
                                + " {\"id\": 8, \"from_id\": 1, \"to_id\": 3, \"type\": \"x\"}]}"),
                StandardCharsets.UTF_8);
        LossReport losses = new LossReport();
        List<AnnotatedDocument> docs = readAll(new DoccanoReader(), file, losses);
        assertThat(docs.get(0).spans()).isEmpty();
        assertThat(docs.get(1).relations()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo("met_with");
            assertThat(r.id()).isEqualTo("r7");
        });
        assertThat(losses.losses())
                .extracting(Loss::line, Loss::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "document categories not imported"),
                        org.assertj.core.groups.Tuple.tuple(2, "empty spans not imported"),
                        org.assertj.core.groups.Tuple.tuple(2, "relation types renamed"),
                        org.assertj.core.groups.Tuple.tuple(2, "relations to empty spans not imported"));
        assertThat(losses.summary()).contains("doccano: document categories not imported: 1");
    }

    @Test
    void isDetectedByItsKeysAndRegistered() throws Exception {
        assertThat(Interchange.detect(DOCS.resolve("sequence.jsonl"))).contains(Format.DOCCANO);
        assertThat(Interchange.detect(DOCS.resolve("relations.jsonl"))).contains(Format.DOCCANO);
        assertThat(Interchange.reader(Format.DOCCANO)).isInstanceOf(DoccanoReader.class);
        assertThat(Interchange.writer(Format.DOCCANO)).isInstanceOf(DoccanoWriter.class);
        Path textOnly = dir.resolve("t.jsonl");
        Files.writeString(textOnly, "{\"text\": \"only text\"}\n", StandardCharsets.UTF_8);
        assertThat(Interchange.detect(textOnly)).isEmpty();
    }

    private void check(String name, List<AnnotatedDocument> docs) throws Exception {
        Path out = dir.resolve(name);
        writeAll(
                new DoccanoWriter(),
                out,
                ExportOptions.DEFAULT,
                new LossReport(),
                docs.toArray(AnnotatedDocument[]::new));
        GoldenFiles.check("doccano-docs", name + ".exported.jsonl", Files.readAllBytes(out.resolve("doccano.jsonl")));
    }

    static List<String> covered(AnnotatedDocument doc) {
        return doc.spans().stream().map(s -> s.label() + " " + doc.textOf(s)).toList();
    }

    static List<String> kinds(LossReport losses) {
        return losses.losses().stream().map(Loss::kind).distinct().toList();
    }
}
