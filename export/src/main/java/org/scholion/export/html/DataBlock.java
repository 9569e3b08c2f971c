package org.scholion.export.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.time.InstantFormatter;
import org.scholion.export.brief.Brief;
import org.scholion.export.brief.Entry;
import org.scholion.export.brief.Excerpts;
import org.scholion.export.brief.LegendEntry;
import org.scholion.export.brief.LinkEntry;
import org.scholion.export.brief.Tint;

/**
 * Everything the script shows beyond the text, as one JSON block parsed once: labels
 * {@code [name, set, class, line colour]}, the legend's label numbers (the map's rows), spans in entry
 * order {@code [id, label, start, end, quote, note, annotator, created]} (followed, for a span with
 * attributes or links, by {@code {name: value}} and {@code [[text, iri], ...]}, the IRI null
 * where it may not be a hyperlink) and relations
 * {@code [from, type, to]} (the script words them as {@link Entry#relations()} does). Jackson writes
 * it with {@link ScriptSafeEscapes}, one record a line.
 */
final class DataBlock {
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // the page's own writer is flushed once, at the end of the page
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .characterEscapes(new ScriptSafeEscapes())
            .build();

    private DataBlock() {}

    static void write(Brief brief, Map<String, String> classByLabel, Markup out) throws IOException {
        out.append("<script type=\"application/json\" id=\"data\">");
        json(brief, classByLabel, out, false);
        out.append("</script>\n");
    }

    /**
     * The block's JSON alone (still script-safe: it is JSON all the same); with {@code shared}, as a
     * page that fetches it gets it: notes and annotators, which repeat, once each in a list
     * {@code strings}, and a span's note and annotator as their numbers in it (null stays null).
     */
    static void json(Brief brief, Map<String, String> classByLabel, Markup out, boolean shared) throws IOException {
        AnnotatedDocument doc = brief.document();
        InstantFormatter instants = new InstantFormatter();
        try (JsonGenerator g = FACTORY.createGenerator(out.writer())) {
            g.setPrettyPrinter(new OneRecordALine());
            g.writeStartObject();
            g.writeArrayFieldStart("labels");
            List<Label> labels = doc.labels();
            Map<String, Integer> labelIndex = new HashMap<>();
            for (int i = 0; i < labels.size(); i++) {
                Label label = labels.get(i);
                labelIndex.put(label.name(), i);
                g.writeStartArray();
                g.writeString(label.name());
                g.writeString(
                        doc.labelSetOf(label.name()).map(set -> set.name()).orElse(""));
                g.writeString(classByLabel.get(label.name()));
                g.writeString(Tint.of(label.color()).line());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rows");
            for (LegendEntry entry : brief.legend()) {
                g.writeNumber(labelIndex.get(entry.label().name()));
            }
            g.writeEndArray();
            g.writeNumberField("length", doc.text().length());
            Map<String, Integer> strings = null;
            if (shared) {
                strings = new LinkedHashMap<>();
                for (Entry entry : brief.entries()) {
                    for (String text :
                            new String[] {entry.span().note(), entry.span().annotator()}) {
                        if (text != null) {
                            strings.putIfAbsent(text, strings.size());
                        }
                    }
                }
                g.writeArrayFieldStart("strings");
                for (String text : strings.keySet()) {
                    g.writeString(text);
                }
                g.writeEndArray();
            }
            g.writeArrayFieldStart("spans");
            for (Entry entry : brief.entries()) {
                span(g, entry, labelIndex, instants, strings);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("relations");
            for (Relation relation : doc.relations()) {
                relation(g, relation);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** The label numbers of a document's labels, as the data block's spans refer to them. */
    static Map<String, Integer> labelIndex(AnnotatedDocument doc) {
        Map<String, Integer> labelIndex = new HashMap<>();
        List<Label> labels = doc.labels();
        for (int i = 0; i < labels.size(); i++) {
            labelIndex.put(labels.get(i).name(), i);
        }
        return labelIndex;
    }

    /** One span's record, as the block's list of spans has it. */
    static void span(JsonGenerator g, Entry entry, Map<String, Integer> labelIndex, InstantFormatter instants)
            throws IOException {
        span(g, entry, labelIndex, instants, null);
    }

    /** One span's record, its note and annotator as numbers in {@code strings} unless that is null. */
    private static void span(
            JsonGenerator g,
            Entry entry,
            Map<String, Integer> labelIndex,
            InstantFormatter instants,
            Map<String, Integer> strings)
            throws IOException {
        Span span = entry.span();
        g.writeStartArray();
        g.writeString(span.id());
        g.writeNumber(labelIndex.get(span.label()));
        g.writeNumber(span.start());
        g.writeNumber(span.end());
        g.writeString(Excerpts.oneLine(entry.quote(), 240));
        if (strings == null) {
            g.writeString(span.note());
            g.writeString(span.annotator());
        } else {
            shared(g, strings, span.note());
            shared(g, strings, span.annotator());
        }
        g.writeString(span.created() == null ? null : instants.format(span.created()));
        if (entry.hasDetails()) {
            details(g, entry);
        }
        g.writeEndArray();
    }

    private static void shared(JsonGenerator g, Map<String, Integer> strings, String text) throws IOException {
        if (text == null) {
            g.writeNull();
        } else {
            g.writeNumber(strings.get(text));
        }
    }

    /** One relation's record, as the block's list of relations has it. */
    static void relation(JsonGenerator g, Relation relation) throws IOException {
        g.writeStartArray();
        g.writeString(relation.from());
        g.writeString(relation.type());
        g.writeString(relation.to());
        g.writeEndArray();
    }

    /** A generator of compact, script-safe JSON for {@code out}, which it does not close. */
    static JsonGenerator generator(java.io.Writer out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    /** A span's attributes as an object and its links as {@code [text, iri]} pairs. */
    private static void details(JsonGenerator g, Entry entry) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, String> a : entry.span().attributes().entrySet()) {
            g.writeStringField(a.getKey(), a.getValue());
        }
        g.writeEndObject();
        g.writeStartArray();
        for (LinkEntry link : entry.links()) {
            g.writeStartArray();
            g.writeString(link.text());
            g.writeString(link.clickable() ? link.iri() : null);
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /** Each field of the block, and each record of its lists, on a line of its own; nothing else spaced. */
    private static final class OneRecordALine implements PrettyPrinter {
        @Override
        public void writeRootValueSeparator(JsonGenerator g) {}

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            g.writeRaw('}');
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            // the block's own fields a line each; a span's attributes stay on its line
            g.writeRaw(g.getOutputContext().getNestingDepth() == 1 ? ",\n" : ",");
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(':');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            // called in the new array's context: a record is an array in a list in the block
            boolean record = g.getOutputContext().getNestingDepth() == 3;
            g.writeRaw(record ? "\n[" : "[");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            g.writeRaw(']');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) {}

        @Override
        public void beforeObjectEntries(JsonGenerator g) {}
    }
}
