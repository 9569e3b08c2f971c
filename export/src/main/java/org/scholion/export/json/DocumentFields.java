package org.scholion.export.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.scholion.core.ScholionException;
import org.scholion.core.model.Document;

/**
 * A document's own facts as flat JSON keys, the same in every JSON format: {@code id}, {@code
 * title} (when not the id), {@code iri}, {@code language}, {@code media_type} (when not plain
 * text), then each metadata entry under its own key (see {@link MetadataValues}).
 */
public final class DocumentFields {
    /** The keys that hold the document's own facts rather than metadata. */
    public static final Set<String> OWN = Set.of("id", "title", "iri", "language", "media_type");

    private DocumentFields() {}

    /**
     * Writes the document's facts and metadata as fields of the object being written.
     *
     * @param reserved keys the format uses itself: metadata entries of those names are not written
     * @return the metadata keys not written because the format uses them
     */
    public static List<String> write(JsonGenerator json, Document document, Set<String> reserved) throws IOException {
        json.writeStringField("id", document.id());
        if (!document.title().equals(document.id())) {
            json.writeStringField("title", document.title());
        }
        if (document.iri() != null) {
            json.writeStringField("iri", document.iri());
        }
        if (document.language() != null) {
            json.writeStringField("language", document.language());
        }
        if (!document.mediaType().equals("text/plain")) {
            json.writeStringField("media_type", document.mediaType());
        }
        List<String> clashing = new java.util.ArrayList<>();
        for (Map.Entry<String, String> entry : document.metadata().entrySet()) {
            if (reserved.contains(entry.getKey()) || OWN.contains(entry.getKey())) {
                clashing.add(entry.getKey());
            } else {
                MetadataValues.writeField(json, entry.getKey(), entry.getValue());
            }
        }
        return clashing;
    }

    /**
     * The document of {@code text} with the facts and metadata in the fields of {@code object}
     * that are not {@code reserved} by the format.
     *
     * @param id the document's id, already chosen (see {@link DocumentIds})
     */
    public static Document read(Where where, String id, String text, JsonNode object, Set<String> reserved)
            throws ScholionException {
        return read(where, id, text, object, reserved, Map.of());
    }

    /** As {@link #read(Where, String, String, JsonNode, Set)}, with further metadata that the object's own entries override. */
    public static Document read(
            Where where, String id, String text, JsonNode object, Set<String> reserved, Map<String, String> more)
            throws ScholionException {
        Map<String, String> metadata = new TreeMap<>(more);
        String title = null;
        String iri = null;
        String language = null;
        String mediaType = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (reserved.contains(key) || key.equals("id")) {
                continue;
            }
            switch (key) {
                case "title" -> title = where.string(object, key, "the document");
                case "iri" -> iri = where.string(object, key, "the document");
                case "language" -> language = where.string(object, key, "the document");
                case "media_type" -> mediaType = where.string(object, key, "the document");
                default -> {
                    String value = MetadataValues.fromJson(field.getValue());
                    if (value != null) {
                        metadata.put(key, value);
                    }
                }
            }
        }
        try {
            return new Document(id, title, iri, mediaType, language, metadata, text);
        } catch (IllegalArgumentException e) {
            throw where.error(e.getMessage());
        }
    }
}
