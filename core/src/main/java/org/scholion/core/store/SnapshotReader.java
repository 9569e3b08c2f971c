package org.scholion.core.store;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;

/**
 * Reads annotation files and label-set files from a stream of JSON tokens, remembering where each
 * part starts so that a problem found later (when the model's invariants are checked) still names
 * its line and column. Spans and relations take a path of their own ({@link Records}), since a
 * file can hold hundreds of thousands of them; the rest is read as {@link JsonTree} values.
 */
final class SnapshotReader {
    private SnapshotReader() {}

    /** A JSON value and where it starts, so that problems found later can say where. */
    private record Located(Object node, JsonLocation where, String path) {}

    static Snapshot readSnapshot(InputStream in, String source) throws ScholionException {
        Map<String, Located> top = new LinkedHashMap<>();
        Interner interner = new Interner();
        Records<Span> spans = new Records<>(
                "spans", new Members(interner, JsonRecords.SPAN_MEMBERS, "label", "annotator"), JsonRecords::span);
        Records<Relation> relations = new Records<>(
                "relations", new Members(interner, JsonRecords.RELATION_MEMBERS, "type"), JsonRecords::relation);
        List<Located> labelSets = new ArrayList<>();
        JsonParser p = open(in, source);
        try (p) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw problem(
                        source,
                        p.currentTokenLocation(),
                        first == null ? "the file is empty" : "expected a JSON object at the top");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "spans" -> spans.read(p, source);
                    case "relations" -> relations.read(p, source);
                    case "labelSets" -> readArray(p, source, name, labelSets);
                    case "format", "document" -> top.put(name, new Located(JsonTree.read(p), at, name));
                    case "history" ->
                        top.put(name, new Located(readHistory(p, spans.members(), relations.members()), at, name));
                    default -> {
                        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                            p.skipChildren();
                        }
                        throw problem(
                                source,
                                at,
                                "unknown member '" + name + "' (expected format, document, "
                                        + "labelSets, spans, relations, history)");
                    }
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw problem(source, p.currentTokenLocation(), "malformed JSON");
            }
            if (p.nextToken() != null) {
                throw problem(source, p.currentTokenLocation(), "unexpected content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            throw malformed(source, e, p);
        } catch (IOException e) {
            throw new ScholionException(source, "cannot read: " + e.getMessage(), e);
        }

        Located format = top.get("format");
        if (format == null) {
            throw new ScholionException(source, "not a Scholion annotation file: no \"format\" member");
        }
        if (!JsonCodec.READS.contains(format.node())) {
            String found = format.node() instanceof String text ? text : JsonTree.show(format.node());
            String reads = String.join(" and ", JsonCodec.READS);
            throw problem(
                    source,
                    format.where(),
                    found.startsWith("scholion/")
                            ? "unsupported format '" + found
                                    + "': the file was written by a newer Scholion (this version" + " reads " + reads
                                    + "); upgrade Scholion to read it"
                            : "unknown format '" + found + "' (expected " + reads + ")");
        }
        Located doc = top.get("document");
        if (doc == null) {
            throw new ScholionException(source, "the file has no \"document\"");
        }
        Document document = guard(source, doc, () -> document(doc.node(), source, doc.where()));
        AnnotatedDocument.Builder builder = AnnotatedDocument.builder(document);
        for (Located set : labelSets) {
            LabelSet labelSet = guard(source, set, () -> JsonRecords.labelSet(set.node()));
            guard(source, set, () -> builder.labelSet(labelSet));
        }
        spans.addTo(source, builder::span);
        relations.addTo(source, builder::relation);
        AnnotatedDocument annotated = builder.build();
        Located history = top.get("history");
        History h = history == null ? History.EMPTY : guard(source, history, () -> JsonRecords.history(history.node()));
        return new Snapshot(annotated, h);
    }

    static LabelSet readLabelSet(InputStream in, String source) throws ScholionException {
        JsonParser p = open(in, source);
        try (p) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw problem(
                        source,
                        p.currentTokenLocation(),
                        first == null ? "the file is empty" : "expected a JSON object with name and labels");
            }
            JsonLocation start = p.currentTokenLocation();
            String name = null;
            List<Located> labels = new ArrayList<>();
            Map<String, Object> declarations = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                p.nextToken();
                switch (field) {
                    case "name" -> {
                        if (p.currentToken() != JsonToken.VALUE_STRING) {
                            throw problem(source, at, "\"name\" must be a string");
                        }
                        name = p.getText();
                    }
                    case "labels" -> readArray(p, source, field, labels);
                    case "attributes", "prefixes" -> declarations.put(field, JsonTree.read(p));
                    default ->
                        throw problem(
                                source,
                                at,
                                "unknown member '" + field + "' (expected name, labels," + " attributes, prefixes)");
                }
            }
            if (p.nextToken() != null) {
                throw problem(source, p.currentTokenLocation(), "unexpected content after the JSON object");
            }
            if (name == null) {
                throw problem(source, start, "the label set has no \"name\"");
            }
            List<Label> list = new ArrayList<>();
            for (Located label : labels) {
                list.add(guard(source, label, () -> JsonRecords.label(label.node())));
            }
            String setName = name;
            Located whole = new Located(null, start, "label set");
            return guard(source, whole, () -> {
                Fields f = new Fields(declarations, "label set", Set.of("attributes", "prefixes"));
                return new LabelSet(setName, list, f.stringList("attributes"), f.stringMap("prefixes"));
            });
        } catch (JsonProcessingException e) {
            throw malformed(source, e, p);
        } catch (IOException e) {
            throw new ScholionException(source, "cannot read: " + e.getMessage(), e);
        }
    }

    private static JsonParser open(InputStream in, String source) throws ScholionException {
        try {
            return JsonCodec.FACTORY.createParser(in);
        } catch (IOException e) {
            throw new ScholionException(source, "cannot read: " + e.getMessage(), e);
        }
    }

    private static void readArray(JsonParser p, String source, String name, List<Located> into)
            throws IOException, ScholionException {
        forEachObject(
                p, source, name, (at, index) -> into.add(new Located(JsonTree.read(p), at, name + "[" + index + "]")));
    }

    /** Calls {@code reader} at the start of each object of the array {@code name}; anything else in it is refused. */
    static void forEachObject(JsonParser p, String source, String name, ObjectReader reader)
            throws IOException, ScholionException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw problem(source, p.currentTokenLocation(), "\"" + name + "\" must be an array");
        }
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == null) {
                throw problem(source, p.currentLocation(), "the file ends inside \"" + name + "\"");
            }
            JsonLocation at = p.currentTokenLocation();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw problem(source, at, name + "[" + index + "] must be an object");
            }
            reader.read(at, index);
            index++;
        }
    }

    interface ObjectReader {
        void read(JsonLocation at, int index) throws IOException, ScholionException;
    }

    /**
     * The history as {@link JsonTree} values, except that each span and relation object of a change
     * is made into its record (or the reason it cannot be) as it streams past: an import or a batch
     * of accepted suggestions records thousands of them. Anything of another shape stays a plain
     * value, for {@link #history} to refuse with the usual message.
     */
    private static Object readHistory(JsonParser p, Members spanMembers, Members relationMembers) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return JsonTree.read(p);
        }
        Map<String, Object> history = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = JsonTree.checked(p, p.currentName());
            p.nextToken();
            if ((name.equals("undo") || name.equals("redo")) && p.currentToken() == JsonToken.START_ARRAY) {
                List<Object> changes = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    changes.add(readChange(p, spanMembers, relationMembers));
                }
                history.put(name, changes);
            } else {
                history.put(name, JsonTree.read(p));
            }
        }
        return history;
    }

    private static Object readChange(JsonParser p, Members spanMembers, Members relationMembers) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return JsonTree.read(p);
        }
        Map<String, Object> change = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = JsonTree.checked(p, p.currentName());
            p.nextToken();
            if ((name.equals("removed") || name.equals("added")) && p.currentToken() == JsonToken.START_OBJECT) {
                Map<String, Object> part = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String member = JsonTree.checked(p, p.currentName());
                    p.nextToken();
                    if (member.equals("spans") && p.currentToken() == JsonToken.START_ARRAY) {
                        part.put(member, made(p, spanMembers, JsonRecords::span));
                    } else if (member.equals("relations") && p.currentToken() == JsonToken.START_ARRAY) {
                        part.put(member, made(p, relationMembers, JsonRecords::relation));
                    } else {
                        part.put(member, JsonTree.read(p));
                    }
                }
                change.put(name, part);
            } else {
                change.put(name, JsonTree.read(p));
            }
        }
        return change;
    }

    private static List<Object> made(JsonParser p, Members members, Records.Maker<?> maker) throws IOException {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.START_OBJECT) {
                members.read(p);
                try {
                    list.add(maker.make(members));
                } catch (IllegalArgumentException | NullPointerException e) {
                    list.add(new JsonRecords.Unmade(e.getMessage() == null ? e.toString() : e.getMessage()));
                }
            } else {
                list.add(JsonTree.read(p));
            }
        }
        return list;
    }

    private interface Step<T> {
        T run() throws ScholionException;
    }

    private static <T> T guard(String source, Located where, Step<T> step) throws ScholionException {
        try {
            return step.run();
        } catch (IllegalArgumentException | NullPointerException e) {
            String what = e.getMessage() == null ? e.toString() : e.getMessage();
            throw problem(
                    source,
                    where.where(),
                    where.path().startsWith("label set") || where.path().equals("document")
                            ? what
                            : what + " (in " + where.path() + ")");
        }
    }

    private static Document document(Object n, String source, JsonLocation where) throws ScholionException {
        Fields f = new Fields(
                n, "document", Set.of("id", "title", "iri", "mediaType", "language", "metadata", "sha256", "text"));
        String text = f.string("text", true);
        String declared = f.string("sha256", false);
        Map<String, String> metadata = new LinkedHashMap<>();
        Object meta = f.get("metadata");
        if (meta != null) {
            if (!(meta instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("document metadata must be an object of strings");
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getValue() instanceof String value)) {
                    throw new IllegalArgumentException("document metadata '" + e.getKey() + "' must be a string");
                }
                metadata.put((String) e.getKey(), value);
            }
        }
        Document document = new Document(
                f.string("id", true),
                f.string("title", false),
                f.string("iri", false),
                f.string("mediaType", false),
                f.string("language", false),
                metadata,
                text);
        if (declared != null) {
            String actual = document.sha256();
            if (!actual.equalsIgnoreCase(declared)) {
                throw problem(
                        source,
                        where,
                        String.format(
                                Locale.ROOT,
                                "text hash mismatch: the file says sha256 %s but the text hashes to %s; the text was "
                                        + "changed, so its annotations no longer apply",
                                shortHash(declared),
                                shortHash(actual)));
            }
        }
        return document;
    }

    private static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }

    private static ScholionException problem(String source, JsonLocation at, String message) {
        return new ScholionException(
                source,
                at == null ? 0 : Math.max(0, at.getLineNr()),
                at == null ? 0 : Math.max(0, at.getColumnNr()),
                message,
                null);
    }

    private static ScholionException malformed(String source, JsonProcessingException e, JsonParser parser) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        if (cut >= 0) {
            message = message.substring(0, cut);
        }
        // Jackson's limits name its own API ("from `StreamReadConstraints...`"), which means nothing to a reader
        message = message.replaceAll(", from `[^`]*`\\)", ")");
        JsonLocation at = e.getLocation();
        if (at == null && parser != null) {
            at = parser.currentLocation();
        }
        return new ScholionException(
                source,
                at == null ? 0 : Math.max(0, at.getLineNr()),
                at == null ? 0 : Math.max(0, at.getColumnNr()),
                (e instanceof JsonTree.LoneSurrogate ? "" : "malformed JSON: ") + message,
                e);
    }
}
