package org.scholion.export.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.scholion.export.ExportOptions;
import org.scholion.export.Format;

/**
 * Every interchange format that has no place for attributes or links says so, span by span; brat,
 * WebAnno and Label Studio carry them (their own tests prove it).
 */
class DetailsLossTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(
            value = Format.class,
            names = {"CONLL", "DOCCANO", "PRODIGY", "PTC"})
    void formatsWithoutAPlaceForAttributesAndLinksReportThem(Format format) throws Exception {
        LossReport losses = new LossReport();
        DocumentWriter.Batch batch = Interchange.writer(format)
                .open(
                        Files.createTempDirectory(dir, "out"),
                        ExportOptions.builder().includeSuggestions(true).build(),
                        losses);
        batch.write(InterchangeFixtures.linked());
        batch.close();
        String name = losses.losses().get(0).format();
        assertThat(losses.summary())
                .contains(
                        name + ": span attributes not written: 3",
                        name + ": span links not written: 3",
                        name + ": relation attributes not written: 1");
        assertThat(losses.losses())
                .filteredOn(l -> l.kind().equals("span attributes not written"))
                .extracting(Loss::detail)
                .contains("span s1: certainty=low; negated=true");
    }

    @ParameterizedTest
    @EnumSource(
            value = Format.class,
            names = {"CONLL", "DOCCANO", "LABELSTUDIO", "PRODIGY", "WEBANNO", "PTC"})
    void documentsWithoutThemReportNothingOfThem(Format format) throws Exception {
        LossReport losses = new LossReport();
        DocumentWriter.Batch batch = Interchange.writer(format)
                .open(
                        Files.createTempDirectory(dir, "out"),
                        ExportOptions.builder().includeSuggestions(true).build(),
                        losses);
        batch.write(InterchangeFixtures.tricky());
        batch.close();
        assertThat(losses.losses())
                .extracting(Loss::kind)
                .noneMatch(k -> k.contains("attributes") || k.contains("links"));
    }
}
