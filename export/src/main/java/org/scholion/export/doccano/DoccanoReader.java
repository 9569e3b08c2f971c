package org.scholion.export.doccano;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.scholion.core.ScholionException;
import org.scholion.core.model.Document;
import org.scholion.export.Format;
import org.scholion.export.interchange.DocumentReader;
import org.scholion.export.interchange.ForeignLabels;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;
import org.scholion.export.json.DocumentDraft;
import org.scholion.export.json.DocumentFields;
import org.scholion.export.json.DocumentIds;
import org.scholion.export.json.Json;
import org.scholion.export.json.JsonLines;
import org.scholion.export.json.Names;
import org.scholion.export.json.Sniff;
import org.scholion.export.json.Where;
import org.scholion.export.prodigy.ProdigyReader;

/**
 * Reads doccano JSONL: each line a document with its {@code text}, spans as {@code label} (or
 * {@code labels}) triples or as {@code entities} objects, {@code relations} between entities, and
 * every other key as document metadata. The file is read twice, line by line: once to check every
 * line, so that a bad line stops the import before any document is passed on, and once to pass the
 * documents on, each with every label of the file.
 */
public final class DoccanoReader implements DocumentReader {
    static final Set<String> RESERVED = Set.of("text", "label", "labels", "entities", "relations");
    static final String FORMAT = "doccano";

    private final int maxLine;

    public DoccanoReader() {
        this(JsonLines.MAX_LINE);
    }

    /** A reader that refuses lines longer than {@code maxLine} characters. */
    public DoccanoReader(int maxLine) {
        this.maxLine = maxLine;
    }

    @Override
    public Format format() {
        return Format.DOCCANO;
    }

    @Override
    public void read(Path source, ReadOptions options, LossReport losses, DocumentSink sink) throws ScholionException {
        Set<String> labels = new LinkedHashSet<>();
        pass(source, options, new LossReport(), labels, document -> {});
        pass(source, options, losses, labels, sink);
    }

    private void pass(Path source, ReadOptions options, LossReport losses, Set<String> labels, DocumentSink sink)
            throws ScholionException {
        String name = source.toString();
        DocumentIds ids = new DocumentIds(ForeignLabels.setNameFor(String.valueOf(source.getFileName())));
        JsonLines.read(source, maxLine, (line, content) -> {
            Where where = new Where(name, line);
            JsonNode object = where.object(Json.parseLine(name, line, content), "a doccano line");
            String text = where.requiredString(object, "text", "the line");
            JsonNode own = object.get("id");
            String id = ids.next(
                    own != null && own.isTextual() ? own.textValue() : null,
                    own != null && own.isIntegralNumber() ? own.asText() : null,
                    line);
            Document document = DocumentFields.read(where, id, text, object, RESERVED);
            DocumentDraft draft = new DocumentDraft(where, document, options, labels);
            readTriples(object, draft, options, losses);
            readEntities(object, draft, options, losses);
            labels.addAll(draft.labelNames());
            sink.accept(draft.build());
        });
    }

    private static void readTriples(JsonNode object, DocumentDraft draft, ReadOptions options, LossReport losses)
            throws ScholionException {
        Where where = draft.where();
        String field = object.has("label") ? "label" : "labels";
        JsonNode triples = where.array(object, field, "the line's");
        if (triples == null) {
            return;
        }
        for (JsonNode triple : triples) {
            if (triple.isTextual()) {
                losses.add(
                        FORMAT,
                        where.source(),
                        where.line(),
                        "document categories not imported",
                        "category '" + triple.textValue() + "' labels the whole document, which a span cannot hold");
                continue;
            }
            if (!triple.isArray() || triple.size() < 3) {
                throw where.error("each of \"%s\" must be [start, end, \"LABEL\"], not %s", field, Where.shown(triple));
            }
            int start = where.offset(triple.get(0), "the start of a span");
            int end = where.offset(triple.get(1), "the end of a span");
            if (!triple.get(2).isTextual()) {
                throw where.error(
                        "the label of span %d:%d must be a string, not %s", start, end, Where.shown(triple.get(2)));
            }
            span(draft, null, start, end, triple.get(2).textValue(), options, losses);
        }
    }

