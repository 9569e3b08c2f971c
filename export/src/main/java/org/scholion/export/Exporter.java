package org.scholion.export;

import java.io.IOException;
import java.io.OutputStream;
import org.scholion.core.model.AnnotatedDocument;

/** Writes an annotated document in one format. */
public interface Exporter {

    Format format();

    /**
     * Writes {@code document} (after {@link ExportOptions#select}) to {@code out}, which is
     * flushed but not closed.
     */
    void export(AnnotatedDocument document, ExportOptions options, OutputStream out)
            throws ExportException, IOException;
}
