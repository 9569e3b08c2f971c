package org.scholion.core.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.scholion.core.text.Sha256;

/**
 * A source document: its text, kept exactly as imported, and what is known about it.
 *
 * @param id        a short identifier, also used in file names
 * @param title     the title shown to people (the id when none is known)
 * @param iri       the document's IRI, usually its source URL; may be null
 * @param mediaType the media type it was imported from
 * @param language  a BCP 47 language tag; may be null
 * @param metadata  further facts (author, date, source file), sorted by key
 * @param text      the text; offsets count its code points
 */
public record Document(
        String id,
        String title,
        String iri,
        String mediaType,
        String language,
        Map<String, String> metadata,
        String text) {

    public Document {
        Checks.id(id, "document id");
        title = title == null || title.isBlank() ? id : title.strip();
        iri = Checks.optional(iri);
        mediaType = mediaType == null || mediaType.isBlank() ? "text/plain" : mediaType;
        language = Checks.optional(language);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metadata));
        Checks.check(text != null, "document text must not be missing");
        int lone = loneSurrogate(text);
        Checks.check(lone < 0, "document text has a lone surrogate at code point %d", lone);
    }

    /** A plain-text document with no further facts. */
    public static Document of(String id, String text) {
        return new Document(id, id, null, "text/plain", null, Map.of(), text);
    }

    public Document withId(String newId) {
        return new Document(newId, title.equals(id) ? newId : title, iri, mediaType, language, metadata, text);
    }

    public Document withTitle(String newTitle) {
        return new Document(id, newTitle, iri, mediaType, language, metadata, text);
    }

    public Document withIri(String newIri) {
        return new Document(id, title, newIri, mediaType, language, metadata, text);
    }

    public Document withLanguage(String newLanguage) {
        return new Document(id, title, iri, mediaType, newLanguage, metadata, text);
    }

    /** The declared IRI, else a deterministic {@code urn:} IRI derived from the id. */
    public String resolvedIri() {
        return iri != null ? iri : "urn:scholion:doc:" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    /** The lower-case hex SHA-256 of the UTF-8 bytes of the text. */
    public String sha256() {
        return Sha256.hex(text);
    }

    private static int loneSurrogate(String text) {
        int codePoint = 0;
        for (int i = 0; i < text.length(); i++, codePoint++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return codePoint;
                }
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "Document[" + id + ", " + text.length() + " chars]";
    }
}
