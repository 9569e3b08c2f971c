package org.scholion.export.prodigy;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.core.text.Tokens;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Format;
import org.scholion.export.interchange.Details;
import org.scholion.export.interchange.DocumentWriter;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.json.AtomicFile;
import org.scholion.export.json.DocumentFields;
import org.scholion.export.json.Json;
import org.scholion.export.json.MetadataValues;
import org.scholion.export.json.Scores;

/**
 * Writes spaCy/Prodigy JSONL into {@value #FILE_NAME}: per document {@code text}, {@code spans}
 * ({@code start}, {@code end}, {@code label}; a score kept in a note as {@code score}), {@code
 * answer: accept}, {@code meta} with the document's facts and metadata (keys beginning with
 * {@code _} stay at the top level, as Prodigy's own do), {@code _annotator_id} and {@code
 * _timestamp} when all spans share them; for a document with relations also {@code tokens} (by
 * Scholion's tokenizer) and {@code relations} anchored at the last token of each span, with
 * {@code head_span} and {@code child_span}.
 */
public final class ProdigyWriter implements DocumentWriter {
    public static final String FILE_NAME = "prodigy.jsonl";

    @Override
    public Format format() {
        return Format.PRODIGY;
    }

    @Override
    public Batch open(Path folder, ExportOptions options, LossReport losses) throws ExportException {
        return new Lines(AtomicFile.create(folder.resolve(FILE_NAME)), options, losses);
    }

    private static final class Lines implements Batch {
        private final AtomicFile file;
        private final ExportOptions options;
        private final LossReport losses;
        private final JsonGenerator json;
        private boolean failed;