    private static void readEntities(JsonNode object, DocumentDraft draft, ReadOptions options, LossReport losses)
            throws ScholionException {
        Where where = draft.where();
        JsonNode entities = where.array(object, "entities", "the line's");
        Map<String, String> spanOf = new HashMap<>();
        if (entities != null) {
            for (JsonNode entity : entities) {
                if (entity.isArray() && entity.size() >= 3) { // the entities of exports before doccano 1.0
                    int start = where.offset(entity.get(0), "the start of an entity");
                    int end = where.offset(entity.get(1), "the end of an entity");
                    if (!entity.get(2).isTextual()) {
                        throw where.error("the label of entity %d:%d must be a string", start, end);
                    }
                    span(draft, null, start, end, entity.get(2).textValue(), options, losses);
                    continue;
                }
                where.object(entity, "each of \"entities\"");
                int start = where.offset(entity, "start_offset", "an entity");
                int end = where.offset(entity, "end_offset", "an entity");
                String label = where.requiredString(entity, "label", "entity " + start + ":" + end);
                JsonNode id = entity.get("id");
                String key = id == null || id.isNull() ? null : id.asText();
                if (key != null && !(id.isIntegralNumber() || id.isTextual())) {
                    throw where.error(
                            "the id of entity %d:%d must be a number or a string, not %s", start, end, Where.shown(id));
                }
                if (key != null && spanOf.containsKey(key)) {
                    throw where.error("entity id %s is used twice", key);
                }
                String spanId = span(
                        draft,
                        key == null ? null : id.isIntegralNumber() ? "s" + key : key,
                        start,
                        end,
                        label,
                        options,
                        losses);
                if (key != null) {
                    spanOf.put(key, spanId);
                }
            }
        }
        JsonNode relations = where.array(object, "relations", "the line's");
        if (relations == null) {
            return;
        }
        for (JsonNode relation : relations) {
            where.object(relation, "each of \"relations\"");
            String from = endOf(where, relation, "from_id", spanOf);
            String to = endOf(where, relation, "to_id", spanOf);
            String foreign = where.requiredString(relation, "type", "a relation");
            String type = Names.relationType(foreign);
            if (type == null) {
                throw where.error("relation type '%s' has no letter or digit", foreign);
            }
            if (!type.equals(foreign)) {
                losses.add(
                        FORMAT,
                        where.source(),
                        where.line(),
                        "relation types renamed",
                        "'" + foreign + "' became '" + type + "'");
            }
            if (from == null || to == null) {
                losses.add(
                        FORMAT,
                        where.source(),
                        where.line(),
                        "relations to empty spans not imported",
                        "relation " + foreign + " joins an empty span");
                continue;
            }
            JsonNode id = relation.get("id");
            draft.relation(
                    id != null && id.isIntegralNumber()
                            ? "r" + id.asText()
                            : id != null && id.isTextual() ? id.textValue() : null,
                    type,
                    from,
                    to);
        }
    }

    private static String endOf(Where where, JsonNode relation, String field, Map<String, String> spanOf)
            throws ScholionException {
        JsonNode id = relation.get(field);
        if (id == null || id.isNull() || !(id.isIntegralNumber() || id.isTextual())) {
            throw where.error("a relation's \"%s\" must be an entity id, not %s", field, Where.shown(id));
        }
        if (!spanOf.containsKey(id.asText())) {
            throw where.error(
                    "a relation's \"%s\" is %s, but this line has no entity of that id", field, Where.shown(id));
        }
        return spanOf.get(id.asText());
    }

    private static String span(
            DocumentDraft draft,
            String preferredId,
            int start,
            int end,
            String label,
            ReadOptions options,
            LossReport losses)
            throws ScholionException {
        String id = draft.span(preferredId, start, end, label, null, options.annotator(), null, false);
        if (id == null) {
            losses.add(
                    FORMAT,
                    draft.where().source(),
                    draft.where().line(),
                    "empty spans not imported",
                    "span " + start + ":" + end + " of " + label + " covers no text");
        }
        return id;
    }

    /** Whether a file looks like doccano JSONL: lines of objects with {@code text} and spans as {@code label}, {@code labels} or {@code entities}, and none of Prodigy's keys. */
    public static boolean detect(Path file) {
        return Sniff.of(file)
                .filter(s -> !s.inArray()
                        && s.keys().contains("text")
                        && s.hasAny("label", "labels", "entities")
                        && !s.hasAny(ProdigyReader.OWN_KEYS))
                .isPresent();
    }
}
