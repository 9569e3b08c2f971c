package org.scholion.export.docx;

import java.io.IOException;
import java.io.OutputStream;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporter;
import org.scholion.export.Format;

/** Placeholder until the DOCX exporter lands. */
public final class DocxExporter implements Exporter {

    @Override
    public Format format() {
        return Format.DOCX;
    }

    @Override
    public void export(AnnotatedDocument document, ExportOptions options, OutputStream out)
            throws ExportException, IOException {
        throw new ExportException("DOCX export is not built yet");
    }
}
