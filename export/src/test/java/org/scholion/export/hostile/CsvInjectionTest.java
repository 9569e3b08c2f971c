package org.scholion.export.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.export.CsvOptions;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.Format;

/**
 * CSV cells that a spreadsheet would run as formulas (OWASP "CSV Injection": a first character
 * of = + - @, TAB, CR or LF) are prefixed with a quote by default and kept as they are with
 * {@code --raw}; the offsets stay exact either way, read back by a real CSV parser.
 */
class CsvInjectionTest {
    private static final CSVFormat READ =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    private static final String DANGEROUS = "=+-@\t\r\n";

    @Test
    void formulaCellsAreGuardedByDefault() throws Exception {
        AnnotatedDocument doc = HostileDocuments.formulasAndMarkup();
        List<CSVRecord> rows = rows(export(doc, ExportOptions.DEFAULT));
        assertThat(rows).hasSize(doc.spans().size());
        int guarded = 0;
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            Span span = doc.spans().get(i);
            assertThat(row.get("span_id")).isEqualTo(span.id());
            assertThat(row.get("start")).isEqualTo(Integer.toString(span.start()));
            assertThat(row.get("end")).isEqualTo(Integer.toString(span.end()));
            for (String[] cell : cells(doc, span, row)) {
                String raw = cell[1];
                String written = cell[2];
                if (!raw.isEmpty() && DANGEROUS.indexOf(raw.charAt(0)) >= 0) {
                    assertThat(written).as("%s of %s", cell[0], span.id()).isEqualTo("'" + raw);
                    guarded++;
                } else {
                    assertThat(written).as("%s of %s", cell[0], span.id()).isEqualTo(raw);
                }
                assertThat(written.isEmpty() || DANGEROUS.indexOf(written.charAt(0)) < 0)
                        .as("no cell starts a formula: %s of %s = %s", cell[0], span.id(), written)
                        .isTrue();
            }
        }
        System.out.println("CsvInjectionTest: " + guarded + " formula cells guarded");
        assertThat(guarded).isGreaterThanOrEqualTo(12);
    }

    @Test
    void rawKeepsEveryCellExactly() throws Exception {
        AnnotatedDocument doc = HostileDocuments.formulasAndMarkup();
        List<CSVRecord> rows = rows(export(
                doc, ExportOptions.builder().csv(new CsvOptions(true, false)).build()));
        for (int i = 0; i < rows.size(); i++) {
            for (String[] cell : cells(doc, doc.spans().get(i), rows.get(i))) {
                assertThat(cell[2]).as(cell[0]).isEqualTo(cell[1]);
            }
        }
    }

    /** name, model value, written value of every text cell of a row. */
    private static List<String[]> cells(AnnotatedDocument doc, Span span, CSVRecord row) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"label", span.label(), row.get("label")});
        cells.add(new String[] {"text", doc.textOf(span), row.get("text")});
        cells.add(new String[] {"note", span.note() == null ? "" : span.note(), row.get("note")});
        cells.add(new String[] {"annotator", span.annotator() == null ? "" : span.annotator(), row.get("annotator")});
        return cells;
    }

    private static byte[] export(AnnotatedDocument doc, ExportOptions options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporters.of(Format.CSV).export(doc, options, out);
        return out.toByteArray();
    }

    private static List<CSVRecord> rows(byte[] csv) throws Exception {
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)), READ)) {
            return parser.getRecords();
        }
    }
}
