package org.scholion.export.ptc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.Format;
import org.scholion.export.interchange.Details;
import org.scholion.export.interchange.DocumentWriter;
import org.scholion.export.interchange.LossReport;

/**
 * Writes the propaganda techniques corpus' pair per document: {@code article<ID>.txt} (the text,
 * exactly) and {@code article<ID>.labels.tsv}, one {@code ID TECHNIQUE START END} row per span in
 * document order, tab-separated, offsets in code points; the ID is the document id. The format has
 * room for nothing else: notes, relations, who made a span and when, suggestion flags, span ids
 * (the reader numbers spans in row order) and document facts are listed in the loss report.
 */
public final class PtcWriter implements DocumentWriter {
    @Override
    public Format format() {
        return Format.PTC;
    }

    @Override
    public Batch open(Path folder, ExportOptions options, LossReport losses) throws ExportException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ExportException("cannot create folder " + folder + ": " + e.getMessage(), e);
        }
        List<Path> files = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        return new Batch() {
            @Override
            public void write(AnnotatedDocument document) throws ExportException {
                AnnotatedDocument doc = options.select(document);
                String id = doc.document().id();
                if (!ids.add(id)) {
                    throw new ExportException(id + ": two documents have this id, and PTC names its files after it");
                }
                Path text = folder.resolve("article" + id + ".txt");
                Path labels = folder.resolve("article" + id + ".labels.tsv");
                String source = labels.getFileName().toString();
                report(doc, source, losses);
                Details.notWritten("ptc", source, doc, losses);
                StringBuilder rows = new StringBuilder();
                for (Span span : doc.spans()) {
                    rows.append(id)
                            .append('\t')
                            .append(span.label())
                            .append('\t')
                            .append(span.start())
                            .append('\t')
                            .append(span.end())
                            .append('\n');
                }
                byte[] bytes = doc.document().text().getBytes(StandardCharsets.UTF_8);
                Exporters.writeAtomically(text, out -> out.write(bytes));
                files.add(text);
                Exporters.writeAtomically(
                        labels, out -> out.write(rows.toString().getBytes(StandardCharsets.UTF_8)));
                files.add(labels);
            }

            @Override
            public void close() {
                // one pair per document, nothing shared
            }

            @Override
            public List<Path> files() {
                return List.copyOf(files);
            }
        };
    }

    private static void report(AnnotatedDocument doc, String source, LossReport losses) {
        List<Span> spans = doc.spans();
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            if (span.note() != null) {
                losses.add(
                        "ptc",
                        source,
                        0,
                        "notes not written",
                        "span " + span.id() + ": "
                                + span.note().lines().findFirst().orElse(""));
            }
            if (span.annotator() != null || span.created() != null) {
                losses.add("ptc", source, 0, "annotators and times of spans not written", "span " + span.id());
            }
            if (span.suggestion()) {
                losses.add("ptc", source, 0, "suggestion flags not written", "span " + span.id());
            }
            if (!span.id().equals("s" + (i + 1))) {
                losses.add(
                        "ptc",
                        source,
                        0,
                        "span ids not kept (spans are numbered in row order)",
                        "span " + span.id() + " comes back as s" + (i + 1));
            }
        }
        for (Relation r : doc.relations()) {
            losses.add(
                    "ptc",
                    source,
                    0,
                    "relations not written",
                    r.id() + " (" + r.from() + " " + r.type() + " " + r.to() + ")");
        }
        Document d = doc.document();
        if (!d.title().equals(d.id())
                || d.iri() != null
                || d.language() != null
                || !d.metadata().isEmpty()) {
            losses.add("ptc", source, 0, "documents' titles and metadata not written", "document " + d.id());
        }
    }
}
