package org.scholion.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scholion.core.ScholionException;
import org.scholion.core.model.Fixtures;

/** Every way a file can be wrong gets one message with its position. */
class ReadErrorsTest {
    private static final String VALID =
            new String(AnnotationFile.toBytes(Snapshot.of(Fixtures.sample())), StandardCharsets.UTF_8);

    private static ScholionException error(String json) {
        try {
            AnnotationFileTest.parse(json);
        } catch (ScholionException e) {
            return e;
        }
        throw new AssertionError("expected an error for " + json);
    }

    @Test
    void theValidFixtureReads() throws Exception {
        assertThat(AnnotationFileTest.parse(VALID).document()).isEqualTo(Fixtures.sample());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown label      | "label" : "PERSON"           | "label" : "PERSONA"        | span s3 has unknown label 'PERSONA' (in spans[2])
            out of range       | "end" : 22                   | "end" : 99                 | span s3 (18:99) ends after the text, which has 33 code points (in spans[2])
            reversed           | "end" : 22                   | "end" : 2                  | span 18:2 ends before it starts (in spans[2])
            negative           | "start" : 18                 | "start" : -3               | span -3:22 starts before the text (in spans[2])
            not a number       | "start" : 18                 | "start" : "18"             | span member "start" must be a whole number, not "18" (in spans[2])
            fraction           | "start" : 18                 | "start" : 18.5             | span member "start" must be a whole number, not 18.5 (in spans[2])
            duplicate id       | "id" : "s3"                  | "id" : "s2"                | span id 's2' is used twice (in spans[2])
            dangling relation  | "to" : "s3"                  | "to" : "s7"                | relation r1 points to missing span 's7' (in relations[0])
            future format      | "format" : "scholion/2"      | "format" : "scholion/3"    | unsupported format 'scholion/3': the file was written by a newer Scholion (this version reads scholion/1 and scholion/2); upgrade Scholion to read it
            other format       | "format" : "scholion/2"      | "format" : "brat"          | unknown format 'brat' (expected scholion/1 and scholion/2)
            bad colour         | "color" : "#4477AA"          | "color" : "blue"           | colour 'blue' of label 'PERSON' must be #RRGGBB (in labelSets[0])
            unknown member     | "note" : "what                | "nota" : "what             | unknown member 'nota' in span (in spans[0])
            bad time           | "created" : "2026-11-24T10:01:00Z" | "created" : "yesterday" | created 'yesterday' is not an ISO-8601 UTC time such as 2026-11-24T10:00:00Z (in spans[2])
            """)
    void reportsProblemWithItsLine(String name, String from, String to, String problem) {
        assertThat(VALID).contains(from);
        String broken =
                VALID.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        if (name.equals("reversed")
                || name.equals("negative")
                || name.equals("out of range")
                || name.equals("unknown label")
                || name.equals("not a number")
                || name.equals("fraction")
                || name.equals("duplicate id")
                || name.equals("bad time")) {
            broken = replaceInSpan(VALID, "s3", from, to);
        }
        ScholionException e = error(broken);
        assertThat(e.problem()).isEqualTo(problem);
        assertThat(e.getMessage()).matches("f\\.json:\\d+:\\d+: .*|f\\.json: .*");
        assertThat(e.getMessage()).doesNotContain("Exception", "\n");
    }

    @Test
    void textHashMismatchIsRefused() {
        String broken = VALID.replace("The end.", "The End.");
        ScholionException e = error(broken);
        assertThat(e.problem())
                .startsWith("text hash mismatch: the file says sha256 ")
                .endsWith("the text was changed, so its annotations no longer apply");
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        ScholionException e = error("{\n  \"format\" : \"scholion/1\",\n  \"document\" : { \"id\" : }\n}");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isGreaterThan(10);
        assertThat(e.problem()).startsWith("malformed JSON: ");
    }

    @Test
    void truncatedFileIsMalformed() {
        ScholionException e = error(VALID.substring(0, VALID.length() / 2));
        assertThat(e.problem()).startsWith("malformed JSON");
    }

    @Test
    void emptyAndNonObjectFilesAreRefused() {
        assertThat(error("").problem()).isEqualTo("the file is empty");
        assertThat(error("[1, 2]").problem()).isEqualTo("expected a JSON object at the top");
        assertThat(error("{}").problem()).isEqualTo("not a Scholion annotation file: no \"format\" member");
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThat(error("{\"format\": \"scholion/1\", \"format\": \"scholion/1\"}")
                        .problem())
                .startsWith("malformed JSON: Duplicate field 'format'");
    }

    @Test
    void spanProblemsPointAtTheSpanLine() {
        String broken = replaceInSpan(VALID, "s3", "\"label\" : \"PERSON\"", "\"label\" : \"NOPE\"");
        ScholionException e = error(broken);
        int line = lineOf(broken, "\"id\" : \"s3\"") - 1;
        assertThat(e.line()).isEqualTo(line);
    }

    @Test
    void labelSetFilesReportTheirProblemsToo() {
        assertThatThrownBy(() -> LabelSetFile.parse(
                        new java.io.ByteArrayInputStream(
                                "{\"name\": \"x\", \"labels\": [{\"name\": \"A\", \"color\": \"#12345\"}]}"
                                        .getBytes(StandardCharsets.UTF_8)),
                        "x.json"))
                .hasMessage("x.json:1:26: colour '#12345' of label 'A' must be #RRGGBB (in labels[0])");
    }

    private static String replaceInSpan(String json, String id, String from, String to) {
        int at = json.indexOf("\"id\" : \"" + id + "\"", json.indexOf("\"spans\""));
        int end = json.indexOf('}', at);
        String span = json.substring(at, end);
        return json.substring(0, at) + span.replace(from, to) + json.substring(end);
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle, text.indexOf("\"spans\""));
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
