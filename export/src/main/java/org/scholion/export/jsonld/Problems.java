package org.scholion.export.jsonld;

import java.util.ArrayList;
import java.util.List;
import org.scholion.export.jsonld.JsonLdImporter.Problem;
import org.scholion.export.jsonld.JsonLdImporter.Severity;

/** What one import could not do as asked, in the order met. */
final class Problems {
    private final List<Problem> list = new ArrayList<>();

    /** A caveat about the collection as a whole. */
    void collection(String reason) {
        list.add(new Problem("", Severity.WARNING, reason));
    }

    /** A problem of the annotation {@code ref}. */
    void add(String ref, Severity severity, String reason) {
        list.add(new Problem(ref, severity, reason));
    }

    List<Problem> list() {
        return list;
    }

    /** A value of the file as a reason quotes it: line breaks shown as escapes, at most 60 characters. */
    static String shorten(String value) {
        String oneLine = value.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
