package org.scholion.export.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Relation;
import org.scholion.core.time.InstantFormatter;
import org.scholion.export.ExportOptions;
import org.scholion.export.brief.Brief;
import org.scholion.export.brief.Entry;

/**
 * What a served page needs to follow one change of its document without loading anew, as JSON:
 * the spans and relations removed and added (each added record with its index in the new list),
 * the pieces of the text ({@code <p>} elements of {@code #text}, by position) that look
 * different, the header facts, legend and chart when they changed, the number of relations and the problem banner. Markers elsewhere keep their old numbers in this answer;
 * the script renumbers them from the data. When the text, title, labels, label sets, the legend's
 * labels or the presence of relations changed, only a reload will do: {@link #of} returns null.
 */
final class PageChanges {
    private static final JsonFactory PLAIN = new JsonFactoryBuilder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private PageChanges() {}

    static byte[] of(
            AnnotatedDocument before,
            HtmlPage.Served beforeServed,
            AnnotatedDocument after,
            HtmlPage.Served afterServed,
            ExportOptions options)
            throws IOException {
        if (!before.document().equals(after.document())
                || !before.labelSets().equals(after.labelSets())
                || !before.labels().equals(after.labels())) {
            return null;
        }
        Brief old = Brief.of(before, options);
        Brief now = Brief.of(after, options);
        if (!legendLabels(old).equals(legendLabels(now))
                || old.document().relations().isEmpty()
                        != now.document().relations().isEmpty()) {
            return null;
        }
        // spans: a record that differs in any way is removed and added again
        Map<String, Integer> labelIndex = DataBlock.labelIndex(now.document());
        InstantFormatter instants = new InstantFormatter();
        Map<String, String> oldRows = new HashMap<>();
        List<String> oldIds = new ArrayList<>();
        for (Entry entry : old.entries()) {
            oldRows.put(entry.span().id(), spanRow(entry, labelIndex, instants));
            oldIds.add(entry.span().id());
        }
        List<String> newIds = new ArrayList<>();
        List<Integer> addedAt = new ArrayList<>();
        List<String> addedRows = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (Entry entry : now.entries()) {
            String id = entry.span().id();
            String row = spanRow(entry, labelIndex, instants);
            newIds.add(id);
            if (row.equals(oldRows.get(id))) {
                kept.add(id);
            } else {
                addedAt.add(newIds.size() - 1);
                addedRows.add(row);
            }
        }
        List<String> removed = oldIds.stream().filter(id -> !kept.contains(id)).toList();
        List<String> patched =
                new ArrayList<>(oldIds.stream().filter(kept::contains).toList());
        for (int i = 0; i < addedAt.size(); i++) {
            patched.add(addedAt.get(i), newIds.get(addedAt.get(i)));
        }
        if (!patched.equals(newIds)) {
            return null; // the entries moved in a way removing and adding cannot tell
        }
        // relations: by position, the same way
        List<Relation> oldRelations = old.document().relations();
        List<Relation> newRelations = now.document().relations();
        Set<Relation> oldSet = new HashSet<>(oldRelations);
        Set<Relation> newSet = new HashSet<>(newRelations);
        List<Integer> relationsRemoved = new ArrayList<>();
        List<Relation> relationsPatched = new ArrayList<>();
        for (int i = 0; i < oldRelations.size(); i++) {
            if (newSet.contains(oldRelations.get(i))) {
                relationsPatched.add(oldRelations.get(i));
            } else {
                relationsRemoved.add(i);
            }
        }
        List<Integer> relationsAddedAt = new ArrayList<>();
        for (int i = 0; i < newRelations.size(); i++) {
            if (!oldSet.contains(newRelations.get(i))) {
                relationsAddedAt.add(i);
                relationsPatched.add(i, newRelations.get(i));
            }
        }
        if (!relationsPatched.equals(newRelations)) {
            return null;
        }
        // the text, piece by piece: compared without marker numbers, sent with them
        List<byte[]> oldPieces = pieces(old, beforeServed, false, i -> true, true);
        List<byte[]> newPieces = pieces(now, afterServed, false, i -> true, true);
        if (oldPieces.size() != newPieces.size()) {
            return null;
        }
        Set<Integer> changed = new HashSet<>();
        for (int i = 0; i < newPieces.size(); i++) {
            if (!Arrays.equals(oldPieces.get(i), newPieces.get(i))) {
                changed.add(i);
            }
        }
        List<byte[]> sent = pieces(now, afterServed, true, changed::contains, false);
        List<Integer> sentAt = changed.stream().sorted().toList();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 12);
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                // served as application/json, never inside a script: markup needs no escaping here
                JsonGenerator g = PLAIN.createGenerator(writer)) {
            g.writeStartObject();
            g.writeStringField("from", beforeServed.version());
            g.writeStringField("to", afterServed.version());
            g.writeArrayFieldStart("remove");
            for (String id : removed) {
                g.writeString(id);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("add");
            for (int i = 0; i < addedAt.size(); i++) {
                g.writeStartArray();
                g.writeNumber(addedAt.get(i));
                g.writeRawValue(addedRows.get(i));
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("relationsRemove");
            for (int i : relationsRemoved) {
                g.writeNumber(i);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("relationsAdd");
            for (int i : relationsAddedAt) {
                g.writeStartArray();
                g.writeNumber(i);
                DataBlock.relation(g, newRelations.get(i));
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeNumberField("relations", newRelations.size());
            g.writeArrayFieldStart("pieces");
            for (int i = 0; i < sentAt.size(); i++) {
                g.writeStartArray();
                g.writeNumber(sentAt.get(i));
                g.writeString(new String(sent.get(i), StandardCharsets.UTF_8));
                g.writeEndArray();
            }
            g.writeEndArray();
            writePart(g, "facts", old, beforeServed, now, afterServed, PageWriter.Part.FACTS);
            writePart(g, "legend", old, beforeServed, now, afterServed, PageWriter.Part.LEGEND);
            writePart(g, "chart", old, beforeServed, now, afterServed, PageWriter.Part.CHART);
            g.writeStringField("problem", afterServed.problem());
            g.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static List<String> legendLabels(Brief brief) {
        return brief.legend().stream().map(e -> e.label().name()).toList();
    }

    private static String spanRow(Entry entry, Map<String, Integer> labelIndex, InstantFormatter instants)
            throws IOException {
        StringWriter row = new StringWriter(128);
        try (JsonGenerator g = DataBlock.generator(row)) {
            DataBlock.span(g, entry, labelIndex, instants);
        }
        return row.toString();
    }

    /** A part as the new page has it, or null when it is the same as on the old page. */
    private static void writePart(
            JsonGenerator g,
            String name,
            Brief old,
            HtmlPage.Served beforeServed,
            Brief now,
            HtmlPage.Served afterServed,
            PageWriter.Part part)
            throws IOException {
        String then = part(old, beforeServed, part);
        String next = part(now, afterServed, part);
        g.writeStringField(name, then.equals(next) ? null : next);
    }

    private static String part(Brief brief, HtmlPage.Served served, PageWriter.Part part) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 10);
        new PageWriter(brief, served, out).part(part, true);
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The pieces of the text ({@code <p>} elements in order) whose index {@code wanted} accepts; with
     * {@code digest}, each as its SHA-256 rather than its markup, so comparing a large text holds little.
     */
    private static List<byte[]> pieces(
            Brief brief, HtmlPage.Served served, boolean numbered, IntPredicate wanted, boolean digest)
            throws IOException {
        PieceStream stream = new PieceStream(wanted, digest);
        new PageWriter(brief, served, stream).part(PageWriter.Part.TEXT, numbered);
        return stream.pieces;
    }

    /** Cuts the text's markup after each {@code </p>\n}; the article's opening line is not a piece. */
    private static final class PieceStream extends OutputStream {
        private static final byte[] END = "</p>\n".getBytes(StandardCharsets.US_ASCII);
        final List<byte[]> pieces = new ArrayList<>();
        private final IntPredicate wanted;
        private final boolean digest;
        private final ByteArrayOutputStream piece = new ByteArrayOutputStream(1 << 12);
        private boolean opened;
        private int matched;
        private int index;

        PieceStream(IntPredicate wanted, boolean digest) {
            this.wanted = Objects.requireNonNull(wanted);
            this.digest = digest;
        }

        @Override
        public void write(int b) {
            if (!opened) {
                opened = b == '\n';
                return;
            }
            piece.write(b);
            matched = b == END[matched] ? matched + 1 : (b == END[0] ? 1 : 0);
            if (matched == END.length) {
                if (wanted.test(index)) {
                    byte[] markup = piece.toByteArray();
                    pieces.add(digest ? org.scholion.core.text.Sha256.of(markup) : markup);
                }
                piece.reset();
                matched = 0;
                index++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }
    }
}
