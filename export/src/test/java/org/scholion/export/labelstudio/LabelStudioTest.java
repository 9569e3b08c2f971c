package org.scholion.export.labelstudio;

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
import org.scholion.export.ExportOptions;
import org.scholion.export.Format;
import org.scholion.export.GoldenFiles;
import org.scholion.export.interchange.Interchange;
import org.scholion.export.interchange.Loss;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.json.Interchanges;
import org.scholion.export.json.Interchanges.Part;

class LabelStudioTest {
    private static final Path DOCS = Path.of("src/test/resources/golden/labelstudio-docs");

    @TempDir
    Path dir;

    @Test
    void readsTheExamplesOfLabelStudiosSources() throws Exception {
        LossReport losses = new LossReport();
        List<AnnotatedDocument> docs = readAll(new LabelStudioReader(), DOCS.resolve("tasks.json"), losses);

        assertThat(docs).hasSize(3);
        assertThat(content(docs.get(0), Part.ANNOTATORS, Part.TIMES))
                .contains(
                        "span 0:5 Label 'Hello' by=user-1 at=2024-05-01T10:00:00Z",
                        "span 6:11 Label 'world' by=user-1 at=2024-05-01T10:00:00Z");
        // code points: the cat before "test" is one, as Label Studio's own test says
        assertThat(content(docs.get(1), Part.NOTES, Part.ANNOTATORS))
                .contains("span 21:25 region 'test' note=the word after the cat by=ann@example.org");
        assertThat(content(docs.get(2), Part.NOTES, Part.ANNOTATORS, Part.SUGGESTIONS))
                .contains(
                        "span 0:3 PER 'Ann' note=score: 0.91 by=ner-v2 suggested",
                        "span 8:11 PER 'Bob' note=score: 0.62 by=ner-v2 suggested",
                        "relation met 0:3 PER -> 8:11 PER");
        assertThat(docs.get(2).document().metadata())
                .containsEntry("source", "news")
                .containsEntry("page", "4");
        assertThat(docs.get(1).document().id()).isEqualTo("tasks-2");
        assertThat(losses.isEmpty()).isTrue();

        Path out = dir.resolve("out");
        List<Path> files = writeAll(
                new LabelStudioWriter(),
                out,
                ExportOptions.DEFAULT,
                new LossReport(),
                docs.toArray(AnnotatedDocument[]::new));
        assertThat(files).containsExactly(out.resolve("labelstudio.json"), out.resolve("labelstudio-config.xml"));
        GoldenFiles.check("labelstudio-docs", "tasks.exported.json", Files.readAllBytes(files.get(0)));
        GoldenFiles.check("labelstudio-docs", "tasks.exported-config.xml", Files.readAllBytes(files.get(1)));
        List<AnnotatedDocument> again = readAll(new LabelStudioReader(), files.get(0), new LossReport());
        for (int i = 0; i < docs.size(); i++) {
            assertThat(content(again.get(i), Part.NOTES, Part.ANNOTATORS, Part.SUGGESTIONS))
                    .isEqualTo(content(docs.get(i), Part.NOTES, Part.ANNOTATORS, Part.SUGGESTIONS));
        }
    }

    @Test
    void roundTripsTheHardDocumentWithNotesAnnotatorsAndSuggestions() throws Exception {
        AnnotatedDocument hard = Interchanges.hard();
        LossReport written = new LossReport();
        List<Path> files = writeAll(new LabelStudioWriter(), dir, ExportOptions.DEFAULT, written, hard);
        LossReport read = new LossReport();
        AnnotatedDocument back =
                readAll(new LabelStudioReader(), files.get(0), read).get(0);

        // r1 and r2 join spans of different annotators, which Label Studio cannot hold in one annotation
        AnnotatedDocument expected = hard.withoutRelations(List.of("r1", "r2"));
        assertThat(content(back, Part.NOTES, Part.ANNOTATORS, Part.SUGGESTIONS))
                .isEqualTo(content(expected, Part.NOTES, Part.ANNOTATORS, Part.SUGGESTIONS));
        assertThat(read.isEmpty()).isTrue();
        assertThat(written.losses())
                .extracting(Loss::kind)
                .containsOnly("span times not written", "relations across annotations not written");
        assertThat(written.losses())
                .filteredOn(l -> l.kind().startsWith("relations"))
                .extracting(Loss::detail)
                .allMatch(d -> d.startsWith("relation r1 ") || d.startsWith("relation r2 "));
        String config = Files.readString(files.get(1), StandardCharsets.UTF_8);
        assertThat(config)
                .contains(
                        "<Label value=\"Quote\" background=\"#4477AA\" hotkey=\"q\"/>",
                        "<Label value=\"=Formula\"",
                        "<Relation value=\"said-by\"/>",
                        "<Text name=\"text\" value=\"$text\"/>");
    }

