package org.scholion.export.brat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.export.Format;
import org.scholion.export.interchange.DocumentReader;
import org.scholion.export.interchange.ForeignLabels;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;
import org.scholion.export.interchange.TextFiles;

/**
 * Reads brat standoff: {@code <id>.ann} with its {@code <id>.txt}. Offsets count code points of the
 * text, as brat (Python) does. {@code T} lines become spans (fragments split only by line breaks
 * become one span again), {@code R} lines relations ({@code Arg1} is where a relation starts),
 * {@code AnnotatorNotes} notes, and {@link BratWriter}'s {@code Scholion} notes give back what brat
 * has no place for. {@code A} and {@code M} lines on text-bounds become attributes (a binary one,
 * without a value, is {@code true}); {@code N} lines become links {@code prefix:ID}, the prefix
 * being brat's resource name as declared in a label set (as it is, else lower-cased), else the
 * lower-cased name declared for the new label set with the {@code <URLBASE>} that a
 * {@code tools.conf} beside the file gives it. Events, attributes of events, normalisations to
 * undeclared resources, equivalences, other notes and discontinuous spans (imported as one span
 * over the whole stretch) are listed in the loss report.
 * A line that is not brat, an offset past the text, a text column that differs from the text, an id
 * used twice or a reference to an id that does not exist stops the import with the file and line.
 */
public final class BratReader implements DocumentReader {
    @Override
    public Format format() {
        return Format.BRAT;
    }

