package org.scholion.core.store;

import java.util.HashMap;
import java.util.Map;

/**
 * One copy of each label, annotator and relation type however many records repeat it; it
 * stops taking new strings past a few thousand, for files where they are all different.
 */
final class Interner {
    private static final int LIMIT = 4096;
    private final Map<String, String> strings = new HashMap<>();

    String intern(String text) {
        String known = strings.get(text);
        if (known != null) {
            return known;
        }
        if (strings.size() < LIMIT) {
            strings.put(text, text);
        }
        return text;
    }
}
