package org.scholion.export.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.scholion.core.ScholionException;

/**
 * A place in a foreign file (file and line) and checked access to the fields of a JSON object
 * read there: a missing field or a value of the wrong type is a {@link ScholionException} that
 * names the file, the line and the field.
 *
 * @param source the file, as it is named in messages
 * @param line   the 1-based line, or 0 when unknown
 */
public record Where(String source, int line) {

    public ScholionException error(String problem) {
        return new ScholionException(source, line, 0, problem, null);
    }

    public ScholionException error(String format, Object... args) {
        return error(String.format(Locale.ROOT, format, args));
    }

    /** The object itself, or an error naming what it should have been. */
    public JsonNode object(JsonNode node, String what) throws ScholionException {
        if (node == null || !node.isObject()) {
            throw error("%s must be a JSON object, not %s", what, kind(node));
        }
        return node;
    }

    /** The array in {@code field}, or null when the field is missing or null. */
    public JsonNode array(JsonNode object, String field, String what) throws ScholionException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw error("%s \"%s\" must be an array, not %s", what, field, kind(value));
        }
        return value;
    }

    /** The string in {@code field}; an error when it is missing or not a string. */
    public String requiredString(JsonNode object, String field, String what) throws ScholionException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw error("%s has no \"%s\"", what, field);
        }
        if (!value.isTextual()) {
            throw error("%s \"%s\" must be a string, not %s", what, field, kind(value));
        }
        return value.textValue();
    }

    /** The string in {@code field}, or null when it is missing or null; an error when it is another type. */
    public String string(JsonNode object, String field, String what) throws ScholionException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw error("%s \"%s\" must be a string, not %s", what, field, kind(value));
        }
        return value.textValue();
    }

    /** A non-negative whole number that fits an int, in {@code field}; an error otherwise. */
    public int offset(JsonNode object, String field, String what) throws ScholionException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw error("%s has no \"%s\"", what, field);
        }
        return offset(value, what + " \"" + field + "\"");
    }

    /** {@code value} as a non-negative whole number that fits an int; an error otherwise. */
    public int offset(JsonNode value, String what) throws ScholionException {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw error("%s must be a whole number from 0, not %s", what, shown(value));
        }
        return value.intValue();
    }

    /** A number in {@code field}, or NaN when missing or null; an error when it is another type. */
    public double number(JsonNode object, String field, String what) throws ScholionException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Double.NaN;
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw error("%s \"%s\" must be a number, not %s", what, field, shown(value));
        }
        return value.doubleValue();
    }

    /** A JSON value as it is named in messages: its type, or a short number or string. */
    public static String shown(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isNumber() || value.isBoolean() || value.isNull()) {
            String text = value.toString();
            return text.length() > 24 ? kind(value) : text;
        }
        if (value.isTextual()) {
            String text = value.textValue();
            return text.length() > 40 ? "a string" : "\"" + text + "\"";
        }
        return kind(value);
    }

    static String kind(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