    @Override
    public Path primary(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".txt") ? file.resolveSibling(name.substring(0, name.length() - 4) + ".ann") : file;
    }

    @Override
    public void read(Path source, ReadOptions options, LossReport losses, DocumentSink sink) throws ScholionException {
        Path ann = primary(source);
        String annName = ann.getFileName().toString();
        if (!annName.endsWith(".ann")) {
            throw new ScholionException(source.toString(), "is not a brat file (expected <id>.ann or <id>.txt)");
        }
        Path txt = ann.resolveSibling(annName.substring(0, annName.length() - 4) + ".txt");
        if (!Files.isRegularFile(txt)) {
            throw new ScholionException(ann.toString(), "has no text file " + txt.getFileName() + " beside it");
        }
        String text = TextFiles.readUtf8(txt);
        String annText = Files.isRegularFile(ann) ? TextFiles.readUtf8(ann) : "";
        Path tools = ann.resolveSibling("tools.conf");
        Map<String, String> bases = Files.isRegularFile(tools) ? urlBases(TextFiles.readUtf8(tools)) : Map.of();
        sink.accept(parse(TextFiles.stem(ann), text, annText, ann.toString(), options, losses, bases));
    }

    /** One document from the text and the {@code .ann} content; {@code source} names the {@code .ann} in messages. */
    static AnnotatedDocument parse(
            String stem, String text, String annText, String source, ReadOptions options, LossReport losses)
            throws ScholionException {
        return parse(stem, text, annText, source, options, losses, Map.of());
    }

    /**
     * @param bases the IRI base of each normalisation resource that {@code tools.conf} names with a
     *              {@code <URLBASE>} ending in {@code %s}
     */
    static AnnotatedDocument parse(
            String stem,
            String text,
            String annText,
            String source,
            ReadOptions options,
            LossReport losses,
            Map<String, String> bases)
            throws ScholionException {
        return new Parse(source, CodePointText.of(text), options, losses, bases).run(stem, annText);
    }

    /** The {@code [normalization]} section of a {@code tools.conf}: resource name to IRI base. */
    static Map<String, String> urlBases(String toolsConf) {
        Map<String, String> bases = new LinkedHashMap<>();
        boolean inSection = false;
        for (String line : toolsConf.split("\r\n|\n|\r")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("[")) {
                inSection = trimmed.equals("[normalization]");
                continue;
            }
            if (!inSection || trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] nameAndRest = trimmed.split("\\s+", 2);
            if (nameAndRest.length < 2) {
                continue;
            }
            for (String option : nameAndRest[1].split(",")) {
                String o = option.strip();
                if (o.startsWith("<URLBASE>:") && o.endsWith("%s")) {
                    bases.put(nameAndRest[0], o.substring("<URLBASE>:".length(), o.length() - 2));
                }
            }
        }
        return bases;
    }

    /** A {@code T} line read. */
    private record TextBound(String id, int line, String label, int start, int end, boolean discontinuous) {}

    private record RelationLine(String id, int line, String type, String from, String to) {}

    private record NoteLine(int line, String type, String target, String text) {}

    /** An {@code A} or {@code M} line: {@code value} is null for a binary attribute. */
    private record AttributeLine(String id, int line, String name, String target, String value) {}

    /** An {@code N} line: {@code resource:entry} on {@code target}. */
    private record NormalisationLine(String id, int line, String target, String resource, String entry) {}

    private static final class Parse {
        private final String source;
        private final CodePointText text;
        private final ReadOptions options;
        private final LossReport losses;
        private final Map<String, Integer> lineOfId = new HashMap<>();
        private final Map<String, TextBound> textBounds = new LinkedHashMap<>();
        private final List<RelationLine> relations = new ArrayList<>();
        private final List<NoteLine> notes = new ArrayList<>();
        private final List<AttributeLine> attributes = new ArrayList<>();
        private final List<NormalisationLine> normalisations = new ArrayList<>();
        private final Map<String, String> bases;
        /** Ids of lines that exist but are not imported (events, attributes ...): references to them are not errors. */
        private final Set<String> others = new HashSet<>();

        private final List<String[]> references = new ArrayList<>();

        Parse(String source, CodePointText text, ReadOptions options, LossReport losses, Map<String, String> bases) {
            this.bases = bases;
            this.source = source;
            this.text = text;
            this.options = options;
            this.losses = losses;
        }

        private ScholionException error(int line, String problem) {
            return new ScholionException(source, line, 0, problem, null);
        }

        private void loss(int line, String kind, String detail) {
            losses.add("brat", source, line, kind, detail);
        }

        AnnotatedDocument run(String stem, String annText) throws ScholionException {
            List<String> lines = TextFiles.lines(annText, source);
            for (int i = 0; i < lines.size(); i++) {
                line(lines.get(i), i + 1);
            }
            for (String[] ref : references) {
                if (!lineOfId.containsKey(ref[0])) {
                    throw error(Integer.parseInt(ref[1]), "refers to " + ref[0] + ", which no line defines");
                }
            }
            return build(stem);
        }

        private void line(String line, int number) throws ScholionException {
            if (line.isBlank()) {
                return;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw error(number, "has no tab after an id: not a brat annotation line (truncated?)");
            }
            String id = line.substring(0, tab);
            String rest = line.substring(tab + 1);
            char kind = id.charAt(0);
            if (kind != '*') {
                if (!validId(id)) {
                    throw error(number, "'" + shorten(id) + "' is not a brat id (a letter or #, then a number)");
                }
                Integer earlier = lineOfId.putIfAbsent(id, number);
                if (earlier != null) {
                    throw error(number, "id " + id + " is already used on line " + earlier);
                }
            }
            int secondTab = rest.indexOf('\t');
            String data = secondTab < 0 ? rest : rest.substring(0, secondTab);
            String tail = secondTab < 0 ? null : rest.substring(secondTab + 1);
            switch (kind) {
                case 'T' -> textBound(id, data, tail, number);
                case 'R' -> relation(id, data, number);
                case '#' -> note(data, tail, number);
                case 'E' -> {
                    others.add(id);
                    for (String part : data.strip().split("\\s+")) {
                        int colon = part.lastIndexOf(':');
                        if (colon >= 0) {
                            refer(new String[] {part.substring(colon + 1)}, number);
                        }
                    }
                    loss(number, "events not imported (their trigger spans are)", "event " + id + ": " + shorten(data));
                }
                case 'A', 'M' -> {
                    others.add(id);
                    String[] parts = data.trim().split("\\s+");
                    if (parts.length < 2 || parts.length > 3) {
                        throw error(number, "attribute " + id + " is not 'NAME ID' or 'NAME ID VALUE'");
                    }
                    refer(new String[] {parts[1]}, number);
                    attributes.add(new AttributeLine(
                            id,
                            number,
                            BratNames.decode(parts[0], source, number),
                            parts[1],
                            parts.length == 3 ? BratNames.decode(parts[2], source, number) : null));
                }
                case 'N' -> {
                    others.add(id);
                    String[] parts = data.trim().split("\\s+");
                    int colon = parts.length == 3 ? parts[2].indexOf(':') : -1;
                    if (colon <= 0 || colon == parts[2].length() - 1) {
                        throw error(number, "normalisation " + id + " is not 'TYPE ID RESOURCE:ENTRY'");
                    }
                    refer(new String[] {parts[1]}, number);
                    normalisations.add(new NormalisationLine(
                            id, number, parts[1], parts[2].substring(0, colon), parts[2].substring(colon + 1)));
                }
                case '*' -> {
                    String[] parts = data.trim().split("\\s+");
                    for (int i = 1; i < parts.length; i++) {
                        refer(new String[] {parts[i]}, number);
                    }
                    loss(number, "equivalences not imported", shorten(data));
                }
                default -> throw error(number, "id " + shorten(id) + " is of no brat kind (T, R, E, A, M, N, # or *)");
            }
        }

        private void refer(String[] ids, int line) {
            for (String ref : ids) {
                if (!ref.isEmpty()) {
                    references.add(new String[] {ref, Integer.toString(line)});
                }
            }
        }

        private static boolean validId(String id) {
            int i = id.charAt(0) == '#' ? 1 : 0;
            int letters = i;
            while (i < id.length() && Character.isLetter(id.charAt(i)) && id.charAt(i) < 0x80) {
                i++;
            }
            if (i == letters && id.charAt(0) != '#') {
                return false;
            }
            int digits = i;
            while (i < id.length() && id.charAt(i) >= '0' && id.charAt(i) <= '9') {
                i++;
            }
            return i > digits && id.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
        }

        private void textBound(String id, String data, String tail, int line) throws ScholionException {
            if (tail == null) {
                throw error(
                        line, "text-bound " + id + " has no text column (expected 'T1<TAB>TYPE START END<TAB>TEXT')");
            }
            int space = data.indexOf(' ');
            if (space <= 0) {
                throw error(line, "text-bound " + id + " has no offsets (expected 'TYPE START END')");
            }
            String type = data.substring(0, space);
            String[] pieces = data.substring(space + 1).split(";", -1);
            List<int[]> fragments = new ArrayList<>();
            for (String piece : pieces) {
                String[] se = piece.strip().split(" ");
                if (se.length != 2) {
                    throw error(line, "text-bound " + id + " has '" + shorten(piece) + "' where START END should be");
                }
                int start = offset(se[0], id, line);
                int end = offset(se[1], id, line);
                if (end < start) {
                    throw error(line, "text-bound " + id + " ends (" + end + ") before it starts (" + start + ")");
                }
                for (int[] f : fragments) {
                    if (start < f[1] && f[0] < end) {
                        throw error(line, "text-bound " + id + " has overlapping fragments");
                    }
                }
                fragments.add(new int[] {start, end});
            }
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < fragments.size(); i++) {
                expected.append(i == 0 ? "" : " ")
                        .append(text.slice(fragments.get(i)[0], fragments.get(i)[1]));
            }
            String quoted = expected.toString();
            boolean matches = tail.equals(quoted)
                    || (tail.startsWith(quoted)
                            && tail.length() > quoted.length()
                            && Character.isWhitespace(tail.charAt(quoted.length())));
            if (!matches) {
                throw error(
                        line,
                        "the text column of " + id + " ('" + shorten(tail) + "') is not the text at "
                                + data.substring(space + 1) + " ('" + shorten(quoted) + "')");
            }
            fragments.sort((a, b) -> Integer.compare(a[0], b[0]));
            String label = BratNames.decode(type, source, line);
            // fragments split only by line breaks are one span that crossed them
            boolean discontinuous = false;
            for (int i = 1; i < fragments.size(); i++) {
                if (!onlyLineBreaks(fragments.get(i - 1)[1], fragments.get(i)[0])) {
                    discontinuous = true;
                }
            }
            int start = fragments.get(0)[0];
            int end = fragments.get(fragments.size() - 1)[1];
            if (discontinuous) {
                loss(
                        line,
                        "discontinuous spans imported as one span over the gap",
                        id + " (" + label + ") " + data.substring(space + 1) + " becomes " + start + ":" + end);
            }
            if (start == end) {
                loss(line, "empty spans not imported", id + " (" + label + ") at " + start);
            }
            textBounds.put(id, new TextBound(id, line, label, start, end, discontinuous));
        }

        private boolean onlyLineBreaks(int from, int to) {
            String gap = text.slice(from, to);
            return !gap.isEmpty() && gap.codePoints().allMatch(BratNames::isLineBreak);
        }

        private int offset(String s, String id, int line) throws ScholionException {
            if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw error(line, "text-bound " + id + " has offset '" + shorten(s) + "', not a number");
            }
            long value = Long.parseLong(s);
            if (value > text.length()) {
                throw error(
                        line,
                        String.format(
                                Locale.ROOT,
                                "text-bound %s has offset %d, past the end of the text (%d code points)",
                                id,
                                value,
                                text.length()));
            }
            return (int) value;
        }

        private void relation(String id, String data, int line) throws ScholionException {
            String[] parts = data.strip().split("\\s+");
            if (parts.length != 3 || parts[1].indexOf(':') <= 0 || parts[2].indexOf(':') <= 0) {
                throw error(line, "relation " + id + " is not 'TYPE Arg1:ID Arg2:ID'");
            }
            String[] a = parts[1].split(":", 2);
            String[] b = parts[2].split(":", 2);
            boolean swapped = a[0].equals("Arg2") && b[0].equals("Arg1");
            String from = swapped ? b[1] : a[1];
            String to = swapped ? a[1] : b[1];
            refer(new String[] {from, to}, line);
            relations.add(new RelationLine(id, line, BratNames.decode(parts[0], source, line), from, to));
        }

        private void note(String data, String tail, int line) throws ScholionException {
            String[] parts = data.strip().split("\\s+");
            if (parts.length != 2) {
                throw error(line, "note is not 'TYPE ID<TAB>TEXT'");
            }
            refer(new String[] {parts[1]}, line);
            notes.add(new NoteLine(line, parts[0], parts[1], tail == null ? "" : tail));
        }

        private AnnotatedDocument build(String stem) throws ScholionException {
            Map<String, StringBuilder> noteText = new HashMap<>();
            Map<String, Map<String, String>> facts = new HashMap<>();
            for (NoteLine n : notes) {
                boolean onSpan = textBounds.containsKey(n.target());
                if (n.type().equals(BratWriter.FACTS) && (onSpan || n.target().startsWith("R"))) {
                    Map<String, String> f = facts.computeIfAbsent(n.target(), k -> new HashMap<>());
                    for (String pair : n.text().strip().split("\\s+")) {
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            f.put(pair.substring(0, eq), BratNames.decode(pair.substring(eq + 1), source, n.line()));
                        }
                    }
                } else if (n.type().equals(BratWriter.NOTES) && onSpan) {
                    StringBuilder b = noteText.get(n.target());
                    if (b == null) {
                        noteText.put(n.target(), new StringBuilder(n.text()));
                    } else {
                        b.append('\n').append(n.text());
                    }
                } else {
                    loss(
                            n.line(),
                            onSpan
                                    ? "notes of other types than AnnotatorNotes not imported"
                                    : "notes on relations, events and attributes not imported",
                            n.type() + " on " + n.target() + ": " + shorten(n.text()));
                }
            }
            ForeignLabels labels = new ForeignLabels(options);
            Map<String, String> spanIds = ids(textBounds.keySet(), "T", "s", facts);
            List<Span> spans = new ArrayList<>();
            Map<String, String> places = new HashMap<>();
            for (TextBound t : textBounds.values()) {
                if (t.start() == t.end()) {
                    continue;
                }
                Map<String, String> f = facts.getOrDefault(t.id(), Map.of());
                StringBuilder note = noteText.get(t.id());
                try {
                    String label = labels.resolve(t.label());
                    Instant created = f.containsKey("created") ? Instant.parse(f.get("created")) : null;
                    String annotator = f.getOrDefault("annotator", options.annotator());
                    Span span = new Span(
                            spanIds.get(t.id()),
                            t.start(),
                            t.end(),
                            label,
                            note == null ? null : note.toString(),
                            annotator,
                            created,
                            "true".equals(f.get("suggestion")));
                    // a document holds one span per offsets and label: a second is the first, relations included
                    String same = places.putIfAbsent(span.start() + ":" + span.end() + ":" + label, span.id());
                    if (same != null) {
                        loss(
                                t.line(),
                                "text-bounds at the same place with the same label merged",
                                "text-bound " + t.id() + " (" + label + " " + span.start() + ":" + span.end()
                                        + ") is span " + same);
                        spanIds.put(t.id(), same);
                        continue;
                    }
                    spans.add(span);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw error(t.line(), "text-bound " + t.id() + ": " + e.getMessage());
                }
            }
            details(spans, spanIds, facts, labels);
            Map<String, String> relationIds =
                    ids(relations.stream().map(RelationLine::id).toList(), "R", "r", facts);
            List<Relation> rels = new ArrayList<>();
            for (RelationLine r : relations) {
                TextBound from = textBounds.get(r.from());
                TextBound to = textBounds.get(r.to());
                if (from == null || to == null) {
                    loss(
                            r.line(),
                            "relations to events or attributes not imported",
                            "relation " + r.id() + " (" + r.from() + " " + r.type() + " " + r.to() + ")");
                    continue;
                }
                if (from.start() == from.end() || to.start() == to.end()) {
                    loss(r.line(), "relations of empty spans not imported", "relation " + r.id());
                    continue;
                }
                try {
                    rels.add(new Relation(
                            relationIds.get(r.id()), r.type(), spanIds.get(r.from()), spanIds.get(r.to())));
                } catch (IllegalArgumentException e) {
                    throw error(r.line(), "relation " + r.id() + ": " + e.getMessage());
                }
            }
            Document document =
                    new Document(TextFiles.documentId(stem), null, null, "text/plain", null, Map.of(), text.string());
            AnnotatedDocument.Builder builder;
            try {
                builder = AnnotatedDocument.builder(document).labelSets(labels.labelSets());
            } catch (IllegalArgumentException e) {
                throw new ScholionException(source, e.getMessage());
            }
            try {
                spans.forEach(builder::span);
                rels.forEach(builder::relation);
            } catch (IllegalArgumentException e) {
                throw new ScholionException(source, e.getMessage());
            }
            return builder.build();
        }

        /** Puts the attributes, normalisations and Scholion-noted links of each text-bound on its span. */
        private void details(
                List<Span> spans,
                Map<String, String> spanIds,
                Map<String, Map<String, String>> facts,
                ForeignLabels labels)
                throws ScholionException {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < spans.size(); i++) {
                index.put(spans.get(i).id(), i);
            }
            for (AttributeLine a : attributes) {
                Integer at = textBounds.containsKey(a.target()) ? index.get(spanIds.get(a.target())) : null;
                if (at == null) {
                    loss(
                            a.line(),
                            textBounds.containsKey(a.target())
                                    ? "attributes of empty spans not imported"
                                    : "attributes of events and relations not imported",
                            "attribute " + a.id() + " on " + a.target());
                    continue;
                }
                Span span = spans.get(at);
                String value = a.value() == null ? "true" : a.value();
                List<String> declared = labels.knownSetOf(span.label())
                        .map(set -> set.attributes())
                        .orElse(List.of());
                if (!declared.isEmpty() && !declared.contains(a.name())) {
                    loss(
                            a.line(),
                            "attributes the label set does not declare not imported",
                            "attribute " + a.id() + " (" + a.name() + ") on " + a.target() + " (" + span.label() + ")");
                    continue;
                }
                String earlier = span.attributes().get(a.name());
                if (earlier != null && !earlier.equals(value)) {
                    loss(
                            a.line(),
                            "second values of an attribute not imported",
                            "attribute " + a.id() + " gives " + a.name() + "=" + value + " to span " + span.id()
                                    + ", which has " + a.name() + "=" + earlier);
                    continue;
                }
                try {
                    spans.set(at, span.withAttribute(a.name(), value));
                } catch (IllegalArgumentException e) {
                    throw error(a.line(), "attribute " + a.id() + ": " + e.getMessage());
                }
            }
            for (NormalisationLine n : normalisations) {
                Integer at = textBounds.containsKey(n.target()) ? index.get(spanIds.get(n.target())) : null;
                if (at == null) {
                    loss(
                            n.line(),
                            textBounds.containsKey(n.target())
                                    ? "normalisations of empty spans not imported"
                                    : "normalisations of events and relations not imported",
                            "normalisation " + n.id());
                    continue;
                }
                String prefix = labels.prefixFor(n.resource(), bases.get(n.resource()));
                if (prefix == null) {
                    loss(
                            n.line(),
                            "normalisations to resources no label set declares not imported",
                            "normalisation "
                                    + n.id() + ": " + n.resource() + ":" + n.entry() + " on " + n.target()
                                    + " (declare the prefix in a label set, or give tools.conf a <URLBASE>)");
                    continue;
                }
                link(spans, at, prefix + ":" + n.entry(), n.line(), "normalisation " + n.id());
            }
            for (Map.Entry<String, Map<String, String>> f : facts.entrySet()) {
                String links = f.getValue().get("links");
                Integer at = links == null ? null : index.get(spanIds.get(f.getKey()));
                if (at != null) {
                    for (String link : links.split(" ")) {
                        link(
                                spans,
                                at,
                                link,
                                lineOfId.getOrDefault(f.getKey(), 0),
                                "the Scholion note of " + f.getKey());
                    }
                }
            }
        }

        private void link(List<Span> spans, int at, String link, int line, String what) {
            Span span = spans.get(at);
            if (span.links().contains(link)) {
                return;
            }
            try {
                spans.set(at, span.withLink(link));
            } catch (IllegalArgumentException e) {
                loss(line, "links that are not IRIs not imported", what + ": " + e.getMessage());
            }
        }

        /**
         * Scholion ids for brat ids: the id a {@code Scholion} note gives, else {@code T12} gives
         * {@code s12}, else the next free number.
         */
        private Map<String, String> ids(
                Iterable<String> bratIds, String letter, String prefix, Map<String, Map<String, String>> facts)
                throws ScholionException {
            Map<String, String> map = new LinkedHashMap<>();
            Set<String> taken = new HashSet<>();
            for (String b : bratIds) {
                String given = facts.getOrDefault(b, Map.of()).get("id");
                if (given != null && taken.add(given)) {
                    map.put(b, given);
                }
            }
            for (String b : bratIds) {
                if (!map.containsKey(b)) {
                    long n = BratWriter.number(b, letter);
                    if (n > 0 && taken.add(prefix + n)) {
                        map.put(b, prefix + n);
                    }
                }
            }
            long next = 0;
            for (String b : bratIds) {
                if (!map.containsKey(b)) {
                    String id;
                    do {
                        id = prefix + (++next);
                    } while (!taken.add(id));
                    map.put(b, id);
                }
            }
            return map;
        }

        private static String shorten(String s) {
            return s.length() <= 60 ? s : s.substring(0, 57) + "...";
        }
    }
}
