package org.scholion.export.webanno;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.core.text.Tokens;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.Format;
import org.scholion.export.interchange.DocumentWriter;
import org.scholion.export.interchange.LossReport;

/**
 * Writes each document as WebAnno TSV 3.3 ({@code <id>.tsv}), the way INCEpTION's own writer lays
 * it out: a span layer {@value #SPAN_LAYER} with features {@code label} and {@code note}, a
 * relation layer {@value #RELATION_LAYER} with feature {@code type} over it, one {@code #Text=}
 * block per sentence of {@link Tokens}, one row per token and per sub-token, offsets in UTF-16
 * code units. A span that starts or ends inside a token gets sub-token rows ({@code 1-2.1}); a
 * span end in the white space between tokens is moved onto the nearest token inside the span, as
 * INCEpTION does (reported); a span on white space alone is not written (reported). Span
 * attributes are features of the span layer, one per attribute name the document's spans use
 * (sorted, after {@code note}), and links a feature {@value #LINKS} holding the span's links as
 * absolute IRIs separated by spaces; relation attributes are features of the relation layer
 * likewise. A span without a value for a feature has {@code *} there, as INCEpTION writes it.
 */
public final class WebAnnoWriter implements DocumentWriter {
    public static final String SPAN_LAYER = "webanno.custom.Span";
    public static final String RELATION_LAYER = "webanno.custom.Relation";
    static final String FORMAT = "webanno";
    static final String HEADER = "#FORMAT=WebAnno TSV 3.3";
    /** The feature of the span layer that holds a span's links. */
    static final String LINKS = "links";
    /**
     * A feature name INCEpTION (a UIMA type system) accepts; {@code label}, {@code note}, {@value
     * #LINKS} and {@code type} are taken, and {@code ROLE_} and {@code BT_} mean slots and base types.
     */
    private static final Pattern FEATURE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");

    private static final Set<String> TAKEN = Set.of("label", "note", LINKS, "type");

    @SuppressWarnings("unused")
    private final WebAnnoOptions webanno;

    public WebAnnoWriter(WebAnnoOptions webanno) {
        this.webanno = Objects.requireNonNull(webanno, "webanno");
    }

    @Override
    public Format format() {
        return Format.WEBANNO;
    }

