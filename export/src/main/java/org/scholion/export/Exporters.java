package org.scholion.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.store.AtomicWrite;
import org.scholion.export.csv.CsvExporter;
import org.scholion.export.docx.DocxExporter;
import org.scholion.export.html.HtmlExporter;
import org.scholion.export.jsonld.JsonLdExporter;
import org.scholion.export.pdf.PdfExporter;

/** The export facade: an exporter per format, and exports written to a folder. */
public final class Exporters {
    private Exporters() {}

    public static Exporter of(Format format) {
        return switch (format) {
            case CSV -> new CsvExporter();
            case JSONLD -> new JsonLdExporter();
            case DOCX -> new DocxExporter();
            case PDF -> new PdfExporter();
            case HTML -> new HtmlExporter();
            default ->
                throw new IllegalArgumentException(
                        format.extension() + " is an interchange format: write it through Interchange.writer");
        };
    }

    /** The file name of a document's export: {@code <document-id>.<extension>}. */
    public static String fileName(AnnotatedDocument document, Format format) {
        return document.document().id() + "." + format.extension();
    }

    /**
     * Writes a document in one format into {@code folder} (created if missing), each file
     * atomically; CSV also writes {@code <document-id>.relations.csv} when there are relations.
     *
     * @return the files written
     */
    public static List<Path> writeFiles(AnnotatedDocument document, Format format, ExportOptions options, Path folder)
            throws ExportException {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ExportException("cannot create folder " + folder + ": " + e.getMessage(), e);
        }
        Path target = folder.resolve(fileName(document, format));
        writeAtomically(target, out -> of(format).export(document, options, out));
        written.add(target);
        if (format == Format.CSV && !options.select(document).relations().isEmpty()) {
            Path relations = folder.resolve(document.document().id() + ".relations.csv");
            writeAtomically(relations, out -> CsvExporter.exportRelations(document, options, out));
            written.add(relations);
        }
        return written;
    }

    /** Something that writes into a stream. */
    @FunctionalInterface
    public interface Writing {
        void writeTo(OutputStream out) throws ExportException, IOException;
    }

    /**
     * Writes a file through a temporary file in the same folder, forced to disk and renamed into
     * place when complete ({@link AtomicWrite}).
     */
    public static void writeAtomically(Path target, Writing writing) throws ExportException {
        try {
            AtomicWrite.write(target, writing::writeTo);
        } catch (IOException e) {
            throw new ExportException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
