package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholion.cli.CommandTesting.bytes;
import static org.scholion.cli.CommandTesting.p;
import static org.scholion.cli.CommandTesting.run;
import static org.scholion.cli.CommandTesting.sample;

import java.nio.charset.StandardCharsets;
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
        for (Format format : Format.publication()) {
            Path written = out.resolve("sample." + format.extension());
            if (r.out().lines().anyMatch(l -> l.equals(written.toString()))) {
                assertThat(written).isNotEmptyFile();
            } else {
                assertThat(written).doesNotExist();
                assertThat(r.err())
                        .containsPattern("(?m)^error: " + java.util.regex.Pattern.quote(file.toString()) + ": "
                                + format.extension() + ": .+$");
                failed.add(format.extension());
            }
        }
        assertThat(r.err().lines().filter(l -> l.startsWith("error: "))).hasSize(failed.size());
        assertThat(r.code()).isEqualTo(failed.isEmpty() ? 0 : 1);
        assertThat(r.err()).doesNotContain("\tat ");
        try (var stream = Files.list(out)) {
            assertThat(stream.filter(f -> f.getFileName().toString().endsWith(".tmp")))
                    .isEmpty();
        }
    }

    @Test
    void aMissingFileIsReportedAndTheOthersStillExported() throws Exception {
        Path file = sample(dir);
        Path missing = dir.resolve("missing.scholion.json");
        Path out = dir.resolve("out");
        Result r = run("export", p(missing), p(file), "--format", "csv,jsonld", "-o", p(out));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: " + missing + ": no such file\n");
        assertThat(out.resolve("sample.csv")).isNotEmptyFile();
        assertThat(out.resolve("sample.jsonld")).isNotEmptyFile();
        assertThat(r.out().lines())
                .containsExactly(
                        out.resolve("sample.csv").toString(),
                        out.resolve("sample.jsonld").toString());
    }

    @Test
    void csvOffsetsAreCodePoints() throws Exception {
        Path file = sample(dir);
        run("add", p(file), "-l", "LOCATION", "--text", "Paris \uD83C\uDDEB\uD83C\uDDF7");
        Path out = dir.resolve("out");
        Result r = run("export", p(file), "--format", "csv", "-o", p(out));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(out.resolve("sample.csv") + "\n");
        assertThat(Files.readString(out.resolve("sample.csv"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("sample,s1,LOCATION,25,33,Paris \uD83C\uDDEB\uD83C\uDDF7,,tester,2026-11-26T10:15:30Z");
    }

    @Test
    void refusesUnknownFormatsAsUsageAndUnknownLabelsAsBadData() throws Exception {
        Path file = sample(dir);
        Result format = run("export", p(file), "--format", "odt");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err())
                .startsWith(
                        "error: unknown format 'odt' (expected one of csv, jsonld, docx, pdf, html, brat, conll, doccano, labelstudio, prodigy, webanno, ptc, bag, or all\n")
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

    /**
     * The formats of {@code --format all} are written concurrently: each file must still be byte for
     * byte what the format writes on its own, and the paths are printed in the order of the formats.
     */
    @Test
    void allFormatsAtOnceWriteTheSameBytesAsEachFormatAlone() throws Exception {
        Path seed = dir.resolve("seed.scholion.json");
        try (var in = org.scholion.seeds.Seeds.class.getResourceAsStream("coalition-of-the-willing.scholion.json")) {
            assertThat(in).as("the seed on the class path").isNotNull();
            Files.copy(in, seed);
        }
        Path all = dir.resolve("all");
        Result r = run("export", p(seed), "--format", "all", "-o", p(all));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> expected = new ArrayList<>();
        for (Format format : Format.publication()) {
            Path alone = dir.resolve(format.extension());
            Result one = run("export", p(seed), "--format", format.extension(), "-o", p(alone));
            assertThat(one.code()).as(one.err()).isZero();
            for (String line : one.out().lines().toList()) {
                Path file = Path.of(line);
                assertThat(file.getParent()).isEqualTo(alone);
                Path together = all.resolve(file.getFileName());
                assertThat(comparable(together)).as(together.toString()).isEqualTo(comparable(file));
                expected.add(together.toString());
            }
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(Format.publication().size());
        assertThat(r.out().lines()).containsExactlyElementsOf(expected);
        try (var stream = Files.list(all)) {
            assertThat(stream).hasSize(expected.size());
        }
    }

    /**
     * The file's bytes; of a PDF, without what OpenPDF makes at random for every file (the trailer's
     * ID, the six-letter tags of font subsets, the time of writing), so that a PDF compares with the
     * same PDF written at another time.
     */
    private static byte[] comparable(Path file) throws Exception {
        byte[] bytes = bytes(file);
        if (!file.toString().endsWith(".pdf")) {
            return bytes;
        }
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        String fixed = latin1.replaceFirst("(?s)(trailer\\s*<<.*?/ID ?\\[)<[0-9a-f]+> ?<[0-9a-f]+>(\\])", "$1$2")
                .replaceAll("/[A-Z]{6}\\+", "/SUBSET+")
                .replaceAll("(Date>|Date\\(D:)[0-9TZ:+'-]+", "$1TIME");
        assertThat(fixed).as(file + ": a trailer ID").isNotEqualTo(latin1);
        return fixed.getBytes(StandardCharsets.ISO_8859_1);
    }
}
