package org.scholion.export.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.core.time.InstantFormatter;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporter;
import org.scholion.export.Format;

/**
 * Writes one CSV row per span (RFC 4180, UTF-8, CRLF) and, separately, one row per relation,
 * with the formula-injection guard of FORMATS.md unless the options ask for raw cells.
 */
public final class CsvExporter implements Exporter {
    /** The columns of the span file, in order. */
    public static final List<String> COLUMNS = List.of(
            "document_id",
            "span_id",
            "label",
            "start",
            "end",
            "text",
            "note",
            "annotator",
            "created",
            "attributes",
            "links");
    /** The columns of the relations file, in order. */
    public static final List<String> RELATION_COLUMNS =
            List.of("document_id", "relation_id", "type", "from_span_id", "to_span_id", "attributes");

    static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
    private static final char BOM = '\uFEFF';

    @Override
    public Format format() {
        return Format.CSV;
    }

    @Override
    public void export(AnnotatedDocument document, ExportOptions options, OutputStream out)
            throws ExportException, IOException {
        AnnotatedDocument selected = options.select(document);
        Cells cells = new Cells(options.csv().raw());
        Writer writer = open(out, options);
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        header(printer, COLUMNS);
        String documentId = cells.guard(selected.document().id());
        CodePointText text = selected.text();
        String string = text.string();
        boolean pairs = text.hasSupplementaryCharacters();
        Times created = new Times();
        for (Span span : selected.spans()) {
            printer.print(documentId);
            printer.print(cells.guard(span.id()));
            printer.print(cells.guard(span.label()));
            printer.print(Integer.toString(span.start()));
            printer.print(Integer.toString(span.end()));
            String covered = pairs ? text.slice(span.start(), span.end()) : string.substring(span.start(), span.end());
            printer.print(cells.guard(covered));
            printer.print(cells.guard(span.note()));
            printer.print(cells.guard(span.annotator()));
            printer.print(created.of(span.created()));
            printer.print(cells.guard(AttributeCells.format(span.attributes())));
            printer.print(cells.guard(String.join(" ", span.links())));
            printer.println();
        }
        // The printer only wraps the writer; closing it would close the caller's stream.
        printer.flush();
    }

    /** Writes the relations of a document as CSV; the stream is flushed but not closed. */
    public static void exportRelations(AnnotatedDocument document, ExportOptions options, OutputStream out)
            throws ExportException, IOException {
        AnnotatedDocument selected = options.select(document);
        Cells cells = new Cells(options.csv().raw());
        CSVPrinter printer = new CSVPrinter(open(out, options), FORMAT);
        header(printer, RELATION_COLUMNS);
        String documentId = cells.guard(selected.document().id());
        for (Relation relation : selected.relations()) {
            printer.print(documentId);
            printer.print(cells.guard(relation.id()));
            printer.print(cells.guard(relation.type()));
            printer.print(cells.guard(relation.from()));
            printer.print(cells.guard(relation.to()));
            printer.print(cells.guard(AttributeCells.format(relation.attributes())));
            printer.println();
        }
        printer.flush();
    }

    private static Writer open(OutputStream out, ExportOptions options) throws IOException {
        Writer writer = new Utf8Writer(out);
        if (options.csv().excel()) {
            writer.write(BOM);
        }
        return writer;
    }

    private static void header(CSVPrinter printer, List<String> columns) throws IOException {
        for (String column : columns) {
            printer.print(column);
        }
        printer.println();
    }

    /**
     * A buffered UTF-8 writer whose {@code append(CharSequence, int, int)}, which Commons CSV
     * calls for every cell, writes a String's chars without first copying them into a new String.
     */
    private static final class Utf8Writer extends BufferedWriter {
        Utf8Writer(OutputStream out) {
            super(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        }

        @Override
        public Writer append(CharSequence csq, int start, int end) throws IOException {
            if (csq instanceof String string) {
                write(string, start, end - start);
                return this;
            }
            return super.append(csq, start, end);
        }
    }

    /** Formats times, each run of equal times once: spans are often made in batches. */
    private static final class Times {
        private final InstantFormatter formatter = new InstantFormatter();
        private Instant last;
        private String lastText = "";

        String of(Instant time) {
            if (time == null) {
                return "";
            }
            if (!time.equals(last)) {
                last = time;
                lastText = formatter.format(time);
            }
            return lastText;
        }
    }

    /** The formula-injection guard (OWASP "CSV Injection"), or none for raw cells. */
    record Cells(boolean raw) {

        /** The cell for a value: empty for null, prefixed with {@code '} when a spreadsheet would run it. */
        String guard(String value) {
            if (value == null || value.isEmpty()) {
                return "";
            }
            if (raw) {
                return value;
            }
            return switch (value.charAt(0)) {
                case '=', '+', '-', '@', '\t', '\r', '\n' -> "'" + value;
                default -> value;
            };
        }
    }
}