    @Test
    void convertsRegionsCountedInUtf16UnitsAndReportsThem() throws Exception {
        Path file = dir.resolve("old.json");
        // "test" is at 21:25 in code points, 22:26 in UTF-16 units (the cat is a surrogate pair)
        Files.writeString(
                file,
                "[{\"data\": {\"text\": \"🐱 Warning: This is a test text\"}, \"annotations\": [{\"result\": ["
                        + "{\"id\": \"a\", \"type\": \"labels\", \"value\": {\"start\": 22, \"end\": 26, \"text\": \"test\", \"labels\": [\"T\"]}}"
                        + "]}]}]",
                StandardCharsets.UTF_8);
        LossReport losses = new LossReport();
        AnnotatedDocument doc = readAll(new LabelStudioReader(), file, losses).get(0);
        assertThat(content(doc)).contains("span 21:25 T 'test'");
        assertThat(losses.summary()).containsExactly("labelstudio: regions with UTF-16 offsets converted: 1");
    }

    @Test
    void reportsCancelledAnnotationsOtherResultTypesAndTwoWayRelations() throws Exception {
        Path file = dir.resolve("mixed.json");
        Files.writeString(
                file,
                "[{\"id\": 5, \"data\": {\"review\": \"Ann met Bob\"}, \"annotations\": ["
                        + "{\"was_cancelled\": true, \"result\": [{\"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 3, \"labels\": [\"P\"]}}]},"
                        + "{\"completed_by\": 2, \"result\": ["
                        + "{\"id\": \"a\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 3, \"labels\": [\"P\"]}},"
                        + "{\"id\": \"b\", \"type\": \"labels\", \"value\": {\"start\": 8, \"end\": 11, \"labels\": [\"P\"]}},"
                        + "{\"type\": \"choices\", \"value\": {\"choices\": [\"good\"]}},"
                        + "{\"type\": \"relation\", \"from_id\": \"a\", \"to_id\": \"b\", \"direction\": \"bi\"},"
                        + "{\"type\": \"relation\", \"from_id\": \"a\", \"to_id\": \"b\", \"direction\": \"left\", \"labels\": [\"knows of\"]}"
                        + "]}]}]",
                StandardCharsets.UTF_8);
        LossReport losses = new LossReport();
        AnnotatedDocument doc = readAll(new LabelStudioReader(), file, losses).get(0);
        assertThat(content(doc)).contains("relation related 0:3 P -> 8:11 P", "relation knows_of 8:11 P -> 0:3 P");
        assertThat(losses.summary())
                .containsExactly(
                        "labelstudio: cancelled annotations not imported: 1",
                        "labelstudio: results of other types not imported: 1",
                        "labelstudio: two-way relations read as one-way: 1",
                        "labelstudio: relation types renamed: 1");
    }

    @Test
    void isDetectedByItsKeysAndRegistered() throws Exception {
        assertThat(Interchange.detect(DOCS.resolve("tasks.json"))).contains(Format.LABELSTUDIO);
        assertThat(Interchange.reader(Format.LABELSTUDIO)).isInstanceOf(LabelStudioReader.class);
        assertThat(Interchange.writer(Format.LABELSTUDIO)).isInstanceOf(LabelStudioWriter.class);
    }
}
