package org.scholion.export.ptc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Span;
import org.scholion.export.ExportOptions;
import org.scholion.export.GoldenFiles;
import org.scholion.export.interchange.DocumentWriter;
import org.scholion.export.interchange.InterchangeFixtures;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;
import org.scholion.seeds.Seeds;

/** The corpus as distributed imports as it is; the writer's pairs read back; hostile rows are refused by line. */
class PtcTest {
    private static final Path CORPUS = Path.of("src/test/resources/golden/ptc-docs/datasets");
    private static final LabelSet PROPAGANDA = Seeds.labelSet("propaganda").orElseThrow();

    @TempDir
    Path dir;

    static List<AnnotatedDocument> read(Path source, LossReport losses) throws ScholionException {
        List<AnnotatedDocument> docs = new ArrayList<>();
        new PtcReader().read(source, new ReadOptions(List.of(PROPAGANDA), "ptc", null), losses, docs::add);
        return docs;
    }

    @ParameterizedTest(name = "from {0}")
    @ValueSource(
            strings = {
                "train-labels-task-flc-tc/article123456.task-flc-tc.labels",
                "train-articles/article123456.txt",
                "train-task-flc-tc.labels"
            })
    void theReadmeExampleImportsFromEveryPartOfTheCorpus(String part) throws Exception {
        LossReport losses = new LossReport();
        List<AnnotatedDocument> docs = read(CORPUS.resolve(part), losses);
        assertThat(docs).singleElement().satisfies(doc -> {
            assertThat(doc.document().id()).isEqualTo("123456");
            assertThat(doc.labelSets()).containsExactly(PROPAGANDA);
            assertThat(doc.spans())
                    .containsExactly(Span.of("s1", 10, 20, "Loaded_Language"), Span.of("s2", 10, 20, "Repetition"));
            assertThat(doc.textOf(doc.spans().get(0))).isEqualTo("Evil elite");
        });
        assertThat(losses.isEmpty()).isTrue();
        assertThat(new PtcReader()
                        .primary(CORPUS.resolve("train-articles/article123456.txt"))
                        .getFileName())
                .hasToString("article123456.task-flc-tc.labels");
    }

    @Test
    void spanOnlyRowsTemplatesAndOtherSpellingsImportToo() throws Exception {
        Files.writeString(dir.resolve("article7.txt"), "Abc def ghi jkl", StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("article7.labels.tsv"),
                "7\t0\t3\n7\t?\t4\t7\n"
                        + "7\tExaggeration,Minimization\t8\t11\n7\tName Calling,Labeling\t12\t15\n7\tStraw_Men\t0\t15\n"
                        + "7\tDoubt\t5\t5\n",
                StandardCharsets.UTF_8);
        LossReport losses = new LossReport();
        AnnotatedDocument doc = read(dir.resolve("article7.labels.tsv"), losses).get(0);
        assertThat(doc.spans())
                .extracting(Span::label)
                .containsExactly(
                        "Straw_Men", "Propaganda", "Propaganda", "Exaggeration,Minimisation", "Name_Calling,Labeling");
        assertThat(doc.labelSets()).extracting(LabelSet::name).containsExactly("propaganda", "ptc");
        assertThat(losses.summary())
                .containsExactly(
                        "ptc: technique spellings mapped onto the label set: 2", "ptc: empty spans not imported: 1");
    }

    @Test
    void aRowRepeatingASpanIsImportedOnceAndReported() throws Exception {
        Files.writeString(dir.resolve("article8.txt"), "Abc def ghi jkl", StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("article8.labels.tsv"),
                "8\tDoubt\t0\t3\n8\tDoubt\t0\t3\n8\tSlogans\t0\t3\n",
                StandardCharsets.UTF_8);
        LossReport losses = new LossReport();
        AnnotatedDocument doc = read(dir.resolve("article8.labels.tsv"), losses).get(0);
        assertThat(doc.spans()).extracting(Span::label).containsExactlyInAnyOrder("Doubt", "Slogans");
        assertThat(losses.summary()).containsExactly("ptc: rows repeating a span not imported: 1");
    }

