package org.scholion.export.interchange;

import java.nio.file.Path;
import java.util.List;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Format;

/**
 * Writes documents in a foreign format into a folder: a corpus format (CoNLL, doccano, Label
 * Studio, Prodigy) writes one file for all documents of a batch, a per-document format (brat,
 * WebAnno TSV, PTC) files per document. Every file is written atomically; what the format cannot
 * hold goes into the {@link LossReport}.
 */
public interface DocumentWriter {

    Format format();

    /** Starts a batch that writes into {@code folder} (created if missing). */
    Batch open(Path folder, ExportOptions options, LossReport losses) throws ExportException;

    /** One output under way: documents are added one at a time, and {@link #close} completes it. */
    interface Batch extends AutoCloseable {
        void write(AnnotatedDocument document) throws ExportException;

        /** Completes the output (closes a JSON array, writes a shared configuration file). */
        @Override
        void close() throws ExportException;

        /** The files written so far, in the order written. */
        List<Path> files();
    }
}
