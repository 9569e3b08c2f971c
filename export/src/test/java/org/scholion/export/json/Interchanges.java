package org.scholion.export.json;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.interchange.DocumentReader;
import org.scholion.export.interchange.DocumentWriter;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;
import org.scholion.export.jsonld.TestDocuments;

/** What the tests of the JSON interchange formats share: the hard document, reading and writing all, comparing content. */
public final class Interchanges {
    /** A right-to-left line (Hebrew, then Arabic with its comma) appended to the tricky text. */
    public static final String RTL = "\r\nשָׁלוֹם עולם، مرحبا بالعالم 🇮🇱";

    private Interchanges() {}

    /**
     * The tricky document (emoji, combining marks, CRLF, overlaps, relations, notes, annotators)
     * with a right-to-left line, a suggestion, and metadata that looks like JSON.
     */
    public static AnnotatedDocument hard() {
        AnnotatedDocument tricky = TestDocuments.tricky();
        String text = tricky.document().text() + RTL;
        Map<String, String> metadata = new HashMap<>(tricky.document().metadata());
        metadata.put("count", "3");
        metadata.put("flags", "{\"a\":[1,true]}");
        metadata.put("spaced", "{ \"a\": 1 }");
        metadata.put("yes", "true");
        Document document = new Document(
                "hard-doc", "Hard \"doc\"", "https://example.org/hard", "text/plain", "he", metadata, text);
        CodePointText cp = CodePointText.of(text);
        LabelSet set = tricky.labelSets().get(0).withLabel(Label.of("מקום", "#117733"));
        AnnotatedDocument.Builder builder = AnnotatedDocument.builder(document).labelSets(List.of(set));
        tricky.spans().forEach(builder::span);
        int shalom = cp.toCodePointIndex(text.indexOf("שָׁלוֹם"));
        int arabic = cp.toCodePointIndex(text.indexOf("مرحبا"));
        int flag = cp.toCodePointIndex(text.indexOf("🇮🇱"));
        String word = "שָׁלוֹם";
        builder.span(new Span(
                "s20", shalom, shalom + word.codePointCount(0, word.length()), "מקום", null, "alice", null, false));
        builder.span(new Span("s21", arabic, arabic + 13, "Émotion", "عربي", "alice", null, false));
        builder.span(new Span("s22", flag, flag + 2, "Person", "score: 0.75", "model-1", null, true));
        tricky.relations().forEach(builder::relation);
        builder.relation(new Relation("r3", "said-by", "s21", "s20"));
        return builder.build();
    }

    public static List<AnnotatedDocument> readAll(DocumentReader reader, Path file, LossReport losses)
            throws ScholionException {
        return readAll(reader, file, ReadOptions.defaults("imported"), losses);
    }

    public static List<AnnotatedDocument> readAll(
            DocumentReader reader, Path file, ReadOptions options, LossReport losses) throws ScholionException {
        List<AnnotatedDocument> docs = new ArrayList<>();
        reader.read(file, options, losses, docs::add);
        return docs;
    }

    public static List<Path> writeAll(
            DocumentWriter writer, Path folder, ExportOptions options, LossReport losses, AnnotatedDocument... docs)
            throws ExportException {
        DocumentWriter.Batch batch = writer.open(folder, options, losses);
        try (batch) {
            for (AnnotatedDocument doc : docs) {
                batch.write(doc);
            }
        }
        return batch.files();
    }

    /** What of a document a format may carry, for comparing a document with its round trip. */
    public enum Part {
        NOTES,
        ANNOTATORS,
        TIMES,
        SUGGESTIONS
    }

    /**
     * The content of a document as lines that compare across a round trip: its facts and
     * metadata, each span by range and label (ids are the format's business), each relation by
     * its ends' ranges, and the given parts of each span.
     */
    public static List<String> content(AnnotatedDocument doc, Part... parts) {
        List<Part> carry = List.of(parts);
        List<String> lines = new ArrayList<>();
        Document d = doc.document();
        lines.add("id " + d.id() + " | title " + d.title() + " | iri " + d.iri() + " | language " + d.language()
                + " | type " + d.mediaType());
        lines.add("metadata " + new TreeMap<>(d.metadata()));
        lines.add("text " + d.text());
        for (Span s : doc.spans()) {
            StringBuilder b = new StringBuilder("span ")
                    .append(s.start())
                    .append(':')
                    .append(s.end())
                    .append(' ')
                    .append(s.label())
                    .append(" '")
                    .append(doc.textOf(s))
                    .append('\'');
            if (carry.contains(Part.NOTES)) {
                b.append(" note=").append(s.note());
            }
            if (carry.contains(Part.ANNOTATORS)) {
                b.append(" by=").append(s.annotator());
            }
            if (carry.contains(Part.TIMES)) {
                b.append(" at=").append(s.created());
            }
            if (carry.contains(Part.SUGGESTIONS)) {
                b.append(s.suggestion() ? " suggested" : " accepted");
            }
            lines.add(b.toString());
        }
        List<String> relations = new ArrayList<>();
        for (Relation r : doc.relations()) {
            relations.add("relation " + r.type() + " " + range(doc, r.from()) + " -> " + range(doc, r.to()));
        }
        relations.sort(null);
        lines.addAll(relations);
        return lines;
    }

    private static String range(AnnotatedDocument doc, String id) {
        Span s = doc.span(id).orElseThrow();
        return s.start() + ":" + s.end() + " " + s.label();
    }

    /** A time for spans that every format can carry to the second. */
    public static final Instant NOON = Instant.parse("2026-11-24T12:00:00Z");
}
