package org.scholion.cli;

import java.io.IOException;
import java.io.InputStream;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.ExportException;

/**
 * Reads a W3C Web Annotation collection back onto a document: the seam where the JSON-LD
 * importer of {@code export.jsonld} plugs into {@code annotate import}.
 */
@FunctionalInterface
interface CollectionImporter {

    /**
     * The spans and relations of the collection in {@code in} on the text and label sets of
     * {@code target}; {@code source} names the collection in messages. The stream is not closed.
     */
    AnnotatedDocument read(InputStream in, String source, AnnotatedDocument target)
            throws ScholionException, ExportException, IOException;

    /** The importer in use until the JSON-LD importer lands. */
    CollectionImporter NOT_BUILT = (in, source, target) -> {
        throw new ExportException(source + ": JSON-LD import is not built yet");
    };
}
