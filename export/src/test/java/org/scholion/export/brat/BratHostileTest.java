package org.scholion.export.brat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;
import org.scholion.export.interchange.TextFiles;

/** Each hostile .ann gives one clear line naming the file and line, and no document. */
class BratHostileTest {
    private static final String TEXT = "Sony formed a joint venture with Ericsson.\n";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "truncated line|T1\\tOrganization 0 4\\tSony\\nT2\\tOrganization 33|2|has no text column",
                "no tab at all|T1 Organization 0 4 Sony|1|has no tab after an id",
                "offset past the end|T1\\tOrganization 40 99\\tx|1|past the end of the text (43 code points)",
                "end before start|T1\\tOrganization 4 0\\t|1|ends (0) before it starts (4)",
                "text column differs|T1\\tOrganization 0 4\\tSoni|1|is not the text at 0 4 ('Sony')",
                "unknown id in a relation|T1\\tOrganization 0 4\\tSony\\nR1\\tOrigin Arg1:T1 Arg2:T9|2|refers to T9, which no line defines",
                "unknown id in a note|#1\\tAnnotatorNotes T4\\tsuspect|1|refers to T4",
                "id used twice|T1\\tOrganization 0 4\\tSony\\nT1\\tOrganization 0 4\\tSony|2|already used on line 1",
                "not a number|T1\\tOrganization 0 four\\tSony|1|not a number",
                "huge offset|T1\\tOrganization 0 99999999999999\\tSony|1|not a number",
                "relation of one argument|T1\\tOrganization 0 4\\tSony\\nR1\\tOrigin Arg1:T1|2|is not 'TYPE Arg1:ID Arg2:ID'",
                "unknown kind|X1\\tfoo|1|of no brat kind",
                "bad escape|T1\\tA%FF 0 4\\tSony|1|type escapes %XX do not spell UTF-8",
                "label with a control character|T1\\tA%07 0 4\\tSony|1|must not hold control characters",
                "overlapping fragments|T1\\tOrganization 0 4;2 6\\tSony ny f|1|overlapping fragments",
            })
    void refusesWithFileAndLine(String name, String ann, int line, String problem) throws Exception {
        Path file = write(
                TEXT.getBytes(StandardCharsets.UTF_8),
                ann.replace("\\t", "\t").replace("\\n", "\n").getBytes(StandardCharsets.UTF_8));
        assertRefused(file, file + ":" + line + ": ", problem);
    }

    @ParameterizedTest(name = "invalid UTF-8 in the {0}")
    @CsvSource({"txt", "ann"})
    void refusesInvalidUtf8(String which) throws Exception {
        byte[] bad = {'S', 'o', '\n', 'n', (byte) 0xC3, '(', 'y'};
        Path file = which.equals("txt") ? write(bad, new byte[0]) : write(TEXT.getBytes(StandardCharsets.UTF_8), bad);
        Path named = file.resolveSibling("doc." + which);
        assertRefused(file, named + ":2: ", "is not valid UTF-8 (byte 2 of the line, 0xC3)");
    }

    @ParameterizedTest(name = "a huge line")
    @CsvSource("1")
    void refusesAHugeLine(int line) throws Exception {
        byte[] huge = new byte[TextFiles.MAX_LINE + 10];
        java.util.Arrays.fill(huge, (byte) 'x');
        Path file = write(TEXT.getBytes(StandardCharsets.UTF_8), huge);
        assertRefused(file, file + ":" + line + ": ", "line is longer than 4,194,304 characters");
    }

    private Path write(byte[] txt, byte[] ann) throws Exception {
        Files.write(dir.resolve("doc.txt"), txt);
        Files.write(dir.resolve("doc.ann"), ann);
        return dir.resolve("doc.ann");
    }

    @org.junit.jupiter.api.Test
    void twoTextBoundsAtOnePlaceWithOneLabelAreOneSpanAndTheLossSaysSo() throws Exception {
        Path txt = dir.resolve("dup.txt");
        Files.writeString(txt, TEXT, StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("dup.ann"),
                "T1\tOrganization 0 4\tSony\nT2\tOrganization 33 41\tEricsson\n"
                        + "T3\tOrganization 0 4\tSony\nR1\tPartner Arg1:T3 Arg2:T2\n",
                StandardCharsets.UTF_8);
        List<AnnotatedDocument> docs = new ArrayList<>();
        LossReport losses = new LossReport();
        new BratReader().read(txt, ReadOptions.defaults("x"), losses, docs::add);
        AnnotatedDocument doc = docs.get(0);
        assertThat(doc.spans()).hasSize(2);
        String sony = doc.spansAt(0).get(0).id();
        assertThat(doc.relations())
                .singleElement()
                .satisfies(r -> assertThat(r.from()).isEqualTo(sony));
        assertThat(losses.summary())
                .containsExactly("brat: text-bounds at the same place with the same label merged: 1");
    }

    private static void assertRefused(Path file, String prefix, String problem) {
        List<AnnotatedDocument> docs = new ArrayList<>();
        ScholionException e = catchThrowableOfType(
                ScholionException.class,
                () -> new BratReader().read(file, ReadOptions.defaults("x"), new LossReport(), docs::add));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getMessage()).startsWith(prefix).contains(problem).doesNotContain("\n");
        assertThat(docs).isEmpty();
    }
}
