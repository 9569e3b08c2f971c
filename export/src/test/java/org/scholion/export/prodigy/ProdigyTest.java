package org.scholion.export.prodigy;

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
import org.scholion.export.json.Interchanges.Part;

class ProdigyTest {
    private static final Path DOCS = Path.of("src/test/resources/golden/prodigy-docs");

    @TempDir
    Path dir;

    @Test
    void readsTheNerManualExampleOfProdigysDocumentation() throws Exception {
        List<AnnotatedDocument> docs = readAll(new ProdigyReader(), DOCS.resolve("ner_manual.jsonl"), new LossReport());
        assertThat(covered(docs.get(0))).containsExactly("PRODUCT MacBook Pro");
        check("ner_manual", docs);
    }

    @Test
    void readsRelationsBetweenTheSpansTheirTokensFallIn() throws Exception {
        LossReport losses = new LossReport();
        List<AnnotatedDocument> docs = readAll(new ProdigyReader(), DOCS.resolve("relations.jsonl"), losses);
        AnnotatedDocument doc = docs.get(0);
        assertThat(covered(doc)).contains("ING basil", "ING salt", "ING sugar", "UNIT tsp.");
        assertThat(content(doc))
                .contains("relation canding 15:20 ING -> 22:26 ING", "relation canding 15:20 ING -> 31:36 ING");
        // Prodigy's hashes and view id are kept as metadata and written back at the top level
        assertThat(doc.document().metadata())
                .containsEntry("_input_hash", "-1520298787")
                .containsEntry("_view_id", "relations");
        assertThat(losses.isEmpty()).isTrue();
        check("relations", docs);
    }

    @Test
    void readsSpacyTrainingDataWithMeta() throws Exception {
        List<AnnotatedDocument> docs = readAll(new ProdigyReader(), DOCS.resolve("spans.jsonl"), new LossReport());
        AnnotatedDocument doc = docs.get(0);
        assertThat(doc.document().id()).isEqualTo("apple");
        assertThat(doc.document().metadata()).containsEntry("source", "spaCy");
        assertThat(covered(doc)).containsExactly("ORG Apple", "GPE U.K.", "MONEY $1 billion");
        check("spans", docs);
    }

    @Test
    void roundTripsTheHardDocumentExceptWhatItReports() throws Exception {
        AnnotatedDocument hard = Interchanges.hard();
        LossReport written = new LossReport();
        List<Path> files = writeAll(new ProdigyWriter(), dir, ExportOptions.DEFAULT, written, hard);
        LossReport read = new LossReport();
        List<AnnotatedDocument> back = readAll(new ProdigyReader(), files.get(0), read);

        assertThat(content(back.get(0))).isEqualTo(content(ExportOptions.DEFAULT.select(hard)));
        assertThat(read.isEmpty()).isTrue();
        assertThat(written.losses())
                .extracting(Loss::kind)
                .containsOnly(
                        "span notes not written",
                        "span annotators and times not written",
                        "span ids not kept (spans are numbered in order)");
    }

    @Test
    void carriesOneAnnotatorAndTimeAndScoresOfSuggestionsWhenAsked() throws Exception {
        AnnotatedDocument doc = AnnotatedDocument.builder(org.scholion.core.model.Document.of("d", "Ann met Bob"))
                .labelSets(List.of(
                        org.scholion.core.model.LabelSet.of("p", org.scholion.core.model.Label.of("P", "#112233"))))
                .span(new Span("s1", 0, 3, "P", null, "ann", Interchanges.NOON, false))
                .span(new Span("s2", 8, 11, "P", "score: 0.5", "ann", Interchanges.NOON, true))
                .build();
        LossReport written = new LossReport();
        writeAll(
                new ProdigyWriter(),
                dir,
                ExportOptions.builder().includeSuggestions(true).build(),
                written,
                doc);
        String line = Files.readString(dir.resolve("prodigy.jsonl"), StandardCharsets.UTF_8);
        assertThat(line)
                .contains(
                        "\"_annotator_id\":\"ann\"",
                        "\"_timestamp\":" + Interchanges.NOON.getEpochSecond(),
                        "\"score\":0.5");
        assertThat(written.losses()).extracting(Loss::kind).containsExactly("suggestions written as spans");

        AnnotatedDocument back = readAll(new ProdigyReader(), dir.resolve("prodigy.jsonl"), new LossReport())
                .get(0);
        assertThat(content(back, Part.NOTES, Part.ANNOTATORS, Part.TIMES))
                .contains(
                        "span 0:3 P 'Ann' note=null by=ann at=2026-11-24T12:00:00Z",
                        "span 8:11 P 'Bob' note=score: 0.5 by=ann at=2026-11-24T12:00:00Z");
    }

