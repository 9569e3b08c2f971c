package org.scholion.export.pdf;

import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPRow;
import com.lowagie.text.pdf.PdfPTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntFunction;

/**
 * The body rows of a table, made in batches on a thread of their own while the document is written.
 * They are made at the table's final width, so OpenPDF measures each row there (it lays every cell
 * out once only to find its height) and not on the thread that writes the pages.
 */
final class RowsAhead implements AutoCloseable {
    private static final Object END = new Object();

    private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(4);
    private final float[] widths;
    private final float totalWidth;
    private final Runnable maker;
    /** The thread making the rows; null for a table of one batch, made when it is asked for. */
    private final Thread thread;

    private boolean made;

    /**
     * Starts making {@code count} rows of cells {@code row.apply(i)}, {@code batch} rows at a time,
     * for a table of these relative widths and this total width. A table of one batch is made on
     * the writing thread when it is asked for: it is too small to gain, and a second thread would
     * only compete with the other formats of an export for the second core.
     */
    RowsAhead(float[] widths, float totalWidth, int count, int batch, IntFunction<List<PdfPCell>> row) {
        this.widths = widths.clone();
        this.totalWidth = totalWidth;
        maker = () -> make(count, batch, row);
        if (count > batch) {
            thread = new Thread(maker, "scholion-pdf-rows");
            thread.setDaemon(true);
            thread.start();
        } else {
            thread = null;
        }
    }

    /**
     * A table for the rows of {@link #next()}, of their widths: set to the total width they were
     * measured at, it keeps their heights as long as the page gives it that width. (Not locked:
     * OpenPDF measures every row of a locked table again each time it is added.)
     */
    Table table() {
        Table table = new Table(widths);
        table.setWidthPercentage(100);
        table.setTotalWidth(totalWidth);
        return table;
    }

    private void make(int count, int batch, IntFunction<List<PdfPCell>> row) {
        try {
            for (int from = 0; from < count; from += batch) {
                PdfPTable twin = table();
                for (int i = from; i < Math.min(count, from + batch); i++) {
                    for (PdfPCell cell : row.apply(i)) {
                        twin.addCell(cell);
                    }
                }
                batches.put(new ArrayList<>(twin.getRows()));
            }
            batches.put(END);
        } catch (InterruptedException e) {
            // the writer stopped waiting: nothing more is wanted
        } catch (RuntimeException | Error e) {
            try {
                batches.put(e);
            } catch (InterruptedException stopped) {
                // the writer stopped waiting
            }
        }
    }

    /** The next batch of rows in order, or null after the last; what went wrong making them is thrown here. */
    @SuppressWarnings("unchecked")
    List<PdfPRow> next() {
        if (thread == null && !made) {
            made = true;
            maker.run(); // one batch and the end: the queue holds both
        }
        Object next;
        try {
            next = batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rows of a table were made", e);
        }
        if (next == END) {
            return null;
        }
        if (next instanceof RuntimeException e) {
            throw e;
        }
        if (next instanceof Error e) {
            throw e;
        }
        return (List<PdfPRow>) next;
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the rows are still being made. */
    boolean isMaking() {
        return thread != null && thread.isAlive();
    }

    /** A table that takes whole rows made (and measured at its width) elsewhere. */
    static final class Table extends PdfPTable {
        Table(float[] widths) {
            super(widths);
        }

        void append(List<PdfPRow> made) {
            for (PdfPRow row : made) {
                rows.add(row);
                totalHeight += row.getMaxHeights();
            }
        }
    }
}
