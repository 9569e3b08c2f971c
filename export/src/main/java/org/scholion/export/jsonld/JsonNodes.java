package org.scholion.export.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** Reading values out of a JSON-LD node as Web Annotation writers give them: a term or its {@code @} alias, a string or a list. */
final class JsonNodes {
    private JsonNodes() {}

    /** A non-negative integer given as a number or a string; -1 when it is neither. */
    static int integer(JsonNode node) {
        if (node != null && node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node != null && node.isTextual()) {
            try {
                return Integer.parseInt(node.asText().strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    static JsonNode field(JsonNode node, String name, String alias) {
        JsonNode value = node.get(name);
        return value != null ? value : node.get(alias);
    }

    static String string(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    static String string(JsonNode node, String name, String alias) {
        String value = string(node, name);
        return value != null ? value : string(node, alias);
    }

    /** The IRI of a node given as a string or as an object with an id. */
    static String idOf(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        return node.isObject() ? string(node, "id", "@id") : null;
    }

    /** The terms of a string or an array of strings, without a vocabulary prefix ({@code oa:linking} is {@code linking}). */
    static Set<String> terms(JsonNode node) {
        if (node == null) {
            return Set.of();
        }
        Set<String> terms = new java.util.LinkedHashSet<>();
        for (JsonNode n : node.isArray() ? node : List.of(node)) {
            if (n.isTextual()) {
                String t = n.asText();
                int cut = Math.max(t.lastIndexOf('#'), t.lastIndexOf(':'));
                terms.add(t.substring(cut + 1));
            }
        }
        return terms;
    }
}
