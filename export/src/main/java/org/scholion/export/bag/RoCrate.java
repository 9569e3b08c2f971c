package org.scholion.export.bag;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scholion.core.model.Document;
import org.scholion.core.model.LabelSet;
import org.scholion.export.jsonld.JsonLdExporter;

/**
 * The RO-Crate 1.1 metadata file of a bag's payload: the root dataset, a dataset per document
 * with each of its files (media type, size), each label-set file and the software that made them.
 * Entities are collected as documents pass (a few short strings each) and written at the end.
 */
final class RoCrate {
    static final String FILE_NAME = "ro-crate-metadata.json";
    static final String CONTEXT = "https://w3id.org/ro/crate/1.1/context";
    static final String SOFTWARE_NAME = "Scholion";
    private static final String SOFTWARE_ID = "#scholion";
    private static final JsonFactory FACTORY = new JsonFactory();

    private record FileEntity(String id, String name, String mediaType, long size, String about) {}

    private record DocumentEntity(String id, String name, String identifier, List<FileEntity> files) {}

    private final BagOptions options;
    private final List<DocumentEntity> documents = new ArrayList<>();
    private final List<FileEntity> labelSets = new ArrayList<>();

    RoCrate(BagOptions options) {
        this.options = options;
    }

    void document(Document doc, Path root, List<Path> files) throws IOException {
        List<FileEntity> entities = new ArrayList<>();
        for (Path file : files) {
            entities.add(file(root, file, null));
        }
        String folder = ArchiveBag.DOCUMENTS + "/" + doc.id() + "/";
        documents.add(new DocumentEntity(folder, doc.title(), JsonLdExporter.documentIri(doc), entities));
    }

    void labelSet(LabelSet set, Path root, Path file) throws IOException {
        labelSets.add(file(root, file, Skos.schemeIri(set.name(), options.baseIri())));
    }

    private static FileEntity file(Path root, Path file, String about) throws IOException {
        String id = root.relativize(file).toString().replace('\\', '/');
        String name = file.getFileName().toString();
        return new FileEntity(id, name, mediaType(name), Files.size(file), about);
    }

    static String mediaType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".scholion.json")) {
            return "application/json";
        } else if (n.endsWith(".jsonld")) {
            return "application/ld+json";
        } else if (n.endsWith(".csv")) {
            return "text/csv";
        } else if (n.endsWith(".pdf")) {
            return "application/pdf";
        } else if (n.endsWith(".txt")) {
            return "text/plain";
        }
        return "application/octet-stream";
    }

    void write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("@context", CONTEXT);
            json.writeArrayFieldStart("@graph");

            json.writeStartObject();
            json.writeStringField("@id", FILE_NAME);
            json.writeStringField("@type", "CreativeWork");
            reference(json, "conformsTo", "https://w3id.org/ro/crate/1.1");
            reference(json, "about", "./");
            json.writeEndObject();

            json.writeStartObject();
            json.writeStringField("@id", "./");
            json.writeStringField("@type", "Dataset");
            json.writeStringField(
                    "name", options.description() != null ? options.description() : "Annotated documents");
            json.writeStringField(
                    "description",
                    "Annotated documents exported by Scholion: for each document its "
                            + "source text, annotation file, W3C Web Annotation JSON-LD, CSV and PDF brief; the label sets "
                            + "as SKOS concept schemes.");
            json.writeStringField("datePublished", options.date().toString());
            if (options.organisation() != null) {
                reference(json, "publisher", "#organisation");
            }
            if (options.contact() != null || options.email() != null) {
                reference(json, "contactPoint", "#contact");
            }
            json.writeArrayFieldStart("hasPart");
            for (DocumentEntity doc : documents) {
                reference(json, doc.id());
            }
            for (FileEntity set : labelSets) {
                reference(json, set.id());
            }
            json.writeEndArray();
            json.writeEndObject();

            for (DocumentEntity doc : documents) {
                json.writeStartObject();
                json.writeStringField("@id", doc.id());
                json.writeStringField("@type", "Dataset");
                json.writeStringField("name", doc.name());
                json.writeStringField("identifier", doc.identifier());
                json.writeArrayFieldStart("hasPart");
                for (FileEntity f : doc.files()) {
                    reference(json, f.id());
                }
                json.writeEndArray();
                json.writeEndObject();
                for (FileEntity f : doc.files()) {
                    file(json, f);
                }
            }
            for (FileEntity f : labelSets) {
                file(json, f);
            }

            json.writeStartObject();
            json.writeStringField("@id", SOFTWARE_ID);
            json.writeStringField("@type", "SoftwareApplication");
            json.writeStringField("name", SOFTWARE_NAME);
            json.writeStringField("url", "https://scholion.org/");
            json.writeEndObject();

            json.writeStartObject();
            json.writeStringField("@id", "#export");
            json.writeStringField("@type", "CreateAction");
            json.writeStringField("name", "Export of the annotated documents into this archive");
            json.writeStringField("endTime", options.date().toString());
            reference(json, "instrument", SOFTWARE_ID);
            json.writeArrayFieldStart("result");
            for (DocumentEntity doc : documents) {
                reference(json, doc.id());
            }
            json.writeEndArray();
            json.writeEndObject();

            if (options.organisation() != null) {
                json.writeStartObject();
                json.writeStringField("@id", "#organisation");
                json.writeStringField("@type", "Organization");
                json.writeStringField("name", options.organisation());
                json.writeEndObject();
            }
            if (options.contact() != null || options.email() != null) {
                json.writeStartObject();
                json.writeStringField("@id", "#contact");
                json.writeStringField("@type", "ContactPoint");
                if (options.contact() != null) {
                    json.writeStringField("name", options.contact());
                }
                if (options.email() != null) {
                    json.writeStringField("email", options.email());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void file(JsonGenerator json, FileEntity f) throws IOException {
        json.writeStartObject();
        json.writeStringField("@id", f.id());
        json.writeStringField("@type", "File");
        json.writeStringField("name", f.name());
        json.writeStringField("encodingFormat", f.mediaType());
        json.writeStringField("contentSize", Long.toString(f.size()));
        if (f.about() != null) {
            reference(json, "about", f.about());
        }
        json.writeEndObject();
    }

    private static void reference(JsonGenerator json, String field, String id) throws IOException {
        json.writeFieldName(field);
        reference(json, id);
    }

    private static void reference(JsonGenerator json, String id) throws IOException {
        json.writeStartObject();
        json.writeStringField("@id", id);
        json.writeEndObject();
    }
}
