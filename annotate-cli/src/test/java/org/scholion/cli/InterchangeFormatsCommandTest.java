package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.scholion.cli.CommandTesting.p;
import static org.scholion.cli.CommandTesting.read;
import static org.scholion.cli.CommandTesting.run;
import static org.scholion.cli.CommandTesting.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scholion.cli.CommandTesting.Result;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;

/**
 * {@code annotate export} then {@code annotate import} through the real commands for the corpus
 * and token formats (CoNLL, doccano, Label Studio, Prodigy, WebAnno TSV): what comes back, the loss
 * lines on stderr, {@code --report}, {@code --strict} and telling the format from the file.
 */
class InterchangeFormatsCommandTest {
    @TempDir
    Path dir;

    Path file;
    AnnotatedDocument original;

    /** {@link CommandTesting#TEXT} with Macron twice as PERSON (a note of two lines), the family emoji as GROUP, a relation. */
    @BeforeEach
    void annotate() throws Exception {
        file = sample(dir);
        run("add", p(file), "-l", "PERSON", "--text", "Macron", "--all", "--note", "twice\nover");
        run("add", p(file), "-l", "GROUP", "--at", "4:9");
        run("relate", p(file), "s1", "same-as", "s2");
        original = read(file);
        assertThat(original.spans()).extracting(Span::id).containsExactly("s3", "s1", "s2");
    }

    @Test
    void conllKeepsLabelsAndTokensAndSaysWhatItDrops() throws Exception {
        Path out = export("conll", List.of("sample.conll"), """
                conll: document texts kept only as tokens: 1 (see --report)
                conll: notes not written: 2 (see --report)
                conll: documents with span attributions not written: 1 (see --report)
                conll: relations not written: 1 (see --report)
                conll: span ids not kept (spans are numbered in order): 3 (see --report)
                """);
        AnnotatedDocument back = importBack(out.resolve("sample.conll"));
        // the text is rebuilt from the tokens: joined by a space, sentences by a line break
        assertThat(back.document().text())
                .isEqualTo("Zo\u00EB \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67"
                        + " met e\u0301mile\nin Paris \uD83C\uDDEB\uD83C\uDDF7 .\nMacron spoke ; Macron left .");
        assertThat(covered(back))
                .containsExactly(
                        "s1 GROUP \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
                        "s2 PERSON Macron",
                        "s3 PERSON Macron");
        assertThat(back.spans()).allSatisfy(s -> assertThat(s.note()).isNull());
        assertThat(back.relations()).isEmpty();
        assertThat(back.labelSets()).isEqualTo(original.labelSets());
    }

    @Test
    void doccanoKeepsTextIdsAndRelationsButNotNotesOrAnnotators() throws Exception {
        Path out = export("doccano", List.of("doccano.jsonl"), """
                doccano: span annotators and times not written: 3 (see --report)
                doccano: span notes not written: 2 (see --report)
                doccano: label colours and descriptions not written: 2 (see --report)
                """);
        AnnotatedDocument back = importBack(out.resolve("doccano.jsonl"));
        assertThat(back.document().text()).isEqualTo(original.document().text());
        assertThat(back.spans())
                .isEqualTo(original.spans().stream()
                        .map(s -> new Span(s.id(), s.start(), s.end(), s.label(), null, null, null, false))
                        .toList());
        assertThat(back.relations()).isEqualTo(original.relations());
        assertThat(back.labelSets()).isEqualTo(original.labelSets());
    }

    @Test
    void labelStudioKeepsAllButTheTimesAndWritesItsConfig() throws Exception {
        Path out = export(
                "labelstudio",
                List.of("labelstudio.json", "labelstudio-config.xml"),
                "labelstudio: span times not written: 3 (see --report)\n");
        assertThat(Files.readString(out.resolve("labelstudio-config.xml"), StandardCharsets.UTF_8))
                .contains(
                        "<Labels name=\"label\" toName=\"text\">",
                        "<Label value=\"PERSON\"",
                        "<Relation value=\"same-as\"/>");
        AnnotatedDocument back = importBack(out.resolve("labelstudio.json"));
        assertThat(back.document().text()).isEqualTo(original.document().text());
        assertThat(back.spans())
                .isEqualTo(original.spans().stream()
                        .map(s -> new Span(s.id(), s.start(), s.end(), s.label(), s.note(), s.annotator(), null, false))
                        .toList());
        assertThat(back.relations()).isEqualTo(original.relations());
        assertThat(back.labelSets()).isEqualTo(original.labelSets());
    }

