package org.scholion.export.prodigy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
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
import org.scholion.export.json.JsonLines;
import org.scholion.export.json.Names;
import org.scholion.export.json.Scores;
import org.scholion.export.json.Sniff;
import org.scholion.export.json.Where;

/**
 * Reads spaCy/Prodigy JSONL: each line a task with its {@code text}, {@code spans} (checked against
 * the text where they quote it), {@code tokens} (checked likewise), {@code relations} between the
 * spans their head and child tokens (or {@code head_span}/{@code child_span}) fall in, {@code meta}
 * and other keys as metadata; {@code _annotator_id} and {@code _timestamp} say who made the spans
 * and when. Spans of a task answered {@code reject} or {@code ignore} are not imported (and
 * reported). Like every JSONL reader here, the file is checked whole before a document is passed on.
 */
public final class ProdigyReader implements DocumentReader {
    static final String FORMAT = "prodigy";
    static final Set<String> RESERVED =
            Set.of("text", "spans", "tokens", "relations", "meta", "answer", "_annotator_id", "_timestamp");

    /** Keys only a Prodigy task has, among the JSONL formats. */
    public static final List<String> OWN_KEYS = List.of("spans", "tokens", "answer", "_input_hash", "_task_hash");

    private final int maxLine;

    public ProdigyReader() {
        this(JsonLines.MAX_LINE);
    }

    public ProdigyReader(int maxLine) {
        this.maxLine = maxLine;
    }

    @Override
    public Format format() {
        return Format.PRODIGY;
    }

    /**
     * Reads the file once to check it and collect its labels; a file of one task passes on the
     * document that check built (it has every label of the file already), a longer one is read
     * again to pass each document on with every label of the file.
     */
    @Override
    public void read(Path source, ReadOptions options, LossReport losses, DocumentSink sink) throws ScholionException {
        Set<String> labels = new LinkedHashSet<>();
        LossReport checked = new LossReport();
        Held held = new Held();
        pass(source, options, checked, labels, held, held);
        if (held.count == 1) {
            checked.losses().forEach(losses::add);
            sink.accept(held.document);
        } else {
            pass(source, options, losses, labels, sink, () -> {});
        }
    }

    /** The one document of the first pass, dropped as soon as a second task starts. */
    private static final class Held implements DocumentSink, Runnable {
        private AnnotatedDocument document;
        private int count;

        @Override
        public void run() {
            document = null;
        }

        @Override
        public void accept(AnnotatedDocument read) {
            count++;
            document = count == 1 ? read : null;
        }
    }

    private void pass(
            Path source,
            ReadOptions options,
            LossReport losses,
            Set<String> labels,
            DocumentSink sink,
            Runnable starting)
            throws ScholionException {
        String name = source.toString();
        DocumentIds ids = new DocumentIds(ForeignLabels.setNameFor(String.valueOf(source.getFileName())));
        JsonLines.parse(source, maxLine, (line, parser) -> {
            starting.run();
            Where where = new Where(name, line);
            TokenRanges tokenRanges = new TokenRanges();
            JsonNode task = where.object(task(where, parser, tokenRanges), "a Prodigy task");
            String text = where.requiredString(task, "text", "the task");
            ObjectNode facts = facts(where, task, losses);
            JsonNode own = facts.get("id");
            String id = ids.next(
                    own != null && own.isTextual() ? own.textValue() : null,
                    own != null && own.isIntegralNumber() ? own.asText() : null,
                    line);
            Document document = DocumentFields.read(where, id, text, facts, RESERVED);
            DocumentDraft draft = new DocumentDraft(where, document, options, labels);
            String annotator = where.string(task, "_annotator_id", "the task");
            Instant created = created(where, task);
            String answer = where.string(task, "answer", "the task");
            if (answer != null && !answer.equals("accept")) {
                JsonNode spans = where.array(task, "spans", "the task's");
                if (spans != null && !spans.isEmpty()) {
                    losses.add(
                            FORMAT,
                            name,
                            line,
                            "spans of rejected or ignored tasks not imported",
                            spans.size() + " span(s) of a task answered '" + answer + "'");
                }
            } else {
                tokenRanges.check(where, draft.text());
                List<Placed> placed =
                        spans(where, task, draft, annotator != null ? annotator : options.annotator(), created, losses);
                relations(where, task, draft, tokenRanges, placed, losses);
            }
            labels.addAll(draft.labelNames());
            sink.accept(draft.build());
        });
    }

