package org.scholion.export.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.doccano.DoccanoReader;
import org.scholion.export.interchange.DocumentReader;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;
import org.scholion.export.labelstudio.LabelStudioReader;
import org.scholion.export.prodigy.ProdigyReader;

/**
 * Hostile files for the JSON interchange readers: each gives one line naming the file, the line
 * and the problem, and no document reaches the sink, not even those of the good lines before it.
 */
class JsonInterchangeHostileTest {
    private static final String GOOD_DOCCANO = "{\"text\": \"Ann met Bob\", \"label\": [[0, 3, \"P\"]]}\n";
    private static final String GOOD_PRODIGY =
            "{\"text\": \"Ann met Bob\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"P\"}]}\n";

    @TempDir
    Path dir;

    static Stream<Arguments> hostile() {
        byte[] badUtf8 = "{\"text\": \"caf\u00FF\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        String huge = "{\"text\": \"" + "x".repeat(5000) + "\", \"label\": []}\n";
        return Stream.of(
                // doccano
                of("doccano", GOOD_DOCCANO + "{\"text\": \"ab\", \"label\": [[0, 1, \"X\"]", 2, "not valid JSON"),
                of(
                        "doccano",
                        GOOD_DOCCANO + "{\"text\": \"ab\", \"label\": [[0, 5, \"X\"]]}\n",
                        2,
                        "span 0:5 ends after the text, which has 2 code points"),
                of(
                        "doccano",
                        GOOD_DOCCANO + "{\"text\": \"ab\", \"entities\": [{\"id\": 1, \"start_offset\": 0,"
                                + " \"end_offset\": 1, \"label\": \"X\"}], \"relations\": [{\"from_id\": 1, \"to_id\": 9, \"type\": \"r\"}]}\n",
                        2,
                        "\"to_id\" is 9, but this line has no entity of that id"),
                of("doccano", concat(GOOD_DOCCANO.getBytes(StandardCharsets.UTF_8), badUtf8), 2, "is not valid UTF-8"),
                of("doccano", GOOD_DOCCANO + huge, 2, "line is longer than 1,000 characters"),
                of(
                        "doccano",
                        GOOD_DOCCANO + "{\"text\": \"ab\", \"label\": [[\"0\", 1, \"X\"]]}\n",
                        2,
                        "the start of a span must be a whole number from 0, not \"0\""),
                of("doccano", GOOD_DOCCANO + "{\"text\": 5}\n", 2, "the line \"text\" must be a string, not a number"),
                of("doccano", GOOD_DOCCANO + "[1, 2]\n", 2, "a doccano line must be a JSON object, not an array"),
                of(
                        "doccano",
                        GOOD_DOCCANO + "{\"text\": \"ab\", \"label\": [[1, 0, \"X\"]]}\n",
                        2,
                        "span 1:0 ends before it starts"),
                of(
                        "doccano",
                        GOOD_DOCCANO + "{\"text\": \"ab\", \"label\": [[0, 1, \" X\"]]}\n",
                        2,
                        "must not start or end with white space"),
                // prodigy
                of("prodigy", GOOD_PRODIGY + "{\"text\": \"ab\", \"spans\": [{\"start\": 0,", 2, "not valid JSON"),
                of(
                        "prodigy",
                        GOOD_PRODIGY
                                + "{\"text\": \"ab\", \"spans\": [{\"start\": 0, \"end\": 9, \"label\": \"X\"}]}\n",
                        2,
                        "span 0:9 ends after the text, which has 2 code points"),
                of(
                        "prodigy",
                        GOOD_PRODIGY
                                + "{\"text\": \"ab\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"X\", \"text\": \"b\"}]}\n",
                        2,
                        "span 0:1 quotes 'b' but the text there is 'a'"),
                of(
                        "prodigy",
                        GOOD_PRODIGY
                                + "{\"text\": \"ab\", \"tokens\": [{\"text\": \"ab\", \"start\": 0, \"end\": 2, \"id\": 0}],"
                                + " \"relations\": [{\"head\": 0, \"child\": 4, \"label\": \"r\"}]}\n",
                        2,
                        "a relation's \"child\" is token 4, but the task has 1 tokens"),
                of(
                        "prodigy",
                        GOOD_PRODIGY
                                + "{\"text\": \"ab\", \"tokens\": [{\"text\": \"ba\", \"start\": 0, \"end\": 2}]}\n",
                        2,
                        "token 0 quotes 'ba' but the text there is 'ab'"),
                of("prodigy", concat(GOOD_PRODIGY.getBytes(StandardCharsets.UTF_8), badUtf8), 2, "is not valid UTF-8"),
                of("prodigy", GOOD_PRODIGY + huge, 2, "line is longer than 1,000 characters"),
                of(
                        "prodigy",
                        GOOD_PRODIGY
                                + "{\"text\": \"ab\", \"spans\": [{\"start\": 0.5, \"end\": 1, \"label\": \"X\"}]}\n",
                        2,
                        "a span \"start\" must be a whole number from 0, not 0.5"),
                of(
                        "prodigy",
                        GOOD_PRODIGY + "{\"text\": \"ab\", \"spans\": {}}\n",
                        2,
                        "the task's \"spans\" must be an array"),
                // tokens are streamed, not held as a tree: the same checks, in the same words
                of(
                        "prodigy",
                        GOOD_PRODIGY
                                + "{\"tokens\": [{\"text\": \"ba\", \"start\": 0, \"end\": 2}], \"text\": \"ab\"}\n",
                        2,
                        "token 0 quotes 'ba' but the text there is 'ab'"),
                of(
                        "prodigy",
                        GOOD_PRODIGY
                                + "{\"text\": \"ab\", \"tokens\": [{\"start\": 0, \"end\": 1}, {\"start\": -1, \"end\": 2}]}\n",
                        2,
                        "token 1 \"start\" must be a whole number from 0, not -1"),
                of(
                        "prodigy",
                        GOOD_PRODIGY + "{\"text\": \"ab\", \"tokens\": [{\"start\": 0}]}\n",
                        2,
                        "token 0 has no \"end\""),
                of(
                        "prodigy",
                        GOOD_PRODIGY + "{\"text\": \"ab\", \"tokens\": [{\"start\": 0, \"end\": 9}]}\n",
                        2,
                        "token 0 (0:9) lies outside the text"),
                of(
                        "prodigy",
                        GOOD_PRODIGY + "{\"text\": \"ab\", \"tokens\": {}}\n",
                        2,
                        "the task's \"tokens\" must be an array"),
                of("prodigy", GOOD_PRODIGY + "{\"text\": \"ab\"} {\"text\": \"cd\"}\n", 2, "a second value"),
                of(
                        "prodigy",
                        GOOD_PRODIGY + "{\"text\": \"ab\", \"meta\": {\"a\": 1, \"a\": 2}}\n",
                        2,
                        "Duplicate field 'a'"),
                // labelstudio (line numbers are those of the task's first line)
                of(
                        "labelstudio",
                        "[\n{\"data\": {\"text\": \"ab\"}},\n{\"data\": {\"text\": \"ab\"},",
                        3,
                        "not valid JSON"),
                of(
                        "labelstudio",
                        "[\n{\"data\": {\"text\": \"ab\"}},\n{\"data\": {\"text\": \"ab\"}, \"annotations\": [{\"result\": ["
                                + "{\"id\": \"a\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 7, \"labels\": [\"X\"]}}]}]}]",
                        3,
                        "region 0:7 lies outside the text, which has 2 code points"),
                of(
                        "labelstudio",
                        "[\n{\"data\": {\"text\": \"ab\"}},\n{\"data\": {\"text\": \"ab\"}, \"annotations\": [{\"result\": ["
                                + "{\"id\": \"a\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 1, \"text\": \"b\", \"labels\": [\"X\"]}}]}]}]",
                        3,
                        "region 0:1 quotes 'b' but the text there is 'a'"),
                of(
                        "labelstudio",
                        "[\n{\"data\": {\"text\": \"ab\"}},\n{\"data\": {\"text\": \"ab\"}, \"annotations\": [{\"result\": ["
                                + "{\"id\": \"a\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 1, \"labels\": [\"X\"]}},"
                                + "{\"type\": \"relation\", \"from_id\": \"a\", \"to_id\": \"zz\"}]}]}]",
                        3,
                        "a relation's \"to_id\" is 'zz', but the annotation has no region of that id"),
                of(
                        "labelstudio",
                        concat(
                                "[\n{\"data\": {\"text\": \"ab\"}},\n".getBytes(StandardCharsets.UTF_8),
                                "{\"data\": {\"text\": \"caf\u00FF\"}}]".getBytes(StandardCharsets.ISO_8859_1)),
                        3,
                        "Invalid UTF-8"),
                of(
                        "labelstudio",
                        "[\n{\"data\": {\"text\": \"ab\"}},\n{\"data\": \"ab\"}]",
                        3,
                        "a task's \"data\" must be a JSON object, not a string"),
                of(
                        "labelstudio",
                        "[\n{\"data\": {\"text\": \"ab\"}},\n{\"data\": {\"text\": \"ab\"}, \"annotations\": [{\"result\": ["
                                + "{\"id\": \"a\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 1, \"labels\": [7]}}]}]}]",
                        3,
                        "the labels of region 0:1 must be strings, not 7"),
                of("labelstudio", "{\"not\": \"a list\"}", 1, "a task's \"data\" must be a JSON object, not nothing"),
                of("labelstudio", "\"tasks\"", 1, "a Label Studio export is a JSON list of tasks, not a string"));
    }

    private static Arguments of(String format, String content, int line, String problem) {
        return of(format, content.getBytes(StandardCharsets.UTF_8), line, problem);
    }

    private static Arguments of(String format, byte[] content, int line, String problem) {
        return Arguments.of(format, content, line, problem);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @ParameterizedTest(name = "{0} {index}: {3}")
    @MethodSource("hostile")
    void givesOneLineNamingFileAndLineAndPassesNothingOn(String format, byte[] content, int line, String problem)
            throws Exception {
        DocumentReader reader = switch (format) {
            case "doccano" -> new DoccanoReader(1000);
            case "prodigy" -> new ProdigyReader(1000);
            default -> new LabelStudioReader();
        };
        Path file = dir.resolve("hostile." + (format.equals("labelstudio") ? "json" : "jsonl"));
        Files.write(file, content);
        List<AnnotatedDocument> passed = new ArrayList<>();

        ScholionException e = catchThrowableOfType(
                ScholionException.class,
                () -> reader.read(file, ReadOptions.defaults("x"), new LossReport(), passed::add));

        assertThat(e).as("no exception for %s", problem).isNotNull();
        assertThat(e.getMessage())
                .startsWith(file + ":" + line + ":")
                .contains(problem)
                .doesNotContain("\n", "\r");
        assertThat(passed).isEmpty();
    }
}
