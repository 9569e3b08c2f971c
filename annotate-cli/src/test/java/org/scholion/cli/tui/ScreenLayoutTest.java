package org.scholion.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scholion.core.model.Span;

class ScreenLayoutTest {
    private static final String[] PIECES = {
        "a",
        "b",
        "word",
        " ",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\r",
        "\t",
        "\uD83D\uDE00",
        "\u4E2D",
        "\u6587",
        "e\u0301",
        "\u05E9\u05DC\u05D5\u05DD",
        "\u0000",
        "-",
        "\uD83C\uDDFA\uD83C\uDDE6",
        "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
        "\uD83D\uDC4D\uD83C\uDFFD",
        "\u0301",
        "\u200D"
    };

    private static int[] cps(String s) {
        return s.codePoints().toArray();
    }

    @Test
    void wrapsAtWhiteSpaceAndCutsLongWords() {
        ScreenLayout layout = ScreenLayout.of(cps("aaa bbb cccccccc\n\nd"), 5, null);
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < layout.rows(); r++) {
            rows.add(new String(layout.cps, layout.rowStart(r), layout.rowEnd(r) - layout.rowStart(r)));
        }
        assertThat(rows).containsExactly("aaa ", "bbb ", "ccccc", "ccc", "", "d");
        assertThat(layout.isStop(17)).isTrue(); // the empty line
        assertThat(layout.isStop(16)).isFalse(); // the line break after a line with text
    }

    @Test
    void bracketsTakeCellsInPlainMode() {
        ScreenLayout layout = ScreenLayout.of(cps("ab cd"), 4, List.of(Span.of("s1", 0, 2, "X")));
        assertThat(layout.rowEnd(0)).isEqualTo(2); // "[ab]" fills the row
        assertThat(layout.columnOf(1)).isEqualTo(2);
    }

    @Test
    void graphemeClustersAreOneStopAndNeverCut() {
        String family = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String flag = "\uD83C\uDDFA\uD83C\uDDE6";
        String thumb = "\uD83D\uDC4D\uD83C\uDFFD";
        int[] cps = cps("a" + flag + family + thumb + "e\u0301b");
        ScreenLayout layout = ScreenLayout.of(cps, 80, null);
        // a, flag (2), family (5), thumb (2), e + accent, b
        List<Integer> stops = new ArrayList<>();
        for (int k = 0; k < cps.length; k++) {
            if (layout.isStop(k)) {
                stops.add(k);
            }
        }
        assertThat(stops).containsExactly(0, 1, 3, 8, 10, 12);
        assertThat(layout.endOfStop(3)).isEqualTo(8);
        // widths: a flag is 2 (1 per indicator), a family the sum of its emoji, a skin tone 2 + 2
        assertThat(layout.columnOf(3)).isEqualTo(3);
        assertThat(layout.columnOf(8)).isEqualTo(9);
        assertThat(layout.columnOf(10)).isEqualTo(13);
        // at 4 columns the family (6 cells) gets a row to itself instead of being cut
        ScreenLayout narrow = ScreenLayout.of(cps("ab" + family + "c"), 4, null);
        assertThat(narrow.rows()).isEqualTo(3);
        assertThat(narrow.rowStart(1)).isEqualTo(2);
        assertThat(narrow.rowEnd(1)).isEqualTo(7);
    }

    @Test
    void everyCodePointIsOnExactlyOneRowThatFitsTheWidth() {
        long seed = System.nanoTime();
        System.out.println("ScreenLayoutTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 300; round++) {
            StringBuilder b = new StringBuilder();
            int pieces = random.nextInt(60);
            for (int i = 0; i < pieces; i++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            int width = 1 + random.nextInt(20);
            int[] cps = cps(b.toString());
            ScreenLayout layout = ScreenLayout.of(cps, width, null);
            String context = "seed " + seed + " round " + round + " width " + width + " text " + b;
            int[] seen = new int[cps.length];
            int previousEnd = 0;
            for (int r = 0; r < layout.rows(); r++) {
                int start = layout.rowStart(r);
                int end = layout.rowEnd(r);
                assertThat(start).as(context).isGreaterThanOrEqualTo(previousEnd);
                previousEnd = end;
                int cells = 0;
                for (int k = start; k < end; k++) {
                    seen[k]++;
                    cells += layout.cellWidth(k);
                    assertThat(layout.rowOf(k)).as(context).isEqualTo(r);
                }
                boolean oneCluster = true;
                for (int k = start + 1; k < end; k++) {
                    oneCluster &= layout.joined(k);
                }
                if (!oneCluster) {
                    assertThat(cells).as(context).isLessThanOrEqualTo(width);
                }
                if (start < end) {
                    assertThat(layout.joined(start))
                            .as(context + ": row %d starts inside a cluster", r)
                            .isFalse();
                }
            }
            for (int k = 0; k < cps.length; k++) {
                boolean terminator = cps[k] == '\n' || cps[k] == '\r';
                assertThat(seen[k]).as(context + " at " + k).isEqualTo(terminator ? 0 : 1);
                if (layout.isStop(k)) {
                    assertThat(layout.columnOf(k)).as(context).isLessThan(width);
                    assertThat(layout.joined(k))
                            .as(context + ": a stop inside a cluster at " + k)
                            .isFalse();
                }
            }
            // walking right from the first stop reaches every stop, in order
            int stops = 0;
            for (int k = 0; k < cps.length; k++) {
                if (layout.isStop(k)) {
                    stops++;
                }
            }
            int walked = cps.length == 0 ? 0 : 1;
            int at = layout.stopAt(0);
            while (layout.nextStop(at) != at) {
                assertThat(layout.nextStop(at)).as(context).isGreaterThan(at);
                assertThat(layout.previousStop(layout.nextStop(at))).as(context).isEqualTo(at);
                at = layout.nextStop(at);
                walked++;
            }
            assertThat(walked).as(context).isEqualTo(Math.max(stops, cps.length == 0 ? 0 : 1));
        }
    }
}
