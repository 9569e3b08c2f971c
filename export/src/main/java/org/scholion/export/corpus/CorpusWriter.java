package org.scholion.export.corpus;

import java.nio.file.Path;
import java.util.List;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.ExportException;

/**
 * A file written for a whole corpus: documents are added one at a time, in the corpus's order,
 * and the file appears (atomically) only when it is finished.
 */
public interface CorpusWriter {

    /** Adds a document's annotations; the document is not kept. */
    void add(AnnotatedDocument document) throws ExportException;

    /** Completes the files and moves them into place; returns them. */
    List<Path> finish() throws ExportException;

    /** Removes what was begun; nothing appears. Safe to call more than once. */
    void abandon();
}
