package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholion.cli.CommandTesting.p;
import static org.scholion.cli.CommandTesting.run;
import static org.scholion.cli.CommandTesting.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.CommandTesting.Result;
import org.scholion.export.Format;

class ExportCommandTest {
    @TempDir
    Path dir;

    /**
     * Each format is written and its path printed, or reported on stderr (exporters land one by
     * one); the exit code is 0 exactly when every format was written.
     */
    @Test
    void writesEveryFormatThatWorksAndReportsEachThatFails() throws Exception {
        Path file = sample(dir);
        run("add", p(file), "-l", "PERSON", "--text", "Macron", "--all");
        Path out = dir.resolve("out");
        Result r = run("export", p(file), "--format", "all", "-o", p(out));
        List<String> failed = new ArrayList<>();
        for (Format format : Format.values()) {
            Path written = out.resolve("sample." + format.extension());
            if (r.out().lines().anyMatch(l -> l.equals(written.toString()))) {
                assertThat(written).isNotEmptyFile();
            } else {
                assertThat(written).doesNotExist();
                assertThat(r.err()).containsPattern("(?m)^error: " + java.util.regex.Pattern.quote(file.toString())
                        + ": " + format.extension() + ": .+$");
                failed.add(format.extension());
            }
        }
        assertThat(r.err().lines().filter(l -> l.startsWith("error: "))).hasSize(failed.size());
        assertThat(r.code()).isEqualTo(failed.isEmpty() ? 0 : 1);
        assertThat(r.err()).doesNotContain("\tat ");
        try (var stream = Files.list(out)) {
            assertThat(stream.filter(f -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void aMissingFileIsReportedAndTheOthersStillExported() throws Exception {
        Path file = sample(dir);
        Path missing = dir.resolve("missing.scholion.json");
        Result r = run("export", p(missing), p(file), "--format", "csv,jsonld", "-o", p(dir.resolve("out")));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: " + missing + ": no such file\n");
        assertThat(dir.resolve("out/sample.csv")).isNotEmptyFile();
        assertThat(dir.resolve("out/sample.jsonld")).isNotEmptyFile();
        assertThat(r.out().lines()).containsExactly(dir.resolve("out/sample.csv").toString(),
                dir.resolve("out/sample.jsonld").toString());
    }

    @Test
    void refusesUnknownFormatsAsUsageAndUnknownLabelsAsBadData() throws Exception {
        Path file = sample(dir);
        Result format = run("export", p(file), "--format", "odt");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).startsWith("error: unknown format 'odt' (expected one of csv, jsonld, docx, pdf, html, or all\n")
                .contains("Try 'annotate export --help'");
        Result label = run("export", p(file), "--format", "csv", "--label", "NOPE", "-o", p(dir));
        assertThat(label.code()).isEqualTo(1);
        assertThat(label.err()).startsWith("error: " + file + ": unknown label 'NOPE'");
        Result set = run("export", p(file), "--format", "csv", "--labels", "propaganda", "-o", p(dir));
        assertThat(set.err()).isEqualTo("error: " + file + ": has no label set 'propaganda' (it has entities)\n");
        assertThat(run("export", p(file), "-o", p(dir)).code()).isEqualTo(2);
    }

    @Test
    void progressBarOnlyWhenSeveralFilesGoToATerminal() {
        java.io.StringWriter err = new java.io.StringWriter();
        Progress quiet = new Progress(new java.io.PrintWriter(err), 4, false);
        quiet.step("a.csv");
        quiet.clear();
        assertThat(err.toString()).isEmpty();
        Progress one = new Progress(new java.io.PrintWriter(err), 1, true);
        one.step("a.csv");
        assertThat(err.toString()).isEmpty();
        Progress shown = new Progress(new java.io.PrintWriter(err), 4, true);
        shown.done();
        shown.step("a.pdf");
        assertThat(err.toString()).isEqualTo("\r\u001B[K[######..................] 1/4 a.pdf");
    }
}
