package org.scholion.export.doccano;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Format;
import org.scholion.export.interchange.Details;
import org.scholion.export.interchange.DocumentWriter;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.json.AtomicFile;
import org.scholion.export.json.DocumentFields;
import org.scholion.export.json.ForeignIds;
import org.scholion.export.json.Json;

/**
 * Writes doccano JSONL into {@value #FILE_NAME}: one line per document with its {@code text}, its
 * facts and metadata as further keys, and its spans in the relation shape ({@code entities} and
 * {@code relations}) when it has relations, else in the sequence shape ({@code label} triples);
 * {@link Shape} forces one shape.
 */
public final class DoccanoWriter implements DocumentWriter {
    public static final String FILE_NAME = "doccano.jsonl";

    /** Which of doccano's two sequence-labelling shapes the lines take. */
    public enum Shape {
        /** Relations shape for a document with relations, sequence shape for one without. */
        AUTO,
        /** Always {@code "label": [[start, end, "LABEL"], ...]}; relations are not written (and reported). */
        SEQUENCE,
        /** Always {@code "entities"} and {@code "relations"}, for a project with relations enabled. */
        RELATIONS
    }

    private final Shape shape;

    public DoccanoWriter() {
        this(Shape.AUTO);
    }

    public DoccanoWriter(Shape shape) {
        this.shape = shape;
    }

    @Override
    public Format format() {
        return Format.DOCCANO;
    }

    @Override
    public Batch open(Path folder, ExportOptions options, LossReport losses) throws ExportException {
        return new Lines(AtomicFile.create(folder.resolve(FILE_NAME)), options, losses, shape);
    }

    private static final class Lines implements Batch {
        private final AtomicFile file;
        private final ExportOptions options;
        private final LossReport losses;
        private final Shape shape;
        private final JsonGenerator json;
        private final Set<String> labelsReported = new HashSet<>();
        private boolean failed;

        Lines(AtomicFile file, ExportOptions options, LossReport losses, Shape shape) throws ExportException {
            this.file = file;
            this.options = options;
            this.losses = losses;
            this.shape = shape;
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
            String id = doc.document().id();
            Details.notWritten(DoccanoReader.FORMAT, id, doc, losses);
            try {
                json.writeStartObject();
                json.writeStringField("text", doc.document().text());
                boolean relations = shape == Shape.RELATIONS
                        || (shape == Shape.AUTO && !doc.relations().isEmpty());
                if (relations) {
                    writeEntities(doc);
                } else {
                    writeTriples(doc);
                }
                for (String key : DocumentFields.write(json, doc.document(), DoccanoReader.RESERVED)) {
                    losses.add(
                            DoccanoReader.FORMAT,
                            id,
                            0,
                            "metadata entries not written",
                            "'" + key + "' is a key doccano uses itself");
                }
                json.writeEndObject();
                json.writeRaw('\n');
                json.flush();
            } catch (IOException e) {
                failed = true;
                throw new ExportException("cannot write " + file.target() + ": " + e.getMessage(), e);
            }
            report(doc);
        }

        private void writeTriples(AnnotatedDocument doc) throws IOException {
            json.writeArrayFieldStart("label");
            for (Span span : doc.spans()) {
                json.writeStartArray();
                json.writeNumber(span.start());
                json.writeNumber(span.end());
                json.writeString(span.label());
                json.writeEndArray();
            }
            json.writeEndArray();
            for (Relation relation : doc.relations()) {
                losses.add(
                        DoccanoReader.FORMAT,
                        doc.document().id(),
                        0,
                        "relations not written",
                        "relation " + relation.id() + " (" + relation.type()
                                + "): the sequence shape has no relations");
            }
        }

        private void writeEntities(AnnotatedDocument doc) throws IOException {
            Map<String, Long> spanNumbers = ForeignIds.numbers(doc.spans(), Span::id, "s");
            Map<String, Long> relationNumbers = ForeignIds.numbers(doc.relations(), Relation::id, "r");
            json.writeArrayFieldStart("entities");
            for (Span span : doc.spans()) {
                json.writeStartObject();
                json.writeNumberField("id", spanNumbers.get(span.id()));
                json.writeStringField("label", span.label());
                json.writeNumberField("start_offset", span.start());
                json.writeNumberField("end_offset", span.end());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("relations");
            for (Relation relation : doc.relations()) {
                json.writeStartObject();
                json.writeNumberField("id", relationNumbers.get(relation.id()));
                json.writeNumberField("from_id", spanNumbers.get(relation.from()));
                json.writeNumberField("to_id", spanNumbers.get(relation.to()));
                json.writeStringField("type", relation.type());
                json.writeEndObject();
            }
            json.writeEndArray();
        }

        private void report(AnnotatedDocument doc) {
            String id = doc.document().id();
            List<String> used = new ArrayList<>();
            for (Span span : doc.spans()) {
                String where = "span " + span.id() + " (" + span.label() + " " + span.start() + ":" + span.end() + ")";
                if (span.note() != null) {
                    losses.add(DoccanoReader.FORMAT, id, 0, "span notes not written", where);
                }
                if (span.annotator() != null || span.created() != null) {
                    losses.add(DoccanoReader.FORMAT, id, 0, "span annotators and times not written", where);
                }
                if (span.suggestion()) {
                    losses.add(DoccanoReader.FORMAT, id, 0, "suggestions written as spans", where);
                }
                used.add(span.label());
            }
            for (String label : used) {
                if (labelsReported.add(label)) {
                    losses.add(
                            DoccanoReader.FORMAT,
                            id,
                            0,
                            "label colours and descriptions not written",
                            "label " + label + ": doccano keeps labels in the project, not in the file");
                }
            }
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
