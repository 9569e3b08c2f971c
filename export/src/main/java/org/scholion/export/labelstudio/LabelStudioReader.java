package org.scholion.export.labelstudio;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scholion.core.ScholionException;
import org.scholion.core.model.Document;
import org.scholion.core.text.CodePointText;
import org.scholion.export.Format;
import org.scholion.export.interchange.DocumentReader;
import org.scholion.export.interchange.ForeignLabels;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;
import org.scholion.export.json.DocumentDraft;
import org.scholion.export.json.DocumentFields;
import org.scholion.export.json.DocumentIds;
import org.scholion.export.json.Json;
import org.scholion.export.json.Names;
import org.scholion.export.json.Scores;
import org.scholion.export.json.Sniff;
import org.scholion.export.json.Where;

/**
 * Reads a Label Studio JSON export (a list of tasks, streamed one task at a time). The text is
 * {@code data.text} (or the one string of {@code data}); the other {@code data} keys are metadata.
 * Every annotation that was not cancelled is kept, its regions becoming spans attributed to its
 * annotator ({@code completed_by}); every prediction's regions become suggestions attributed to
 * its {@code model_version}, with the score in the note. Offsets are code points; a region whose
 * quoted {@code text} matches only when its offsets are read as UTF-16 units (as older Label
 * Studio versions stored them) is converted and reported; one that matches neither way stops the
 * import. A per-region {@code choices} result (one with a region's {@code id}) gives the region's
 * spans an attribute named by its {@code from_name}; a per-region {@code textarea} named {@value
 * LabelStudioWriter#LINKS} gives them links (each entry an absolute IRI, shortened by a declared
 * prefix whose base it starts with), any other per-region {@code textarea} an attribute of its
 * lines. The file is checked whole before a document is passed on.
 */
public final class LabelStudioReader implements DocumentReader {
    static final String FORMAT = "labelstudio";
    /** The relation type of a relation without a label. */
    public static final String UNLABELLED_RELATION = "related";

