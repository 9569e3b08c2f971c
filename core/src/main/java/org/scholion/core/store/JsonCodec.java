package org.scholion.core.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.InstantFormatter;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;

/** Reads and writes the {@code scholion/1} JSON of annotation files and label-set files. */
final class JsonCodec {
    static final String FORMAT = "scholion/1";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNestingDepth(64)
                    .build())
            .build();

    static {
        FACTORY.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        FACTORY.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        FACTORY.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    }

    private JsonCodec() {
    }

    /** A JSON value and where it starts, so that problems found later can say where. */
    private record Located(Object node, JsonLocation where, String path) {
    }

    // ---------------------------------------------------------------- reading

    static Snapshot readSnapshot(InputStream in, String source) throws ScholionException {
        Map<String, Located> top = new LinkedHashMap<>();
        Interner interner = new Interner();
        Records<Span> spans = new Records<>("spans", new Members(interner, SPAN_MEMBERS, "label", "annotator"),
                JsonCodec::span);
        Records<Relation> relations = new Records<>("relations", new Members(interner, RELATION_MEMBERS, "type"),
                JsonCodec::relation);
        List<Located> labelSets = new ArrayList<>();
        JsonParser p = open(in, source);
        try (p) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw problem(source, p.currentTokenLocation(),
                        first == null ? "the file is empty" : "expected a JSON object at the top");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "spans" -> spans.read(p, source);
                    case "relations" -> relations.read(p, source);
                    case "labelSets" -> readArray(p, source, name, labelSets);
                    case "format", "document" -> top.put(name, new Located(JsonTree.read(p), at, name));
                    case "history" -> top.put(name, new Located(readHistory(p, spans.members, relations.members),
                            at, name));
                    default -> {
                        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                            p.skipChildren();
                        }
                        throw problem(source, at, "unknown member '" + name + "' (expected format, document, "
                                + "labelSets, spans, relations, history)");
                    }
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw problem(source, p.currentTokenLocation(), "malformed JSON");
            }
            if (p.nextToken() != null) {
                throw problem(source, p.currentTokenLocation(), "unexpected content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            throw malformed(source, e, p);
        } catch (IOException e) {
            throw new ScholionException(source, "cannot read: " + e.getMessage(), e);
        }

        Located format = top.get("format");
        if (format == null) {
            throw new ScholionException(source, "not a Scholion annotation file: no \"format\" member");
        }
        if (!FORMAT.equals(format.node())) {
            String found = format.node() instanceof String text ? text : JsonTree.show(format.node());
            throw problem(source, format.where(), found.startsWith("scholion/")
                    ? "unsupported format '" + found + "' (this version of Scholion reads " + FORMAT + ")"
                    : "unknown format '" + found + "' (expected " + FORMAT + ")");
        }
        Located doc = top.get("document");
        if (doc == null) {
            throw new ScholionException(source, "the file has no \"document\"");
        }
        Document document = guard(source, doc, () -> document(doc.node(), source, doc.where()));
        AnnotatedDocument.Builder builder = AnnotatedDocument.builder(document);
        for (Located set : labelSets) {
            LabelSet labelSet = guard(source, set, () -> labelSet(set.node()));
            guard(source, set, () -> builder.labelSet(labelSet));
        }
        spans.addTo(source, builder::span);
        relations.addTo(source, builder::relation);
        AnnotatedDocument annotated = builder.build();
        Located history = top.get("history");
        History h = history == null ? History.EMPTY : guard(source, history, () -> history(history.node()));
        return new Snapshot(annotated, h);
    }

    static LabelSet readLabelSet(InputStream in, String source) throws ScholionException {
        JsonParser p = open(in, source);
        try (p) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw problem(source, p.currentTokenLocation(),
                        first == null ? "the file is empty" : "expected a JSON object with name and labels");
            }
            JsonLocation start = p.currentTokenLocation();
            String name = null;
            List<Located> labels = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                p.nextToken();
                switch (field) {
                    case "name" -> {
                        if (p.currentToken() != JsonToken.VALUE_STRING) {
                            throw problem(source, at, "\"name\" must be a string");
                        }
                        name = p.getText();
                    }
                    case "labels" -> readArray(p, source, field, labels);
                    default -> throw problem(source, at, "unknown member '" + field + "' (expected name, labels)");
                }
            }
            if (p.nextToken() != null) {
                throw problem(source, p.currentTokenLocation(), "unexpected content after the JSON object");
            }
            if (name == null) {
                throw problem(source, start, "the label set has no \"name\"");
            }
            List<Label> list = new ArrayList<>();
            for (Located label : labels) {
                list.add(guard(source, label, () -> label(label.node())));
            }
            String setName = name;
            Located whole = new Located(null, start, "label set");
            return guard(source, whole, () -> new LabelSet(setName, list));
        } catch (JsonProcessingException e) {
            throw malformed(source, e, p);
        } catch (IOException e) {
            throw new ScholionException(source, "cannot read: " + e.getMessage(), e);
        }
    }

    private static JsonParser open(InputStream in, String source) throws ScholionException {
        try {
            return FACTORY.createParser(in);
        } catch (IOException e) {
            throw new ScholionException(source, "cannot read: " + e.getMessage(), e);
        }
    }

    private static void readArray(JsonParser p, String source, String name, List<Located> into) throws IOException,
            ScholionException {
        forEachObject(p, source, name,
                (at, index) -> into.add(new Located(JsonTree.read(p), at, name + "[" + index + "]")));
    }

    /** Calls {@code reader} at the start of each object of the array {@code name}; anything else in it is refused. */
    private static void forEachObject(JsonParser p, String source, String name, ObjectReader reader)
            throws IOException, ScholionException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw problem(source, p.currentTokenLocation(), "\"" + name + "\" must be an array");
        }
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == null) {
                throw problem(source, p.currentLocation(), "the file ends inside \"" + name + "\"");
            }
            JsonLocation at = p.currentTokenLocation();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw problem(source, at, name + "[" + index + "] must be an object");
            }
            reader.read(at, index);
            index++;
        }
    }

    private interface ObjectReader {
        void read(JsonLocation at, int index) throws IOException, ScholionException;
    }

    /**
     * The objects of one large array ({@code spans}, {@code relations}) made into records as they
     * stream past, without a tree of maps in between: a file of 200,000 spans would otherwise hold
     * a map per span until the end. Where each object starts is kept as two ints, and a record that
     * cannot be made is remembered and reported, as before, only once the whole file has parsed
     * and the parts before it were accepted.
     */
    private static final class Records<T> {
        private final String name;
        private final Members members;
        private final Maker<T> maker;
        private final List<T> items = new ArrayList<>();
        private int[] lines = new int[64];
        private int[] columns = new int[64];
        private int count;
        private String failure;

        Records(String name, Members members, Maker<T> maker) {
            this.name = name;
            this.members = members;
            this.maker = maker;
        }

        void read(JsonParser p, String source) throws IOException, ScholionException {
            forEachObject(p, source, name, (at, index) -> {
                members.read(p);
                if (failure == null) {
                    remember(at);
                    try {
                        items.add(maker.make(members));
                    } catch (IllegalArgumentException | NullPointerException e) {
                        failure = e.getMessage() == null ? e.toString() : e.getMessage();
                    }
                }
            });
        }

        private void remember(JsonLocation at) {
            if (count == lines.length) {
                lines = Arrays.copyOf(lines, count * 2);
                columns = Arrays.copyOf(columns, count * 2);
            }
            lines[count] = at.getLineNr();
            columns[count] = at.getColumnNr();
            count++;
        }

        /** Adds the records in file order; the first that cannot be made or added is reported. */
        void addTo(String source, Adder<T> adder) throws ScholionException {
            for (int i = 0; i < items.size(); i++) {
                try {
                    adder.add(items.get(i));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw problemAt(i, source, e.getMessage() == null ? e.toString() : e.getMessage());
                }
            }
            if (failure != null) {
                throw problemAt(items.size(), source, failure);
            }
        }

        private ScholionException problemAt(int index, String source, String what) {
            return new ScholionException(source, Math.max(0, lines[index]), Math.max(0, columns[index]),
                    what + " (in " + name + "[" + index + "])", null);
        }
    }

    private interface Maker<T> {
        T make(Members members);
    }

    private interface Adder<T> {
        void add(T item);
    }

    /**
     * The members of one JSON object of a known kind, read from the stream into slots that are
     * reused from object to object; values of other types than expected are kept as
     * {@link JsonTree} values so that messages show them as before.
     */
    private static final class Members {
        private final Interner interner;
        private final String[] names;
        private final boolean[] shared;
        private final Object[] values;
        private String unknown;

        Members(Interner interner, List<String> names, String... sharedNames) {
            this.interner = interner;
            this.names = names.toArray(new String[0]);
            this.shared = new boolean[this.names.length];
            this.values = new Object[this.names.length];
            for (String name : sharedNames) {
                shared[slot(name)] = true;
            }
        }

        private int slot(String name) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        /** Reads the object at the parser's START_OBJECT, leaving the parser on its END_OBJECT. */
        void read(JsonParser p) throws IOException {
            Arrays.fill(values, null);
            unknown = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = JsonTree.checked(p, p.currentName());
                JsonToken token = p.nextToken();
                int slot = slot(name);
                if (slot < 0) {
                    JsonTree.read(p);
                    if (unknown == null) {
                        unknown = name;
                    }
                    continue;
                }
                values[slot] = switch (token) {
                    case VALUE_STRING -> {
                        String text = JsonTree.checked(p, p.getText());
                        yield shared[slot] ? interner.intern(text) : text;
                    }
                    case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            ? JsonTree.read(p) : (Object) p.getLongValue();
                    case VALUE_NULL -> JsonTree.NULL;
                    case VALUE_TRUE -> Boolean.TRUE;
                    case VALUE_FALSE -> Boolean.FALSE;
                    default -> JsonTree.read(p);
                };
            }
        }

        Object get(String name) {
            int slot = slot(name);
            return slot < 0 ? null : values[slot];
        }
    }

    /**
     * One copy of each label, annotator and relation type however many records repeat it; it
     * stops taking new strings past a few thousand, for files where they are all different.
     */
    private static final class Interner {
        private static final int LIMIT = 4096;
        private final Map<String, String> strings = new HashMap<>();

        String intern(String text) {
            String known = strings.get(text);
            if (known != null) {
                return known;
            }
            if (strings.size() < LIMIT) {
                strings.put(text, text);
            }
            return text;
        }
    }

    /**
     * The history as {@link JsonTree} values, except that each span and relation object of a change
     * is made into its record (or the reason it cannot be) as it streams past: an import or a batch
     * of accepted suggestions records thousands of them. Anything of another shape stays a plain
     * value, for {@link #history} to refuse with the usual message.
     */
    private static Object readHistory(JsonParser p, Members spanMembers, Members relationMembers)
            throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return JsonTree.read(p);
        }
        Map<String, Object> history = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = JsonTree.checked(p, p.currentName());
            p.nextToken();
            if ((name.equals("undo") || name.equals("redo")) && p.currentToken() == JsonToken.START_ARRAY) {
                List<Object> changes = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    changes.add(readChange(p, spanMembers, relationMembers));
                }
                history.put(name, changes);
            } else {
                history.put(name, JsonTree.read(p));
            }
        }
        return history;
    }

    private static Object readChange(JsonParser p, Members spanMembers, Members relationMembers) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return JsonTree.read(p);
        }
        Map<String, Object> change = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = JsonTree.checked(p, p.currentName());
            p.nextToken();
            if ((name.equals("removed") || name.equals("added")) && p.currentToken() == JsonToken.START_OBJECT) {
                Map<String, Object> part = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String member = JsonTree.checked(p, p.currentName());
                    p.nextToken();
                    if (member.equals("spans") && p.currentToken() == JsonToken.START_ARRAY) {
                        part.put(member, made(p, spanMembers, JsonCodec::span));
                    } else if (member.equals("relations") && p.currentToken() == JsonToken.START_ARRAY) {
                        part.put(member, made(p, relationMembers, JsonCodec::relation));
                    } else {
                        part.put(member, JsonTree.read(p));
                    }
                }
                change.put(name, part);
            } else {
                change.put(name, JsonTree.read(p));
            }
        }
        return change;
    }

    private static List<Object> made(JsonParser p, Members members, Maker<?> maker) throws IOException {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.START_OBJECT) {
                members.read(p);
                try {
                    list.add(maker.make(members));
                } catch (IllegalArgumentException | NullPointerException e) {
                    list.add(new Unmade(e.getMessage() == null ? e.toString() : e.getMessage()));
                }
            } else {
                list.add(JsonTree.read(p));
            }
        }
        return list;
    }

    /** An object of the history that could not be made into its record, and why. */
    private record Unmade(String reason) {
    }

    private static Object unmade(Object n) {
        if (n instanceof Unmade u) {
            throw new IllegalArgumentException(u.reason());
        }
        return n;
    }

    private interface Step<T> {
        T run() throws ScholionException;
    }

    private static <T> T guard(String source, Located where, Step<T> step) throws ScholionException {
        try {
            return step.run();
        } catch (IllegalArgumentException | NullPointerException e) {
            String what = e.getMessage() == null ? e.toString() : e.getMessage();
            throw problem(source, where.where(), where.path().startsWith("label set") || where.path().equals("document")
                    ? what : what + " (in " + where.path() + ")");
        }
    }

    private static Document document(Object n, String source, JsonLocation where) throws ScholionException {
        Fields f = new Fields(n, "document", Set.of("id", "title", "iri", "mediaType", "language", "metadata",
                "sha256", "text"));
        String text = f.string("text", true);
        String declared = f.string("sha256", false);
        Map<String, String> metadata = new LinkedHashMap<>();
        Object meta = f.get("metadata");
        if (meta != null) {
            if (!(meta instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("document metadata must be an object of strings");
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getValue() instanceof String value)) {
                    throw new IllegalArgumentException("document metadata '" + e.getKey() + "' must be a string");
                }
                metadata.put((String) e.getKey(), value);
            }
        }
        Document document = new Document(f.string("id", true), f.string("title", false), f.string("iri", false),
                f.string("mediaType", false), f.string("language", false), metadata, text);
        if (declared != null) {
            String actual = document.sha256();
            if (!actual.equalsIgnoreCase(declared)) {
                throw problem(source, where, String.format(Locale.ROOT,
                        "text hash mismatch: the file says sha256 %s but the text hashes to %s; the text was "
                                + "changed, so its annotations no longer apply", shortHash(declared),
                        shortHash(actual)));
            }
        }
        return document;
    }

    private static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }

    static LabelSet labelSet(Object n) {
        Fields f = new Fields(n, "label set", Set.of("name", "labels"));
        List<Label> list = new ArrayList<>();
        for (Object label : f.list("labels", true)) {
            list.add(label(label));
        }
        return new LabelSet(f.string("name", true), list);
    }

    static Label label(Object n) {
        Fields f = new Fields(n, "label", Set.of("name", "color", "description", "key", "iri"));
        return new Label(f.string("name", true), f.string("color", true), f.string("description", false),
                f.string("key", false), f.string("iri", false));
    }

    private static final List<String> SPAN_MEMBERS = List.of("id", "start", "end", "label", "note", "annotator",
            "created", "suggestion");
    private static final List<String> RELATION_MEMBERS = List.of("id", "type", "from", "to");
    private static final Set<String> SPAN_NAMES = Set.copyOf(SPAN_MEMBERS);
    private static final Set<String> RELATION_NAMES = Set.copyOf(RELATION_MEMBERS);

    static Span span(Object n) {
        return span(new Fields(n, "span", SPAN_NAMES));
    }

    private static Span span(Members m) {
        return span(new Fields(m, "span"));
    }

    private static Span span(Fields f) {
        String created = f.string("created", false);
        Instant when = created == null ? null : time(created);
        return new Span(f.string("id", true), f.integer("start"), f.integer("end"), f.string("label", true),
                f.string("note", false), f.string("annotator", false), when, f.bool("suggestion"));
    }

    private static Instant time(String created) {
        Instant canonical = canonicalTime(created);
        return canonical != null ? canonical : TIMES.get().computeIfAbsent(created, JsonCodec::instant);
    }

    /**
     * The time of {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, the form {@link Instant#toString()}
     * writes, read without a formatter (which costs microseconds a time, and a large file has a
     * time on every span); null for any other form, which {@link Instant#parse} then judges.
     */
    static Instant canonicalTime(String s) {
        int n = s.length();
        if (n < 20 || n == 21 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z'
                || n > 20 && s.charAt(19) != '.') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int fraction = n > 20 ? digits(s, 20, n - 1) : 0;
        if (year < 1000 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59 || fraction < 0
                || day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
            return null;
        }
        int nanos = fraction;
        for (int i = n - 21; i < 9 && n > 20; i++) {
            nanos *= 10;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
    }

    /** The decimal number of {@code s[from, to)}, or -1 unless all are ASCII digits. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Spans made together share their time: parsing each distinct one once saves most of the cost. */
    private static final ThreadLocal<Map<String, Instant>> TIMES = ThreadLocal.withInitial(
            () -> new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                    return size() > 256;
                }
            });

    private static Instant instant(String created) {
        try {
            return Instant.parse(created);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("created '" + created
                    + "' is not an ISO-8601 UTC time such as 2026-11-24T10:00:00Z");
        }
    }

    static Relation relation(Object n) {
        return relation(new Fields(n, "relation", RELATION_NAMES));
    }

    private static Relation relation(Members m) {
        return relation(new Fields(m, "relation"));
    }

    private static Relation relation(Fields f) {
        return new Relation(f.string("id", true), f.string("type", true), f.string("from", true),
                f.string("to", true));
    }

    private static History history(Object n) {
        Fields f = new Fields(n, "history", Set.of("undo", "redo"));
        return new History(changes(f.list("undo", false)), changes(f.list("redo", false)));
    }

    private static List<Change> changes(List<Object> items) {
        List<Change> list = new ArrayList<>();
        for (Object c : items) {
            Fields f = new Fields(c, "change", Set.of("summary", "removed", "added"));
            Parts removed = parts(f.get("removed"));
            Parts added = parts(f.get("added"));
            list.add(new Change(f.string("summary", false), removed.spans, added.spans, removed.relations,
                    added.relations, removed.labelSets, added.labelSets));
        }
        return list;
    }

    private record Parts(List<Span> spans, List<Relation> relations, List<LabelSet> labelSets) {
    }

    private static Parts parts(Object n) {
        Parts parts = new Parts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        if (n == null) {
            return parts;
        }
        Fields f = new Fields(n, "change part", Set.of("spans", "relations", "labelSets"));
        for (Object s : f.list("spans", false)) {
            parts.spans.add(s instanceof Span made ? made : span(unmade(s)));
        }
        for (Object r : f.list("relations", false)) {
            parts.relations.add(r instanceof Relation made ? made : relation(unmade(r)));
        }
        for (Object l : f.list("labelSets", false)) {
            parts.labelSets.add(labelSet(l));
        }
        return parts;
    }

    /** Typed access to the members of one JSON object, refusing members it does not know. */
    private static final class Fields {
        private final Map<String, Object> node;
        private final Members members;
        private final String what;

        @SuppressWarnings("unchecked")
        Fields(Object node, String what, Set<String> known) {
            if (!(node instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(what + " must be a JSON object");
            }
            this.node = (Map<String, Object>) node;
            this.members = null;
            this.what = what;
            for (String name : this.node.keySet()) {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("unknown member '" + name + "' in " + what);
                }
            }
        }

        Fields(Members members, String what) {
            if (members.unknown != null) {
                throw new IllegalArgumentException("unknown member '" + members.unknown + "' in " + what);
            }
            this.node = null;
            this.members = members;
            this.what = what;
        }

        /** The member's value, or null when it is absent or JSON null. */
        Object get(String name) {
            Object v = node != null ? node.get(name) : members.get(name);
            return v == JsonTree.NULL ? null : v;
        }

        String string(String name, boolean required) {
            Object v = get(name);
            if (v == null) {
                if (required) {
                    throw new IllegalArgumentException(what + " has no \"" + name + "\"");
                }
                return null;
            }
            if (!(v instanceof String text)) {
                throw new IllegalArgumentException(what + " member \"" + name + "\" must be a string, not "
                        + JsonTree.show(v));
            }
            return text;
        }

        int integer(String name) {
            Object v = get(name);
            if (v == null) {
                throw new IllegalArgumentException(what + " has no \"" + name + "\"");
            }
            if (!(v instanceof Long number) || number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(what + " member \"" + name + "\" must be a whole number, not "
                        + JsonTree.show(v));
            }
            return number.intValue();
        }

        boolean bool(String name) {
            Object v = get(name);
            if (v == null) {
                return false;
            }
            if (!(v instanceof Boolean b)) {
                throw new IllegalArgumentException(what + " member \"" + name + "\" must be true or false");
            }
            return b;
        }

        @SuppressWarnings("unchecked")
        List<Object> list(String name, boolean required) {
            Object v = get(name);
            if (v == null) {
                if (required) {
                    throw new IllegalArgumentException(what + " must have an array \"" + name + "\"");
                }
                return List.of();
            }
            if (!(v instanceof List<?>)) {
                throw new IllegalArgumentException("\"" + name + "\" must be an array");
            }
            return (List<Object>) v;
        }
    }

    private static ScholionException problem(String source, JsonLocation at, String message) {
        return new ScholionException(source, at == null ? 0 : Math.max(0, at.getLineNr()),
                at == null ? 0 : Math.max(0, at.getColumnNr()), message, null);
    }

    private static ScholionException malformed(String source, JsonProcessingException e, JsonParser parser) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        if (cut >= 0) {
            message = message.substring(0, cut);
        }
        // Jackson's limits name its own API ("from `StreamReadConstraints...`"), which means nothing to a reader
        message = message.replaceAll(", from `[^`]*`\\)", ")");
        JsonLocation at = e.getLocation();
        if (at == null && parser != null) {
            at = parser.currentLocation();
        }
        return new ScholionException(source, at == null ? 0 : Math.max(0, at.getLineNr()),
                at == null ? 0 : Math.max(0, at.getColumnNr()),
                (e instanceof JsonTree.LoneSurrogate ? "" : "malformed JSON: ") + message, e);
    }

    // ---------------------------------------------------------------- writing

    static void write(Snapshot snapshot, OutputStream out) throws IOException {
        AnnotatedDocument doc = snapshot.document();
        InstantFormatter times = new InstantFormatter();
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            g.setPrettyPrinter(pretty);
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            Document d = doc.document();
            g.writeObjectFieldStart("document");
            g.writeStringField("id", d.id());
            g.writeStringField("title", d.title());
            optional(g, "iri", d.iri());
            g.writeStringField("mediaType", d.mediaType());
            optional(g, "language", d.language());
            if (!d.metadata().isEmpty()) {
                g.writeObjectFieldStart("metadata");
                for (Map.Entry<String, String> e : d.metadata().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeStringField("sha256", d.sha256());
            g.writeStringField("text", d.text());
            g.writeEndObject();
            g.writeArrayFieldStart("labelSets");
            for (LabelSet set : doc.labelSets()) {
                writeLabelSet(g, set);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("spans");
            for (Span span : doc.spans()) {
                writeSpan(g, span, times);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("relations");
            for (Relation relation : doc.relations()) {
                writeRelation(g, relation);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("history");
            writeChanges(g, "undo", snapshot.history().undo(), times);
            writeChanges(g, "redo", snapshot.history().redo(), times);
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    static void writeLabelSetFile(LabelSet set, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));
            writeLabelSet(g, set);
            g.writeRaw('\n');
        }
    }

    private static void writeChanges(JsonGenerator g, String name, List<Change> changes, InstantFormatter times)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (Change c : changes) {
            g.writeStartObject();
            g.writeStringField("summary", c.summary());
            writeParts(g, "removed", c.removedSpans(), c.removedRelations(), c.removedLabelSets(), times);
            writeParts(g, "added", c.addedSpans(), c.addedRelations(), c.addedLabelSets(), times);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeParts(JsonGenerator g, String name, List<Span> spans, List<Relation> relations,
                                   List<LabelSet> sets, InstantFormatter times) throws IOException {
        g.writeObjectFieldStart(name);
        if (!spans.isEmpty()) {
            g.writeArrayFieldStart("spans");
            for (Span s : spans) {
                writeSpan(g, s, times);
            }
            g.writeEndArray();
        }
        if (!relations.isEmpty()) {
            g.writeArrayFieldStart("relations");
            for (Relation r : relations) {
                writeRelation(g, r);
            }
            g.writeEndArray();
        }
        if (!sets.isEmpty()) {
            g.writeArrayFieldStart("labelSets");
            for (LabelSet s : sets) {
                writeLabelSet(g, s);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeLabelSet(JsonGenerator g, LabelSet set) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", set.name());
        g.writeArrayFieldStart("labels");
        for (Label label : set.labels()) {
            g.writeStartObject();
            g.writeStringField("name", label.name());
            g.writeStringField("color", label.color());
            optional(g, "description", label.description());
            optional(g, "key", label.key());
            optional(g, "iri", label.iri());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeSpan(JsonGenerator g, Span span, InstantFormatter times) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", span.id());
        g.writeNumberField("start", span.start());
        g.writeNumberField("end", span.end());
        g.writeStringField("label", span.label());
        optional(g, "note", span.note());
        optional(g, "annotator", span.annotator());
        optional(g, "created", span.created() == null ? null : times.format(span.created()));
        if (span.suggestion()) {
            g.writeBooleanField("suggestion", true);
        }
        g.writeEndObject();
    }

    private static void writeRelation(JsonGenerator g, Relation relation) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", relation.id());
        g.writeStringField("type", relation.type());
        g.writeStringField("from", relation.from());
        g.writeStringField("to", relation.to());
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
