package org.scholion.export.webanno;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Links;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.export.Format;
import org.scholion.export.interchange.DocumentReader;
import org.scholion.export.interchange.ForeignLabels;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;
import org.scholion.export.interchange.TextLines;

/**
 * Reads a WebAnno TSV 3.x file (as INCEpTION exports it, any layers) into one document. One span
 * layer becomes the labels ({@link WebAnnoOptions}; a {@code note} feature of that layer becomes
 * notes, a {@code links} or {@code identifier} feature links, each absolute IRI of it one link,
 * shortened by a declared prefix whose base it starts with; its other features attributes of their
 * names), the first relation layer over it becomes relations (its features other than the type
 * attributes); the values of every other column are reported as not carried. The text is rebuilt from the {@code #Text=} lines, each sentence
 * placed at its first token's offset (UTF-16, converted through {@link CodePointText}) with spaces
 * before it, as INCEpTION does. Every row is checked: its id, its offsets inside its sentence, its
 * token text against the text, its columns against the header, and each relation's ends.
 */
public final class WebAnnoReader implements DocumentReader {
    static final String FORMAT = WebAnnoWriter.FORMAT;
    static final String NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity";
    private static final Pattern UNIT_ID = Pattern.compile("(\\d{1,9})-(\\d{1,9})(?:\\.(\\d{1,9}))?");
    private static final Pattern OFFSETS = Pattern.compile("(\\d{1,9})-(\\d{1,9})");
    private static final Pattern SOURCE =
            Pattern.compile("(\\d{1,9}-\\d{1,9}(?:\\.\\d{1,9})?)(?:\\[(\\d{1,9})_(\\d{1,9})\\])?");
    /** A column with annotations but no feature values: {@code *}, {@code *[1]|*[2]}. */
    private static final Pattern NO_VALUES = Pattern.compile("(?:\\*(?:\\[\\d+])?(?:\\||$))*");

    private static final Pattern RELATION_TYPE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:/#-]{0,99}");

    private final WebAnnoOptions webanno;

    public WebAnnoReader(WebAnnoOptions webanno) {
        this.webanno = Objects.requireNonNull(webanno, "webanno");
    }

    @Override
    public Format format() {
        return Format.WEBANNO;
    }

    /** Whether {@code file} starts with {@code #FORMAT=WebAnno TSV}. */
    public static boolean detect(Path file) {
        try (TextLines lines = TextLines.open(file, file.toString(), 4096)) {
            String first = lines.next();
            return first != null && first.startsWith("#FORMAT=WebAnno TSV");
        } catch (ScholionException e) {
            return false;
        }
    }

    private enum Role {
        VALUE,
        PLACEHOLDER,
        SLOT_ROLE,
        SLOT_TARGET,
        CHAIN,
        RELATION_VALUE,
        RELATION_SOURCE
    }

    private record Column(String layer, String feature, Role role) {
        String name() {
            return layer + (feature.isEmpty() ? "" : "|" + feature);
        }
    }

    /**
     * A span being read: the units it was seen in, per token. Where it is on a token's sub-token,
     * that is its extent on that token, even if the token's row names it too (INCEpTION writes
     * some spans that way: its own suite has {@code 4[7]} on {@code 1-2} and {@code 1-2.2}).
     */
    private static final class Found {
        final int line;
        final Map<String, int[]> units = new LinkedHashMap<>(); // token id -> {begin, end, 1 if sub-token}
        String label;
        String note;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<String> links = new ArrayList<>();

        Found(int line) {
            this.line = line;
        }

        void add(String unit, int begin, int end) {
            int dot = unit.indexOf('.');
            String token = dot < 0 ? unit : unit.substring(0, dot);
            int sub = dot < 0 ? 0 : 1;
            int[] known = units.get(token);
            if (known == null || known[2] < sub) {
                units.put(token, new int[] {begin, end, sub});
            } else if (known[2] == sub) {
                known[0] = Math.min(known[0], begin);
                known[1] = Math.max(known[1], end);
            }
        }

