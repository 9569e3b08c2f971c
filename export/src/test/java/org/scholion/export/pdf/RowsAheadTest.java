package org.scholion.export.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPRow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A maker that lost a batch or an error would leave the writer waiting: hence the time limit. */
@Timeout(30)
class RowsAheadTest {
    private static final float[] WIDTHS = {1, 3};

    private static List<PdfPCell> row(int i) {
        String text = i % 7 == 0 ? "a longer cell that wraps onto a second line or more ".repeat(3) : "row " + i;
        return List.of(new PdfPCell(new Phrase(Integer.toString(i))), new PdfPCell(new Phrase(text)));
    }

    @Test
    void rowsComeInOrderInBatchesAlreadyMeasured() {
        List<PdfPRow> all = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        RowsAhead.Table table;
        try (RowsAhead ahead = new RowsAhead(WIDTHS, 400, 25, 10, RowsAheadTest::row)) {
            for (List<PdfPRow> batch = ahead.next(); batch != null; batch = ahead.next()) {
                sizes.add(batch.size());
                all.addAll(batch);
            }
            table = ahead.table();
        }
        assertThat(sizes).containsExactly(10, 10, 5);
        for (int i = 0; i < all.size(); i++) {
            PdfPRow row = all.get(i);
            assertThat(row.isCalculated()).as("row %d", i).isTrue();
            assertThat(row.getCells()[0].getPhrase().getContent()).isEqualTo(Integer.toString(i));
        }
        // a wrapped row is taller than a one-line row, as measured at 400 points
        assertThat(all.get(7).getMaxHeights()).isGreaterThan(all.get(8).getMaxHeights());

        table.append(all);
        assertThat(table.size()).isEqualTo(25);
        float sum = 0;
        for (PdfPRow row : all) {
            sum += row.getMaxHeights();
        }
        assertThat(table.getTotalHeight()).isEqualTo(sum);
    }

    @Test
    void aTableOfOneBatchIsMadeWhenItIsAskedFor() {
        int[] made = {0};
        try (RowsAhead ahead = new RowsAhead(WIDTHS, 400, 10, 10, i -> {
            made[0]++;
            return row(i);
        })) {
            assertThat(ahead.isMaking()).isFalse();
            assertThat(made[0]).isZero();
            assertThat(ahead.next()).hasSize(10);
            assertThat(made[0]).isEqualTo(10);
            assertThat(ahead.next()).isNull();
        }
    }

    @Test
    void whatGoesWrongMakingARowIsThrownToTheWriter() {
        try (RowsAhead ahead = new RowsAhead(WIDTHS, 400, 30, 10, i -> {
            if (i == 15) {
                throw new IllegalStateException("row 15 is bad");
            }
            return row(i);
        })) {
            assertThat(ahead.next()).hasSize(10);
            assertThatThrownBy(ahead::next)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("row 15 is bad");
        }
    }

    @Test
    void closingStopsTheMakerWhenTheWriterGivesUp() throws InterruptedException {
        RowsAhead ahead = new RowsAhead(WIDTHS, 400, 100_000, 10, RowsAheadTest::row);
        assertThat(ahead.next()).hasSize(10);
        ahead.close();
        for (int i = 0; i < 100 && ahead.isMaking(); i++) {
            Thread.sleep(50);
        }
        assertThat(ahead.isMaking()).isFalse();
    }
}