    @Override
    public Batch open(Path folder, ExportOptions options, LossReport losses) throws ExportException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ExportException("cannot create folder " + folder + ": " + e.getMessage(), e);
        }
        List<Path> files = new ArrayList<>();
        return new Batch() {
            @Override
            public void write(AnnotatedDocument document) throws ExportException {
                Path target = folder.resolve(document.document().id() + ".tsv");
                LossReport mine = new LossReport();
                Exporters.writeAtomically(target, out -> WebAnnoWriter.this.write(document, options, mine, out));
                mine.losses().forEach(losses::add);
                files.add(target);
            }

            @Override
            public void close() {}

            @Override
            public List<Path> files() {
                return List.copyOf(files);
            }
        };
    }

    /** A token or sub-token row. */
    private static final class Unit {
        final int sentence;
        final int token;
        int sub;
        final int start;
        final int end;
        final List<Span> spans = new ArrayList<>();
        final List<Relation> relations = new ArrayList<>();
        final List<Unit> subs = new ArrayList<>();

        Unit(int sentence, int token, int start, int end) {
            this.sentence = sentence;
            this.token = token;
            this.start = start;
            this.end = end;
        }

        String id() {
            return sentence + "-" + token + (sub > 0 ? "." + sub : "");
        }

        Unit sub(int from, int to) {
            for (Unit existing : subs) {
                if (existing.start == from && existing.end == to) {
                    return existing;
                }
            }
            Unit unit = new Unit(sentence, token, from, to);
            subs.add(unit);
            return unit;
        }
    }

    /** Writes one document to {@code out} (not closed). */
    public void write(AnnotatedDocument document, ExportOptions options, LossReport losses, OutputStream out)
            throws IOException {
        AnnotatedDocument doc = options.select(document);
        String id = doc.document().id();
        CodePointText text = doc.text();
        List<Tokens.Sentence> sentences = Tokens.of(text).sentences();
        List<Unit> tokens = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            List<Tokens.Token> inSentence = sentences.get(s).tokens();
            for (int t = 0; t < inSentence.size(); t++) {
                tokens.add(new Unit(
                        s + 1,
                        t + 1,
                        inSentence.get(t).start(),
                        inSentence.get(t).end()));
            }
        }
        reportText(doc, sentences, losses);

        Map<String, Integer> disambiguation = new HashMap<>();
        Map<String, Unit> idUnit = new HashMap<>();
        int[] next = {1};
        for (Span span : doc.spans()) {
            int first = firstEndingAfter(tokens, span.start());
            int last = lastStartingBefore(tokens, span.end());
            if (first < 0 || last < first) {
                losses.add(
                        FORMAT,
                        id,
                        0,
                        "spans on white space only not written",
                        describe(doc, span) + " covers no token");
                continue;
            }
            Unit t1 = tokens.get(first);
            Unit tn = tokens.get(last);
            int b = Math.max(span.start(), t1.start);
            int e = Math.min(span.end(), tn.end);
            if (b != span.start() || e != span.end()) {
                losses.add(
                        FORMAT,
                        id,
                        0,
                        "span ends in white space moved onto tokens",
                        describe(doc, span) + " written as " + b + ":" + e + " '" + text.slice(b, e) + "'");
            }
            boolean single = first == last;
            Unit defining = null;
            List<Unit> units = new ArrayList<>();
            if (b > t1.start) {
                defining = t1.sub(b, Math.min(t1.end, e));
                units.add(defining);
            } else if (t1.end <= e) {
                defining = t1;
                units.add(t1);
            }
            for (int i = first + 1; i < last; i++) {
                units.add(tokens.get(i));
            }
            if (tn.end > e) {
                Unit sub = tn.sub(Math.max(tn.start, b), e);
                if (!units.contains(sub)) {
                    units.add(sub);
                }
                if (single) {
                    defining = sub;
                }
            } else if (!single) {
                units.add(tn);
            }
            for (Unit unit : units) {
                unit.spans.add(span);
                if (unit.spans.size() > 1) {
                    unit.spans.forEach(s -> disambiguation.computeIfAbsent(s.id(), k -> next[0]++));
                }
            }
            if (!single) {
                disambiguation.computeIfAbsent(span.id(), k -> next[0]++);
            }
            idUnit.put(span.id(), defining);
        }
        List<Relation> relations = new ArrayList<>();
        for (Relation relation : doc.relations()) {
            if (idUnit.containsKey(relation.from()) && idUnit.containsKey(relation.to())) {
                relations.add(relation);
            } else {
                losses.add(
                        FORMAT,
                        id,
                        0,
                        "relations between unwritten spans not written",
                        "relation " + relation.id() + " " + relation.type() + " from " + relation.from() + " to "
                                + relation.to());
            }
        }
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < doc.spans().size(); i++) {
            order.put(doc.spans().get(i).id(), i);
        }
        relations.sort(Comparator.comparing((Relation r) -> order.get(r.to()))
                .thenComparing(Relation::id, Comparator.naturalOrder()));
        relations.forEach(r -> idUnit.get(r.to()).relations.add(r));

        for (Unit token : tokens) {
            token.subs.sort(Comparator.comparingInt((Unit u) -> u.start).thenComparingInt(u -> u.end));
            for (int i = 0; i < token.subs.size(); i++) {
                token.subs.get(i).sub = i + 1;
            }
        }
        reportRenumbered(id, tokens, losses);
        boolean spanLayer = !idUnit.isEmpty();
        boolean relationLayer = !relations.isEmpty();
        Layout layout = new Layout(
                features(
                        doc.spans().stream()
                                .filter(s -> idUnit.containsKey(s.id()))
                                .map(s -> new Named("span " + s.id(), s.attributes()))
                                .toList(),
                        "span",
                        id,
                        losses),
                doc.spans().stream()
                        .anyMatch(s -> idUnit.containsKey(s.id()) && !s.links().isEmpty()),
                features(
                        relations.stream()
                                .map(r -> new Named("relation " + r.id(), r.attributes()))
                                .toList(),
                        "relation",
                        id,
                        losses),
                doc);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(HEADER + "\n");
        if (spanLayer) {
            w.write("#T_SP=" + SPAN_LAYER + "|label|note");
            for (String feature : layout.spanFeatures()) {
                w.write("|" + feature);
            }
            w.write(layout.links() ? "|" + LINKS + "\n" : "\n");
        }
        if (relationLayer) {
            w.write("#T_RL=" + RELATION_LAYER + "|type");
            for (String feature : layout.relationFeatures()) {
                w.write("|" + feature);
            }
            w.write("|BT_" + SPAN_LAYER + "\n");
        }
        w.write("\n");
        int at = 0;
        for (int s = 0; s < sentences.size(); s++) {
            Tokens.Sentence sentence = sentences.get(s);
            w.write("\n#Text=");
            w.write(Escaping.escapeText(text.slice(sentence.start(), sentence.end())));
            w.write('\n');
            for (int t = 0; t < sentence.tokens().size(); t++) {
                Unit token = tokens.get(at++);
                row(w, token, text, spanLayer, relationLayer, disambiguation, idUnit, layout);
                for (Unit sub : token.subs) {
                    row(w, sub, text, spanLayer, relationLayer, disambiguation, idUnit, layout);
                }
            }
        }
        w.flush();
    }

    /** A span in TSV has no id of its own: the reader numbers the spans in the order their first row is read. */
    private static void reportRenumbered(String id, List<Unit> tokens, LossReport losses) {
        Set<String> seen = new HashSet<>();
        for (Unit token : tokens) {
            List<Unit> rows = new ArrayList<>(1 + token.subs.size());
            rows.add(token);
            rows.addAll(token.subs);
            for (Unit row : rows) {
                for (Span span : row.spans) {
                    if (seen.add(span.id()) && !span.id().equals("s" + seen.size())) {
                        losses.add(
                                FORMAT,
                                id,
                                0,
                                "span ids not kept (spans are numbered in row order)",
                                "span " + span.id() + " comes back as s" + seen.size());
                    }
                }
            }
        }
    }

    private static void row(
            Writer w,
            Unit unit,
            CodePointText text,
            boolean spanLayer,
            boolean relationLayer,
            Map<String, Integer> disambiguation,
            Map<String, Unit> idUnit,
            Layout layout)
            throws IOException {
        w.write(unit.id());
        w.write('\t');
        w.write(Integer.toString(text.toCharIndex(unit.start)));
        w.write('-');
        w.write(Integer.toString(text.toCharIndex(unit.end)));
        w.write('\t');
        w.write(text.slice(unit.start, unit.end));
        w.write('\t');
        if (spanLayer) {
            StringBuilder labels = new StringBuilder();
            StringBuilder notes = new StringBuilder();
            for (Span span : unit.spans) {
                Integer number = disambiguation.get(span.id());
                String suffix = number != null ? "[" + number + "]" : "";
                if (labels.length() > 0) {
                    labels.append('|');
                    notes.append('|');
                }
                labels.append(Escaping.escapeValue(span.label())).append(suffix);
                notes.append(span.note() == null ? "*" : Escaping.escapeValue(span.note()))
                        .append(suffix);
            }
            w.write(unit.spans.isEmpty() ? "_" : labels.toString());
            w.write('\t');
            w.write(unit.spans.isEmpty() ? "_" : notes.toString());
            w.write('\t');
            for (String feature : layout.spanFeatures()) {
                w.write(stack(unit.spans, s -> s.attributes().get(feature), s -> disambiguation.get(s.id())));
                w.write('\t');
            }
            if (layout.links()) {
                w.write(stack(
                        unit.spans,
                        s -> s.links().isEmpty()
                                ? null
                                : s.links().stream().map(layout.doc()::iriOf).collect(Collectors.joining(" ")),
                        s -> disambiguation.get(s.id())));
                w.write('\t');
            }
        }
        if (relationLayer) {
            StringBuilder types = new StringBuilder();
            StringBuilder sources = new StringBuilder();
            for (Relation relation : unit.relations) {
                if (types.length() > 0) {
                    types.append('|');
                    sources.append('|');
                }
                types.append(Escaping.escapeValue(relation.type()));
                sources.append(idUnit.get(relation.from()).id());
                Integer from = disambiguation.get(relation.from());
                Integer to = disambiguation.get(relation.to());
                if (from != null || to != null) {
                    sources.append('[')
                            .append(from == null ? 0 : from)
                            .append('_')
                            .append(to == null ? 0 : to)
                            .append(']');
                }
            }
            w.write(unit.relations.isEmpty() ? "_" : types.toString());
            w.write('\t');
            for (String feature : layout.relationFeatures()) {
                w.write(stack(unit.relations, r -> r.attributes().get(feature), r -> null));
                w.write('\t');
            }
            w.write(unit.relations.isEmpty() ? "_" : sources.toString());
            w.write('\t');
        }
        w.write('\n');
    }

    /** What the header declares beyond labels, notes and relation types. */
    private record Layout(
            List<String> spanFeatures, boolean links, List<String> relationFeatures, AnnotatedDocument doc) {}

    private record Named(String what, Map<String, String> attributes) {}

    /**
     * The attribute names used, sorted, that can be feature names; the attributes of other names are
     * reported, once each.
     */
    private static List<String> features(List<Named> owners, String kind, String id, LossReport losses) {
        Set<String> names = new TreeSet<>();
        for (Named owner : owners) {
            for (Map.Entry<String, String> a : owner.attributes().entrySet()) {
                if (isFeature(a.getKey())) {
                    names.add(a.getKey());
                } else {
                    losses.add(
                            FORMAT,
                            id,
                            0,
                            kind + " attributes whose names are no feature names not written",
                            owner.what() + ": " + a.getKey() + "=" + a.getValue()
                                    + " (a feature name is a letter then letters, digits and _)");
                }
            }
        }
        return List.copyOf(names);
    }

    static boolean isFeature(String name) {
        return FEATURE.matcher(name).matches()
                && !TAKEN.contains(name)
                && !name.startsWith("ROLE_")
                && !name.startsWith("BT_");
    }

    /** A stacked column: each value escaped (or {@code *} when null) with its disambiguation suffix. */
    private static <T> String stack(
            List<T> annotations, Function<T, String> value, Function<T, Integer> disambiguation) {
        if (annotations.isEmpty()) {
            return "_";
        }
        StringBuilder b = new StringBuilder();
        for (T annotation : annotations) {
            if (b.length() > 0) {
                b.append('|');
            }
            String v = value.apply(annotation);
            b.append(v == null ? "*" : Escaping.escapeValue(v));
            Integer number = disambiguation.apply(annotation);
            if (number != null) {
                b.append('[').append(number).append(']');
            }
        }
        return b.toString();
    }

    private static void reportText(AnnotatedDocument doc, List<Tokens.Sentence> sentences, LossReport losses) {
        String id = doc.document().id();
        CodePointText text = doc.text();
        int lost = 0;
        int previous = 0;
        for (Tokens.Sentence sentence : sentences) {
            lost += notSpaces(text, previous, sentence.start());
            previous = sentence.end();
        }
        int trailing = text.length() - previous;
        if (lost > 0 || trailing > 0) {
            losses.add(
                    FORMAT,
                    id,
                    0,
                    "documents whose text between sentences is not kept",
                    String.format(
                            Locale.ROOT,
                            "document %s: %d characters between sentences become spaces and %d after the last are dropped"
                                    + " (TSV keeps only sentence text)",
                            id,
                            lost,
                            trailing));
        }
        losses.add(
                FORMAT,
                id,
                0,
                "documents whose details are not written",
                "document " + id
                        + ": its title, metadata, label colours and descriptions, span and relation ids, annotators,"
                        + " times and suggestion marks are not in TSV");
    }

    private static int notSpaces(CodePointText text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.codePointAt(i) != ' ') {
                count++;
            }
        }
        return count;
    }

    private static String describe(AnnotatedDocument doc, Span span) {
        String covered = doc.textOf(span).replaceAll("[\\p{Cc}\\u2028\\u2029]", " ");
        if (covered.codePointCount(0, covered.length()) > 40) {
            covered = covered.substring(0, covered.offsetByCodePoints(0, 37)) + "...";
        }
        return String.format(
                Locale.ROOT, "span %s %s %d:%d '%s'", span.id(), span.label(), span.start(), span.end(), covered);
    }

    private static int firstEndingAfter(List<Unit> tokens, int offset) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).end <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < tokens.size() ? lo : -1;
    }

    private static int lastStartingBefore(List<Unit> tokens, int offset) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).start < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}
