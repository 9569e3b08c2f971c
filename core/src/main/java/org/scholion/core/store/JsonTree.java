package org.scholion.core.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value into plain Java values (maps, lists, strings, longs, doubles, booleans and
 * {@link #NULL}) with Jackson's streaming parser only: far cheaper to start than a databind tree,
 * which matters to a command run dozens of times a minute.
 */
final class JsonTree {
    /** JSON {@code null}, told apart from an absent member. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private JsonTree() {
    }

    /** Reads the value at the parser's current token, leaving the parser on its last token. */
    static Object read(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, read(p));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? (Object) p.getDecimalValue()
                        : (Object) p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return NULL;
            }
            default -> throw new IOException("unexpected JSON token " + token);
        }
    }

    /** A value as it would be written in JSON, shortened for a message. */
    static String show(Object value) {
        String shown;
        if (value instanceof String s) {
            shown = "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
        } else if (value instanceof Map<?, ?>) {
            shown = "an object";
        } else if (value instanceof List<?>) {
            shown = "an array";
        } else {
            shown = String.valueOf(value);
        }
        return shown.length() > 60 ? shown.substring(0, 57) + "..." : shown;
    }
}