    @Test
    void prodigyKeepsTextRelationsAndAnnotatorButSaysTheIdsChange() throws Exception {
        Path out = export("prodigy", List.of("prodigy.jsonl"), """
                prodigy: span ids not kept (spans are numbered in order): 3 (see --report)
                prodigy: span notes not written: 2 (see --report)
                """);
        AnnotatedDocument back = importBack(out.resolve("prodigy.jsonl"));
        assertThat(back.document().text()).isEqualTo(original.document().text());
        assertThat(covered(back))
                .containsExactly(
                        "s1 GROUP \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
                        "s2 PERSON Macron",
                        "s3 PERSON Macron");
        assertThat(back.spans())
                .extracting(Span::start, Span::end)
                .isEqualTo(original.spans().stream()
                        .map(s -> tuple(s.start(), s.end()))
                        .toList());
        // one annotator and one time for all spans, whole seconds: the task's _annotator_id and _timestamp carry them
        assertThat(back.spans())
                .extracting(Span::annotator, Span::created)
                .containsOnly(tuple("tester", original.spans().get(0).created()));
        // the relation still joins the same two spans (s1 -> s2 were the first and second Macron)
        assertThat(back.relations()).containsExactly(new Relation("r1", "same-as", "s2", "s3"));
        assertThat(back.labelSets()).isEqualTo(original.labelSets());
    }

    @Test
    void webAnnoKeepsNotesAndRelationsOnTheSameOffsets() throws Exception {
        Path out = export("webanno", List.of("sample.tsv"), """
                webanno: documents whose text between sentences is not kept: 1 (see --report)
                webanno: documents whose details are not written: 1 (see --report)
                webanno: span ids not kept (spans are numbered in row order): 3 (see --report)
                """);
        String tsv = Files.readString(out.resolve("sample.tsv"), StandardCharsets.UTF_8);
        // UTF-16 offsets in the file: the family emoji is 8 code units, so Macron starts at 40
        assertThat(tsv)
                .startsWith("#FORMAT=WebAnno TSV 3.3\n")
                .contains("1-2\t4-12\t")
                .contains("3-1\t40-46\tMacron\tPERSON\ttwice\\nover");
        AnnotatedDocument back = importBack(out.resolve("sample.tsv"));
        // the line breaks between sentences come back as spaces and the last one is gone: the loss reported
        assertThat(back.document().text())
                .isEqualTo(original.document().text().replace("\r\n", "  ").strip());
        assertThat(covered(back))
                .containsExactly(
                        "s1 GROUP \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
                        "s2 PERSON Macron",
                        "s3 PERSON Macron");
        assertThat(back.spans()).extracting(Span::start).containsExactly(4, 35, 49);
        assertThat(back.spans()).extracting(Span::note).containsExactly(null, "twice\nover", "twice\nover");
        assertThat(back.relations()).containsExactly(new Relation("r1", "same-as", "s2", "s3"));
        assertThat(back.labelSets()).isEqualTo(original.labelSets());
    }

