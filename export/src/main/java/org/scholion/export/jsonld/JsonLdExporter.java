package org.scholion.export.jsonld;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.scholion.core.Version;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.core.time.InstantFormatter;
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
    static final String GENERATOR_NAME = "Scholion " + Version.number();
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
        CollectionLayout layout = new CollectionLayout();
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(layout);
            new CollectionWriter(selected, g, layout).collection();
            g.writeRaw('\n');
        }
        out.flush();
    }

    /** Opens the bundled copy of the Web Annotation context; the caller closes it. */
    /** The IRI that names {@code document} in the export: its declared absolute IRI, else a {@code urn:scholion:doc:} name. */
    public static String documentIri(Document document) {
        return Iris.document(document);
    }

    /** The IRI that names {@code label} of {@code set} in the export: its declared IRI, else a {@code urn:scholion:label:} name. */
    public static String labelIri(LabelSet set, Label label) {
        return Iris.label(set, label);
    }

    public static InputStream openBundledContext() {
        InputStream in = JsonLdExporter.class.getResourceAsStream(BUNDLED_CONTEXT);
        if (in == null) {
            throw new IllegalStateException("the bundled " + BUNDLED_CONTEXT + " is missing from the class path");
        }
        return in;
    }

    /** One export in progress. */
    private static final class CollectionWriter {
        // Keys and constant values are escaped and encoded once, not once per annotation.
        private static final SerializedString ID = new SerializedString("id");
        private static final SerializedString TYPE = new SerializedString("type");
        private static final SerializedString MOTIVATION = new SerializedString("motivation");
        private static final SerializedString CREATED = new SerializedString("created");
        private static final SerializedString CREATOR = new SerializedString("creator");
        private static final SerializedString NAME = new SerializedString("name");
        private static final SerializedString BODY = new SerializedString("body");
        private static final SerializedString PURPOSE = new SerializedString("purpose");
        private static final SerializedString SOURCE = new SerializedString("source");
        private static final SerializedString VALUE = new SerializedString("value");
        private static final SerializedString FORMAT = new SerializedString("format");
        private static final SerializedString TARGET = new SerializedString("target");
        private static final SerializedString SELECTOR = new SerializedString("selector");
        private static final SerializedString START = new SerializedString("start");
        private static final SerializedString END = new SerializedString("end");
        private static final SerializedString EXACT = new SerializedString("exact");
        private static final SerializedString PREFIX = new SerializedString("prefix");
        private static final SerializedString SUFFIX = new SerializedString("suffix");
        private static final SerializedString ANNOTATION = new SerializedString("Annotation");
        private static final SerializedString CLASSIFYING = new SerializedString("classifying");
        private static final SerializedString LINKING = new SerializedString("linking");
        private static final SerializedString TAGGING = new SerializedString("tagging");
        private static final SerializedString COMMENTING = new SerializedString("commenting");
        private static final SerializedString DESCRIBING = new SerializedString("describing");
        private static final SerializedString IDENTIFYING = new SerializedString("identifying");
        private static final SerializedString PERSON = new SerializedString("Person");
        private static final SerializedString SPECIFIC_RESOURCE = new SerializedString("SpecificResource");
        private static final SerializedString TEXTUAL_BODY = new SerializedString("TextualBody");
        private static final SerializedString TEXT_PLAIN = new SerializedString("text/plain");
        private static final SerializedString POSITION_SELECTOR = new SerializedString("TextPositionSelector");
        private static final SerializedString QUOTE_SELECTOR = new SerializedString("TextQuoteSelector");

        private final AnnotatedDocument doc;
        private final JsonGenerator g;
        private final CollectionLayout layout;
        private final CodePointText text;
        private final String string;
        private final String collectionIri;
        private final String itemPrefix;
        private final SerializedString documentIri;
        private final Map<String, SerializedString> labelIris = new HashMap<>();
        private final Map<String, SerializedString> labelNames = new HashMap<>();
        private final Map<String, SerializedString[]> creators = new HashMap<>();
        private char[] chars = new char[256];
        private final InstantFormatter instants = new InstantFormatter();
        private Instant lastCreated;
        private SerializedString lastCreatedText;

        CollectionWriter(AnnotatedDocument doc, JsonGenerator g, CollectionLayout layout) {
            this.doc = doc;
            this.g = g;
            this.layout = layout;
            this.text = doc.text();
            this.string = text.string();
            String iri = Iris.document(doc.document());
            this.documentIri = new SerializedString(iri);
            this.collectionIri = Iris.collection(iri);
            this.itemPrefix = collectionIri + "/";
            for (LabelSet set : doc.labelSets()) {
                for (Label label : set.labels()) {
                    labelIris.put(label.name(), new SerializedString(Iris.label(set, label)));
                    labelNames.put(label.name(), new SerializedString(label.name()));
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
            g.writeFieldName(ID);
            g.writeString(itemPrefix + Iris.encode(span.id()));
            field(TYPE, ANNOTATION);
            field(MOTIVATION, CLASSIFYING);
            if (span.created() != null) {
                g.writeFieldName(CREATED);
                g.writeString(created(span.created()));
            }
            if (span.annotator() != null) {
                SerializedString[] creator =
                        creators.computeIfAbsent(span.annotator(), name -> new SerializedString[] {
                            new SerializedString(Iris.annotator(name)), new SerializedString(name)
                        });
                layout.inlineNext();
                g.writeFieldName(CREATOR);
                g.writeStartObject();
                field(ID, creator[0]);
                field(TYPE, PERSON);
                field(NAME, creator[1]);
                g.writeEndObject();
            }
            g.writeFieldName(BODY);
            g.writeStartArray();
            layout.inlineNext();
            g.writeStartObject();
            field(TYPE, SPECIFIC_RESOURCE);
            field(PURPOSE, CLASSIFYING);
            field(SOURCE, labelIris.get(span.label()));
            g.writeEndObject();
            layout.inlineNext();
            g.writeStartObject();
            field(TYPE, TEXTUAL_BODY);
            field(PURPOSE, TAGGING);
            field(VALUE, labelNames.get(span.label()));
            g.writeEndObject();
            if (span.note() != null) {
                layout.inlineNext();
                g.writeStartObject();
                field(TYPE, TEXTUAL_BODY);
                field(PURPOSE, COMMENTING);
                g.writeFieldName(VALUE);
                g.writeString(span.note());
                field(FORMAT, TEXT_PLAIN);
                g.writeEndObject();
            }
            attributes(span.attributes());
            for (String link : span.links()) {
                layout.inlineNext();
                g.writeStartObject();
                field(TYPE, SPECIFIC_RESOURCE);
                field(PURPOSE, IDENTIFYING);
                g.writeFieldName(SOURCE);
                g.writeString(doc.iriOf(link));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName(TARGET);
            g.writeStartObject();
            field(TYPE, SPECIFIC_RESOURCE);
            field(SOURCE, documentIri);
            g.writeFieldName(SELECTOR);
            g.writeStartArray();
            layout.inlineNext();
            g.writeStartObject();
            field(TYPE, POSITION_SELECTOR);
            g.writeFieldName(START);
            g.writeNumber(span.start());
            g.writeFieldName(END);
            g.writeNumber(span.end());
            g.writeEndObject();
            quote(span);
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }

        private void quote(Span span) throws IOException {
            int from = text.toCharIndex(Math.max(0, span.start() - QUOTE_CONTEXT));
            int start = text.toCharIndex(span.start());
            int end = text.toCharIndex(span.end());
            int to = text.toCharIndex(Math.min(text.length(), span.end() + QUOTE_CONTEXT));
            layout.inlineNext();
            g.writeStartObject();
            field(TYPE, QUOTE_SELECTOR);
            g.writeFieldName(EXACT);
            slice(start, end);
            if (from < start) {
                g.writeFieldName(PREFIX);
                slice(from, start);
            }
            if (end < to) {
                g.writeFieldName(SUFFIX);
                slice(end, to);
            }
            g.writeEndObject();
        }

        /** Writes chars [from, to) of the text as a string value without making a String of them. */
        private void slice(int from, int to) throws IOException {
            int length = to - from;
            if (length > chars.length) {
                chars = new char[Math.max(length, chars.length * 2)];
            }
            string.getChars(from, to, chars, 0);
            g.writeString(chars, 0, length);
        }

        private void relation(Relation relation) throws IOException {
            g.writeStartObject();
            g.writeFieldName(ID);
            g.writeString(itemPrefix + Iris.encode(relation.id()));
            field(TYPE, ANNOTATION);
            field(MOTIVATION, LINKING);
            boolean described = !relation.attributes().isEmpty();
            if (described) {
                g.writeFieldName(BODY);
                g.writeStartArray();
            } else {
                g.writeFieldName(BODY);
            }
            layout.inlineNext();
            g.writeStartObject();
            field(TYPE, TEXTUAL_BODY);
            field(PURPOSE, TAGGING);
            g.writeFieldName(VALUE);
            g.writeString(relation.type());
            g.writeEndObject();
            if (described) {
                attributes(relation.attributes());
                g.writeEndArray();
            }
            layout.inlineNext();
            g.writeFieldName(TARGET);
            g.writeStartArray();
            g.writeString(itemPrefix + Iris.encode(relation.from()));
            g.writeString(itemPrefix + Iris.encode(relation.to()));
            g.writeEndArray();
            g.writeEndObject();
        }

        /** Each attribute as a describing text body {@code name=value}: plain W3C, no context of our own. */
        private void attributes(Map<String, String> attributes) throws IOException {
            for (Map.Entry<String, String> e : attributes.entrySet()) {
                layout.inlineNext();
                g.writeStartObject();
                field(TYPE, TEXTUAL_BODY);
                field(PURPOSE, DESCRIBING);
                g.writeFieldName(VALUE);
                g.writeString(e.getKey() + "=" + e.getValue());
                g.writeEndObject();
            }
        }

        private void field(SerializedString name, SerializedString value) throws IOException {
            g.writeFieldName(name);
            g.writeString(value);
        }

        /** Spans are often made in batches with one time; format each time once. */
        private SerializedString created(Instant created) {
            if (!created.equals(lastCreated)) {
                lastCreated = created;
                lastCreatedText = new SerializedString(instants.format(created));
            }
            return lastCreatedText;
        }
    }
}
