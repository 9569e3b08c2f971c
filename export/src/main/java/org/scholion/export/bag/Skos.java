package org.scholion.export.bag;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.export.jsonld.JsonLdExporter;

/**
 * A label set as a SKOS concept scheme in JSON-LD: one {@code skos:Concept} per label whose IRI is
 * the very label IRI the annotations' classifying bodies use, so that the archive explains them.
 */
final class Skos {
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final JsonFactory FACTORY = new JsonFactory();

    private Skos() {}

    /** The IRI of the concept scheme of {@code set}: under the base IRI, else a {@code urn:scholion:labelset:} name. */
    static String schemeIri(String set, String baseIri) {
        return baseIri != null
                ? BaseIris.labelSet(baseIri, set)
                : "urn:scholion:labelset:" + URLEncoder.encode(set, StandardCharsets.UTF_8);
    }

    static void write(LabelSet set, String baseIri, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            String scheme = schemeIri(set.name(), baseIri);
            json.writeStartObject();
            json.writeObjectFieldStart("@context");
            json.writeStringField("skos", SKOS);
            json.writeStringField("schema", "http://schema.org/");
            json.writeEndObject();
            json.writeArrayFieldStart("@graph");
            json.writeStartObject();
            json.writeStringField("@id", scheme);
            json.writeStringField("@type", "skos:ConceptScheme");
            json.writeStringField("skos:prefLabel", set.name());
            json.writeArrayFieldStart("skos:hasTopConcept");
            for (Label label : set.labels()) {
                reference(json, JsonLdExporter.labelIri(set, label));
            }
            json.writeEndArray();
            json.writeEndObject();
            for (Label label : set.labels()) {
                json.writeStartObject();
                json.writeStringField("@id", JsonLdExporter.labelIri(set, label));
                json.writeStringField("@type", "skos:Concept");
                json.writeStringField("skos:prefLabel", label.name());
                json.writeStringField("skos:notation", label.name());
                if (label.description() != null) {
                    json.writeStringField("skos:definition", label.description());
                }
                json.writeStringField("schema:color", label.color());
                json.writeFieldName("skos:inScheme");
                reference(json, scheme);
                json.writeFieldName("skos:topConceptOf");
                reference(json, scheme);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void reference(JsonGenerator json, String iri) throws IOException {
        json.writeStartObject();
        json.writeStringField("@id", iri);
        json.writeEndObject();
    }
}
