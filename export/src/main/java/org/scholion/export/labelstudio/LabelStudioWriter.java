package org.scholion.export.labelstudio;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.Format;
import org.scholion.export.interchange.Details;
import org.scholion.export.interchange.DocumentWriter;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.json.AtomicFile;
import org.scholion.export.json.DocumentFields;
import org.scholion.export.json.Json;
import org.scholion.export.json.Scores;

/**
 * Writes a Label Studio JSON export into {@value #FILE_NAME} (one task per document, one task per
 * line) and, when the batch closes, the labelling configuration those tasks need into {@value
 * #CONFIG_NAME}: a {@code Text} tag named {@code text}, a {@code Labels} tag named {@code label}
 * with each label's colour and hotkey, and a {@code Relations} tag with the relation types used.
 * Accepted spans go into one annotation per annotator ({@code completed_by}), suggestions into one
 * prediction per annotator ({@code model_version}); a note goes into the region's {@code meta.text},
 * a score kept in a note into the region's {@code score}. Each attribute of a span is a per-region
 * {@code choices} result (its {@code from_name} the attribute's name, its one choice the value) and
 * the span's links one per-region {@code textarea} result named {@value #LINKS} (one absolute IRI
 * per entry), both with the region's {@code id}, as Label Studio saves a {@code perRegion} tag; the
 * configuration gains the matching {@code Choices} and {@code TextArea} tags.
 */
public final class LabelStudioWriter implements DocumentWriter {
    public static final String FILE_NAME = "labelstudio.json";
    public static final String CONFIG_NAME = "labelstudio-config.xml";
    /** The name of the per-region text area that holds a span's links. */
    public static final String LINKS = "links";
    /** Tag names the configuration uses itself, which an attribute cannot take. */
    static final Set<String> TAG_NAMES = Set.of("label", "text", LINKS);

    @Override
    public Format format() {
        return Format.LABELSTUDIO;
    }

    @Override
    public Batch open(Path folder, ExportOptions options, LossReport losses) throws ExportException {
        return new Tasks(folder, AtomicFile.create(folder.resolve(FILE_NAME)), options, losses);
    }

    private static final class Tasks implements Batch {
        private final Path folder;
        private final AtomicFile file;
        private final ExportOptions options;
        private final LossReport losses;
        private final JsonGenerator json;
        private final Map<String, Label> labels = new LinkedHashMap<>();
        private final Set<String> relationTypes = new LinkedHashSet<>();
        private final Map<String, Set<String>> choices = new TreeMap<>();
        private boolean links;
        private final List<Path> written = new ArrayList<>();
        private int count;
        private boolean failed;

