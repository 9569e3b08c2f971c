package org.scholion.export.docx;

import java.io.IOException;
import java.io.OutputStream;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporter;
import org.scholion.export.Format;
import org.scholion.export.brief.Brief;

/**
 * Writes an editor's brief as a Word document: header facts, legend, a bar chart of spans per
 * label, the highlighted text with every span also a Word comment, and the annotations table.
 */
public final class DocxExporter implements Exporter {

    @Override
    public Format format() {
        return Format.DOCX;
    }

    @Override
    public void export(AnnotatedDocument document, ExportOptions options, OutputStream out)
            throws ExportException, IOException {
        Brief brief = Brief.of(document, options);
        try {
            new WordBrief(brief, options.brief()).write(out);
        } catch (RuntimeException e) {
            // a broken invariant of the brief (e.g. comments out of order) is a bug, but still named
            throw new ExportException(
                    "cannot write the DOCX brief of " + document.document().id() + ": " + e.getMessage(), e);
        }
        out.flush();
    }
}
