package org.scholion.export.html;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporter;
import org.scholion.export.Format;

/**
 * Writes the standalone HTML brief: one self-contained page (inline CSS and script under a
 * hash-based Content-Security-Policy, the JSON-LD embedded) that works offline from {@code file://}.
 */
public final class HtmlExporter implements Exporter {

    @Override
    public Format format() {
        return Format.HTML;
    }

    @Override
    public void export(AnnotatedDocument document, ExportOptions options, OutputStream out)
            throws ExportException, IOException {
        String page;
        try {
            page = HtmlPage.standalone(document, options);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ExportException(document.document().id() + ": cannot make the HTML page: " + e.getMessage(), e);
        }
        out.write(page.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
