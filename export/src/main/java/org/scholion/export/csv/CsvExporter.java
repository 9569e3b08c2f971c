package org.scholion.export.csv;

import java.io.IOException;
import java.io.OutputStream;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporter;
import org.scholion.export.Format;

/** Placeholder until the CSV exporter lands. */
public final class CsvExporter implements Exporter {

    @Override
    public Format format() {
        return Format.CSV;
    }

    @Override
    public void export(AnnotatedDocument document, ExportOptions options, OutputStream out)
            throws ExportException, IOException {
        throw new ExportException("CSV export is not built yet");
    }

    /** Writes the relations of a document as CSV; the stream is not closed. */
    public static void exportRelations(AnnotatedDocument document, ExportOptions options, OutputStream out)
            throws ExportException, IOException {
        throw new ExportException("CSV export is not built yet");
    }
}
