package org.scholion.export.brat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.export.ExportOptions;
import org.scholion.export.GoldenFiles;
import org.scholion.export.interchange.DocumentWriter;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;

/** The examples of brat's own format page read as brat means them, and written back as golden files. */
class BratDocsExampleTest {
    private static final Path INPUT = Path.of("src/test/resources/golden/brat-docs/input");

    @TempDir
    Path dir;

    static AnnotatedDocument read(Path ann, LossReport losses) throws Exception {
        List<AnnotatedDocument> docs = new ArrayList<>();
        new BratReader().read(ann, ReadOptions.defaults("brat-docs"), losses, docs::add);
        assertThat(docs).hasSize(1);
        return docs.get(0);
    }

    @Test
    void readsTheFormatPageExampleAndReportsWhatItCannotHold() throws Exception {
        LossReport losses = new LossReport();
        AnnotatedDocument sony = read(INPUT.resolve("sony.ann"), losses);
        assertThat(sony.document().id()).isEqualTo("sony");
        assertThat(sony.spans())
                .extracting(Span::id, Span::start, Span::end, Span::label)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("s1", 0, 4, "Organization"),
                        org.assertj.core.groups.Tuple.tuple("s2", 14, 27, "MERGE-ORG"),
                        org.assertj.core.groups.Tuple.tuple("s3", 33, 41, "Organization"),
                        org.assertj.core.groups.Tuple.tuple("s4", 75, 81, "Country"));
        assertThat(sony.span("s1").orElseThrow().note()).isEqualTo("this annotation is suspect");
        assertThat(sony.relations()).containsExactly(new Relation("r1", "Origin", "s3", "s4"));
        assertThat(sony.labelSets())
                .singleElement()
                .satisfies(set -> assertThat(set.name()).isEqualTo("brat-docs"));
        assertThat(losses.summary())
                .containsExactly(
                        "brat: events not imported (their trigger spans are): 1",
                        "brat: attributes of events and relations not imported: 1",
                        "brat: normalisations to resources no label set declares not imported: 1");
        assertThat(losses.losses())
                .extracting(l -> l.where())
                .containsExactly(
                        INPUT.resolve("sony.ann") + ":4",
                        INPUT.resolve("sony.ann") + ":7",
                        INPUT.resolve("sony.ann") + ":8");
    }

    @Test
    void aDiscontinuousSpanComesInOverItsGapAndIsReported() throws Exception {
        LossReport losses = new LossReport();
        AnnotatedDocument america = read(INPUT.resolve("america.ann"), losses);
        assertThat(america.spans())
                .extracting(s -> america.textOf(s))
                .containsExactly("North and South America", "South America");
        assertThat(losses.summary()).containsExactly("brat: discontinuous spans imported as one span over the gap: 1");
        assertThat(losses.losses().get(0).detail()).isEqualTo("T1 (Location) 0 5;16 23 becomes 0:23");
    }

    @Test
    void writesTheExamplesBackAsGoldenFiles() throws Exception {
        LossReport losses = new LossReport();
        DocumentWriter.Batch batch = new BratWriter().open(dir, ExportOptions.DEFAULT, losses);
        batch.write(read(INPUT.resolve("sony.ann"), new LossReport()));
        batch.write(read(INPUT.resolve("america.ann"), new LossReport()));
        batch.close();
        assertThat(batch.files())
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        "sony.txt", "sony.ann", "america.txt", "america.ann", "annotation.conf", "visual.conf");
        for (Path file : batch.files()) {
            String name = file.getFileName().toString();
            if (name.endsWith(".txt")) {
                assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(INPUT.resolve(name)));
            } else {
                GoldenFiles.check("brat-docs", name, Files.readAllBytes(file));
            }
        }
        assertThat(losses.isEmpty()).isTrue();
    }
}