        int begin() {
            return units.values().stream().mapToInt(u -> u[0]).min().orElse(0);
        }

        int end() {
            return units.values().stream().mapToInt(u -> u[1]).max().orElse(0);
        }
    }

    private record Pending(
            int line,
            String type,
            String source,
            int sourceId,
            String target,
            int targetId,
            Map<String, String> attributes) {}

    @Override
    public void read(Path source, ReadOptions options, LossReport losses, DocumentSink sink) throws ScholionException {
        if (!Files.isRegularFile(source)) {
            throw new ScholionException(source.toString(), "is not a file");
        }
        new Reading(source, options, losses).run(sink);
    }

    private final class Reading {
        private final Path path;
        private final String name;
        private final ReadOptions options;
        private final LossReport losses;
        private final List<Column> columns = new ArrayList<>();
        private final Map<String, String> spanLayers = new LinkedHashMap<>(); // type -> features
        private final StringBuilder text = new StringBuilder();
        private final Map<String, List<Found>> unitSpans = new HashMap<>();
        private final Map<Integer, Found> byId = new HashMap<>();
        private final List<Found> found = new ArrayList<>();
        private final List<Pending> pending = new ArrayList<>();
        private final Map<Integer, int[]> otherValues = new LinkedHashMap<>(); // column -> {count, first line}
        private final List<String> unlabelled = new ArrayList<>();
        private int labelColumn = -1;
        private int noteColumn = -1;
        private int typeColumn = -1;
        private int sourceColumn = -1;
        private final List<Integer> attributeColumns = new ArrayList<>();
        private final List<Integer> linkColumns = new ArrayList<>();
        private final List<Integer> relationAttributeColumns = new ArrayList<>();
        private String labelLayer;
        private String relationLayer;

        Reading(Path path, ReadOptions options, LossReport losses) {
            this.path = path;
            this.name = path.toString();
            this.options = options;
            this.losses = losses;
        }

        void run(DocumentSink sink) throws ScholionException {
            try (TextLines lines = TextLines.open(path, name, TextLines.DEFAULT_MAX_LINE)) {
                String first = lines.next();
                if (first == null || !first.startsWith("#FORMAT=WebAnno TSV 3")) {
                    throw error(1, "is not WebAnno TSV 3 (the first line must be #FORMAT=WebAnno TSV 3.3)");
                }
                String line = lines.next();
                while (line != null && line.startsWith("#T_")) {
                    header(line, lines.number());
                    line = lines.next();
                }
                chooseColumns();
                StringBuilder sentence = null;
                boolean rowsSeen = false;
                int sentenceStart = -1;
                for (; line != null; line = lines.next()) {
                    int number = lines.number();
                    if (line.isEmpty()) {
                        continue;
                    }
                    if (line.startsWith("#Text=")) {
                        String part = Escaping.unescapeText(line.substring(6));
                        if (sentence == null || rowsSeen) {
                            sentence = new StringBuilder(part);
                            rowsSeen = false;
                            sentenceStart = -1;
                        } else {
                            sentence.append('\n').append(part);
                        }
                        continue;
                    }
                    if (line.startsWith("#Sentence.id=")) {
                        continue;
                    }
                    if (line.startsWith("#")) {
                        throw error(number, "unknown line '" + abbreviate(line) + "'");
                    }
                    if (sentence == null) {
                        throw error(number, "a token row comes before any #Text= line");
                    }
                    String[] fields = line.split("\t", -1);
                    int expected = 3 + columns.size();
                    if (!(fields.length == expected || (fields.length == expected + 1 && fields[expected].isEmpty()))) {
                        throw error(
                                number,
                                "has " + fields.length + " fields; the header declares " + expected
                                        + " (id, offsets, token and " + columns.size() + " columns)");
                    }
                    Matcher id = UNIT_ID.matcher(fields[0]);
                    Matcher offsets = OFFSETS.matcher(fields[1]);
                    if (!id.matches()) {
                        throw error(number, "'" + abbreviate(fields[0]) + "' is not a token id like 1-2 or 1-2.1");
                    }
                    if (!offsets.matches()) {
                        throw error(number, "'" + abbreviate(fields[1]) + "' is not an offset pair like 4-8");
                    }
                    int begin = Integer.parseInt(offsets.group(1));
                    int end = Integer.parseInt(offsets.group(2));
                    if (end < begin) {
                        throw error(number, "offsets " + fields[1] + " end before they begin");
                    }
                    if (!rowsSeen) {
                        rowsSeen = true;
                        if (begin < text.length()) {
                            throw error(
                                    number,
                                    "the sentence starts at offset " + begin
                                            + ", inside the text before it (which ends at " + text.length() + ")");
                        }
                        text.append(" ".repeat(begin - text.length()));
                        sentenceStart = begin;
                        text.append(sentence);
                    }
                    if (begin < sentenceStart || end > text.length()) {
                        throw error(
                                number,
                                "offsets " + fields[1] + " lie outside their sentence (" + sentenceStart + "-"
                                        + text.length() + ")");
                    }
                    if (splitsPair(begin) || splitsPair(end)) {
                        throw error(
                                number, "offsets " + fields[1] + " fall inside a character (a UTF-16 surrogate pair)");
                    }
                    String covered = text.substring(begin, end);
                    if (!covered.equals(fields[2])) {
                        throw error(
                                number,
                                "token '" + abbreviate(fields[2]) + "' does not match the text at " + fields[1] + " ('"
                                        + abbreviate(covered) + "')");
                    }
                    row(fields, begin, end, number);
                }
            }
            sink.accept(build());
        }