        Lines(AtomicFile file, ExportOptions options, LossReport losses) throws ExportException {
            this.file = file;
            this.options = options;
            this.losses = losses;
            try {
                json = Json.FACTORY.createGenerator(file.out(), JsonEncoding.UTF8);
                json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                json.setRootValueSeparator(null);
            } catch (IOException e) {
                file.abort();
                throw new ExportException("cannot write " + file.target() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void write(AnnotatedDocument document) throws ExportException {
            AnnotatedDocument doc = options.select(document);
            Details.notWritten(ProdigyReader.FORMAT, doc.document().id(), doc, losses);
            try {
                writeTask(doc);
                json.writeRaw('\n');
                json.flush();
            } catch (IOException e) {
                failed = true;
                throw new ExportException("cannot write " + file.target() + ": " + e.getMessage(), e);
            }
        }

        private void writeTask(AnnotatedDocument doc) throws IOException {
            String id = doc.document().id();
            CodePointText text = doc.text();
            List<Tokens.Token> tokens =
                    doc.relations().isEmpty() ? List.of() : Tokens.of(text).tokens();
            json.writeStartObject();
            json.writeStringField("text", text.string());
            json.writeArrayFieldStart("spans");
            int n = 0;
            for (Span span : doc.spans()) {
                n++;
                if (!span.id().equals("s" + n)) {
                    // a Prodigy span has no id: the reader numbers them in the order written
                    losses.add(
                            ProdigyReader.FORMAT,
                            id,
                            0,
                            "span ids not kept (spans are numbered in order)",
                            "span " + span.id() + " comes back as s" + n);
                }
                json.writeStartObject();
                json.writeNumberField("start", span.start());
                json.writeNumberField("end", span.end());
                json.writeStringField("label", span.label());
                int first = tokenStartingAt(tokens, span.start());
                int last = tokenEndingAt(tokens, span.end());
                if (first >= 0 && last >= first) {
                    json.writeNumberField("token_start", first);
                    json.writeNumberField("token_end", last);
                }
                OptionalDouble score = Scores.of(span.note());
                if (score.isPresent()) {
                    json.writeNumberField("score", score.getAsDouble());
                }
                json.writeEndObject();
                reportSpan(id, span);
            }
            json.writeEndArray();
            if (!doc.relations().isEmpty()) {
                writeTokens(text, tokens);
                writeRelations(doc, tokens);
            }
            json.writeStringField("answer", "accept");
            writeWho(doc);
            writeMeta(doc.document());
            json.writeEndObject();
        }

        private void writeTokens(CodePointText text, List<Tokens.Token> tokens) throws IOException {
            json.writeArrayFieldStart("tokens");
            for (int i = 0; i < tokens.size(); i++) {
                Tokens.Token token = tokens.get(i);
                json.writeStartObject();
                json.writeStringField("text", text.slice(token.start(), token.end()));
                json.writeNumberField("start", token.start());
                json.writeNumberField("end", token.end());
                json.writeNumberField("id", i);
                json.writeBooleanField(
                        "ws", token.end() < text.length() && Character.isWhitespace(text.codePointAt(token.end())));
                json.writeEndObject();
            }
            json.writeEndArray();
        }

        private void writeRelations(AnnotatedDocument doc, List<Tokens.Token> tokens) throws IOException {
            json.writeArrayFieldStart("relations");
            for (Relation relation : doc.relations()) {
                Span head = doc.span(relation.from()).orElseThrow();
                Span child = doc.span(relation.to()).orElseThrow();
                int headToken = anchor(tokens, head);
                int childToken = anchor(tokens, child);
                if (headToken < 0 || childToken < 0) {
                    losses.add(
                            ProdigyReader.FORMAT,
                            doc.document().id(),
                            0,
                            "relations not written",
                            "relation " + relation.id() + " (" + relation.type()
                                    + "): a span it joins covers no token");
                    continue;
                }
                json.writeStartObject();
                json.writeNumberField("head", headToken);
                json.writeNumberField("child", childToken);
                writeEnd("head_span", head, tokens);
                writeEnd("child_span", child, tokens);
                json.writeStringField("label", relation.type());
                json.writeEndObject();
            }
            json.writeEndArray();
        }

        private void writeEnd(String field, Span span, List<Tokens.Token> tokens) throws IOException {
            json.writeObjectFieldStart(field);
            json.writeNumberField("start", span.start());
            json.writeNumberField("end", span.end());
            int first = tokenStartingAt(tokens, span.start());
            int last = tokenEndingAt(tokens, span.end());
            if (first >= 0 && last >= first) {
                json.writeNumberField("token_start", first);
                json.writeNumberField("token_end", last);
            }
            json.writeStringField("label", span.label());
            json.writeEndObject();
        }

        /** Who made the spans and when, when all spans agree; otherwise each span's is reported. */
        private void writeWho(AnnotatedDocument doc) throws IOException {
            List<Span> spans = doc.spans();
            if (spans.isEmpty()) {
                return;
            }
            String annotator = spans.get(0).annotator();
            Instant created = spans.get(0).created();
            boolean same = spans.stream()
                    .allMatch(s -> Objects.equals(s.annotator(), annotator) && Objects.equals(s.created(), created));
            if (same && (created == null || created.getNano() == 0)) {
                if (annotator != null) {
                    json.writeStringField("_annotator_id", annotator);
                }
                if (created != null) {
                    json.writeNumberField("_timestamp", created.getEpochSecond());
                }
                return;
            }
            for (Span span : spans) {
                if (span.annotator() != null || span.created() != null) {
                    losses.add(
                            ProdigyReader.FORMAT,
                            doc.document().id(),
                            0,
                            "span annotators and times not written",
                            "span " + span.id() + ": a task has one annotator and one time, and its spans differ");
                }
            }
        }

        private void writeMeta(Document document) throws IOException {
            Map<String, String> metadata = document.metadata();
            for (Map.Entry<String, String> entry : metadata.entrySet()) {
                if (entry.getKey().startsWith("_") && !ProdigyReader.RESERVED.contains(entry.getKey())) {
                    MetadataValues.writeField(json, entry.getKey(), entry.getValue());
                }
            }
            json.writeObjectFieldStart("meta");
            Document inMeta = new Document(
                    document.id(),
                    document.title(),
                    document.iri(),
                    document.mediaType(),
                    document.language(),
                    metadata.entrySet().stream()
                            .filter(e -> !e.getKey().startsWith("_"))
                            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                    "");
            List<String> clashing = DocumentFields.write(json, inMeta, Set.of());
            for (String key : clashing) {
                losses.add(
                        ProdigyReader.FORMAT,
                        document.id(),
                        0,
                        "metadata entries not written",
                        "'" + key + "' is a key the document's own facts use");
            }
            json.writeEndObject();
            for (String key : metadata.keySet()) {
                if (ProdigyReader.RESERVED.contains(key)) {
                    losses.add(
                            ProdigyReader.FORMAT,
                            document.id(),
                            0,
                            "metadata entries not written",
                            "'" + key + "' is a key Prodigy uses itself");
                }
            }
        }

        private void reportSpan(String id, Span span) {
            String where = "span " + span.id() + " (" + span.label() + " " + span.start() + ":" + span.end() + ")";
            if (Scores.rest(span.note()) != null) {
                losses.add(ProdigyReader.FORMAT, id, 0, "span notes not written", where);
            }
            if (span.suggestion()) {
                losses.add(ProdigyReader.FORMAT, id, 0, "suggestions written as spans", where);
            }
        }

        private static int tokenStartingAt(List<Tokens.Token> tokens, int start) {
            int i = lastStartingBefore(tokens, start + 1);
            return i >= 0 && tokens.get(i).start() == start ? i : -1;
        }

        private static int tokenEndingAt(List<Tokens.Token> tokens, int end) {
            int i = lastStartingBefore(tokens, end);
            return i >= 0 && tokens.get(i).end() == end ? i : -1;
        }

        /** The last token that overlaps the span, or -1. */
        private static int anchor(List<Tokens.Token> tokens, Span span) {
            int i = lastStartingBefore(tokens, span.end());
            return i >= 0 && tokens.get(i).end() > span.start() ? i : -1;
        }

        /** The index of the last token that starts before {@code offset}, or -1 (tokens are in order and do not overlap). */
        private static int lastStartingBefore(List<Tokens.Token> tokens, int offset) {
            int lo = 0;
            int hi = tokens.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (tokens.get(mid).start() < offset) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo - 1;
        }

        @Override
        public void close() throws ExportException {
            try {
                json.close();
            } catch (IOException e) {
                failed = true;
            }
            if (failed) {
                file.abort();
                throw new ExportException("cannot write " + file.target() + ": an earlier write failed");
            }
            file.commit();
        }

        @Override
        public List<Path> files() {
            return List.of(file.target());
        }
    }
}
