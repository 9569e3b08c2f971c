package org.scholion.core.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.time.InstantFormatter;

/** Writes annotation files and label-set files in their canonical form: one layout, so diffs stay small. */
final class SnapshotWriter {
    private SnapshotWriter() {}

    static void write(Snapshot snapshot, OutputStream out) throws IOException {
        AnnotatedDocument doc = snapshot.document();
        InstantFormatter times = new InstantFormatter();
        try (JsonGenerator g = JsonCodec.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            g.setPrettyPrinter(pretty);
            g.writeStartObject();
            g.writeStringField("format", JsonCodec.FORMAT);
            Document d = doc.document();
            g.writeObjectFieldStart("document");
            g.writeStringField("id", d.id());
            g.writeStringField("title", d.title());
            optional(g, "iri", d.iri());
            g.writeStringField("mediaType", d.mediaType());
            optional(g, "language", d.language());
            if (!d.metadata().isEmpty()) {
                g.writeObjectFieldStart("metadata");
                for (Map.Entry<String, String> e : d.metadata().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeStringField("sha256", d.sha256());
            g.writeStringField("text", d.text());
            g.writeEndObject();
            g.writeArrayFieldStart("labelSets");
            for (LabelSet set : doc.labelSets()) {
                writeLabelSet(g, set);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("spans");
            for (Span span : doc.spans()) {
                writeSpan(g, span, times);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("relations");
            for (Relation relation : doc.relations()) {
                writeRelation(g, relation);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("history");
            writeChanges(g, "undo", snapshot.history().undo(), times);
            writeChanges(g, "redo", snapshot.history().redo(), times);
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    static void writeLabelSetFile(LabelSet set, OutputStream out) throws IOException {
        try (JsonGenerator g = JsonCodec.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));
            writeLabelSet(g, set);
            g.writeRaw('\n');
        }
    }

    private static void writeChanges(JsonGenerator g, String name, List<Change> changes, InstantFormatter times)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (Change c : changes) {
            g.writeStartObject();
            g.writeStringField("summary", c.summary());
            writeParts(g, "removed", c.removedSpans(), c.removedRelations(), c.removedLabelSets(), times);
            writeParts(g, "added", c.addedSpans(), c.addedRelations(), c.addedLabelSets(), times);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeParts(
            JsonGenerator g,
            String name,
            List<Span> spans,
            List<Relation> relations,
            List<LabelSet> sets,
            InstantFormatter times)
            throws IOException {
        g.writeObjectFieldStart(name);
        if (!spans.isEmpty()) {
            g.writeArrayFieldStart("spans");
            for (Span s : spans) {
                writeSpan(g, s, times);
            }
            g.writeEndArray();
        }
        if (!relations.isEmpty()) {
            g.writeArrayFieldStart("relations");
            for (Relation r : relations) {
                writeRelation(g, r);
            }
            g.writeEndArray();
        }
        if (!sets.isEmpty()) {
            g.writeArrayFieldStart("labelSets");
            for (LabelSet s : sets) {
                writeLabelSet(g, s);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeLabelSet(JsonGenerator g, LabelSet set) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", set.name());
        if (!set.attributes().isEmpty()) {
            g.writeArrayFieldStart("attributes");
            for (String attribute : set.attributes()) {
                g.writeString(attribute);
            }
            g.writeEndArray();
        }
        strings(g, "prefixes", set.prefixes());
        g.writeArrayFieldStart("labels");
        for (Label label : set.labels()) {
            g.writeStartObject();
            g.writeStringField("name", label.name());
            g.writeStringField("color", label.color());
            optional(g, "description", label.description());
            optional(g, "key", label.key());
            optional(g, "iri", label.iri());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeSpan(JsonGenerator g, Span span, InstantFormatter times) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", span.id());
        g.writeNumberField("start", span.start());
        g.writeNumberField("end", span.end());
        g.writeStringField("label", span.label());
        optional(g, "note", span.note());
        optional(g, "annotator", span.annotator());
        optional(g, "created", span.created() == null ? null : times.format(span.created()));
        if (span.suggestion()) {
            g.writeBooleanField("suggestion", true);
        }
        strings(g, "attributes", span.attributes());
        if (!span.links().isEmpty()) {
            g.writeArrayFieldStart("links");
            for (String link : span.links()) {
                g.writeString(link);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeRelation(JsonGenerator g, Relation relation) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", relation.id());
        g.writeStringField("type", relation.type());
        g.writeStringField("from", relation.from());
        g.writeStringField("to", relation.to());
        strings(g, "attributes", relation.attributes());
        g.writeEndObject();
    }

    /** An object of strings, in the map's (sorted) order; nothing when it is empty. */
    private static void strings(JsonGenerator g, String name, Map<String, String> values) throws IOException {
        if (!values.isEmpty()) {
            g.writeObjectFieldStart(name);
            for (Map.Entry<String, String> e : values.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
