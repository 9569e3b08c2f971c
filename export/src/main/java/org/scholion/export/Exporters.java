package org.scholion.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.csv.CsvExporter;
import org.scholion.export.docx.DocxExporter;
import org.scholion.export.html.HtmlExporter;
import org.scholion.export.jsonld.JsonLdExporter;
import org.scholion.export.pdf.PdfExporter;

/** The export facade: an exporter per format, and exports written to a folder. */
public final class Exporters {
    private Exporters() {
    }

    public static Exporter of(Format format) {
        return switch (format) {
            case CSV -> new CsvExporter();
            case JSONLD -> new JsonLdExporter();
            case DOCX -> new DocxExporter();
            case PDF -> new PdfExporter();
            case HTML -> new HtmlExporter();
            default -> throw new IllegalArgumentException(format.extension()
                    + " is an interchange format: write it through Interchange.writer");
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
    public static List<Path> writeFiles(AnnotatedDocument document, Format format, ExportOptions options,
                                        Path folder) throws ExportException {
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

    /** Writes a file through a temporary file in the same folder, renamed into place when complete. */
    public static void writeAtomically(Path target, Writing writing) throws ExportException {
        Path folder = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                writing.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException e) {
            throw new ExportException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the export already failed loudly
                }
            }
        }
    }
}