    @Override
    public Format format() {
        return Format.LABELSTUDIO;
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
        try (InputStream in = Files.newInputStream(source);
                JsonParser parser = Json.FACTORY.createParser(in)) {
            parser.setCodec(Json.MAPPER);
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                task(name, parser, ids, options, losses, labels, sink);
            } else if (first == JsonToken.START_ARRAY) {
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    if (t != JsonToken.START_OBJECT) {
                        throw new ScholionException(
                                name,
                                parser.currentTokenLocation().getLineNr(),
                                0,
                                "each task of a Label Studio export must be a JSON object, not " + describe(t),
                                null);
                    }
                    task(name, parser, ids, options, losses, labels, sink);
                }
                if (parser.nextToken() != null) {
                    throw new ScholionException(
                            name,
                            parser.currentTokenLocation().getLineNr(),
                            0,
                            "more JSON follows the list of tasks",
                            null);
                }
            } else {
                throw new ScholionException(
                        name,
                        first == null ? 0 : parser.currentTokenLocation().getLineNr(),
                        0,
                        "a Label Studio export is a JSON list of tasks, not " + describe(first),
                        null);
            }
        } catch (NoSuchFileException e) {
            throw new ScholionException(name, "no such file");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ScholionException(
                    name,
                    at == null ? 0 : Math.max(0, at.getLineNr()),
                    at == null ? 0 : Math.max(0, at.getColumnNr()),
                    "not valid JSON: " + Json.oneLine(e.getOriginalMessage()),
                    e);
        } catch (IOException e) {
            throw new ScholionException(name, "cannot read: " + e.getMessage(), e);
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "an empty file";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    private static void task(
            String name,
            JsonParser parser,
            DocumentIds ids,
            ReadOptions options,
            LossReport losses,
            Set<String> labels,
            DocumentSink sink)
            throws IOException, ScholionException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonNode task = parser.readValueAsTree();
        Where where = new Where(name, line);
        JsonNode data = where.object(task.get("data"), "a task's \"data\"");
        String textKey = textKey(where, data);
        String text = where.requiredString(data, textKey, "the task's data");
        JsonNode ownId = data.get("id");
        JsonNode taskId = task.get("id");
        String id = ids.next(
                ownId != null && ownId.isTextual() ? ownId.textValue() : null,
                taskId != null && taskId.isIntegralNumber() ? taskId.asText() : null,
                line);
        Document document = DocumentFields.read(where, id, text, data, Set.of(textKey));
        DocumentDraft draft = new DocumentDraft(where, document, options, labels);
        JsonNode annotations = where.array(task, "annotations", "the task's");
        if (annotations != null) {
            for (JsonNode annotation : annotations) {
                where.object(annotation, "each of \"annotations\"");
                if (annotation.path("was_cancelled").asBoolean(false)) {
                    int regions = where.array(annotation, "result", "an annotation's") == null
                            ? 0
                            : annotation.get("result").size();
                    losses.add(
                            FORMAT,
                            name,
                            line,
                            "cancelled annotations not imported",
                            "an annotation marked was_cancelled, with " + regions + " result(s)");
                    continue;
                }
                String annotator = annotator(where, annotation.get("completed_by"));
                Instant created = time(where, annotation.get("created_at"), losses);
                results(
                        where,
                        annotation,
                        draft,
                        annotator != null ? annotator : options.annotator(),
                        created,
                        false,
                        Double.NaN,
                        losses);
            }
        }
        JsonNode predictions = where.array(task, "predictions", "the task's");
        if (predictions != null) {
            for (JsonNode prediction : predictions) {
                where.object(prediction, "each of \"predictions\"");
                String model = prediction.path("model_version").isTextual()
                        ? prediction.get("model_version").textValue()
                        : null;
                double score = where.number(prediction, "score", "a prediction");
                results(
                        where,
                        prediction,
                        draft,
                        model == null || model.isBlank() ? null : model.strip(),
                        null,
                        true,
                        score,
                        losses);
            }
        }
        labels.addAll(draft.labelNames());
        sink.accept(draft.build());
    }

    private static String textKey(Where where, JsonNode data) throws ScholionException {
        if (data.has("text")) {
            return "text";
        }
        String only = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isTextual()) {
                if (only != null) {
                    throw where.error(
                            "the task's data has no \"text\", and several strings (\"%s\", \"%s\") that "
                                    + "could be the text",
                            only, field.getKey());
                }
                only = field.getKey();
            }
        }
        if (only == null) {
            throw where.error("the task's data has no \"text\"");
        }
        return only;
    }

    /** {@code completed_by}: a user id (as {@code user-<id>}), an e-mail or name, or an object with {@code email} or {@code id}. */
    private static String annotator(Where where, JsonNode by) throws ScholionException {
        if (by == null || by.isNull()) {
            return null;
        }
        if (by.isObject()) {
            if (by.path("email").isTextual() && !by.get("email").textValue().isBlank()) {
                return by.get("email").textValue().strip();
            }
            by = by.get("id");
            if (by == null || by.isNull()) {
                return null;
            }
        }
        if (by.isIntegralNumber()) {
            return "user-" + by.asText();
        }
        if (by.isTextual() && !by.textValue().isBlank()) {
            return by.textValue().strip();
        }
        throw where.error(
                "an annotation's \"completed_by\" must be a user id, a name or an object, not %s", Where.shown(by));
    }

    private static Instant time(Where where, JsonNode value, LossReport losses) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        String text = value.textValue();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text + "Z");
            } catch (DateTimeParseException again) {
                losses.add(
                        FORMAT,
                        where.source(),
                        where.line(),
                        "annotation times not understood",
                        "'" + text + "' is not an ISO-8601 time");
                return null;
            }
        }
    }

    private static void results(
            Where where,
            JsonNode holder,
            DocumentDraft draft,
            String annotator,
            Instant created,
            boolean suggestion,
            double defaultScore,
            LossReport losses)
            throws ScholionException {
        JsonNode results = where.array(holder, "result", suggestion ? "a prediction's" : "an annotation's");
        if (results == null) {
            return;
        }
        Map<String, String> spanOfRegion = new HashMap<>();
        Map<String, List<String>> spansOfRegion = new HashMap<>();
        List<JsonNode> relations = new ArrayList<>();
        List<JsonNode> details = new ArrayList<>();
        for (JsonNode result : results) {
            where.object(result, "each result");
            String type = where.string(result, "type", "a result");
            if ("relation".equals(type)) {
                relations.add(result);
            } else if ("labels".equals(type)) {
                region(
                        where,
                        result,
                        draft,
                        annotator,
                        created,
                        suggestion,
                        defaultScore,
                        spanOfRegion,
                        spansOfRegion,
                        losses);
            } else if (("choices".equals(type) || "textarea".equals(type))
                    && result.path("id").isTextual()
                    && !result.has("from_id")) {
                details.add(result);
            } else {
                losses.add(
                        FORMAT,
                        where.source(),
                        where.line(),
                        "results of other types not imported",
                        "a result of type '" + type + "' (only 'labels' regions and relations are spans)");
            }
        }
        for (JsonNode relation : relations) {
            relation(where, relation, draft, spanOfRegion, losses);
        }
        for (JsonNode detail : details) {
            detail(where, detail, draft, spanOfRegion, spansOfRegion, losses);
        }
    }

    /** A per-region {@code choices} or {@code textarea} result: attributes or links of the region's spans. */
    private static void detail(
            Where where,
            JsonNode result,
            DocumentDraft draft,
            Map<String, String> spanOfRegion,
            Map<String, List<String>> spansOfRegion,
            LossReport losses)
            throws ScholionException {
        String type = result.get("type").textValue();
        String regionId = result.get("id").textValue();
        String name = where.requiredString(result, "from_name", "a " + type + " result");
        if (!spanOfRegion.containsKey(regionId)) {
            losses.add(
                    FORMAT,
                    where.source(),
                    where.line(),
                    "results of other types not imported",
                    "a result of type '" + type + "' (" + name + ") for the whole task, not a region");
            return;
        }
        List<String> spans = spansOfRegion.getOrDefault(regionId, List.of());
        JsonNode value = where.object(result.get("value"), "a " + type + " result's \"value\"");
        JsonNode entries = where.array(value, "choices".equals(type) ? "choices" : "text", "a " + type + " result's");
        List<String> strings = new ArrayList<>();
        if (entries != null) {
            for (JsonNode entry : entries) {
                if (!entry.isTextual()) {
                    throw where.error(
                            "the %s of a %s result must be strings, not %s",
                            "choices".equals(type) ? "choices" : "text", type, Where.shown(entry));
                }
                strings.add(entry.textValue());
            }
        }
        if ("textarea".equals(type) && LabelStudioWriter.LINKS.equals(name)) {
            for (String span : spans) {
                for (String entry : strings) {
                    for (String link : entry.strip().split("\\s+")) {
                        if (link.isEmpty()) {
                            continue;
                        }
                        try {
                            draft.link(span, link);
                        } catch (IllegalArgumentException e) {
                            losses.add(
                                    FORMAT,
                                    where.source(),
                                    where.line(),
                                    "links that are not IRIs not imported",
                                    "region " + regionId + ": " + e.getMessage());
                        }
                    }
                }
            }
            return;
        }
        if (strings.isEmpty()) {
            return;
        }
        if ("choices".equals(type) && strings.size() > 1) {
            losses.add(
                    FORMAT,
                    where.source(),
                    where.line(),
                    "second choices of a region not imported",
                    "region " + regionId + ": " + name + " keeps '" + strings.get(0) + "' of " + strings.size());
        }
        String attribute = "choices".equals(type) ? strings.get(0) : String.join("\n", strings);
        for (String span : spans) {
            try {
                draft.attribute(span, name, attribute);
            } catch (IllegalArgumentException e) {
                losses.add(
                        FORMAT,
                        where.source(),
                        where.line(),
                        "attributes not imported",
                        "region " + regionId + ": " + e.getMessage());
            }
        }
    }

    private static void region(
            Where where,
            JsonNode result,
            DocumentDraft draft,
            String annotator,
            Instant created,
            boolean suggestion,
            double defaultScore,
            Map<String, String> spanOfRegion,
            Map<String, List<String>> spansOfRegion,
            LossReport losses)
            throws ScholionException {
        JsonNode value = where.object(result.get("value"), "a region's \"value\"");
        String regionId = result.path("id").isTextual() ? result.get("id").textValue() : null;
        if (regionId != null) {
            spanOfRegion.putIfAbsent(regionId, null); // a relation to a region not imported is reported, not refused
        }
        if (value.path("start").isTextual() || value.path("end").isTextual()) {
            losses.add(
                    FORMAT,
                    where.source(),
                    where.line(),
                    "HTML regions not imported",
                    "a region addressed by XPath (" + value.get("start").asText() + "), not by offsets in the text");
            return;
        }
        int start = where.offset(value, "start", "a region");
        int end = where.offset(value, "end", "a region");
        String quoted = where.string(value, "text", "region " + start + ":" + end);
        CodePointText text = draft.text();
        if (end < start || end > text.length()) {
            int[] units = utf16(text, start, end, quoted);
            if (units == null) {
                throw where.error(
                        "region %d:%d lies outside the text, which has %d code points", start, end, text.length());
            }
            converted(where, start, end, units, losses);
            start = units[0];
            end = units[1];
        } else if (quoted != null && !sameText(quoted, text.slice(start, end))) {
            int[] units = utf16(text, start, end, quoted);
            if (units == null) {
                throw where.error(
                        "region %d:%d quotes '%s' but the text there is '%s'",
                        start, end, clip(quoted), clip(text.slice(start, end)));
            }
            converted(where, start, end, units, losses);
            start = units[0];
            end = units[1];
        }
        JsonNode labels = where.array(value, "labels", "a region's");
        if (labels == null || labels.isEmpty()) {
            losses.add(
                    FORMAT,
                    where.source(),
                    where.line(),
                    "regions without a label not imported",
                    "region " + start + ":" + end);
            return;
        }
        double score = where.number(result, "score", "a region");
        if (Double.isNaN(score)) {
            score = defaultScore;
        }
        String note = note(where, result);
        if (!Double.isNaN(score)) {
            note = Scores.note(score, note);
        }
        for (JsonNode label : labels) {
            if (!label.isTextual()) {
                throw where.error("the labels of region %d:%d must be strings, not %s", start, end, Where.shown(label));
            }
            String id = draft.span(
                    draft.hasSpan(regionId) ? null : regionId,
                    start,
                    end,
                    label.textValue(),
                    note,
                    annotator,
                    created,
                    suggestion);
            if (id == null) {
                losses.add(
                        FORMAT,
                        where.source(),
                        where.line(),
                        "empty spans not imported",
                        "region " + start + ":" + end + " of " + label.textValue() + " covers no text");
            } else if (regionId != null) {
                if (spanOfRegion.get(regionId) == null) {
                    spanOfRegion.put(regionId, id);
                }
                spansOfRegion.computeIfAbsent(regionId, k -> new ArrayList<>()).add(id);
            }
        }
    }

    /** A region's note: Label Studio keeps what an annotator typed in the region's {@code meta.text}. */
    private static String note(Where where, JsonNode result) throws ScholionException {
        JsonNode text = result.path("meta").path("text");
        if (text.isTextual()) {
            return text.textValue();
        }
        if (!text.isArray() || text.isEmpty()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode line : text) {
            if (!line.isTextual()) {
                throw where.error("a region's meta.text must hold strings, not %s", Where.shown(line));
            }
            lines.add(line.textValue());
        }
        String note = String.join("\n", lines);
        return note.isBlank() ? null : note;
    }

    private static boolean sameText(String quoted, String actual) {
        // Label Studio's Text tag may save a region's text with white space collapsed; the offsets rule
        return quoted.equals(actual)
                || quoted.strip().replaceAll("\\s+", " ").equals(actual.strip().replaceAll("\\s+", " "));
    }

    /** The code-point range of UTF-16 units {@code [start, end)} when that is what {@code quoted} is, else null. */
    private static int[] utf16(CodePointText text, int start, int end, String quoted) {
        String s = text.string();
        if (quoted == null
                || !text.hasSupplementaryCharacters()
                || end < start
                || end > s.length()
                || !s.substring(start, end).equals(quoted)) {
            return null;
        }
        try {
            return new int[] {text.toCodePointIndex(start), text.toCodePointIndex(end)};
        } catch (IllegalArgumentException insidePair) {
            return null;
        }
    }

    private static void converted(Where where, int start, int end, int[] units, LossReport losses) {
        losses.add(
                FORMAT,
                where.source(),
                where.line(),
                "regions with UTF-16 offsets converted",
                "region " + start + ":" + end + " counts UTF-16 units (as Label Studio before 1.0 did); read as "
                        + units[0] + ":" + units[1] + " in code points");
    }

    private static void relation(
            Where where, JsonNode result, DocumentDraft draft, Map<String, String> spanOfRegion, LossReport losses)
            throws ScholionException {
        String from = region(where, result, "from_id", spanOfRegion);
        String to = region(where, result, "to_id", spanOfRegion);
        String direction = where.string(result, "direction", "a relation");
        if ("left".equals(direction)) {
            String swap = from;
            from = to;
            to = swap;
        } else if ("bi".equals(direction)) {
            losses.add(
                    FORMAT,
                    where.source(),
                    where.line(),
                    "two-way relations read as one-way",
                    "relation " + result.path("from_id").asText() + " - "
                            + result.path("to_id").asText());
        }
        JsonNode labels = where.array(result, "labels", "a relation's");
        List<String> types = new ArrayList<>();
        if (labels == null || labels.isEmpty()) {
            types.add(UNLABELLED_RELATION);
        } else {
            for (JsonNode label : labels) {
                if (!label.isTextual()) {
                    throw where.error("the labels of a relation must be strings, not %s", Where.shown(label));
                }
                String type = Names.relationType(label.textValue());
                if (type == null) {
                    throw where.error("relation label '%s' has no letter or digit", label.textValue());
                }
                if (!type.equals(label.textValue())) {
                    losses.add(
                            FORMAT,
                            where.source(),
                            where.line(),
                            "relation types renamed",
                            "'" + label.textValue() + "' became '" + type + "'");
                }
                types.add(type);
            }
        }
        if (from == null || to == null) {
            losses.add(
                    FORMAT,
                    where.source(),
                    where.line(),
                    "relations to empty spans not imported",
                    "relation " + String.join(",", types));
            return;
        }
        for (String type : types) {
            draft.relation(null, type, from, to);
        }
    }

    private static String region(Where where, JsonNode result, String field, Map<String, String> spanOfRegion)
            throws ScholionException {
        String id = where.requiredString(result, field, "a relation");
        if (!spanOfRegion.containsKey(id)) {
            throw where.error("a relation's \"%s\" is '%s', but the annotation has no region of that id", field, id);
        }
        return spanOfRegion.get(id);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** Whether a file looks like a Label Studio export: tasks with {@code data} and {@code annotations} or {@code predictions}. */
    public static boolean detect(Path file) {
        return Sniff.of(file)
                .filter(s -> s.keys().contains("data") && s.hasAny("annotations", "predictions"))
                .isPresent();
    }
}
