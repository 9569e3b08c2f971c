package org.scholion.export.jsonld;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.LabelSet;
import org.scholion.core.text.Visible;

/**
 * Reads a W3C Web Annotation collection (as {@link JsonLdExporter} writes it, or from another
 * tool) back into the model of the document it annotates, reporting every annotation it
 * cannot place. Never fetches a remote {@code @context} or page.
 */
public final class JsonLdImporter {
    /** The label set that receives labels the given label sets do not have. */
    public static final String IMPORTED_LABEL_SET = "imported";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNestingDepth(64)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();
    static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private JsonLdImporter() {}

    /** How bad a problem is. */
    public enum Severity {
        /** The annotation was not imported. */
        SKIPPED,
        /** The annotation (or the collection) was imported, with a caveat. */
        WARNING
    }

    /**
     * One thing the import could not do as asked.
     *
     * @param annotation the annotation's id ({@code #n} for the n-th item when it has none), or
     *                   empty for the collection as a whole
     * @param severity   whether the annotation was skipped or imported with a caveat
     * @param reason     what is wrong, in one line
     */
    public record Problem(String annotation, Severity severity, String reason) {
        public Problem {
            Objects.requireNonNull(annotation, "annotation");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(reason, "reason");
            // reasons quote values from the file: a line break or escape sequence in one must not reach a terminal
            annotation = Visible.escaped(annotation);
            reason = Visible.escaped(reason);
        }

        @Override
        public String toString() {
            return (annotation.isEmpty() ? "collection" : annotation) + ": "
                    + severity.name().toLowerCase(Locale.ROOT) + ": " + reason;
        }
    }

    /**
     * What an import gave.
     *
     * @param document the document with the imported spans, labels and relations
     * @param problems what could not be imported, or only with a caveat, in the order met
     */
    public record Result(AnnotatedDocument document, List<Problem> problems) {
        public Result {
            Objects.requireNonNull(document, "document");
            problems = List.copyOf(problems);
        }

        /** The problems of annotations that were not imported. */
        public List<Problem> skipped() {
            return problems.stream()
                    .filter(p -> p.severity() == Severity.SKIPPED)
                    .toList();
        }
    }

    /**
     * Reads the collection in {@code in} (consumed, not closed) onto {@code document}, whose text
     * the annotations must fit, with {@code labelSets} as the known labels.
     *
     * @param source names the input in messages, e.g. its file name
     * @throws ScholionException if the input is not JSON, not an annotation collection, or
     *                           clearly belongs to another document
     */
    public static Result read(InputStream in, String source, Document document, List<LabelSet> labelSets)
            throws ScholionException {
        CollectionReader reading = new CollectionReader(source, document, labelSets);
        try (JsonParser parser = FACTORY.createParser(in)) {
            parser.setCodec(MAPPER);
            reading.read(parser);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ScholionException(
                    source,
                    at == null ? 0 : Math.max(0, at.getLineNr()),
                    at == null ? 0 : Math.max(0, at.getColumnNr()),
                    "not valid JSON: " + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new ScholionException(source, "cannot read: " + e.getMessage(), e);
        }
        return reading.finish();
    }

    /** Reads a collection from a file; see {@link #read(InputStream, String, Document, List)}. */
    public static Result read(Path file, Document document, List<LabelSet> labelSets) throws ScholionException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), document, labelSets);
        } catch (IOException e) {
            throw new ScholionException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }
}
