package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholion.cli.CommandTesting.p;
import static org.scholion.cli.CommandTesting.run;
import static org.scholion.cli.CommandTesting.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.text.CodePointText;

class SuggestFromCommandTest {
    private static final CodePointText TEXT = CodePointText.of(CommandTesting.TEXT);

    @TempDir
    Path dir;

    /** A Label Studio export whose one task has the sample's text and a model's three scored regions. */
    private Path labelStudio() throws Exception {
        Path file = dir.resolve("predictions.json");
        String text = CommandTesting.TEXT.replace("\r", "\\r").replace("\n", "\\n");
        Files.writeString(
                file,
                "[{\"id\": 9, \"data\": {\"text\": \"" + text + "\"}, \"predictions\": [{\"model_version\": "
                        + "\"ner-v3\", \"result\": [" + region("Zo", 3, "PERSON", "0.95") + ", "
                        + region("Paris", 5, "LOCATION", "0.81") + ", " + region("Macron", 6, "PERSON", "0.4") + ", "
                        + region("met", 3, "PERSON", null) + "]}]}]",
                StandardCharsets.UTF_8);
        return file;
    }

    private static String region(String word, int length, String label, String score) {
        int start = at(word);
        return "{\"id\": \"" + word + "\", \"type\": \"labels\", \"from_name\": \"label\", \"to_name\": \"text\","
                + (score == null ? "" : " \"score\": " + score + ",") + " \"value\": {\"start\": " + start
                + ", \"end\": " + (start + length) + ", \"text\": \"" + TEXT.slice(start, start + length)
                + "\", \"labels\": [\"" + label + "\"]}}";
    }

    private static int at(String word) {
        return TEXT.toCodePointIndex(CommandTesting.TEXT.indexOf(word));
    }

    @Test
    void takesAModelsScoredSpansAsSuggestionsOnce() throws Exception {
        Path file = sample(dir);
        Path predictions = labelStudio();

        CommandTesting.Result first = run("suggest", p(file), "--from", p(predictions), "--min-score", "0.8");

        assertThat(first.code()).isZero();
        assertThat(first.out())
                .isEqualTo("added 3 suggestions to " + file + " from " + predictions
                        + " (1 below --min-score, 1 without a score taken)\n");
        AnnotatedDocument doc = AnnotationFile.at(file).read();
        assertThat(doc.spans()).allMatch(Span::suggestion);
        assertThat(doc.spans())
                .extracting(s -> s.label() + " " + doc.textOf(s) + " " + s.note() + " " + s.annotator())
                .containsExactly(
                        "PERSON Zoë score: 0.95 ner-v3", "PERSON met null ner-v3", "LOCATION Paris score: 0.81 ner-v3");

        CommandTesting.Result again = run("suggest", p(file), "--from", p(predictions));
        assertThat(again.out()).contains("added 1 suggestion to", "(3 already there)");
        assertThat(AnnotationFile.at(file).read().spans()).hasSize(4); // Macron now, the rest not twice
    }

    @Test
    void takesOneLabelAndAddsTheLabelSetOfLabelsTheFileLacks() throws Exception {
        Path file = sample(dir);
        Path predictions = dir.resolve("model.jsonl");
        String text = CommandTesting.TEXT.replace("\r", "\\r").replace("\n", "\\n");
        Files.writeString(
                predictions,
                "{\"text\": \"" + text + "\", \"spans\": [{\"start\": " + at("Macron") + ", \"end\": "
                        + (at("Macron") + 6)
                        + ", \"label\": \"POLITICIAN\"}, {\"start\": 0, \"end\": 3, \"label\": \"PERSON\"}]}\n",
                StandardCharsets.UTF_8);

        CommandTesting.Result result = run("suggest", p(file), "--from", p(predictions), "--label", "POLITICIAN");

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("added 1 suggestion to ");
        AnnotatedDocument doc = AnnotationFile.at(file).read();
        assertThat(doc.labelSet("model"))
                .hasValueSatisfying(set ->
                        assertThat(set.labels()).extracting(l -> l.name()).containsExactly("POLITICIAN"));
        assertThat(doc.spans())
                .singleElement()
                .satisfies(s -> assertThat(doc.textOf(s)).isEqualTo("Macron"));
    }

    @Test
    void refusesPredictionsOfAnotherDocumentInOneLine() throws Exception {
        Path file = sample(dir);
        Path predictions = dir.resolve("other.jsonl");
        Files.writeString(
                predictions, "{\"text\": \"another text\", \"label\": [[0, 7, \"PERSON\"]]}\n", StandardCharsets.UTF_8);

        CommandTesting.Result result =
                run("suggest", p(file), "--from", p(predictions)).printsNoStackTrace();

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("error: " + predictions + ": no document in it has the text of sample (nor its id)\n");
        assertThat(AnnotationFile.at(file).read().spans()).isEmpty();
    }

    @Test
    void asksForTheFormatWhenTheFileDoesNotSayIt() throws Exception {
        Path file = sample(dir);
        Path predictions = dir.resolve("spans.txt");
        Files.writeString(predictions, "whatever\n", StandardCharsets.UTF_8);

        CommandTesting.Result result = run("suggest", p(file), "--from", p(predictions));

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("cannot tell the format of " + predictions, "give --format");
        assertThat(run("suggest", p(file), "--pattern", "Macron").code()).isEqualTo(2);
        assertThat(run("suggest", p(file), "--pattern", "Macron", "--label", "PERSON", "--min-score", "0.5")
                        .code())
                .isEqualTo(2);
    }
}
