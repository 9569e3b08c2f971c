package org.scholion.export.corpus;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.jsonld.JsonLdExporter;

/**
 * A corpus as one W3C Web Annotation {@code AnnotationCollection} ({@code <name>.jsonld}), paged
 * as the model pages large collections (§5.1–5.2): {@code AnnotationPage}s of at most
 * {@code perPage} annotations, each {@code partOf} the collection with its {@code startIndex},
 * linked to each other by {@code next} and {@code prev}; the collection names its {@code first}
 * and {@code last} page and its {@code total}. The collection and its pages are the nodes of one
 * JSON-LD {@code @graph}, collection first. The annotations are exactly those of each document's
 * own JSON-LD export (same ids), so a page's items point into the per-document collections.
 * Pages are spooled to a temporary file as documents come, so memory holds one document at a time.
 */
public final class CorpusJsonLd implements CorpusWriter {
    /** Annotations per page unless told otherwise. */
    public static final int PER_PAGE = 1_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private final Path folder;
    private final String name;
    private final String iri;
    private final String label;
    private final ExportOptions options;
    private final int perPage;
    private final Spool pages;
    private final JsonGenerator g;
    private long total;
    private int page;
    private int onPage;

    private CorpusJsonLd(Path folder, String name, String iri, String label, ExportOptions options, int perPage)
            throws ExportException {
        if (perPage < 1) {
            throw new IllegalArgumentException("annotations per page must be at least 1, not " + perPage);
        }
        this.folder = folder;
        this.name = name;
        this.iri = iri;
        this.label = label;
        this.options = options;
        this.perPage = perPage;
        this.pages = new Spool(folder, name + ".jsonld");
        try {
            this.g = generator(pages.out());
        } catch (IOException e) {
            pages.delete();
            throw new ExportException("cannot write into " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts {@code folder/<name>.jsonld}.
     *
     * @param iri   the collection's IRI; pages are {@code <iri>/page1}, {@code <iri>/page2} ...
     * @param label the collection's label
     */
    public static CorpusJsonLd open(
            Path folder, String name, String iri, String label, ExportOptions options, int perPage)
            throws ExportException {
        return new CorpusJsonLd(folder, name, iri, label, options, perPage);
    }

    @Override
    public void add(AnnotatedDocument document) throws ExportException {
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        try {
            new JsonLdExporter().export(document, options, one);
            try (JsonParser p = FACTORY.createParser(one.toByteArray())) {
                if (!toItems(p)) {
                    throw new ExportException(
                            "the JSON-LD export of " + document.document().id() + " has no items");
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    item();
                    g.copyCurrentStructure(p);
                }
            }
        } catch (IOException e) {
            throw new ExportException("cannot write " + folder.resolve(name + ".jsonld") + ": " + e.getMessage(), e);
        }
    }

    /** Moves the parser to the start of {@code first.items} of a collection. */
    private static boolean toItems(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("first")) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String inner = p.currentName();
                    p.nextToken();
                    if (inner.equals("items")) {
                        return true;
                    }
                    p.skipChildren();
                }
                return false;
            }
            p.skipChildren();
        }
        return false;
    }

    /** Starts a page when none is open or the open one is full. */
    private void item() throws IOException {
        if (page > 0 && onPage == perPage) {
            g.writeEndArray();
            g.writeStringField("next", pageIri(page + 1));
            g.writeEndObject();
        }
        if (page == 0 || onPage == perPage) {
            page++;
            onPage = 0;
            g.writeStartObject();
            g.writeStringField("id", pageIri(page));
            g.writeStringField("type", "AnnotationPage");
            g.writeStringField("partOf", iri);
            g.writeNumberField("startIndex", total);
            if (page > 1) {
                g.writeStringField("prev", pageIri(page - 1));
            }
            g.writeArrayFieldStart("items");
        }
        onPage++;
        total++;
    }

    private String pageIri(int number) {
        return iri + "/page" + number;
    }

    @Override
    public List<Path> finish() throws ExportException {
        Path target = folder.resolve(name + ".jsonld");
        try {
            if (page > 0) {
                g.writeEndArray();
                g.writeEndObject();
            }
            g.close();
            pages.close();
            Exporters.writeAtomically(target, out -> {
                JsonGenerator head = generator(out);
                head.writeStartObject();
                head.writeStringField("@context", JsonLdExporter.CONTEXT);
                head.writeArrayFieldStart("@graph");
                head.writeStartObject();
                head.writeStringField("id", iri);
                head.writeStringField("type", "AnnotationCollection");
                head.writeStringField("label", label);
                head.writeNumberField("total", total);
                if (page > 0) {
                    head.writeStringField("first", pageIri(1));
                    head.writeStringField("last", pageIri(page));
                }
                head.writeEndObject();
                head.flush();
                if (page > 0) {
                    out.write(",\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    Files.copy(pages.file(), out);
                }
                out.write("\n]}\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            });
        } catch (IOException e) {
            throw new ExportException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            pages.delete();
        }
        return List.of(target);
    }

    @Override
    public void abandon() {
        try {
            g.close();
        } catch (IOException ignored) {
            // the spool is removed next
        }
        pages.delete();
    }

    private static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        g.setPrettyPrinter(new DefaultPrettyPrinter()
                .withObjectIndenter(lf)
                .withArrayIndenter(lf)
                .withRootSeparator(",\n"));
        return g;
    }
}
