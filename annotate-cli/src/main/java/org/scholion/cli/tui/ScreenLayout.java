package org.scholion.cli.tui;

import java.util.Arrays;
import java.util.List;
import org.scholion.core.model.Span;

/**
 * The document wrapped to a width: screen rows as code-point ranges, word-wrapped where a row
 * has white space, cut anywhere else. Widths come from {@link ScreenCells}, so wide CJK and emoji take
 * two cells and combining marks none. In plain (no colour) mode the brackets that mark spans take
 * cells too, so the layout depends on the spans as well.
 */
final class ScreenLayout {
    final int[] cps;
    final int width;
    /** Whether each code point continues the grapheme cluster before it; null if none does. */
    private final boolean[] joined;

    private final int[] open;
    private final int[] close;
    private int[] rowStart = new int[64];
    private int[] rowEnd = new int[64];
    private int rows;

    private ScreenLayout(int[] cps, boolean[] joined, int width, int[] open, int[] close) {
        this.cps = cps;
        this.joined = joined;
        this.width = Math.max(1, width);
        this.open = open;
        this.close = close;
        build();
    }

    /** The layout of the text; with {@code bracketed} spans, each start and end takes one cell. */
    static ScreenLayout of(int[] cps, int width, List<Span> bracketed) {
        return of(cps, Graphemes.joined(new String(cps, 0, cps.length), cps), width, bracketed);
    }

    /** The same, with the clusters already found ({@link Graphemes#joined}). */
    static ScreenLayout of(int[] cps, boolean[] joined, int width, List<Span> bracketed) {
        int[] open = null;
        int[] close = null;
        if (bracketed != null && !bracketed.isEmpty()) {
            open = new int[cps.length];
            close = new int[cps.length];
            for (Span s : bracketed) {
                if (s.end() <= cps.length) {
                    open[s.start()]++;
                    close[s.end() - 1]++;
                }
            }
        }
        return new ScreenLayout(cps, joined, width, open, close);
    }

    int rows() {
        return rows;
    }

    int rowStart(int row) {
        return rowStart[row];
    }

    /** One past the last code point of the row, line terminator excluded. */
    int rowEnd(int row) {
        return rowEnd[row];
    }

    /** Whether code point {@code i} continues the grapheme cluster of the one before it. */
    boolean joined(int i) {
        return joined != null && joined[i];
    }

    int opens(int i) {
        return open == null ? 0 : open[i];
    }

    int closes(int i) {
        return close == null ? 0 : close[i];
    }

    int cellWidth(int i) {
        return opens(i) + ScreenCells.width(cps[i]) + closes(i);
    }

    /** The row that shows code point {@code i} (the last row for the end of the text). */
    int rowOf(int i) {
        int lo = 0;
        int hi = rows - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (rowStart[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The screen column where the glyph of code point {@code i} begins. */
    int columnOf(int i) {
        int row = rowOf(i);
        int col = 0;
        int end = Math.min(i, rowEnd[row]);
        for (int k = rowStart[row]; k < end; k++) {
            col += cellWidth(k);
        }
        if (i < rowEnd[row]) {
            col += opens(i);
        }
        return Math.min(col, width - 1);
    }

    /** Whether the cursor may rest on code point {@code i}. */
    boolean isStop(int i) {
        if (i < 0 || i >= cps.length) {
            return false;
        }
        int cp = cps[i];
        if (ScreenCells.isLineTerminator(cp)) {
            int row = rowOf(i);
            return rowStart[row] == i && rowEnd[row] == i;
        }
        return !joined(i) && (ScreenCells.width(cp) > 0 || rowStart[rowOf(i)] == i);
    }

    int nextStop(int i) {
        for (int k = i + 1; k < cps.length; k++) {
            if (isStop(k)) {
                return k;
            }
        }
        return i;
    }

    int previousStop(int i) {
        for (int k = i - 1; k >= 0; k--) {
            if (isStop(k)) {
                return k;
            }
        }
        return i;
    }

    /** The nearest stop at or before {@code i}, else after it; 0 for an empty text. */
    int stopAt(int i) {
        if (cps.length == 0) {
            return 0;
        }
        int k = Math.max(0, Math.min(i, cps.length - 1));
        if (isStop(k)) {
            return k;
        }
        int before = previousStop(k);
        return before != k ? before : nextStop(k);
    }

    /** One past the last code point that belongs with the stop at {@code i} (the rest of its cluster). */
    int endOfStop(int i) {
        if (i >= cps.length) {
            return cps.length;
        }
        int k = i + 1;
        while (k < cps.length
                && !ScreenCells.isLineTerminator(cps[k])
                && (joined(k) || ScreenCells.width(cps[k]) == 0)) {
            k++;
        }
        return k;
    }

    int lastStop() {
        return stopAt(cps.length - 1);
    }

    /** The stop in {@code row} whose cells cover {@code column}, or the row's last stop. */
    int stopAtColumn(int row, int column) {
        int start = rowStart[row];
        int end = rowEnd[row];
        if (start == end) {
            return stopAt(start);
        }
        int col = 0;
        int best = start;
        for (int k = start; k < end; k++) {
            if (isStop(k)) {
                best = k;
            }
            col += cellWidth(k);
            if (col > column) {
                break;
            }
        }
        return stopAt(best);
    }

    private void build() {
        int n = cps.length;
        int i = 0;
        while (true) {
            int lineStart = i;
            int lineEnd = i;
            while (lineEnd < n && !ScreenCells.isLineTerminator(cps[lineEnd])) {
                lineEnd++;
            }
            wrap(lineStart, lineEnd);
            if (lineEnd >= n) {
                break;
            }
            i = lineEnd + (cps[lineEnd] == '\r' && lineEnd + 1 < n && cps[lineEnd + 1] == '\n' ? 2 : 1);
            if (i >= n) {
                break;
            }
        }
        rowStart = Arrays.copyOf(rowStart, rows);
        rowEnd = Arrays.copyOf(rowEnd, rows);
    }

    private void wrap(int start, int end) {
        if (start == end) {
            addRow(start, end);
            return;
        }
        int rs = start;
        int col = 0;
        int lastBreak = -1;
        int k = start;
        while (k < end) {
            int cw = cellWidth(k);
            if (col + cw > width && k > rs) {
                int cut = lastBreak > rs ? lastBreak : clusterStart(k);
                if (cut <= rs) {
                    // one cluster wider than the row: it gets the row to itself, and the terminal clips it
                    cut = endOfCluster(k, end);
                    if (cut >= end) {
                        break;
                    }
                }
                addRow(rs, cut);
                rs = cut;
                col = 0;
                lastBreak = -1;
                k = rs;
                continue;
            }
            col += cw;
            if ((cps[k] == ' ' || cps[k] == '\t' || cps[k] == 0x3000) && !(k + 1 < end && joined(k + 1))) {
                lastBreak = k + 1;
            }
            k++;
        }
        addRow(rs, end);
    }

    private int clusterStart(int i) {
        while (i > 0 && joined(i)) {
            i--;
        }
        return i;
    }

    private int endOfCluster(int i, int end) {
        int k = i + 1;
        while (k < end && joined(k)) {
            k++;
        }
        return k;
    }

    private void addRow(int start, int end) {
        if (rows == rowStart.length) {
            rowStart = Arrays.copyOf(rowStart, rows * 2);
            rowEnd = Arrays.copyOf(rowEnd, rows * 2);
        }
        rowStart[rows] = start;
        rowEnd[rows] = end;
        rows++;
    }
}
