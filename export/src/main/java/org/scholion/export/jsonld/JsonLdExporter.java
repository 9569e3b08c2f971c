package org.scholion.export.jsonld;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporter;
import org.scholion.export.Format;

/**
 * Writes a W3C Web Annotation {@code AnnotationCollection} (JSON-LD) with one annotation per
 * span and one {@code linking} annotation per relation, streamed span by span.
 */
public final class JsonLdExporter implements Exporter {
    /** The {@code @context} of every export; processing uses the bundled copy, never the network. */
    public static final String CONTEXT = "http://www.w3.org/ns/anno.jsonld";
    /** The class-path resource holding the bundled copy of {@link #CONTEXT}. */
    public static final String BUNDLED_CONTEXT = "/org/scholion/export/jsonld/anno.jsonld";

    static final String GENERATOR_IRI = "https://scholion.org/";
    static final String GENERATOR_NAME = "Scholion 0.1.0";
    /** Code points of context on each side of a quote. */
    static final int QUOTE_CONTEXT = 32;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // emoji and other non-BMP characters as UTF-8, not as escaped surrogate pairs
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    @Override
    public Format format() {
        return Format.JSONLD;
    }

    @Override
    public void export(AnnotatedDocument document, ExportOptions options, OutputStream out)
            throws ExportException, IOException {
        AnnotatedDocument selected = options.select(document);
        Layout layout = new Layout();
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(layout);
            new Writing(selected, g, layout).collection();
            g.writeRaw('\n');
        }
        out.flush();
    }

    /** Opens the bundled copy of the Web Annotation context; the caller closes it. */
    public static InputStream openBundledContext() {
        InputStream in = JsonLdExporter.class.getResourceAsStream(BUNDLED_CONTEXT);
        if (in == null) {
            throw new IllegalStateException("the bundled " + BUNDLED_CONTEXT + " is missing from the class path");
        }
        return in;
    }

    /** One export in progress. */
    private static final class Writing {
        private final AnnotatedDocument doc;
        private final JsonGenerator g;
        private final Layout layout;
        private final CodePointText text;
        private final String documentIri;
        private final String collectionIri;
        private final String itemPrefix;
        private final Map<String, String> labelIris = new HashMap<>();
        private final Map<String, String> annotatorIris = new HashMap<>();

        Writing(AnnotatedDocument doc, JsonGenerator g, Layout layout) {
            this.doc = doc;
            this.g = g;
            this.layout = layout;
            this.text = doc.text();
            this.documentIri = Iris.document(doc.document());
            this.collectionIri = Iris.collection(documentIri);
            this.itemPrefix = collectionIri + "/";
            for (LabelSet set : doc.labelSets()) {
                for (Label label : set.labels()) {
                    labelIris.put(label.name(), Iris.label(set, label));
                }
            }
        }

        void collection() throws IOException {
            g.writeStartObject();
            g.writeStringField("@context", CONTEXT);
            g.writeStringField("id", collectionIri);
            g.writeStringField("type", "AnnotationCollection");
            g.writeStringField("label", doc.document().title());
            g.writeNumberField("total", doc.spans().size() + doc.relations().size());
            layout.inlineNext();
            g.writeObjectFieldStart("generator");
            g.writeStringField("id", GENERATOR_IRI);
            g.writeStringField("type", "Software");
            g.writeStringField("name", GENERATOR_NAME);
            g.writeEndObject();
            g.writeObjectFieldStart("first");
            g.writeStringField("id", collectionIri + "/page1");
            g.writeStringField("type", "AnnotationPage");
            g.writeStringField("partOf", collectionIri);
            g.writeNumberField("startIndex", 0);
            g.writeArrayFieldStart("items");
            for (Span span : doc.spans()) {
                span(span);
            }
            for (Relation relation : doc.relations()) {
                relation(relation);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }

        private void span(Span span) throws IOException {
            g.writeStartObject();
            g.writeStringField("id", itemPrefix + Iris.encode(span.id()));
            g.writeStringField("type", "Annotation");
            g.writeStringField("motivation", "classifying");
            if (span.created() != null) {
                g.writeStringField("created", DateTimeFormatter.ISO_INSTANT.format(span.created()));
            }
            if (span.annotator() != null) {
                layout.inlineNext();
                g.writeObjectFieldStart("creator");
                g.writeStringField("id", annotatorIris.computeIfAbsent(span.annotator(), Iris::annotator));
                g.writeStringField("type", "Person");
                g.writeStringField("name", span.annotator());
                g.writeEndObject();
            }
            g.writeArrayFieldStart("body");
            layout.inlineNext();
            g.writeStartObject();
            g.writeStringField("type", "SpecificResource");
            g.writeStringField("purpose", "classifying");
            g.writeStringField("source", labelIris.get(span.label()));
            g.writeEndObject();
            layout.inlineNext();
            g.writeStartObject();
            g.writeStringField("type", "TextualBody");
            g.writeStringField("purpose", "tagging");
            g.writeStringField("value", span.label());
            g.writeEndObject();
            if (span.note() != null) {
                layout.inlineNext();
                g.writeStartObject();
                g.writeStringField("type", "TextualBody");
                g.writeStringField("purpose", "commenting");
                g.writeStringField("value", span.note());
                g.writeStringField("format", "text/plain");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("target");
            g.writeStringField("type", "SpecificResource");
            g.writeStringField("source", documentIri);
            g.writeArrayFieldStart("selector");
            layout.inlineNext();
            g.writeStartObject();
            g.writeStringField("type", "TextPositionSelector");
            g.writeNumberField("start", span.start());
            g.writeNumberField("end", span.end());
            g.writeEndObject();
            quote(span);
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }

        private void quote(Span span) throws IOException {
            String string = text.string();
            int from = text.toCharIndex(Math.max(0, span.start() - QUOTE_CONTEXT));
            int start = text.toCharIndex(span.start());
            int end = text.toCharIndex(span.end());
            int to = text.toCharIndex(Math.min(text.length(), span.end() + QUOTE_CONTEXT));
            layout.inlineNext();
            g.writeStartObject();
            g.writeStringField("type", "TextQuoteSelector");
            g.writeStringField("exact", string.substring(start, end));
            if (from < start) {
                g.writeStringField("prefix", string.substring(from, start));
            }
            if (end < to) {
                g.writeStringField("suffix", string.substring(end, to));
            }
            g.writeEndObject();
        }

        private void relation(Relation relation) throws IOException {
            g.writeStartObject();
            g.writeStringField("id", itemPrefix + Iris.encode(relation.id()));
            g.writeStringField("type", "Annotation");
            g.writeStringField("motivation", "linking");
            layout.inlineNext();
            g.writeObjectFieldStart("body");
            g.writeStringField("type", "TextualBody");
            g.writeStringField("purpose", "tagging");
            g.writeStringField("value", relation.type());
            g.writeEndObject();
            layout.inlineNext();
            g.writeArrayFieldStart("target");
            g.writeString(itemPrefix + Iris.encode(relation.from()));
            g.writeString(itemPrefix + Iris.encode(relation.to()));
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
