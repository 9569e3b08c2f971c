package org.scholion.export.pdf;

import java.io.IOException;
import java.io.OutputStream;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.BriefOptions;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporter;
import org.scholion.export.Format;
import org.scholion.export.brief.Brief;

/**
 * Writes an editor's brief as a PDF (PDF/A-1b unless {@link BriefOptions#pdfArchival()} is
 * off): header facts, legend, a vector bar chart of spans per label, the highlighted text with
 * numbered markers linked to the annotations table, bookmarks and embedded fonts.
 */
public final class PdfExporter implements Exporter {

    @Override
    public Format format() {
        return Format.PDF;
    }

    @Override
    public void prepare() throws IOException {
        PdfBrief.prepare();
    }

    @Override
    public void export(AnnotatedDocument document, ExportOptions options, OutputStream out)
            throws ExportException, IOException {
        Brief brief = Brief.of(document, options);
        try {
            new PdfBrief(brief, options.brief()).write(out);
        } catch (RuntimeException e) {
            // OpenPDF reports layout and font failures as unchecked exceptions
            throw new ExportException(
                    "cannot write the PDF brief of " + document.document().id() + ": " + e.getMessage(), e);
        }
        out.flush();
    }
}