        private boolean splitsPair(int index) {
            return index > 0
                    && index < text.length()
                    && Character.isLowSurrogate(text.charAt(index))
                    && Character.isHighSurrogate(text.charAt(index - 1));
        }

        private void header(String line, int number) throws ScholionException {
            String kind = line.substring(0, Math.min(6, line.length()));
            String[] parts = line.substring(Math.min(6, line.length())).split("\\|", -1);
            String layer = parts[0];
            if (layer.isEmpty() || !(kind.equals("#T_SP=") || kind.equals("#T_CH=") || kind.equals("#T_RL="))) {
                throw error(number, "is not a layer declaration #T_SP=, #T_CH= or #T_RL= with a type name");
            }
            switch (kind) {
                case "#T_SP=" -> {
                    spanLayers.put(layer, line);
                    if (parts.length == 1) {
                        columns.add(new Column(layer, "", Role.PLACEHOLDER));
                    }
                    for (int i = 1; i < parts.length; i++) {
                        if (parts[i].startsWith("ROLE_")) {
                            columns.add(new Column(layer, parts[i], Role.SLOT_ROLE));
                            if (i + 1 >= parts.length) {
                                throw error(number, "slot feature " + parts[i] + " has no target type after it");
                            }
                            columns.add(new Column(layer, parts[++i], Role.SLOT_TARGET));
                        } else {
                            columns.add(new Column(layer, parts[i], Role.VALUE));
                        }
                    }
                }
                case "#T_CH=" -> {
                    for (int i = 1; i < parts.length; i++) {
                        columns.add(new Column(layer, parts[i], Role.CHAIN));
                    }
                }
                default -> {
                    boolean base = false;
                    for (int i = 1; i < parts.length; i++) {
                        boolean isBase = parts[i].startsWith("BT_");
                        base |= isBase;
                        columns.add(new Column(layer, parts[i], isBase ? Role.RELATION_SOURCE : Role.RELATION_VALUE));
                    }
                    if (!base) {
                        throw error(number, "relation layer " + layer + " names no base type (BT_...)");
                    }
                }
            }
        }

