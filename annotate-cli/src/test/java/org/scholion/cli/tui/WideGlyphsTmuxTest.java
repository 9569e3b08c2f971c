package org.scholion.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;

/**
 * Flags, ZWJ families, skin-tone modifiers, CJK and combining marks in a real terminal (tmux),
 * whose idea of their widths differs from the annotator's: each text line must still start on a
 * row of its own, blank lines stay blank and no row overwrites another, at several sizes and
 * after resizes, with and without colour, with spans drawn over the wide glyphs.
 */
class WideGlyphsTmuxTest {
    /** The text of issue 20. */
    private static final String KYIV = "Kyiv \uD83C\uDDFA\uD83C\uDDE6 and Paris.\n\nLine three.\nLine four.\n";

    private static final String FAMILY = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
    private static final String THUMB = "\uD83D\uDC4D\uD83C\uDFFD";
    private static final String FLAGS = "\uD83C\uDDFA\uD83C\uDDE6\uD83C\uDDEB\uD83C\uDDF7";
    private static final String MIXED = "Kyiv " + FLAGS + " and Paris met.\n"
            + "\n"
            + "The family " + FAMILY + " waved " + THUMB + " at \u4E2D\u6587 readers in Zoe\u0301's cafe\u0301.\n"
            + "A longer line with " + FLAGS + " flags, " + FAMILY + " families and " + THUMB
            + " thumbs, so that it wraps at forty columns and at eighty too, \u4E2D\u6587\u4E2D\u6587 or nearly.\n"
            + "\n"
            + "\n"
            + THUMB + THUMB + THUMB + FAMILY + FAMILY + "\n"
            + "Last line.\n";

    @TempDir
    Path dir;

    @Test
    void theTextOfTheIssueKeepsItsBlankLine() throws Exception {
        Fixtures.file(dir, KYIV);
        try (Tmux tmux = Tmux.annotate(dir, "doc.scholion.json", 80, 24)) {
            List<String> screen = tmux.waitFor("doc.scholion.json 0/");
            assertShows(screen, KYIV, 22);
            assertThat(screen.get(1)).isBlank();
            assertThat(screen.get(2)).isEqualTo("Line three.");
            tmux.type("q");
            tmux.waitFor("EXIT=0");
        }
    }

    @Test
    void wideGraphemesWithSpansInColourAtSeveralSizes() throws Exception {
        file(MIXED);
        try (Tmux tmux = Tmux.annotate(dir, "doc.scholion.json", 80, 24)) {
            assertShows(tmux.waitFor("doc.scholion.json 0/"), MIXED, 22);
            tmux.type("jjl"); // moving redraws the rows it leaves and enters
            assertShows(tmux.waitFor(s -> s.get(22).matches("doc\\.scholion\\.json [1-9].*")), MIXED, 22);

            tmux.resize(40, 12);
            assertShows(tmux.waitFor(s -> s.size() == 12 && s.get(10).startsWith("doc.scholion.json")), MIXED, 10);
            tmux.resize(80, 12);
            assertShows(tmux.waitFor(s -> s.size() == 12 && s.get(11).contains("DATE")), MIXED, 10);

            tmux.type("gw1"); // label a word: the status and legend change, the text rows redraw
            List<String> labelled = tmux.waitFor("saved: label");
            assertShows(labelled, MIXED, 10);
            tmux.type("q");
            tmux.waitFor("EXIT=0");
        }
    }

    @Test
    void wideGraphemesWithBracketsAtFortyColumns() throws Exception {
        file(MIXED);
        try (Tmux tmux = Tmux.annotate(dir, "doc.scholion.json", 40, 12, "--no-color")) {
            List<String> screen = tmux.waitFor("doc.scholion.json 0/");
            assertShows(screen, MIXED, 10);
            for (int i = 0; i < 6; i++) {
                tmux.type("jjjjl");
            }
            tmux.type("G");
            int length = MIXED.codePointCount(0, MIXED.length());
            List<String> end = tmux.waitFor((length - 2) + "/" + length); // on the final full stop
            assertThat(end.get(9)).isEqualTo("Last line."); // the last row of the text at the bottom
            tmux.resize(80, 24);
            tmux.type("g");
            assertShows(tmux.waitFor(s -> s.size() == 24 && s.get(22).contains(" 0/")), MIXED, 22);
            tmux.type("q");
            tmux.waitFor("EXIT=0");
        }
    }

    /** A file of {@code text} with spans over the flags, the family, the thumb, the CJK and the accents. */
    private AnnotationFile file(String text) throws Exception {
        AnnotationFile file = Fixtures.file(dir, text);
        List<Span> spans = new ArrayList<>();
        String[][] wanted = {
            {"Kyiv " + FLAGS, "LOCATION"},
            {"family " + FAMILY, "GROUP"},
            {FAMILY, "PERSON"},
            {THUMB + " at \u4E2D\u6587", "EVENT"},
            {"Zoe\u0301", "PERSON"},
            {FLAGS + " flags", "LOCATION"},
            {THUMB + THUMB, "EVENT"}
        };
        for (String[] w : wanted) {
            int at = text.indexOf(w[0]);
            int start = text.codePointCount(0, at);
            int end = start + w[0].codePointCount(0, w[0].length());
            spans.add(new Span("s" + (spans.size() + 1), start, end, w[1], null, "alice", Fixtures.NOW, false));
        }
        file.update("spans", doc -> doc.withSpans(spans));
        return file;
    }

    /**
     * The first {@code textRows} rows of the screen show the lines of {@code text} from its start:
     * each line begins on a new row and fills its rows in order (wrapped where the annotator
     * chooses; spaces, gaps and brackets aside), a blank line is a blank row, the rest are blank.
     */
    static void assertShows(List<String> screen, String text, int textRows) {
        String shown = String.join("\n", screen);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(lines.size() - 1); // after the final line feed
        int row = 0;
        for (String line : lines) {
            if (row >= textRows) {
                return;
            }
            String want = squeeze(line);
            if (want.isEmpty()) {
                assertThat(squeeze(screen.get(row)))
                        .as("row %d should be the blank line of the text in:%n%s", row, shown)
                        .isEmpty();
                row++;
                continue;
            }
            StringBuilder got = new StringBuilder();
            while (got.length() < want.length() && row < textRows) {
                String part = squeeze(screen.get(row));
                assertThat(part).as("row %d in:%n%s", row, shown).isNotEmpty();
                got.append(part);
                assertThat(want)
                        .as("row %d should continue the line %s in:%n%s", row, line, shown)
                        .startsWith(got.toString());
                row++;
            }
        }
        for (; row < textRows; row++) {
            assertThat(screen.get(row))
                    .as("row %d after the text in:%n%s", row, shown)
                    .isBlank();
        }
    }

    /** The row without white space, brackets and the cursor's gaps, composed. */
    private static String squeeze(String s) {
        return Normalizer.normalize(s.replaceAll("[\\s\\[\\]{}]", ""), Normalizer.Form.NFC);
    }
}
