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

    private JsonTree() {}

    /** Reads the value at the parser's current token, leaving the parser on its last token. */
    static Object read(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = checked(p, p.currentName());
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
                return checked(p, p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? (Object) p.getDecimalValue()
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

    /**
     * A {@code \\u} escape can put half a surrogate pair into a JSON string; no UTF-8 file, XML part
     * or PDF can hold one, so such a file would load but fail on every later save or export.
     */
    static String checked(JsonParser p, String text) throws IOException {
        for (int i = 0, codePoint = 0; i < text.length(); i++, codePoint++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                String name = p.currentToken() == JsonToken.VALUE_STRING ? p.currentName() : null;
                throw new LoneSurrogate(
                        p,
                        String.format(
                                java.util.Locale.ROOT,
                                (name == null ? "a string" : "\"" + name + "\"")
                                        + " has a lone surrogate U+%04X at code point %d (half of a \\u escape pair)",
                                (int) c,
                                codePoint));
            }
        }
        return text;
    }

    /** A string that no UTF-8 file can hold. */
    static final class LoneSurrogate extends com.fasterxml.jackson.core.JsonParseException {
        private static final long serialVersionUID = 1L;

        LoneSurrogate(JsonParser p, String message) {
            super(p, message, p.currentTokenLocation(), null);
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