    @ParameterizedTest
    @CsvSource({"conll, 8", "doccano, 7", "labelstudio, 3", "prodigy, 5", "webanno, 5"})
    void theReportHasEveryLossTheSummaryCounts(String format, int count) throws Exception {
        Path report = dir.resolve("reports/" + format + ".json");
        Result export = run("export", p(file), "--format", format, "-o", p(dir.resolve("out")), "--report", p(report));
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.err()).doesNotContain("(see --report)").startsWith(format + ": ");
        String json = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(json).contains("\"count\" : " + count).contains("\"format\" : \"" + format + "\"");
        assertThat(json.split("\"kind\"", -1)).hasSize(count + 1);
        for (String line : export.err().split("\n")) {
            String kind = line.substring(format.length() + 2, line.lastIndexOf(": "));
            assertThat(json).contains("\"kind\" : \"" + kind + "\"");
        }
    }

    @ParameterizedTest
    @CsvSource({"conll, 8", "doccano, 7", "labelstudio, 3", "prodigy, 5", "webanno, 5"})
    void strictWritesNothing(String format, int count) throws Exception {
        Path out = dir.resolve("strict");
        Result export = run("export", p(file), "--format", format, "-o", p(out), "--strict");
        assertThat(export.code()).isEqualTo(1);
        assertThat(export.out()).isEmpty();
        assertThat(export.printsNoStackTrace().err())
                .endsWith("error: --strict: nothing written, since " + count + " things would be lost\n");
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource({
        "conll, sample.conll",
        "doccano, doccano.jsonl",
        "labelstudio, labelstudio.json",
        "prodigy, prodigy.jsonl",
        "webanno, sample.tsv"
    })
    void importTellsTheFormatFromTheFileAndFromItsFolder(String format, String name) throws Exception {
        Path out = dir.resolve("out");
        assertThat(run("export", p(file), "--format", format, "-o", p(out)).code())
                .isZero();
        Path loose = dir.resolve("loose");
        Files.createDirectories(loose);
        // a name that says nothing: the content alone must tell
        Path renamed = Files.copy(out.resolve(name), loose.resolve("data" + name.substring(name.indexOf('.'))));
        Result byContent = run("import", p(renamed), "-o", p(dir.resolve("a")));
        assertThat(byContent.code()).as(byContent.err()).isZero();
        Result byFolder = run("import", p(out), "-o", p(dir.resolve("b")));
        assertThat(byFolder.code()).as(byFolder.err()).isZero();
        assertThat(byFolder.err()).isEmpty();
        assertThat(byFolder.out()).isEqualTo(dir.resolve("b/sample.scholion.json") + "\n");
        Result told = run("import", p(out.resolve(name)), "--format", format, "-o", p(dir.resolve("c")));
        assertThat(told.code()).as(told.err()).isZero();
        assertThat(byContent.err()).isEmpty();
        assertThat(read(Path.of(byContent.out().strip())).spans())
                .isEqualTo(read(dir.resolve("b/sample.scholion.json")).spans())
                .isEqualTo(read(dir.resolve("c/sample.scholion.json")).spans())
                .hasSize(3);
    }

    @Test
    void importIntoAnExistingFileNeedsForceInEveryFormat() throws Exception {
        for (String format : List.of("conll", "doccano", "labelstudio", "prodigy", "webanno")) {
            Path out = dir.resolve("out-" + format);
            assertThat(run("export", p(file), "--format", format, "-o", p(out)).code())
                    .isZero();
            Result again = run("import", p(out), "-o", p(dir));
            assertThat(again.code()).as(format).isEqualTo(1);
            assertThat(again.err())
                    .as(format)
                    .isEqualTo("error: " + file + ": already exists (use --force to overwrite it)\n");
            assertThat(read(file)).as(format).isEqualTo(original);
        }
    }

    /** Exports the sample and checks the files listed on stdout and the loss lines on stderr. */
    private Path export(String format, List<String> files, String err) {
        Path out = dir.resolve("out");
        Result export = run("export", p(file), "--format", format, "-o", p(out));
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out())
                .isEqualTo(files.stream().map(n -> out.resolve(n) + "\n").reduce("", String::concat));
        assertThat(export.printsNoStackTrace().err()).isEqualTo(err);
        try (Stream<Path> listed = Files.list(out)) {
            assertThat(listed.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Imports a file without naming its format, onto the sample's label set, and reads what it wrote. */
    private AnnotatedDocument importBack(Path source) throws Exception {
        Path back = dir.resolve("back");
        Result imported = run("import", p(source), "-o", p(back), "--labels", "entities");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).isEqualTo(back.resolve("sample.scholion.json") + "\n");
        assertThat(imported.err()).isEmpty();
        try (Stream<Path> listed = Files.list(back)) {
            assertThat(listed.map(f -> f.getFileName().toString())).containsExactly("sample.scholion.json");
        }
        return read(back.resolve("sample.scholion.json"));
    }

    private static List<String> covered(AnnotatedDocument doc) {
        return doc.spans().stream()
                .map(s -> s.id() + " " + s.label() + " " + doc.text().slice(s.start(), s.end()))
                .toList();
    }
}
