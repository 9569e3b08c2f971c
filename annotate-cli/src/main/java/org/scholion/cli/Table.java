package org.scholion.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table whose columns are as wide as their widest cell (counted in code points). */
final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    /** A table with these headings; a heading that starts with '>' is right-aligned (the '>' is dropped). */
    Table(String... headings) {
        rightAligned = new boolean[headings.length];
        String[] row = new String[headings.length];
        for (int i = 0; i < headings.length; i++) {
            rightAligned[i] = headings[i].startsWith(">");
            row[i] = rightAligned[i] ? headings[i].substring(1) : headings[i];
        }
        rows.add(row);
    }

    /** Adds a row; each cell is made safe for a terminal. */
    Table row(Object... cells) {
        String[] row = new String[rightAligned.length];
        for (int i = 0; i < row.length; i++) {
            Object cell = i < cells.length ? cells[i] : null;
            row[i] = cell == null ? "" : Escapes.visible(cell.toString(), false);
        }
        rows.add(row);
        return this;
    }

    boolean isEmpty() {
        return rows.size() == 1;
    }

    void appendTo(StringBuilder b) {
        int[] width = new int[rightAligned.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].codePointCount(0, row[i].length()));
            }
        }
        for (String[] row : rows) {
            int mark = b.length();
            for (int i = 0; i < row.length; i++) {
                boolean last = i == row.length - 1;
                String fill = " ".repeat(width[i] - row[i].codePointCount(0, row[i].length()));
                if (rightAligned[i]) {
                    b.append(fill).append(row[i]);
                } else {
                    b.append(row[i]).append(last ? "" : fill);
                }
                if (!last) {
                    b.append("  ");
                }
            }
            while (b.length() > mark && b.charAt(b.length() - 1) == ' ') {
                b.setLength(b.length() - 1);
            }
            b.append('\n');
        }
    }
}
