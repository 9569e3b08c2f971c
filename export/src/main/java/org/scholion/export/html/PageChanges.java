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
        // what the old page showed, reduced to digests before the new brief is built: two briefs
        // of a large document (their lines and fragments above all) need not fit side by side
        Map<String, Integer> labelIndex = DataBlock.labelIndex(after);
        InstantFormatter instants = new InstantFormatter();
        Look then = Look.of(Brief.of(before, options), beforeServed, labelIndex, instants);
        Brief now = Brief.of(after, options);
        Look next = Look.of(now, afterServed, labelIndex, instants);
        if (!then.legendLabels().equals(next.legendLabels())
                || then.relations().isEmpty() != next.relations().isEmpty()
                || then.pieces().size() != next.pieces().size()) {
            return null;
        }
        // spans: a record that differs in any way is removed and added again
        List<String> newIds = next.ids();
        List<Integer> addedAt = new ArrayList<>();
        List<String> addedRows = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (int i = 0; i < newIds.size(); i++) {
            String id = newIds.get(i);
            if (next.rows().get(id).equals(then.rows().get(id))) {
                kept.add(id);
            } else {
                addedAt.add(i);
                addedRows.add(spanRow(now.entries().get(i), labelIndex, instants));
            }
        }
        List<String> removed =
                then.ids().stream().filter(id -> !kept.contains(id)).toList();
        List<String> patched =
                new ArrayList<>(then.ids().stream().filter(kept::contains).toList());
        for (int i : addedAt) {
            patched.add(i, newIds.get(i));
        }
        if (!patched.equals(newIds)) {
            return null; // the entries moved in a way removing and adding cannot tell
        }
        // relations: by position, the same way
        List<Relation> oldRelations = then.relations();
        List<Relation> newRelations = next.relations();
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
        Set<Integer> changed = new HashSet<>();
        for (int i = 0; i < next.pieces().size(); i++) {
            if (!Arrays.equals(then.pieces().get(i), next.pieces().get(i))) {
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
            g.writeStringField("facts", then.facts().equals(next.facts()) ? null : next.facts());
            g.writeStringField("legend", then.legend().equals(next.legend()) ? null : next.legend());
            g.writeStringField("chart", then.chart().equals(next.chart()) ? null : next.chart());
            g.writeStringField("problem", afterServed.problem());
            g.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static String spanRow(Entry entry, Map<String, Integer> labelIndex, InstantFormatter instants)
            throws IOException {
        StringWriter row = new StringWriter(128);
        try (JsonGenerator g = DataBlock.generator(row)) {
            DataBlock.span(g, entry, labelIndex, instants);
        }
        return row.toString();
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

    /**
     * What a page of one brief shows, for comparing: the legend's labels, the relations, the span
     * ids in entry order with a digest of each span's record, a digest of each piece of the text
     * drawn without marker numbers, and the facts, legend and chart as markup.
     */
    private record Look(
            List<String> legendLabels,
            List<Relation> relations,
            List<String> ids,
            Map<String, Long> rows,
            List<byte[]> pieces,
            String facts,
            String legend,
            String chart) {
        static Look of(Brief brief, HtmlPage.Served served, Map<String, Integer> labelIndex, InstantFormatter instants)
                throws IOException {
            List<String> ids = new ArrayList<>(brief.entries().size());
            Map<String, Long> rows = new HashMap<>();
            for (Entry entry : brief.entries()) {
                ids.add(entry.span().id());
                rows.put(entry.span().id(), digest(spanRow(entry, labelIndex, instants)));
            }
            return new Look(
                    brief.legend().stream().map(e -> e.label().name()).toList(),
                    brief.document().relations(),
                    ids,
                    rows,
                    PageChanges.pieces(brief, served, false, i -> true, true),
                    PageChanges.part(brief, served, PageWriter.Part.FACTS),
                    PageChanges.part(brief, served, PageWriter.Part.LEGEND),
                    PageChanges.part(brief, served, PageWriter.Part.CHART));
        }
    }

    private static long digest(String text) {
        return java.nio.ByteBuffer.wrap(org.scholion.core.text.Sha256.of(text)).getLong();
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
