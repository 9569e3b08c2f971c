package org.scholion.export.pdf;

import java.io.IOException;
import java.io.OutputStream;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporter;
import org.scholion.export.Format;

/** Placeholder until the PDF exporter lands. */
public final class PdfExporter implements Exporter {

    @Override
    public Format format() {
        return Format.PDF;
    }

    @Override
    public void export(AnnotatedDocument document, ExportOptions options, OutputStream out)
            throws ExportException, IOException {
        throw new ExportException("PDF export is not built yet");
    }
}
