package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholion.cli.CommandTesting.p;
import static org.scholion.cli.CommandTesting.read;
import static org.scholion.cli.CommandTesting.run;
import static org.scholion.cli.CommandTesting.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.CommandTesting.Result;
import org.scholion.core.model.AnnotatedDocument;

/** import and export of the formats of other tools: detection, the loss report, --strict, exit codes. */
class InterchangeCommandTest {
    @TempDir
    Path dir;

    Path file;

    @BeforeEach
    void annotate() throws Exception {
        file = sample(dir);
        run("add", p(file), "-l", "PERSON", "--text", "Macron", "--all", "--note", "twice\nover");
        run("add", p(file), "-l", "GROUP", "--at", "4:9");
        run("relate", p(file), "s1", "same-as", "s2");
    }

    @Test
    void exportsToBratAndImportsBackTheSameSpans() throws Exception {
        Path out = dir.resolve("out");
        Result export = run("export", p(file), "--format", "brat", "-o", p(out));
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out())
                .isEqualTo(Stream.of("sample.txt", "sample.ann", "annotation.conf", "visual.conf")
                        .map(n -> out.resolve(n) + "\n")
                        .reduce("", String::concat));
        assertThat(export.err())
                .isEqualTo("brat: notes longer than a line kept as several AnnotatorNotes: 2 (see --report)\n");
        Path back = dir.resolve("back");
        Result imported = run("import", p(out), "-o", p(back), "--labels", "entities");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).isEqualTo(back.resolve("sample.scholion.json") + "\n");
        assertThat(imported.err()).isEmpty();
        AnnotatedDocument original = read(file);
        AnnotatedDocument copy = read(back.resolve("sample.scholion.json"));
        assertThat(copy.spans()).isEqualTo(original.spans());
        assertThat(copy.relations()).isEqualTo(original.relations());
        assertThat(copy.labelSets()).isEqualTo(original.labelSets());
        assertThat(copy.document().text()).isEqualTo(original.document().text());
        assertThat(back).isDirectoryContaining(f -> f.getFileName().toString().equals("sample.scholion.json"));
        try (Stream<Path> files = Files.list(back)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("sample.scholion.json");
        }
    }

    @Test
    void theReportListsEveryLossAsJson() throws Exception {
        Path report = dir.resolve("reports/losses.json");
        Result export = run("export", p(dir), "--format", "ptc", "-o", p(dir.resolve("ptc")), "--report", p(report));
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.err())
                .isEqualTo("ptc: annotators and times of spans not written: 3\n"
                        + "ptc: span ids not kept (spans are numbered in row order): 3\nptc: notes not written: 2\n"
                        + "ptc: relations not written: 1\n");
        String json = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(json)
                .contains("\"count\" : 9")
                .contains("\"format\" : \"ptc\"")
                .contains("\"kind\" : \"relations not written\"")
                .contains("\"detail\" : \"r1 (s1 same-as s2)\"");
        assertThat(dir.resolve("ptc/articlesample.labels.tsv")).exists();
    }

    @Test
    void strictWritesNothingWhenSomethingWouldBeLost() throws Exception {
        Path out = dir.resolve("strict");
        Result export = run("export", p(file), "--format", "ptc", "-o", p(out), "--strict");
        assertThat(export.code()).isEqualTo(1);
        assertThat(export.err()).endsWith("error: --strict: nothing written, since 9 things would be lost\n");
        assertThat(export.out()).isEmpty();
        assertThat(out).doesNotExist();
        // brat attributes are imported now; an event is still not
        Path ann = brat("doc", "T1\tPERSON 0 3\tZo\u00EB\nE1\tPERSON:T1\n");
        Result imported = run("import", p(ann), "-o", p(dir.resolve("in")), "--strict");
        assertThat(imported.code()).isEqualTo(1);
        assertThat(imported.err())
                .isEqualTo("brat: events not imported (their trigger spans are): 1 (see --report)\n"
                        + "error: --strict: nothing written, since 1 thing would be lost\n");
        assertThat(dir.resolve("in")).doesNotExist();
        Result lenient = run("import", p(ann), "-o", p(dir.resolve("in")));
        assertThat(lenient.code()).isZero();
        assertThat(dir.resolve("in/doc.scholion.json")).exists();
    }

    @Test
    void aHostileFileGivesOneLineAndWritesNothing() throws Exception {
        Path good = brat("good", "T1\tPERSON 0 3\tZo\u00EB\n");
        Path bad = brat("bad", "T1\tPERSON 0 3\tZo\u00EB\nR1\tsaid Arg1:T1 Arg2:T7\n");
        Result r = run("import", p(good), p(bad), "-o", p(dir.resolve("in")));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.printsNoStackTrace().err())
                .isEqualTo("error: " + bad + ":2: refers to T7, which no line defines\n");
        assertThat(dir.resolve("in")).doesNotExist();
    }

    @Test
    void theFormatIsToldFromTheFilesOrAskedFor() throws Exception {
        Path unknown = dir.resolve("notes.xyz");
        Files.writeString(unknown, "hello");
        Result r = run("import", p(unknown));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cannot tell the format of " + unknown).contains("give --format");
        Path ann = brat("doc", "T1\tPERSON 0 3\tZo\u00EB\n");
        Path ptcText = dir.resolve("article5.txt");
        Files.writeString(ptcText, "abc");
        Result mixed = run("import", p(dir));
        assertThat(mixed.code()).isEqualTo(2);
        assertThat(mixed.err()).contains("several formats (brat, ptc)");
        Result explicit = run("import", p(dir), "--format", "ptc", "-o", p(dir.resolve("p")));
        assertThat(explicit.code()).as(explicit.err()).isZero();
        assertThat(explicit.out()).isEqualTo(dir.resolve("p/5.scholion.json") + "\n");
        assertThat(read(dir.resolve("p/5.scholion.json")).labelSets())
                .extracting(s -> s.name())
                .containsExactly("propaganda");
        Result csv = run("import", p(ann), "--format", "csv");
        assertThat(csv.code()).isEqualTo(2);
        assertThat(csv.err()).contains("csv is written by 'annotate export', not read");
        Result both = run("import", p(ann), "-o", p(dir), "--into", p(dir.resolve("x.scholion.json")));
        assertThat(both.code()).isEqualTo(2);
    }

    @Test
    void intoNamesTheFileAndRefusesToOverwriteWithoutForce() throws Exception {
        Path ann = brat("doc", "T1\tPERSON 0 3\tZo\u00EB\n");
        Path target = dir.resolve("mine.scholion.json");
        assertThat(run("import", p(ann), "--into", p(target)).code()).isZero();
        assertThat(read(target).spans()).hasSize(1);
        Result again = run("import", p(ann), "--into", p(target));
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("error: " + target + ": already exists (use --force to overwrite it)\n");
        assertThat(run("import", p(ann), "--into", p(target), "--force").code()).isZero();
    }

    private Path brat(String name, String ann) throws Exception {
        Files.writeString(dir.resolve(name + ".txt"), CommandTesting.TEXT, StandardCharsets.UTF_8);
        Path file = dir.resolve(name + ".ann");
        Files.writeString(file, ann, StandardCharsets.UTF_8);
        return file;
    }
}
