package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholion.cli.CommandTesting.p;
import static org.scholion.cli.CommandTesting.run;
import static org.scholion.cli.CommandTesting.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.CommandTesting.Result;

/** {@code export --format bag} and {@code verify}, as a user runs them. */
class BagCommandsTest {
    @TempDir
    Path dir;

    @Test
    void exportsABagThatVerifiesAndNamesEachTamperedFile() throws Exception {
        Path file = sample(dir);
        Path archive = dir.resolve("archive");
        Result export = run(
                "export",
                p(file),
                "--format",
                "bag",
                "-o",
                p(archive),
                "--organisation",
                "Scholion",
                "--date",
                "2026-12-05",
                "--description",
                "One sample");
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).isEqualTo(archive + "\n");
        assertThat(Files.readString(archive.resolve("bag-info.txt")))
                .contains("Bagging-Date: 2026-12-05", "Source-Organization: Scholion");

        Result valid = run("verify", p(archive));
        assertThat(valid.code()).as(valid.err()).isZero();
        assertThat(valid.out()).isEqualTo(archive + ": valid\n");

        Path csv = archive.resolve("data/documents/sample/sample.csv");
        Files.writeString(csv, Files.readString(csv) + "x");
        Files.delete(archive.resolve("data/documents/sample/sample.txt"));
        Result tampered = run("verify", p(archive));
        assertThat(tampered.code()).isEqualTo(1);
        assertThat(tampered.out()).isEmpty();
        assertThat(tampered.err())
                .contains(
                        "error: " + archive + ": data/documents/sample/sample.csv: altered: ",
                        "error: " + archive + ": data/documents/sample/sample.txt: missing\n",
                        "error: " + archive + ": not valid (")
                .doesNotContain("\tat ");
    }

    @Test
    void refusesBagBesideOtherFormatsAnExistingFolderAndABadBaseIri() throws Exception {
        Path file = sample(dir);
        assertThat(run("export", p(file), "--format", "bag,csv", "-o", p(dir.resolve("a")))
                        .code())
                .isEqualTo(2);
        assertThat(run("export", p(file), "--format", "bag", "-o", p(dir.resolve("b")), "--base-iri", "ftp://x")
                        .code())
                .isEqualTo(2);
        Result exists = run("export", p(file), "--format", "bag", "-o", p(dir));
        assertThat(exists.code()).isEqualTo(1);
        assertThat(exists.err()).contains("already exists");
        Result notABag = run("verify", p(dir));
        assertThat(notABag.code()).isEqualTo(1);
        assertThat(notABag.err()).contains("bagit.txt: missing: this is not a BagIt bag");
    }
}