    @Test
    void writesPairsThatReadBackToTheSameSpans() throws Exception {
        AnnotatedDocument doc = InterchangeFixtures.tricky();
        LossReport writing = new LossReport();
        DocumentWriter.Batch batch = new PtcWriter()
                .open(dir, ExportOptions.builder().includeSuggestions(true).build(), writing);
        batch.write(doc);
        batch.close();
        assertThat(batch.files())
                .extracting(p -> p.getFileName().toString())
                .containsExactly("articletricky.txt", "articletricky.labels.tsv");
        GoldenFiles.check(
                "ptc-docs/tricky",
                "articletricky.labels.tsv",
                Files.readAllBytes(dir.resolve("articletricky.labels.tsv")));
        assertThat(Files.readString(dir.resolve("articletricky.txt"))).isEqualTo(InterchangeFixtures.TEXT);
        assertThat(writing.summary())
                .containsExactly(
                        "ptc: notes not written: 2",
                        "ptc: span ids not kept (spans are numbered in row order): 5",
                        "ptc: annotators and times of spans not written: 2",
                        "ptc: suggestion flags not written: 1",
                        "ptc: relations not written: 2");
        List<AnnotatedDocument> back = new ArrayList<>();
        new PtcReader()
                .read(
                        dir.resolve("articletricky.txt"),
                        new ReadOptions(doc.labelSets(), "x", null),
                        new LossReport(),
                        back::add);
        List<Span> expected = new ArrayList<>();
        for (int i = 0; i < doc.spans().size(); i++) {
            Span s = doc.spans().get(i);
            expected.add(Span.of("s" + (i + 1), s.start(), s.end(), s.label()));
        }
        assertThat(back).singleElement().satisfies(b -> {
            assertThat(b.document().id()).isEqualTo("tricky");
            assertThat(b.document().text()).isEqualTo(InterchangeFixtures.TEXT);
            assertThat(b.spans()).containsExactlyElementsOf(expected);
            assertThat(b.labelSets()).isEqualTo(doc.labelSets());
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "offset past the end|7\\tDoubt\\t0\\t99|1|span 0:99 is outside article7.txt, which has 15 code points",
                "start after end|7\\tDoubt\\t9\\t3|1|span 9:3 is outside",
                "not a number|7\\tDoubt\\t0\\tten|1|end offset 'ten' is not a number",
                "truncated row|7\\tDoubt\\n7\\tDoubt\\t0|1|row is not 'ID<TAB>TECHNIQUE<TAB>START<TAB>END'",
                "another article's row|7\\tDoubt\\t0\\t3\\n8\\tDoubt\\t0\\t3|2|row is about article 8, but the file is article7's",
                "huge number|7\\tDoubt\\t0\\t99999999999999999|1|is not a number",
            })
    void refusesHostileRowsByLine(String name, String rows, int line, String problem) throws Exception {
        Files.writeString(dir.resolve("article7.txt"), "Abc def ghi jkl", StandardCharsets.UTF_8);
        Path labels = dir.resolve("article7.labels.tsv");
        Files.writeString(labels, rows.replace("\\t", "\t").replace("\\n", "\n"), StandardCharsets.UTF_8);
        refused(labels, labels + ":" + line + ": ", problem);
    }

    @Test
    void refusesAMissingArticleAndInvalidUtf8() throws Exception {
        Path labels = dir.resolve("article9.labels.tsv");
        Files.writeString(labels, "9\tDoubt\t0\t3\n", StandardCharsets.UTF_8);
        refused(labels, labels + ":1: ", "article9.txt is neither beside it nor in a folder beside its folder");
        Files.write(dir.resolve("article9.txt"), new byte[] {'a', 'b', 'c', (byte) 0xFF});
        refused(labels, dir.resolve("article9.txt") + ":1: ", "is not valid UTF-8");
    }

    private static void refused(Path source, String prefix, String problem) {
        List<AnnotatedDocument> docs = new ArrayList<>();
        ScholionException e = catchThrowableOfType(
                ScholionException.class,
                () -> new PtcReader().read(source, ReadOptions.defaults("x"), new LossReport(), docs::add));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getMessage()).startsWith(prefix).contains(problem).doesNotContain("\n");
        assertThat(docs).isEmpty();
    }
}
