package org.scholion.export.corpus;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.CsvOptions;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.csv.CsvExporter;

/**
 * One CSV for a whole corpus ({@code <name>.csv}): the header once, then every document's rows
 * as the CSV exporter writes them, {@code document_id} telling them apart; relations likewise in
 * {@code <name>.relations.csv}, written only when some document has relations.
 */
public final class CorpusCsv implements CorpusWriter {
    private static final byte[] BOM = "\uFEFF".getBytes(StandardCharsets.UTF_8);

    private final Path folder;
    private final String name;
    private final ExportOptions options;
    private final ExportOptions rowOptions;
    private final Spool spans;
    private Spool relations;

    private CorpusCsv(Path folder, String name, ExportOptions options) throws ExportException {
        this.folder = folder;
        this.name = name;
        this.options = options;
        this.rowOptions = options.toBuilder()
                .csv(new CsvOptions(options.csv().raw(), false))
                .build();
        this.spans = new Spool(folder, name + ".csv");
        header(spans, CsvExporter.COLUMNS);
    }

    /** Starts {@code folder/<name>.csv}. */
    public static CorpusCsv open(Path folder, String name, ExportOptions options) throws ExportException {
        return new CorpusCsv(folder, name, options);
    }

    @Override
    public void add(AnnotatedDocument document) throws ExportException {
        try {
            new CsvExporter().export(document, rowOptions, new WithoutFirstLine(spans.out()));
            if (!options.select(document).relations().isEmpty()) {
                if (relations == null) {
                    relations = new Spool(folder, name + ".relations.csv");
                    header(relations, CsvExporter.RELATION_COLUMNS);
                }
                CsvExporter.exportRelations(document, rowOptions, new WithoutFirstLine(relations.out()));
            }
        } catch (IOException e) {
            throw new ExportException("cannot write " + folder.resolve(name + ".csv") + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Path> finish() throws ExportException {
        List<Path> written = new ArrayList<>();
        written.add(place(spans, name + ".csv"));
        if (relations != null) {
            written.add(place(relations, name + ".relations.csv"));
        }
        return written;
    }

    @Override
    public void abandon() {
        spans.delete();
        if (relations != null) {
            relations.delete();
        }
    }

    private Path place(Spool spool, String fileName) throws ExportException {
        Path target = folder.resolve(fileName);
        try {
            spool.close();
            Exporters.writeAtomically(target, out -> Files.copy(spool.file(), out));
        } catch (IOException e) {
            throw new ExportException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            spool.delete();
        }
        return target;
    }

    private void header(Spool spool, List<String> columns) throws ExportException {
        try {
            if (options.csv().excel()) {
                spool.out().write(BOM);
            }
            spool.out().write((String.join(",", columns) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            spool.delete();
            throw new ExportException("cannot write into " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Passes everything after the first line feed: the per-document header line, whose cells are
     * fixed ASCII names and so hold no line break, is dropped. Flushes, never closes.
     */
    private static final class WithoutFirstLine extends FilterOutputStream {
        private boolean header = true;

        WithoutFirstLine(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (header) {
                header = b != '\n';
            } else {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int i = off;
            int end = off + len;
            while (header && i < end) {
                header = b[i++] != '\n';
            }
            if (i < end) {
                out.write(b, i, end - i);
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
