package org.scholion.core.store;

import java.nio.file.Path;
import org.scholion.core.model.Fixtures;

/** A separate process that adds spans to an annotation file, one locked update each. */
public final class ConcurrentAdder {
    public static void main(String[] args) throws Exception {
        AnnotationFile file = AnnotationFile.at(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        String who = args[2];
        for (int i = 0; i < count; i++) {
            int at = i;
            file.update("add", doc -> doc.withSpan(Fixtures.free(doc, "PERSON", who + "-" + at, who)));
        }
    }
}
