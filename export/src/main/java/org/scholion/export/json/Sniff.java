package org.scholion.export.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The shape of a JSON file's first object, for format detection: whether it sits in a list, and
 * its top-level keys. Only the start of the file is read; nested values are skipped unread.
 *
 * @param inArray whether the file starts with a list (Label Studio) rather than an object (JSON Lines)
 * @param keys    the top-level keys of the first object
 */
public record Sniff(boolean inArray, Set<String> keys) {
    private static final int MAX_KEYS = 200;

    /** The shape of the first object of a {@code .json}, {@code .jsonl} or {@code .ndjson} file; empty for anything else. */
    public static Optional<Sniff> of(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson"))
                || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file);
                JsonParser parser = Json.FACTORY.createParser(in)) {
            JsonToken token = parser.nextToken();
            boolean inArray = token == JsonToken.START_ARRAY;
            if (inArray) {
                token = parser.nextToken();
            }
            if (token != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            Set<String> keys = new LinkedHashSet<>();
            for (token = parser.nextToken();
                    token == JsonToken.FIELD_NAME && keys.size() < MAX_KEYS;
                    token = parser.nextToken()) {
                keys.add(parser.currentName());
                parser.nextToken();
                parser.skipChildren();
            }
            return Optional.of(new Sniff(inArray, Set.copyOf(keys)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public boolean hasAny(String... names) {
        return hasAny(java.util.Arrays.asList(names));
    }

    public boolean hasAny(java.util.Collection<String> names) {
        for (String n : names) {
            if (keys.contains(n)) {
                return true;
            }
        }
        return false;
    }
}