        private void chooseColumns() throws ScholionException {
            String layer = webanno.layer();
            if (layer == null) {
                layer = spanLayers.containsKey(WebAnnoWriter.SPAN_LAYER)
                        ? WebAnnoWriter.SPAN_LAYER
                        : spanLayers.containsKey(NAMED_ENTITY)
                                ? NAMED_ENTITY
                                : spanLayers.isEmpty()
                                        ? null
                                        : spanLayers.keySet().iterator().next();
            } else if (!spanLayers.containsKey(layer)) {
                throw error(
                        0,
                        "has no span layer '" + layer + "' (it has "
                                + (spanLayers.isEmpty() ? "none" : String.join(", ", spanLayers.keySet())) + ")");
            }
            labelLayer = layer;
            if (layer == null) {
                return;
            }
            String feature = webanno.feature();
            List<String> features = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                if (c.layer().equals(layer) && (c.role() == Role.VALUE || c.role() == Role.PLACEHOLDER)) {
                    features.add(c.feature());
                }
            }
            if (features.isEmpty()) {
                throw error(0, "span layer " + layer + " has no feature to take labels from");
            }
            if (feature == null) {
                feature = features.contains("label") ? "label" : features.contains("value") ? "value" : features.get(0);
            } else if (!features.contains(feature)) {
                throw error(
                        0,
                        "span layer " + layer + " has no feature '" + feature + "' (it has "
                                + String.join(", ", features) + ")");
            }
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                if (c.layer().equals(layer) && (c.role() == Role.VALUE || c.role() == Role.PLACEHOLDER)) {
                    if (c.feature().equals(feature)) {
                        labelColumn = i;
                    } else if (c.feature().equals("note")) {
                        noteColumn = i;
                    } else if (c.feature().equals(WebAnnoWriter.LINKS)
                            || c.feature().equals("identifier")) {
                        linkColumns.add(i);
                    } else if (c.role() == Role.VALUE) {
                        attributeColumns.add(i);
                    }
                }
            }
            for (int i = 0; i < columns.size() && sourceColumn < 0; i++) {
                Column c = columns.get(i);
                if (c.role() == Role.RELATION_SOURCE && c.feature().equals("BT_" + layer)) {
                    relationLayer = c.layer();
                    sourceColumn = i;
                }
            }
            for (int i = 0; i < columns.size() && relationLayer != null; i++) {
                Column c = columns.get(i);
                if (c.layer().equals(relationLayer)
                        && c.role() == Role.RELATION_VALUE
                        && (typeColumn < 0 || c.feature().equals("type"))) {
                    typeColumn = i;
                }
            }
            for (int i = 0; i < columns.size() && relationLayer != null; i++) {
                Column c = columns.get(i);
                if (c.layer().equals(relationLayer) && c.role() == Role.RELATION_VALUE && i != typeColumn) {
                    relationAttributeColumns.add(i);
                }
            }
        }

        private void row(String[] fields, int begin, int end, int number) throws ScholionException {
            String unit = fields[0];
            for (int i = 0; i < columns.size(); i++) {
                String value = fields[3 + i];
                if (i == labelColumn
                        || i == noteColumn
                        || i == typeColumn
                        || i == sourceColumn
                        || attributeColumns.contains(i)
                        || linkColumns.contains(i)
                        || relationAttributeColumns.contains(i)
                        || value.equals("_")
                        || NO_VALUES.matcher(value).matches()) {
                    continue;
                }
                otherValues.computeIfAbsent(i, k -> new int[] {0, number})[0]++;
            }
            if (labelColumn >= 0 && !fields[3 + labelColumn].equals("_")) {
                List<String> labels = Escaping.splitStack(fields[3 + labelColumn]);
                List<String> notes = noteColumn < 0 ? null : Escaping.splitStack(fields[3 + noteColumn]);
                if (notes != null && notes.size() != labels.size()) {
                    throw error(
                            number,
                            "the label column stacks " + labels.size() + " values, the note column " + notes.size());
                }
                List<List<String>> attributes = stacks(fields, attributeColumns, labels.size(), number);
                List<List<String>> links = stacks(fields, linkColumns, labels.size(), number);
                List<Found> here = new ArrayList<>();
                for (int k = 0; k < labels.size(); k++) {
                    Escaping.Disambiguated label = Escaping.disambiguate(labels.get(k));
                    Found span = label.id() > 0 ? byId.get(label.id()) : null;
                    if (span == null) {
                        span = new Found(number);
                        found.add(span);
                        if (label.id() > 0) {
                            byId.put(label.id(), span);
                        }
                        span.label = label.value().equals("*") ? null : Escaping.unescapeValue(label.value());
                        if (notes != null) {
                            String note = Escaping.disambiguate(notes.get(k)).value();
                            span.note = note.equals("*") || note.equals("_") ? null : Escaping.unescapeValue(note);
                        }
                        for (int a = 0; a < attributeColumns.size(); a++) {
                            String value = value(attributes.get(a).get(k));
                            if (value != null) {
                                span.attributes.put(
                                        columns.get(attributeColumns.get(a)).feature(), value);
                            }
                        }
                        for (List<String> column : links) {
                            String value = value(column.get(k));
                            if (value != null) {
                                for (String link : value.strip().split("\\s+")) {
                                    if (!link.isEmpty() && !span.links.contains(link)) {
                                        span.links.add(link);
                                    }
                                }
                            }
                        }
                    }
                    span.add(unit, begin, end);
                    here.add(span);
                }
                unitSpans.put(unit, here);
            }
            if (sourceColumn >= 0 && !fields[3 + sourceColumn].equals("_")) {
                List<String> sources = Escaping.splitStack(fields[3 + sourceColumn]);
                List<String> types = typeColumn < 0 ? null : Escaping.splitStack(fields[3 + typeColumn]);
                List<List<String>> attributes = stacks(fields, relationAttributeColumns, sources.size(), number);
                if (types != null && types.size() != sources.size()) {
                    throw error(
                            number,
                            "the relation type column stacks " + types.size() + " values, the relation source column "
                                    + sources.size());
                }
                for (int k = 0; k < sources.size(); k++) {
                    Matcher m = SOURCE.matcher(sources.get(k));
                    if (!m.matches()) {
                        throw error(
                                number,
                                "relation source '" + abbreviate(sources.get(k))
                                        + "' is not a token id like 1-2 or 1-2[3_4]");
                    }
                    String type = types == null ? null : Escaping.unescapeValue(types.get(k));
                    Map<String, String> values = new LinkedHashMap<>();
                    for (int a = 0; a < relationAttributeColumns.size(); a++) {
                        String value = value(attributes.get(a).get(k));
                        if (value != null) {
                            values.put(
                                    columns.get(relationAttributeColumns.get(a)).feature(), value);
                        }
                    }
                    pending.add(new Pending(
                            number,
                            type == null || type.equals("*") ? null : type,
                            m.group(1),
                            m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                            unit,
                            m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
                            values));
                }
            }
        }

        /** The stacked values of each of {@code columns}, each stack as long as the label's. */
        private List<List<String>> stacks(String[] fields, List<Integer> indexes, int size, int number)
                throws ScholionException {
            List<List<String>> stacks = new ArrayList<>();
            for (int i : indexes) {
                String field = fields[3 + i];
                List<String> stack = field.equals("_") ? null : Escaping.splitStack(field);
                if (stack == null) {
                    stack = new ArrayList<>();
                    for (int k = 0; k < size; k++) {
                        stack.add("_");
                    }
                } else if (stack.size() != size) {
                    throw error(
                            number,
                            "the column " + columns.get(i).name() + " stacks " + stack.size() + " values, the "
                                    + (columns.get(i).role() == Role.RELATION_VALUE ? "relation source" : "label")
                                    + " column " + size);
                }
                stacks.add(stack);
            }
            return stacks;
        }

        /** A feature value, unescaped; null for none ({@code *} or {@code _}). */
        private static String value(String stacked) {
            String escaped = Escaping.disambiguate(stacked).value();
            return escaped.equals("*") || escaped.equals("_") || escaped.isEmpty()
                    ? null
                    : Escaping.unescapeValue(escaped);
        }

        private Found end(Pending relation, String unit, int id, String what) throws ScholionException {
            if (id > 0) {
                Found span = byId.get(id);
                if (span == null) {
                    throw error(
                            relation.line(),
                            "the relation's " + what + " [" + id + "] is no annotation of " + labelLayer);
                }
                return span;
            }
            List<Found> here = unitSpans.get(unit);
            if (here == null || here.isEmpty()) {
                throw error(
                        relation.line(),
                        "the relation's " + what + " " + unit + " is no token with an annotation of " + labelLayer);
            }
            if (here.size() > 1) {
                throw error(
                        relation.line(),
                        "the relation's " + what + " " + unit + " holds " + here.size()
                                + " stacked annotations and the relation says not which");
            }
            return here.get(0);
        }

        private AnnotatedDocument build() throws ScholionException {
            String string = text.toString();
            CodePointText cp = CodePointText.of(string);
            ForeignLabels labels = new ForeignLabels(options);
            String fallback = labelLayer == null ? "span" : labelLayer.substring(labelLayer.lastIndexOf('.') + 1);
            List<Span> spans = new ArrayList<>();
            Map<Found, String> ids = new HashMap<>();
            Map<String, String> places = new HashMap<>();
            for (Found span : found) {
                if (span.begin() == span.end()) {
                    losses.add(
                            FORMAT,
                            name,
                            span.line,
                            "zero-width spans not carried",
                            "a span of " + labelLayer + " at offset " + span.begin() + " covers no text");
                    continue;
                }
                String label = span.label;
                if (label == null) {
                    label = fallback;
                    unlabelled.add(Integer.toString(span.line));
                }
                try {
                    String id = "s" + (spans.size() + 1);
                    String resolved = labels.resolve(label);
                    Span made = new Span(
                            id,
                            cp.toCodePointIndex(span.begin()),
                            cp.toCodePointIndex(span.end()),
                            resolved,
                            span.note,
                            options.annotator(),
                            null,
                            false,
                            attributes(span.attributes, labels.knownSetOf(resolved), span.line, "span"),
                            links(span.links, labels, span.line));
                    // a document holds one span per offsets and label: WebAnno's [n] may stack several
                    String same = places.putIfAbsent(made.start() + ":" + made.end() + ":" + made.label(), id);
                    if (same != null) {
                        losses.add(
                                FORMAT,
                                name,
                                span.line,
                                "spans at the same place with the same label merged",
                                String.format(
                                        Locale.ROOT,
                                        "a second %s at %d:%d is one span with %s, relations" + " included",
                                        made.label(),
                                        made.start(),
                                        made.end(),
                                        same));
                        ids.put(span, same);
                        continue;
                    }
                    spans.add(made);
                    ids.put(span, id);
                } catch (IllegalArgumentException e) {
                    throw error(span.line, e.getMessage());
                }
            }
            if (!unlabelled.isEmpty()) {
                losses.add(
                        FORMAT,
                        name,
                        Integer.parseInt(unlabelled.get(0)),
                        "spans without a label value named after" + " their layer",
                        unlabelled.size() + " spans of " + labelLayer + " have no " + "value; they are" + " labelled '"
                                + fallback + "'");
            }
            List<Relation> relations = new ArrayList<>();
            for (Pending relation : pending) {
                Found from = end(relation, relation.source(), relation.sourceId(), "source");
                Found to = end(relation, relation.target(), relation.targetId(), "target");
                if (!ids.containsKey(from) || !ids.containsKey(to)) {
                    losses.add(
                            FORMAT,
                            name,
                            relation.line(),
                            "relations of zero-width spans not carried",
                            "relation from " + relation.source() + " to " + relation.target());
                    continue;
                }
                String type = relation.type() == null
                        ? relationLayer.substring(relationLayer.lastIndexOf('.') + 1)
                        : relation.type();
                if (!RELATION_TYPE.matcher(type).matches()) {
                    String renamed =
                            type.replaceAll("[^\\p{L}\\p{N}._:/#-]", "-").replaceAll("^[^\\p{L}\\p{N}]+", "");
                    renamed = renamed.isEmpty() ? "related" : renamed.substring(0, Math.min(100, renamed.length()));
                    losses.add(
                            FORMAT,
                            name,
                            relation.line(),
                            "relation types renamed",
                            "'" + abbreviate(type) + "' became '" + renamed + "'");
                    type = renamed;
                }
                try {
                    relations.add(new Relation(
                            "r" + (relations.size() + 1),
                            type,
                            ids.get(from),
                            ids.get(to),
                            attributes(relation.attributes(), Optional.empty(), relation.line(), "relation")));
                } catch (IllegalArgumentException e) {
                    throw error(relation.line(), e.getMessage());
                }
            }
            otherValues.forEach((column, counts) -> losses.add(
                    FORMAT,
                    name,
                    counts[1],
                    "columns not carried",
                    String.format(
                            Locale.ROOT,
                            "%s: %d rows with values",
                            columns.get(column).name(),
                            counts[0])));
            String id = stem(path);
            Document document = new Document(
                    id,
                    id,
                    null,
                    "text/plain",
                    null,
                    Map.of("source", path.getFileName().toString()),
                    string);
            try {
                AnnotatedDocument.Builder builder =
                        AnnotatedDocument.builder(document).labelSets(labels.labelSets());
                spans.forEach(builder::span);
                relations.forEach(builder::relation);
                return builder.build();
            } catch (IllegalArgumentException e) {
                throw new ScholionException(name, e.getMessage());
            }
        }

        /** The attributes that are valid and declared (when the label's known set declares names); the rest reported. */
        private Map<String, String> attributes(
                Map<String, String> values, Optional<LabelSet> set, int line, String kind) {
            Map<String, String> kept = new LinkedHashMap<>();
            values.forEach((feature, value) -> {
                if (set.isPresent() && !set.get().allowsAttribute(feature)) {
                    losses.add(
                            FORMAT,
                            name,
                            line,
                            "attributes the label set does not declare not imported",
                            kind + " attribute " + feature + "=" + value + " (label set '"
                                    + set.get().name() + "' declares "
                                    + String.join(", ", set.get().attributes()) + ")");
                    return;
                }
                try {
                    kept.put(feature, value);
                    new Relation("r", "r", "s", "s", kept); // checks the name and the value
                } catch (IllegalArgumentException e) {
                    kept.remove(feature);
                    losses.add(FORMAT, name, line, "attributes not imported", kind + " attribute: " + e.getMessage());
                }
            });
            return kept;
        }

        /** The links that are absolute IRIs, shortened by a declared prefix; the rest reported. */
        private List<String> links(List<String> values, ForeignLabels labels, int line) {
            List<String> kept = new ArrayList<>();
            for (String link : values) {
                try {
                    if (!Links.isIri(link)) {
                        throw new IllegalArgumentException("'" + link + "' is no absolute IRI (http, https or urn)");
                    }
                    String compact = labels.compact(link);
                    Span.of("s", 0, 1, "x").withLink(compact); // checks the form
                    if (!kept.contains(compact)) {
                        kept.add(compact);
                    }
                } catch (IllegalArgumentException e) {
                    losses.add(FORMAT, name, line, "links that are not IRIs not imported", e.getMessage());
                }
            }
            return kept;
        }

        private ScholionException error(int line, String problem) {
            return new ScholionException(name, line, 0, problem, null);
        }
    }

    static String stem(Path source) {
        String stem = source.getFileName()
                .toString()
                .replaceFirst("\\.[^.]*$", "")
                .replaceAll("[^\\p{L}\\p{N}\\p{M}._:-]+", "-")
                .replaceAll("^[^\\p{L}\\p{N}_]+", "");
        if (stem.length() > 200) {
            stem = stem.substring(0, 200);
        }
        return stem.isEmpty() ? "webanno" : stem;
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