        Tasks(Path folder, AtomicFile file, ExportOptions options, LossReport losses) throws ExportException {
            this.folder = folder;
            this.file = file;
            this.options = options;
            this.losses = losses;
            try {
                json = Json.FACTORY.createGenerator(file.out(), JsonEncoding.UTF8);
                json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                json.setRootValueSeparator(null);
                json.writeRaw('[');
            } catch (IOException e) {
                file.abort();
                throw new ExportException("cannot write " + file.target() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void write(AnnotatedDocument doc) throws ExportException {
            try {
                json.writeRaw(count == 0 ? "\n" : ",\n");
                count++;
                writeTask(doc);
                json.flush();
            } catch (IOException e) {
                failed = true;
                throw new ExportException("cannot write " + file.target() + ": " + e.getMessage(), e);
            }
            for (Label label : doc.labels()) {
                labels.putIfAbsent(label.name(), label);
            }
        }

        private void writeTask(AnnotatedDocument doc) throws IOException {
            String id = doc.document().id();
            Details.relationAttributesNotWritten(LabelStudioReader.FORMAT, id, doc, losses);
            for (Span span : doc.spans()) {
                for (String name : span.attributes().keySet()) {
                    if (TAG_NAMES.contains(name)) {
                        losses.add(
                                LabelStudioReader.FORMAT,
                                id,
                                0,
                                "span attributes named like a tag of the configuration not written",
                                "span " + span.id() + ": " + name + "="
                                        + span.attributes().get(name));
                    }
                }
            }
            Map<String, List<Span>> accepted = new LinkedHashMap<>();
            Map<String, List<Span>> suggested = new LinkedHashMap<>();
            Map<String, String> groupOf = new HashMap<>();
            for (Span span : doc.spans()) {
                if (span.suggestion()
                        ? options.includes(doc, span.withSuggestion(false))
                        : options.includes(doc, span)) {
                    String group = (span.suggestion() ? "p:" : "a:") + Objects.toString(span.annotator(), "");
                    (span.suggestion() ? suggested : accepted)
                            .computeIfAbsent(Objects.toString(span.annotator(), ""), k -> new ArrayList<>())
                            .add(span);
                    groupOf.put(span.id(), group);
                    if (span.created() != null) {
                        losses.add(
                                LabelStudioReader.FORMAT,
                                id,
                                0,
                                "span times not written",
                                "span " + span.id() + ": Label Studio keeps a time per annotation, not per region");
                    }
                }
            }
            Map<String, List<Relation>> relationsOf = new HashMap<>();
            for (Relation relation : doc.relations()) {
                String from = groupOf.get(relation.from());
                String to = groupOf.get(relation.to());
                if (from == null || to == null) {
                    continue; // an end is not exported, as with every format
                }
                if (!from.equals(to)) {
                    losses.add(
                            LabelStudioReader.FORMAT,
                            id,
                            0,
                            "relations across annotations not written",
                            "relation " + relation.id() + " (" + relation.type() + ") joins spans of different "
                                    + "annotators or a suggestion and an accepted span");
                    continue;
                }
                relationsOf.computeIfAbsent(from, k -> new ArrayList<>()).add(relation);
                relationTypes.add(relation.type());
            }
            json.writeStartObject();
            json.writeNumberField("id", count);
            json.writeObjectFieldStart("data");
            json.writeStringField("text", doc.document().text());
            for (String key : DocumentFields.write(json, doc.document(), Set.of("text"))) {
                losses.add(
                        LabelStudioReader.FORMAT,
                        id,
                        0,
                        "metadata entries not written",
                        "'" + key + "' is a key the task's data uses itself");
            }
            json.writeEndObject();
            json.writeArrayFieldStart("annotations");
            for (Map.Entry<String, List<Span>> group : accepted.entrySet()) {
                json.writeStartObject();
                if (!group.getKey().isEmpty()) {
                    json.writeObjectFieldStart("completed_by");
                    json.writeStringField("email", group.getKey());
                    json.writeEndObject();
                }
                writeResult(doc, group.getValue(), relationsOf.getOrDefault("a:" + group.getKey(), List.of()));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("predictions");
            for (Map.Entry<String, List<Span>> group : suggested.entrySet()) {
                json.writeStartObject();
                if (!group.getKey().isEmpty()) {
                    json.writeStringField("model_version", group.getKey());
                }
                writeResult(doc, group.getValue(), relationsOf.getOrDefault("p:" + group.getKey(), List.of()));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }

        private void writeResult(AnnotatedDocument doc, List<Span> spans, List<Relation> relations) throws IOException {
            json.writeArrayFieldStart("result");
            for (Span span : spans) {
                json.writeStartObject();
                json.writeStringField("id", span.id());
                json.writeStringField("from_name", "label");
                json.writeStringField("to_name", "text");
                json.writeStringField("type", "labels");
                json.writeObjectFieldStart("value");
                json.writeNumberField("start", span.start());
                json.writeNumberField("end", span.end());
                json.writeStringField("text", doc.textOf(span));
                json.writeArrayFieldStart("labels");
                json.writeString(span.label());
                json.writeEndArray();
                json.writeEndObject();
                OptionalDouble score = Scores.of(span.note());
                if (score.isPresent()) {
                    json.writeNumberField("score", score.getAsDouble());
                }
                String note = Scores.rest(span.note());
                if (note != null) {
                    json.writeObjectFieldStart("meta");
                    json.writeArrayFieldStart("text");
                    json.writeString(note);
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndObject();
                writeDetails(doc, span);
            }
            for (Relation relation : relations) {
                json.writeStartObject();
                json.writeStringField("from_id", relation.from());
                json.writeStringField("to_id", relation.to());
                json.writeStringField("type", "relation");
                json.writeStringField("direction", "right");
                json.writeArrayFieldStart("labels");
                json.writeString(relation.type());
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
        }

        /** The span's attributes and links as per-region results tied to its region by its id. */
        private void writeDetails(AnnotatedDocument doc, Span span) throws IOException {
            for (Map.Entry<String, String> attribute : span.attributes().entrySet()) {
                if (TAG_NAMES.contains(attribute.getKey())) {
                    continue;
                }
                choices.computeIfAbsent(attribute.getKey(), k -> new TreeSet<>())
                        .add(attribute.getValue());
                regionResult(span, attribute.getKey(), "choices");
                json.writeArrayFieldStart("choices");
                json.writeString(attribute.getValue());
                json.writeEndArray();
                json.writeEndObject();
                json.writeEndObject();
            }
            if (!span.links().isEmpty()) {
                links = true;
                regionResult(span, LINKS, "textarea");
                json.writeArrayFieldStart("text");
                for (String link : span.links()) {
                    json.writeString(doc.iriOf(link));
                }
                json.writeEndArray();
                json.writeEndObject();
                json.writeEndObject();
            }
        }

        /** Opens a per-region result and its value, with the region's offsets as Label Studio repeats them. */
        private void regionResult(Span span, String name, String type) throws IOException {
            json.writeStartObject();
            json.writeStringField("id", span.id());
            json.writeStringField("from_name", name);
            json.writeStringField("to_name", "text");
            json.writeStringField("type", type);
            json.writeObjectFieldStart("value");
            json.writeNumberField("start", span.start());
            json.writeNumberField("end", span.end());
        }

        @Override
        public void close() throws ExportException {
            try {
                json.writeRaw(count == 0 ? "]\n" : "\n]\n");
                json.close();
            } catch (IOException e) {
                failed = true;
            }
            if (failed) {
                file.abort();
                throw new ExportException("cannot write " + file.target() + ": an earlier write failed");
            }
            Path config = folder.resolve(CONFIG_NAME);
            Exporters.writeAtomically(config, out -> out.write(config().getBytes(StandardCharsets.UTF_8)));
            file.commit();
            written.add(file.target());
            written.add(config);
        }

        /** The labelling configuration: the tags the tasks' results name, with every label of the documents. */
        String config() {
            StringBuilder xml = new StringBuilder();
            xml.append("<View>\n");
            xml.append("  <Style>.htx-text { white-space: pre-wrap; }</Style>\n");
            xml.append("  <Labels name=\"label\" toName=\"text\">\n");
            for (Label label : labels.values()) {
                xml.append("    <Label value=\"")
                        .append(attribute(label.name()))
                        .append("\" background=\"")
                        .append(label.color())
                        .append('"');
                if (label.key() != null) {
                    xml.append(" hotkey=\"").append(attribute(label.key())).append('"');
                }
                xml.append("/>\n");
            }
            xml.append("  </Labels>\n");
            if (!relationTypes.isEmpty()) {
                xml.append("  <Relations>\n");
                for (String type : relationTypes) {
                    xml.append("    <Relation value=\"").append(attribute(type)).append("\"/>\n");
                }
                xml.append("  </Relations>\n");
            }
            xml.append("  <Text name=\"text\" value=\"$text\"/>\n");
            for (Map.Entry<String, Set<String>> attribute : choices.entrySet()) {
                xml.append("  <Choices name=\"")
                        .append(attribute(attribute.getKey()))
                        .append("\" toName=\"text\" perRegion=\"true\" choice=\"single\">\n");
                for (String value : attribute.getValue()) {
                    xml.append("    <Choice value=\"").append(attribute(value)).append("\"/>\n");
                }
                xml.append("  </Choices>\n");
            }
            if (links) {
                xml.append("  <TextArea name=\"" + LINKS + "\" toName=\"text\" perRegion=\"true\"/>\n");
            }
            xml.append("</View>\n");
            return xml.toString();
        }

        private static String attribute(String value) {
            return value.replace("&", "&amp;")
                    .replace("<", "&lt;")
                    .replace(">", "&gt;")
                    .replace("\"", "&quot;")
                    // an XML parser turns a raw tab or line break in an attribute into a space
                    .replace("\t", "&#9;")
                    .replace("\n", "&#10;")
                    .replace("\r", "&#13;");
        }

        @Override
        public List<Path> files() {
            return List.copyOf(written);
        }
    }
}
