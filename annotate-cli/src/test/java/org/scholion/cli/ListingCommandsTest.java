package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholion.cli.CommandTesting.env;
import static org.scholion.cli.CommandTesting.p;
import static org.scholion.cli.CommandTesting.run;
import static org.scholion.cli.CommandTesting.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.CommandTesting.Result;
import org.scholion.core.text.CodePointText;

class ListingCommandsTest {
    @TempDir
    Path dir;

    Path file;

    @BeforeEach
    void spansOverEmojiCombiningMarksAndCrlf() throws Exception {
        file = sample(dir);
        run("add", p(file), "-l", "PERSON", "--at", "0:3"); // s1 Zoë
        run("add", p(file), "-l", "GROUP", "--at", "4:9"); // s2 family emoji
        run("add", p(file), "-l", "PERSON", "--at", "14:25"); // s3 émile\r\nin + space
        run("add", p(file), "-l", "LOCATION", "--text", "Paris \uD83C\uDDEB\uD83C\uDDF7"); // s4
        run("add", p(file), "-l", "EVENT", "--at", "22:41"); // s5 in Paris 🇫🇷. Macron
    }

    @Test
    void tsvHasHeaderCodePointOffsetsAndEscapes() {
        Result r = run("ls", p(file), "--format", "tsv");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("""
                id\tlabel\tstart\tend\ttext\tsuggestion\tproposers\tattributes\tlinks
                s1\tPERSON\t0\t3\tZo\u00EB\tno\t\t\t
                s2\tGROUP\t4\t9\t\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\tno\t\t\t
                s3\tPERSON\t14\t25\te\u0301mile\\r\\nin \tno\t\t\t
                s5\tEVENT\t22\t41\tin Paris \uD83C\uDDEB\uD83C\uDDF7. Macron\tno\t\t\t
                s4\tLOCATION\t25\t33\tParis \uD83C\uDDEB\uD83C\uDDF7\tno\t\t\t
                """);
    }

    @Test
    void tsvEscapesTabsBackslashesAndLineBreaks() {
        assertThat(Escapes.tsv("a\tb\\c\nd\re")).isEqualTo("a\\tb\\\\c\\nd\\re");
        assertThat(Escapes.tsv("plain")).isEqualTo("plain");
    }

    @Test
    void jsonGivesCodePointOffsetsWhoseSliceIsTheText() throws Exception {
        Result r = run("ls", p(file), "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode spans = new ObjectMapper().readTree(r.out());
        assertThat(spans).hasSize(5);
        CodePointText text = CodePointText.of(CommandTesting.TEXT);
        for (JsonNode span : spans) {
            assertThat(span.get("text").asText())
                    .isEqualTo(text.slice(
                            span.get("start").asInt(), span.get("end").asInt()));
            assertThat(span.get("annotator").asText()).isEqualTo("tester");
            assertThat(span.get("created").asText()).isEqualTo("2026-11-26T10:15:30Z");
        }
        assertThat(spans.get(2).get("start").asInt()).isEqualTo(14);
        assertThat(spans.get(2).get("text").asText()).isEqualTo("e\u0301mile\r\nin ");
    }

    @Test
    void tableFiltersByLabelAndShowsLineBreaksEscaped() {
        Result r = run("ls", p(file), "--label", "PERSON");
        assertThat(r.out()).isEqualTo("""
                ID  LABEL   START  END  TEXT
                s1  PERSON      0    3  Zo\u00EB
                s3  PERSON     14   25  e\u0301mile\\r\\nin
                """);
        Result unknown = run("ls", p(file), "--label", "NOPE");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("error: " + file + ": unknown label 'NOPE'");
    }

    @Test
    void showWithoutColourBracketsNestedAndCrossingSpans() {
        Result r = run("show", p(file), "--no-color");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .startsWith("[PERSON: Zo\u00EB] [GROUP: \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67]"
                        + " met [PERSON: e\u0301mile\r\n[EVENT: in ]][EVENT\u2026: [LOCATION: Paris \uD83C\uDDEB\uD83C\uDDF7]."
                        + " Macron] spoke; Macron left.\r\n");
        assertThat(r.out()).contains("Legend (5 spans):\n").containsPattern("  PERSON +2  A named person");
        assertThat(run(env("NO_COLOR", "1"), "show", p(file), "--color").out()).contains("\u001B[");
        assertThat(run(env("NO_COLOR", "1"), "show", p(file)).out()).doesNotContain("\u001B[");
    }

    @Test
    void showWithIdsNamesEachSpanWhereItStarts() {
        assertThat(run("show", p(file), "--no-color", "--ids").out()).startsWith("[PERSON s1: Zo\u00EB] [GROUP s2: ");
        assertThat(run("show", p(file), "--color", "--ids").out())
                .contains("\u001B[2m[s4]\u001B[0m")
                .contains("\u001B[2m[s5]\u001B[0m");
    }

    @Test
    void showInColourPaintsTheInnermostSpanAndUnderlinesEnclosedText() {
        Result truecolor = run(env("COLORTERM", "truecolor"), "show", p(file), "--color");
        assertThat(truecolor.code()).isZero();
        // "Paris 🇫🇷" is LOCATION inside EVENT: LOCATION's background, underlined
        assertThat(truecolor.out()).containsPattern("\u001B\\[(30|97);48;2;\\d+;\\d+;\\d+;4;58;2;\\d+;\\d+;\\d+mParis");
        assertThat(truecolor.out()).contains("\u001B[0m spoke; Macron left.\n");
        Result indexed = run(env("COLORTERM", ""), "show", p(file), "--color");
        assertThat(indexed.out())
                .containsPattern("\u001B\\[(30|97);48;5;\\d+;4mParis")
                .doesNotContain("48;2;");
        // no background runs past a line end: every coloured line ends with a reset
        assertThat(indexed.out()).contains("e\u0301mile\u001B[0m\n");
    }

    @Test
    void showNeverPassesControlCharactersThrough() {
        assertThat(Escapes.visible("a\u001B[31mb\u0000c\u009Bd\te", false))
                .isEqualTo("a\u241B[31mb\u2400c\uFFFDd\u2409e");
        assertThat(Escapes.visible("a\r\nb\tc", true)).isEqualTo("a\r\nb\tc");
    }

    @Test
    void nearestPaletteColours() {
        assertThat(Palette.xterm256(0xFF0000)).isEqualTo(196);
        assertThat(Palette.xterm256(0x000000)).isEqualTo(16);
        assertThat(Palette.xterm256(0x808080)).isEqualTo(244);
        assertThat(Palette.xterm256(0x4477AA)).isEqualTo(67);
    }

    @Test
    void statsCountsSpansCoverageAndOverlaps() {
        Result r = run("stats", p(file));
        assertThat(r.code()).isZero();
        // covered: 0:3, 4:9, 14:41 = 3 + 5 + 27 = 35 of 63 code points
        assertThat(r.out())
                .startsWith("sample: 5 spans, 0 relations, 63 code points of text\n")
                .contains("coverage: 55.6% of the text is in at least one span (35 of 63 code points)\n")
                // s3 (14:25) crosses s5 (22:41) and s4 (25:33) lies inside s5
                .contains("overlapping pairs: 2 (1 nested, 1 crossing)\n")
                .containsPattern("entities +PERSON +2 +22\\.2%");
    }
}
