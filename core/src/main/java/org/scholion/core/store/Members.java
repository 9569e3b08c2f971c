package org.scholion.core.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The members of one JSON object of a known kind, read from the stream into slots that are
 * reused from object to object; values of other types than expected are kept as
 * {@link JsonTree} values so that messages show them as before.
 */
final class Members {
    private final Interner interner;
    private final String[] names;
    private final boolean[] shared;
    private final Object[] values;
    private String unknown;

    Members(Interner interner, List<String> names, String... sharedNames) {
        this.interner = interner;
        this.names = names.toArray(new String[0]);
        this.shared = new boolean[this.names.length];
        this.values = new Object[this.names.length];
        for (String name : sharedNames) {
            shared[slot(name)] = true;
        }
    }

    private int slot(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Reads the object at the parser's START_OBJECT, leaving the parser on its END_OBJECT. */
    void read(JsonParser p) throws IOException {
        Arrays.fill(values, null);
        unknown = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = JsonTree.checked(p, p.currentName());
            JsonToken token = p.nextToken();
            int slot = slot(name);
            if (slot < 0) {
                JsonTree.read(p);
                if (unknown == null) {
                    unknown = name;
                }
                continue;
            }
            values[slot] = switch (token) {
                case VALUE_STRING -> {
                    String text = JsonTree.checked(p, p.getText());
                    yield shared[slot] ? interner.intern(text) : text;
                }
                case VALUE_NUMBER_INT ->
                    p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            ? JsonTree.read(p)
                            : (Object) p.getLongValue();
                case VALUE_NULL -> JsonTree.NULL;
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                default -> JsonTree.read(p);
            };
        }
    }

    /** The first member of the last object read that is not one of the known names, or null. */
    String unknown() {
        return unknown;
    }

    Object get(String name) {
        int slot = slot(name);
        return slot < 0 ? null : values[slot];
    }
}
