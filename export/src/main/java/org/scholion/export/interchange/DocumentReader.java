package org.scholion.export.interchange;

import java.nio.file.Path;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.Format;

/**
 * Reads the documents a foreign file holds. A reader checks all it can (offsets inside the text,
 * a span's quoted text against the text, relation ends that exist): what it can still import with
 * a caveat or skip goes into the {@link LossReport}; what makes the source unreadable (not the
 * format, truncated, invalid UTF-8) is a {@link ScholionException} naming file, line and problem,
 * thrown before any document of that source reaches the sink.
 */
public interface DocumentReader {

    Format format();

    /**
     * Reads {@code source} (a corpus file, or one file of a pair such as brat's {@code .txt} and
     * {@code .ann}) and passes each document to {@code sink} in order.
     */
    void read(Path source, ReadOptions options, LossReport losses, DocumentSink sink) throws ScholionException;

    /**
     * The file that stands for the document {@code file} belongs to, so that a caller given both
     * files of a pair (brat's {@code .txt} and {@code .ann}) reads the document once: files with the
     * same primary are one source. A corpus format's file is its own primary.
     */
    default Path primary(Path file) {
        return file;
    }

    /** Where documents go as they are read. */
    @FunctionalInterface
    interface DocumentSink {
        void accept(AnnotatedDocument document) throws ScholionException;
    }
}
