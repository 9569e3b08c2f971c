package org.scholion.export;

import java.io.IOException;
import java.io.OutputStream;
import org.scholion.core.model.AnnotatedDocument;

/** Writes an annotated document in one format. */
public interface Exporter {

    Format format();

    /**
     * Loads, once per process, what every export in this format needs (fonts, colour profiles),
     * so that a caller can have it done on another thread while it reads the documents. Exports
     * work without it.
     */
    default void prepare() throws IOException {}

    /**
     * Writes {@code document} (after {@link ExportOptions#select}) to {@code out}, which is
     * flushed but not closed.
     */
    void export(AnnotatedDocument document, ExportOptions options, OutputStream out)
            throws ExportException, IOException;
}
