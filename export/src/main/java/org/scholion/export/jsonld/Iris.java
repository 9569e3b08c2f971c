package org.scholion.export.jsonld;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.text.PercentDecoding;

/** The IRIs Scholion mints for documents, annotations, labels and annotators, and their inverses. */
final class Iris {
    static final String LABEL_PREFIX = "urn:scholion:label:";
    static final String ANNOTATOR_PREFIX = "urn:scholion:annotator:";
    static final String DOCUMENT_PREFIX = "urn:scholion:doc:";

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Iris() {}

    /** The document's IRI: its declared one when that is absolute, else {@code urn:scholion:doc:<id>}. */
    static String document(Document document) {
        String declared = document.iri();
        if (declared != null && SCHEME.matcher(declared).matches()) {
            return cleanIri(declared);
        }
        // A relative path is not an IRI: RDF processors would drop every triple about it.
        return DOCUMENT_PREFIX + encode(document.id());
    }

    static String collection(String documentIri) {
        return documentIri + "/annotations";
    }

    static String label(LabelSet set, Label label) {
        return label.iri() != null
                ? cleanIri(label.iri())
                : LABEL_PREFIX + encode(set.name()) + ':' + encode(label.name());
    }

    static String annotator(String name) {
        return ANNOTATOR_PREFIX + encode(name);
    }

    /**
     * The label-set and label names of a {@code urn:scholion:label:<set>:<label>} IRI, or null
     * when the IRI is not one.
     */
    static String[] parseLabel(String iri) {
        if (iri == null || !iri.startsWith(LABEL_PREFIX)) {
            return null;
        }
        String rest = iri.substring(LABEL_PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon <= 0 || colon == rest.length() - 1 || rest.indexOf(':', colon + 1) >= 0) {
            return null;
        }
        String set = decode(rest.substring(0, colon));
        String label = decode(rest.substring(colon + 1));
        return set == null || label == null ? null : new String[] {set, label};
    }

    /** The annotator named by a {@code urn:scholion:annotator:} IRI, or null. */
    static String parseAnnotator(String iri) {
        return iri != null && iri.startsWith(ANNOTATOR_PREFIX)
                ? decode(iri.substring(ANNOTATOR_PREFIX.length()))
                : null;
    }

    /** Percent-encodes the UTF-8 bytes of everything but the ASCII unreserved characters of RFC 3986. */
    static String encode(String value) {
        int i = 0;
        while (i < value.length() && unreserved(value.charAt(i))) {
            i++;
        }
        if (i == value.length()) {
            return value;
        }
        StringBuilder b = new StringBuilder(value.length() + 16).append(value, 0, i);
        byte[] bytes = value.substring(i).getBytes(StandardCharsets.UTF_8);
        for (byte raw : bytes) {
            int c = raw & 0xFF;
            if (c < 0x80 && unreserved((char) c)) {
                b.append((char) c);
            } else {
                b.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return b.toString();
    }

    /** The text of a percent-encoded string, or null when the encoding is broken or not UTF-8. */
    static String decode(String value) {
        return PercentDecoding.CHARACTERS.decode(value);
    }

    /** A declared IRI with the characters no IRI may hold (space, controls, {@code <>"{}|\^`}) percent-encoded. */
    static String cleanIri(String iri) {
        StringBuilder b = null;
        for (int i = 0; i < iri.length(); i++) {
            char c = iri.charAt(i);
            boolean bad = c <= 0x20 || c == 0x7F || "<>\"{}|\\^`".indexOf(c) >= 0;
            if (bad && b == null) {
                b = new StringBuilder(iri.length() + 16).append(iri, 0, i);
            }
            if (bad) {
                b.append('%').append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? iri : b.toString();
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
