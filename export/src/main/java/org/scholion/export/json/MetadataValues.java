package org.scholion.export.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Document metadata (string to string) as JSON values, the same way for every JSON format.
 * Reading: a string is kept as it is; a number, a boolean, an object or an array is kept as its
 * compact JSON text ({@code 3}, {@code true}, {@code {"a":[1,2]}}); null is not kept. Writing: a
 * value that is exactly the compact JSON text of a number, boolean, object or array is written as
 * that JSON value, any other as a string. So a document's metadata comes back unchanged from an
 * export, and a foreign file's values keep their JSON types through an import and an export.
 */
public final class MetadataValues {
    private MetadataValues() {}

    /** The metadata value of a JSON value, or null for JSON null. */
    public static String fromJson(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    /** Writes a metadata value as a field: as JSON when it is the compact JSON text of a non-string value. */
    public static void writeField(JsonGenerator json, String name, String value) throws IOException {
        json.writeFieldName(name);
        JsonNode node = asJson(value);
        if (node != null) {
            json.writeTree(node);
        } else {
            json.writeString(value);
        }
    }

    private static JsonNode asJson(String value) {
        if (value.isEmpty()) {
            return null;
        }
        char c = value.charAt(0);
        if (!(c == '{'
                || c == '['
                || c == '-'
                || (c >= '0' && c <= '9')
                || value.equals("true")
                || value.equals("false"))) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(value);
            return node != null
                            && !node.isTextual()
                            && !node.isNull()
                            && node.toString().equals(value)
                    ? node
                    : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