    @Test
    void doesNotImportTheSpansOfRejectedTasks() throws Exception {
        Path file = dir.resolve("teach.jsonl");
        Files.writeString(
                file,
                "{\"text\": \"Ann\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"P\", \"score\": 0.2}],"
                        + " \"answer\": \"reject\"}\n",
                StandardCharsets.UTF_8);
        LossReport losses = new LossReport();
        AnnotatedDocument doc = readAll(new ProdigyReader(), file, losses).get(0);
        assertThat(doc.spans()).isEmpty();
        assertThat(losses.summary()).containsExactly("prodigy: spans of rejected or ignored tasks not imported: 1");
    }

    @Test
    void checksTheTokensOnlyOfTasksWhoseSpansAreImported() throws Exception {
        Path file = dir.resolve("rejected.jsonl");
        Files.writeString(
                file,
                "{\"text\": \"Ann\", \"tokens\": [{\"text\": \"Bob\", \"start\": 0, \"end\": 9}],"
                        + " \"answer\": \"ignore\"}\r\n\r\n{\"tokens\": [{\"text\": \"Bob\", \"start\": 0, \"end\": 3}],"
                        + " \"text\": \"Bob\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"P\"}],"
                        + " \"relations\": [{\"head\": 0, \"child\": 0, \"label\": \"self\"}]}",
                StandardCharsets.UTF_8);
        List<AnnotatedDocument> docs = readAll(new ProdigyReader(), file, new LossReport());
        assertThat(docs).hasSize(2);
        assertThat(docs.get(0).spans()).isEmpty();
        assertThat(covered(docs.get(1))).containsExactly("P Bob");
        assertThat(docs.get(1).relations()).hasSize(1);
    }

    @Test
    void isDetectedByItsKeysAndRegistered() throws Exception {
        assertThat(Interchange.detect(DOCS.resolve("ner_manual.jsonl"))).contains(Format.PRODIGY);
        assertThat(Interchange.detect(DOCS.resolve("spans.jsonl"))).contains(Format.PRODIGY);
        assertThat(Interchange.reader(Format.PRODIGY)).isInstanceOf(ProdigyReader.class);
        assertThat(Interchange.writer(Format.PRODIGY)).isInstanceOf(ProdigyWriter.class);
    }

    private void check(String name, List<AnnotatedDocument> docs) throws Exception {
        Path out = dir.resolve(name);
        writeAll(
                new ProdigyWriter(),
                out,
                ExportOptions.DEFAULT,
                new LossReport(),
                docs.toArray(AnnotatedDocument[]::new));
        GoldenFiles.check("prodigy-docs", name + ".exported.jsonl", Files.readAllBytes(out.resolve("prodigy.jsonl")));
        // and what is written reads back to the same content
        List<AnnotatedDocument> again = readAll(new ProdigyReader(), out.resolve("prodigy.jsonl"), new LossReport());
        for (int i = 0; i < docs.size(); i++) {
            assertThat(content(again.get(i))).isEqualTo(content(docs.get(i)));
        }
    }

    static List<String> covered(AnnotatedDocument doc) {
        return doc.spans().stream().map(s -> s.label() + " " + doc.textOf(s)).toList();
    }
}
