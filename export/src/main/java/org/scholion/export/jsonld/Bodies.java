package org.scholion.export.jsonld;

import static org.scholion.export.jsonld.JsonNodes.field;
import static org.scholion.export.jsonld.JsonNodes.idOf;
import static org.scholion.export.jsonld.JsonNodes.string;
import static org.scholion.export.jsonld.JsonNodes.terms;
import static org.scholion.export.jsonld.Problems.shorten;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scholion.export.jsonld.JsonLdImporter.Severity;

/**
 * What the bodies of an annotation say: the label (a classifying IRI or a tag), the notes, the
 * attributes ({@code describing} text bodies of the form {@code name=value}) and the links
 * ({@code identifying} bodies' sources).
 */
final class Bodies {
    private static final Set<String> NOTE_PURPOSES = Set.of(
            "commenting",
            "describing",
            "replying",
            "editing",
            "questioning",
            "assessing",
            "highlighting",
            "bookmarking");

    private String classifying;
    private String tag;
    private StringBuilder notes;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<String> links = new ArrayList<>();

    /** The attributes, name to value, in body order; the first value of a name wins. */
    Map<String, String> attributes() {
        return attributes;
    }

    /** The IRIs of the identifying bodies, in order, each once. */
    List<String> links() {
        return links;
    }

    /** The source of the first classifying body, or null. */
    String classifying() {
        return classifying;
    }

    /** The value of the first tagging body, or null. */
    String tag() {
        return tag;
    }

    /** The notes, blank-line separated, or null. */
    String note() {
        return notes == null ? null : notes.toString();
    }

    private void note(String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (notes == null) {
            notes = new StringBuilder(value);
        } else {
            notes.append("\n\n").append(value);
        }
    }

    /** What the bodies (and {@code bodyValue}) of annotation {@code a} say; a body that is none of these is a problem. */
    static Bodies of(JsonNode a, String ref, Set<String> motivations, Problems problems) {
        Bodies found = new Bodies();
        boolean tagging = motivations.contains("tagging");
        int classifying = 0;
        int tags = 0;
        JsonNode body = a.get("body");
        for (JsonNode b : body == null ? List.<JsonNode>of() : body.isArray() ? body : List.of(body)) {
            if (b.isTextual()) {
                classifying++;
                if (found.classifying == null) {
                    found.classifying = b.asText();
                }
                continue;
            }
            Set<String> purposes = terms(b.get("purpose"));
            Set<String> bodyTypes = terms(field(b, "type", "@type"));
            String value = string(b, "value", "rdf:value");
            String resource = idOf(b.get("source"));
            if (resource == null && value == null) {
                resource = string(b, "id", "@id");
            }
            if (purposes.contains("identifying") && resource != null) {
                if (!found.links.contains(resource)) {
                    found.links.add(resource);
                }
            } else if (purposes.contains("describing") && value != null && value.indexOf('=') > 0) {
                found.attributes.putIfAbsent(
                        value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
            } else if (purposes.contains("classifying") || (purposes.isEmpty() && value == null && resource != null)) {
                classifying++;
                if (found.classifying == null) {
                    found.classifying = resource;
                }
            } else if (purposes.contains("tagging") || (purposes.isEmpty() && tagging && value != null)) {
                tags++;
                if (found.tag == null) {
                    found.tag = value;
                }
            } else if (value != null && (purposes.isEmpty() || purposes.stream().anyMatch(NOTE_PURPOSES::contains))) {
                found.note(value);
            } else {
                problems.add(
                        ref,
                        Severity.WARNING,
                        "a body (" + shorten(String.join(", ", purposes.isEmpty() ? bodyTypes : purposes))
                                + ") is not a label, tag or note and was left out");
            }
        }
        String bodyValue = string(a, "bodyValue");
        if (bodyValue != null) {
            if (tagging && found.tag == null) {
                found.tag = bodyValue;
                tags++;
            } else {
                found.note(bodyValue);
            }
        }
        if (classifying > 1) {
            problems.add(
                    ref, Severity.WARNING, "has " + classifying + " classifying bodies; the first gives the label");
        } else if (classifying == 0 && tags > 1) {
            problems.add(ref, Severity.WARNING, "has " + tags + " tags; the first gives the label");
        }
        return found;
    }
}
