package org.scholion.viewer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.scholion.core.corpus.Corpus;
import org.scholion.core.corpus.Entry;
import org.scholion.core.corpus.Search;

/**
 * The answer of {@code /search}: the spans of the whole shelf whose text holds the words (literally,
 * ignoring case; a visitor's input is never a regular expression) and whose label is the one asked,
 * each with its context and the address of the span on its document's page. Files are read one at
 * a time through the corpus, so a search holds one document at most; at most {@link #MAX_HITS}
 * spans are returned.
 */
final class SearchAnswer {
    static final int MAX_HITS = 200;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private SearchAnswer() {}

    /** The query of these words and label; null parts match any span. */
    static Search.Query query(String words, String label) {
        Pattern text = words == null
                ? null
                : Pattern.compile(Pattern.quote(words), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return new Search.Query(label, text, null, null, Search.CONTEXT);
    }

    static byte[] answer(Shelf.Snapshot snapshot, String words, String label) {
        Search.Query query = query(words, label);
        Map<Path, Shelf.Item> items = new HashMap<>();
        List<Path> paths = new ArrayList<>();
        for (Shelf.Item item : snapshot.items()) {
            if (item.failure() == null) {
                items.put(key(item.path()), item);
                paths.add(item.path());
            }
        }
        List<Search.Hit> hits = new ArrayList<>();
        List<Shelf.Item> where = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int searched = 0;
        boolean more = false;
        if (!paths.isEmpty()) {
            Iterator<Entry> entries = Corpus.ofPaths(paths).stream().iterator();
            while (entries.hasNext() && !more) {
                Entry entry = entries.next();
                if (!entry.ok()) {
                    failures.add(entry.failure());
                    continue;
                }
                searched++;
                Shelf.Item item = items.get(key(entry.path()));
                for (Search.Hit hit : Search.find(entry.document(), query)) {
                    if (hits.size() == MAX_HITS) {
                        more = true;
                        break;
                    }
                    hits.add(hit);
                    where.add(item);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096 + 256 * hits.size());
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("text", words);
            json.writeStringField("label", label);
            json.writeNumberField("documents", searched);
            json.writeBooleanField("more", more);
            json.writeArrayFieldStart("hits");
            for (int i = 0; i < hits.size(); i++) {
                Search.Hit hit = hits.get(i);
                Shelf.Item item = where.get(i);
                json.writeStartObject();
                json.writeStringField("document", hit.document());
                json.writeStringField(
                        "title", item == null ? hit.document() : item.summary().title());
                json.writeStringField(
                        "href",
                        item == null
                                ? null
                                : "/doc/" + Addresses.encode(item.slug()) + "/#e-" + Addresses.encode(hit.span()));
                json.writeStringField("span", hit.span());
                json.writeStringField("label", hit.label());
                json.writeNumberField("start", hit.start());
                json.writeNumberField("end", hit.end());
                json.writeStringField("text", hit.text());
                json.writeStringField("left", hit.left());
                json.writeStringField("right", hit.right());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("failures");
            for (String failure : failures) {
                json.writeString(failure);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("JSON in memory cannot fail to write", e);
        }
        return out.toByteArray();
    }

    static byte[] error(String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("error", message);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("JSON in memory cannot fail to write", e);
        }
        return out.toByteArray();
    }

    private static Path key(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