    /**
     * The task as a tree, but for its {@code tokens}, which go into {@code tokenRanges} one at a
     * time: a document's tokens are most of a task, far too many to hold as JSON nodes.
     */
    private static JsonNode task(Where where, JsonParser parser, TokenRanges tokenRanges)
            throws IOException, ScholionException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return Json.MAPPER.readTree(parser);
        }
        ObjectNode task = Json.MAPPER.createObjectNode();
        String text = null;
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String key = parser.currentName();
            parser.nextToken();
            if (key.equals("tokens")) {
                tokenRanges.read(where, parser, text);
            } else {
                JsonNode value = Json.MAPPER.readTree(parser);
                task.set(key, value);
                if (key.equals("text") && value.isTextual()) {
                    text = value.textValue();
                }
            }
        }
        return task;
    }

    /** The task's meta entries, then its other keys that meta does not have (those that clash are reported). */
    private static ObjectNode facts(Where where, JsonNode task, LossReport losses) throws ScholionException {
        ObjectNode facts = Json.MAPPER.createObjectNode();
        JsonNode meta = task.get("meta");
        if (meta != null && !meta.isNull()) {
            where.object(meta, "\"meta\"");
            facts.setAll((ObjectNode) meta);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = task.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (RESERVED.contains(field.getKey())) {
                continue;
            }
            if (facts.has(field.getKey())) {
                losses.add(
                        FORMAT,
                        where.source(),
                        where.line(),
                        "task keys hidden by meta not imported",
                        "'" + field.getKey() + "' is both a key of the task and of its meta; meta's is kept");
            } else {
                facts.set(field.getKey(), field.getValue());
            }
        }
        return facts;
    }

    private static Instant created(Where where, JsonNode task) throws ScholionException {
        JsonNode value = task.get("_timestamp");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()
                || !value.canConvertToLong()
                || value.longValue() < 0
                || value.longValue() > 253402300799L) {
            throw where.error("\"_timestamp\" must be whole seconds since 1970, not %s", Where.shown(value));
        }
        return Instant.ofEpochSecond(value.longValue());
    }

    /**
     * A task's tokens, {@code [start, end)} in code points by index, read from the parser one at a
     * time. What is wrong with them is kept, not thrown, until {@link #check}: tokens are checked
     * only for a task whose spans are imported, after the task's other fields.
     */
    private static final class TokenRanges {
        private int[] bounds = new int[64];
        private int size;
        private ScholionException problem;
        /** The tokens' quoted texts, kept only when the tokens come before the text. */
        private List<String> quoted;

        int size() {
            return size;
        }

        int start(int token) {
            return bounds[2 * token];
        }

        int end(int token) {
            return bounds[2 * token + 1];
        }

        void read(Where where, JsonParser parser, String text) throws IOException {
            CodePointText known = text == null ? null : CodePointText.of(text);
            if (known == null) {
                quoted = new ArrayList<>();
            }
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                ObjectNode holder = Json.MAPPER.createObjectNode();
                holder.set("tokens", Json.MAPPER.readTree(parser));
                fail(() -> where.array(holder, "tokens", "the task's"));
                return;
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (problem != null) {
                    parser.skipChildren();
                } else {
                    token(where, parser, known);
                }
            }
        }

        /** Reads one token; the common shape fast, any other through the same checks as the other fields. */
        private void token(Where where, JsonParser parser, CodePointText text) throws IOException {
            String what = "token " + size;
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                JsonNode odd = Json.MAPPER.readTree(parser);
                fail(() -> where.object(odd, "each of \"tokens\""));
                return;
            }
            int start = -1;
            int end = -1;
            String quote = null;
            ObjectNode odd = null;
            for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (key) {
                    case "start", "end" -> {
                        if (value == JsonToken.VALUE_NUMBER_INT
                                && parser.getNumberType() == JsonParser.NumberType.INT
                                && parser.getIntValue() >= 0) {
                            if (key.equals("start")) {
                                start = parser.getIntValue();
                            } else {
                                end = parser.getIntValue();
                            }
                        } else {
                            odd = odd(odd).set(key, Json.MAPPER.readTree(parser));
                        }
                    }
                    case "text" -> {
                        if (value == JsonToken.VALUE_STRING) {
                            quote = parser.getText();
                        } else if (value != JsonToken.VALUE_NULL) {
                            odd = odd(odd).set(key, Json.MAPPER.readTree(parser));
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (odd != null || start < 0 || end < 0) {
                ObjectNode token = odd(odd);
                if (start >= 0 && !token.has("start")) {
                    token.put("start", start);
                }
                if (end >= 0 && !token.has("end")) {
                    token.put("end", end);
                }
                if (quote != null) {
                    token.put("text", quote);
                }
                fail(() -> {
                    where.offset(token, "start", what);
                    where.offset(token, "end", what);
                    where.string(token, "text", what);
                    return null;
                });
                return;
            }
            if (text != null) {
                int s = start;
                int e = end;
                String q = quote;
                fail(() -> {
                    ProdigyReader.check(where, text, s, e, q, what);
                    return null;
                });
            } else {
                quoted.add(quote);
            }
            if (2 * size + 2 > bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
            }
            bounds[2 * size] = start;
            bounds[2 * size + 1] = end;
            size++;
        }

        private static ObjectNode odd(ObjectNode odd) {
            return odd != null ? odd : Json.MAPPER.createObjectNode();
        }

        private void fail(Check check) {
            try {
                check.run();
            } catch (ScholionException e) {
                problem = e;
            }
        }

        /** Throws the first problem met while reading, else checks what could not be checked then. */
        void check(Where where, CodePointText text) throws ScholionException {
            if (problem != null) {
                throw problem;
            }
            if (quoted != null) {
                for (int i = 0; i < size; i++) {
                    ProdigyReader.check(where, text, start(i), end(i), quoted.get(i), "token " + i);
                }
            }
        }
    }

    @FunctionalInterface
    private interface Check {
        Object run() throws ScholionException;
    }

    /** A span as read: its id in the draft and its range, to anchor relations. */
    private record Placed(String id, int start, int end, String label) {}

    private static List<Placed> spans(
            Where where, JsonNode task, DocumentDraft draft, String annotator, Instant created, LossReport losses)
            throws ScholionException {
        JsonNode spans = where.array(task, "spans", "the task's");
        List<Placed> placed = new ArrayList<>();
        if (spans == null) {
            return placed;
        }
        for (JsonNode span : spans) {
            where.object(span, "each of \"spans\"");
            int start = where.offset(span, "start", "a span");
            int end = where.offset(span, "end", "a span");
            String label = where.requiredString(span, "label", "span " + start + ":" + end);
            if (end <= draft.text().length() && start <= end) {
                check(
                        where,
                        draft.text(),
                        start,
                        end,
                        where.string(span, "text", "a span"),
                        "span " + start + ":" + end);
            }
            double score = where.number(span, "score", "span " + start + ":" + end);
            String id = draft.span(
                    null,
                    start,
                    end,
                    label,
                    Double.isNaN(score) ? null : Scores.note(score, null),
                    annotator,
                    created,
                    false);
            if (id == null) {
                losses.add(
                        FORMAT,
                        where.source(),
                        where.line(),
                        "empty spans not imported",
                        "span " + start + ":" + end + " of " + label + " covers no text");
            } else {
                placed.add(new Placed(id, start, end, label));
            }
        }
        return placed;
    }

    private static void relations(
            Where where, JsonNode task, DocumentDraft draft, TokenRanges tokens, List<Placed> placed, LossReport losses)
            throws ScholionException {
        JsonNode relations = where.array(task, "relations", "the task's");
        if (relations == null) {
            return;
        }
        // the spans by range, in the order read: a relation's span is found without a scan of them all
        Map<Long, List<Placed>> byRange = new HashMap<>();
        for (Placed p : placed) {
            byRange.computeIfAbsent(range(p.start(), p.end()), k -> new ArrayList<>(1))
                    .add(p);
        }
        for (JsonNode relation : relations) {
            where.object(relation, "each of \"relations\"");
            String foreign = where.requiredString(relation, "label", "a relation");
            String type = Names.relationType(foreign);
            if (type == null) {
                throw where.error("relation label '%s' has no letter or digit", foreign);
            }
            if (!type.equals(foreign)) {
                losses.add(
                        FORMAT,
                        where.source(),
                        where.line(),
                        "relation types renamed",
                        "'" + foreign + "' became '" + type + "'");
            }
            Placed head = end(where, relation, "head", tokens, placed, byRange);
            Placed child = end(where, relation, "child", tokens, placed, byRange);
            if (head == null || child == null) {
                losses.add(
                        FORMAT,
                        where.source(),
                        where.line(),
                        "relations between tokens not imported",
                        "relation " + foreign + " starts or ends at a token that no span covers");
                continue;
            }
            draft.relation(null, type, head.id(), child.id());
        }
    }

    /** The span a relation's head or child is: its {@code head_span} if given, else the innermost span over its token. */
    private static Placed end(
            Where where,
            JsonNode relation,
            String field,
            TokenRanges tokens,
            List<Placed> placed,
            Map<Long, List<Placed>> byRange)
            throws ScholionException {
        JsonNode span = relation.get(field + "_span");
        if (span != null && !span.isNull()) {
            where.object(span, "\"" + field + "_span\"");
            int start = where.offset(span, "start", "\"" + field + "_span\"");
            int end = where.offset(span, "end", "\"" + field + "_span\"");
            String label = where.string(span, "label", "\"" + field + "_span\"");
            for (Placed p : byRange.getOrDefault(range(start, end), List.of())) {
                if (label == null || label.equals(p.label())) {
                    return p;
                }
            }
            throw where.error("a relation's \"%s_span\" %d:%d is not one of the task's spans", field, start, end);
        }
        JsonNode index = relation.get(field);
        if (index == null || index.isNull()) {
            throw where.error("a relation has no \"%s\"", field);
        }
        int token = where.offset(index, "a relation's \"" + field + "\"");
        if (token >= tokens.size()) {
            throw where.error(
                    "a relation's \"%s\" is token %d, but the task has %d tokens", field, token, tokens.size());
        }
        Placed best = null;
        for (Placed p : placed) {
            if (p.start() <= tokens.start(token)
                    && tokens.end(token) <= p.end()
                    && (best == null || p.end() - p.start() < best.end() - best.start())) {
                best = p;
            }
        }
        return best;
    }

    private static long range(int start, int end) {
        return ((long) start << 32) | end;
    }

    private static void check(Where where, CodePointText text, int start, int end, String quoted, String what)
            throws ScholionException {
        if (end < start || end > text.length()) {
            throw where.error(
                    "%s (%d:%d) lies outside the text, which has %d code points", what, start, end, text.length());
        }
        if (quoted != null && !quoted.equals(text.slice(start, end))) {
            throw where.error(
                    "%s quotes '%s' but the text there is '%s'", what, clip(quoted), clip(text.slice(start, end)));
        }
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** Whether a file looks like Prodigy JSONL: lines of objects with {@code text} and Prodigy's {@code spans}, {@code tokens}, {@code answer} or hashes. */
    public static boolean detect(Path file) {
        return Sniff.of(file)
                .filter(s -> !s.inArray() && s.keys().contains("text") && s.hasAny(OWN_KEYS))
                .isPresent();
    }
}
