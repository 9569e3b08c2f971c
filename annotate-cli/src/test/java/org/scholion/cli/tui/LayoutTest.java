package org.scholion.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scholion.core.model.Span;

class LayoutTest {
    private static final String[] PIECES = {"a", "b", "word", " ", " ", "  ", "\n", "\r\n", "\r", "\t",
            "\uD83D\uDE00", "\u4E2D", "\u6587", "e\u0301", "\u05E9\u05DC\u05D5\u05DD", "\u0000", "-"};

    private static int[] cps(String s) {
        return s.codePoints().toArray();
    }

    @Test
    void wrapsAtWhiteSpaceAndCutsLongWords() {
        Layout layout = Layout.of(cps("aaa bbb cccccccc\n\nd"), 5, null);
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
        Layout layout = Layout.of(cps("ab cd"), 4, List.of(Span.of("s1", 0, 2, "X")));
        assertThat(layout.rowEnd(0)).isEqualTo(2); // "[ab]" fills the row
        assertThat(layout.columnOf(1)).isEqualTo(2);
    }

    @Test
    void everyCodePointIsOnExactlyOneRowThatFitsTheWidth() {
        long seed = System.nanoTime();
        System.out.println("LayoutTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 300; round++) {
            StringBuilder b = new StringBuilder();
            int pieces = random.nextInt(60);
            for (int i = 0; i < pieces; i++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            int width = 1 + random.nextInt(20);
            int[] cps = cps(b.toString());
            Layout layout = Layout.of(cps, width, null);
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
                if (end - start > 1) {
                    assertThat(cells).as(context).isLessThanOrEqualTo(Math.max(width, layout.cellWidth(start)));
                }
            }
            for (int k = 0; k < cps.length; k++) {
                boolean terminator = cps[k] == '\n' || cps[k] == '\r';
                assertThat(seen[k]).as(context + " at " + k).isEqualTo(terminator ? 0 : 1);
                if (layout.isStop(k)) {
                    assertThat(layout.columnOf(k)).as(context).isLessThan(width);
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
