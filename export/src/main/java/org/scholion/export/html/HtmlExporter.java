package org.scholion.export.html;

import java.io.IOException;
import java.io.OutputStream;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporter;
import org.scholion.export.Format;

/**
 * Writes the standalone HTML brief: one self-contained page (inline CSS and script under a
 * hash-based Content-Security-Policy, the JSON-LD embedded) that works offline from {@code file://},
 * written straight to the caller's stream.
 */
public final class HtmlExporter implements Exporter {

    @Override
    public Format format() {
        return Format.HTML;
    }

    @Override
    public void export(AnnotatedDocument document, ExportOptions options, OutputStream out)
            throws ExportException, IOException {
        try {
            HtmlPage.standalone(document, options, out);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ExportException(document.document().id() + ": cannot make the HTML page: " + e.getMessage(), e);
        }
    }
}
