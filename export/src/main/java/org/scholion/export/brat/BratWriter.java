package org.scholion.export.brat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Links;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.Format;
import org.scholion.export.interchange.DocumentWriter;
import org.scholion.export.interchange.LossReport;

/**
 * Writes brat standoff: {@code <id>.txt} (the text, exactly) and {@code <id>.ann} per document, and
 * for the whole batch {@code annotation.conf} (one group per label set, relation types, overlaps
 * allowed) and {@code visual.conf} (label colours, and the real names of labels whose brat type is
 * escaped by {@link BratNames}).
 *
 * <p>A span becomes a {@code T} line; where it crosses a line break it is written as fragments
 * split there (brat's text column cannot hold a line break), which {@link BratReader} joins back
 * into one span. A note becomes {@code AnnotatorNotes} lines, one per line of the note. What brat
 * has no place for (a span's annotator, time, suggestion flag, and an id that its {@code T} number
 * does not give back) goes into a note of type {@code Scholion}, which brat keeps and shows.
 *
 * <p>A span's attributes become {@code A} lines ({@code A1<TAB>NAME T1 VALUE}, name and value
 * escaped as types are), declared in {@code annotation.conf} with the values used. A link
 * {@code PREFIX:ID} (or a full IRI that a declared prefix's base starts) becomes an {@code N} line
 * ({@code N1<TAB>Reference T1 PREFIX:ID<TAB>text}) and the prefix a normalisation resource in
 * {@code tools.conf}, with its IRI base as {@code <URLBASE>}; other IRIs go into the
 * {@code Scholion} note as {@code links=}. Attributes of relations are reported, not written.
 */
public final class BratWriter implements DocumentWriter {
    static final String NOTES = "AnnotatorNotes";
    static final String FACTS = "Scholion";
    static final String REFERENCE = "Reference";
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\n\r\u000B\u000C\u001C-\u001E\u0085\u2028\u2029]");

    @Override
    public Format format() {
        return Format.BRAT;
    }

    @Override
    public Batch open(Path folder, ExportOptions options, LossReport losses) throws ExportException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ExportException("cannot create folder " + folder + ": " + e.getMessage(), e);
        }
        return new BratBatch(folder, options, losses);
    }

    /** The brat id of each Scholion id: {@code s12} becomes {@code T12}, others take the next free number. */
    static Map<String, String> bratIds(List<String> ids, String prefix, String letter) {
        Map<String, String> map = new HashMap<>();
        Set<Long> used = new HashSet<>();
        long max = 0;
        for (String id : ids) {
            long n = number(id, prefix);
            if (n > 0 && used.add(n)) {
                map.put(id, letter + n);
                max = Math.max(max, n);
            }
        }
        for (String id : ids) {
            if (!map.containsKey(id)) {
                map.put(id, letter + (++max));
            }
        }
        return map;
    }

    /** The number in an id such as {@code s12} (no leading zero, at most 9 digits), or 0. */
    static long number(String id, String prefix) {
        if (!id.startsWith(prefix)
                || id.length() == prefix.length()
                || id.length() > prefix.length() + 9
                || id.charAt(prefix.length()) == '0') {
            return 0;
        }
        for (int i = prefix.length(); i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return 0;
            }
        }
        return Long.parseLong(id.substring(prefix.length()));
    }

    /** The parts of {@code [start, end)} between line breaks, as code-point ranges; none for a span of breaks only. */
    static List<int[]> fragments(CodePointText text, int start, int end) {
        List<int[]> parts = new ArrayList<>();
        String slice = text.slice(start, end);
        int at = start;
        int from = -1;
        for (int i = 0; i < slice.length(); ) {
            int c = slice.codePointAt(i);
            if (BratNames.isLineBreak(c)) {
                if (from >= 0) {
                    parts.add(new int[] {from, at});
                    from = -1;
                }
            } else if (from < 0) {
                from = at;
            }
            i += Character.charCount(c);
            at++;
        }
        if (from >= 0) {
            parts.add(new int[] {from, at});
        }
        return parts;
    }

    private static final class BratBatch implements Batch {
        private final Path folder;
        private final ExportOptions options;
        private final LossReport losses;
        private final List<Path> files = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();
        private final Map<String, Map<String, Label>> labelsBySet = new LinkedHashMap<>();
        private final Set<String> relationTypes = new TreeSet<>();
        /** Values used per attribute type, for annotation.conf. */
        private final Map<String, Set<String>> attributeValues = new TreeMap<>();
        /** IRI base per normalisation resource (prefix) used, for tools.conf. */
        private final Map<String, String> resources = new TreeMap<>();

        private boolean closed;

        BratBatch(Path folder, ExportOptions options, LossReport losses) {
            this.folder = folder;
            this.options = options;
            this.losses = losses;
        }

        @Override
        public void write(AnnotatedDocument document) throws ExportException {
            AnnotatedDocument doc = options.select(document);
            String id = doc.document().id();
            if (!ids.add(id)) {
                throw new ExportException(id + ": two documents have this id, and brat names its files after it");
            }
            String source = id + ".ann";
            reportFacts(doc.document(), source);
            for (LabelSet set : doc.labelSets()) {
                Map<String, Label> labels = labelsBySet.computeIfAbsent(set.name(), k -> new LinkedHashMap<>());
                set.labels().forEach(l -> labels.putIfAbsent(l.name(), l));
            }
            String ann = annotations(doc, source);
            Path txt = folder.resolve(id + ".txt");
            Path annFile = folder.resolve(source);
            byte[] text = doc.document().text().getBytes(StandardCharsets.UTF_8);
            Exporters.writeAtomically(txt, out -> out.write(text));
            files.add(txt);
            Exporters.writeAtomically(annFile, out -> out.write(ann.getBytes(StandardCharsets.UTF_8)));
            files.add(annFile);
        }

        private void reportFacts(Document d, String source) {
            List<String> facts = new ArrayList<>();
            if (!d.title().equals(d.id())) {
                facts.add("title");
            }
            if (d.iri() != null) {
                facts.add("IRI");
            }
            if (d.language() != null) {
                facts.add("language");
            }
            if (!d.metadata().isEmpty()) {
                facts.add("metadata (" + String.join(", ", d.metadata().keySet()) + ")");
            }
            if (!facts.isEmpty()) {
                losses.add(
                        "brat",
                        source,
                        0,
                        "documents' titles and metadata not written",
                        "brat keeps only the text: " + String.join(", ", facts) + " of document " + d.id());
            }
        }

        private String annotations(AnnotatedDocument doc, String source) {
            CodePointText text = doc.text();
            List<Span> spans = doc.spans();
            Map<String, String> tIds = bratIds(spans.stream().map(Span::id).toList(), "s", "T");
            Map<String, String> rIds =
                    bratIds(doc.relations().stream().map(Relation::id).toList(), "r", "R");
            StringBuilder tLines = new StringBuilder();
            StringBuilder aLines = new StringBuilder();
            StringBuilder nLines = new StringBuilder();
            int[] aNumber = {0};
            int[] nNumber = {0};
            StringBuilder notes = new StringBuilder();
            int[] noteNumber = {0};
            Set<String> written = new HashSet<>();
            List<Span> ordered = new ArrayList<>(spans);
            ordered.sort((a, b) -> Long.compare(tNumber(tIds.get(a.id())), tNumber(tIds.get(b.id()))));
            for (Span span : ordered) {
                String t = tIds.get(span.id());
                List<int[]> parts = fragments(text, span.start(), span.end());
                if (parts.isEmpty()) {
                    losses.add(
                            "brat",
                            source,
                            0,
                            "spans of line breaks only not written",
                            "span " + span.id() + " (" + span.start() + ":" + span.end()
                                    + ") holds nothing but line breaks");
                    continue;
                }
                if (parts.get(0)[0] != span.start() || parts.get(parts.size() - 1)[1] != span.end()) {
                    losses.add(
                            "brat",
                            source,
                            0,
                            "spans ending in a line break written without it",
                            "span "
                                    + span.id() + " (" + span.start() + ":" + span.end() + ") is written as "
                                    + parts.get(0)[0] + ":" + parts.get(parts.size() - 1)[1]);
                }
                written.add(span.id());
                tLines.append(t)
                        .append('\t')
                        .append(BratNames.encode(span.label()))
                        .append(' ');
                StringBuilder quoted = new StringBuilder();
                for (int i = 0; i < parts.size(); i++) {
                    int[] p = parts.get(i);
                    tLines.append(i == 0 ? "" : ";").append(p[0]).append(' ').append(p[1]);
                    quoted.append(i == 0 ? "" : " ").append(text.slice(p[0], p[1]));
                }
                tLines.append('\t').append(quoted).append('\n');
                for (Map.Entry<String, String> a : span.attributes().entrySet()) {
                    String type = BratNames.encode(a.getKey());
                    String value = BratNames.encode(a.getValue());
                    attributeValues.computeIfAbsent(type, k -> new TreeSet<>()).add(value);
                    aLines.append('A')
                            .append(++aNumber[0])
                            .append('\t')
                            .append(type)
                            .append(' ')
                            .append(t)
                            .append(' ')
                            .append(value)
                            .append('\n');
                }
                List<String> otherLinks = new ArrayList<>();
                for (String link : span.links()) {
                    String compact = compact(doc, link);
                    if (compact == null) {
                        otherLinks.add(link);
                        continue;
                    }
                    String prefix = compact.substring(0, compact.indexOf(':'));
                    resources.putIfAbsent(prefix, doc.prefixes().get(prefix));
                    nLines.append('N')
                            .append(++nNumber[0])
                            .append('\t')
                            .append(REFERENCE)
                            .append(' ')
                            .append(t)
                            .append(' ')
                            .append(compact)
                            .append('\t')
                            .append(quoted)
                            .append('\n');
                }
                if (span.note() != null) {
                    String[] lines = LINE_BREAK.split(span.note(), -1);
                    if (lines.length > 1) {
                        boolean onlyLf = span.note()
                                .chars()
                                .filter(c -> BratNames.isLineBreak(c))
                                .allMatch(c -> c == '\n');
                        losses.add(
                                "brat",
                                source,
                                0,
                                "notes longer than a line kept as several AnnotatorNotes",
                                "the note of span " + span.id() + " has " + lines.length + " lines"
                                        + (onlyLf ? "" : "; its line breaks come back as LF"));
                    }
                    for (String line : lines) {
                        notes.append('#')
                                .append(++noteNumber[0])
                                .append('\t')
                                .append(NOTES)
                                .append(' ')
                                .append(t)
                                .append('\t')
                                .append(line)
                                .append('\n');
                    }
                }
                List<String> facts = new ArrayList<>();
                if (span.annotator() != null) {
                    facts.add("annotator=" + BratNames.encodeValue(span.annotator()));
                }
                if (span.created() != null) {
                    facts.add("created=" + span.created());
                }
                if (span.suggestion()) {
                    facts.add("suggestion=true");
                }
                if (number(span.id(), "s") != tNumber(t)) {
                    facts.add("id=" + BratNames.encodeValue(span.id()));
                }
                if (!otherLinks.isEmpty()) {
                    facts.add("links=" + BratNames.encodeValue(String.join(" ", otherLinks)));
                }
                if (!facts.isEmpty()) {
                    notes.append('#')
                            .append(++noteNumber[0])
                            .append('\t')
                            .append(FACTS)
                            .append(' ')
                            .append(t)
                            .append('\t')
                            .append(String.join(" ", facts))
                            .append('\n');
                }
            }
            StringBuilder rLines = new StringBuilder();
            for (Relation r : doc.relations()) {
                if (!written.contains(r.from()) || !written.contains(r.to())) {
                    losses.add(
                            "brat",
                            source,
                            0,
                            "relations of unwritten spans not written",
                            "relation " + r.id() + " (" + r.from() + " " + r.type() + " " + r.to() + ")");
                    continue;
                }
                String rid = rIds.get(r.id());
                if (!r.attributes().isEmpty()) {
                    losses.add(
                            "brat",
                            source,
                            0,
                            "attributes of relations not written",
                            "relation " + r.id() + ": "
                                    + r.attributes().entrySet().stream()
                                            .map(a -> a.getKey() + "=" + a.getValue())
                                            .toList());
                }
                String type = BratNames.encode(r.type());
                relationTypes.add(type);
                rLines.append(rid)
                        .append('\t')
                        .append(type)
                        .append(" Arg1:")
                        .append(tIds.get(r.from()))
                        .append(" Arg2:")
                        .append(tIds.get(r.to()))
                        .append('\n');
                if (number(r.id(), "r") != tNumber(rid)) {
                    notes.append('#')
                            .append(++noteNumber[0])
                            .append('\t')
                            .append(FACTS)
                            .append(' ')
                            .append(rid)
                            .append("\tid=")
                            .append(BratNames.encodeValue(r.id()))
                            .append('\n');
                }
            }
            return tLines.append(rLines)
                    .append(aLines)
                    .append(nLines)
                    .append(notes)
                    .toString();
        }

        /**
         * The link as {@code PREFIX:ID} when it can be a brat normalisation: written so, or a full
         * IRI that a declared prefix's base starts (the longest such base); null otherwise. brat
         * splits its tools.conf at commas, so a base with a comma or white space is no resource.
         */
        private static String compact(AnnotatedDocument doc, String link) {
            String prefix = Links.prefix(link);
            if (prefix != null) {
                return usable(doc.prefixes().get(prefix)) ? link : null;
            }
            String best = null;
            int length = 0;
            for (Map.Entry<String, String> p : doc.prefixes().entrySet()) {
                String base = p.getValue();
                if (usable(base) && base.length() > length && link.length() > base.length() && link.startsWith(base)) {
                    best = p.getKey() + ":" + link.substring(base.length());
                    length = base.length();
                }
            }
            return best;
        }

        private static boolean usable(String base) {
            return base != null && base.indexOf(',') < 0 && base.indexOf('%') < 0;
        }

        private static long tNumber(String bratId) {
            return Long.parseLong(bratId.substring(1));
        }

        @Override
        public void close() throws ExportException {
            if (closed) {
                return;
            }
            closed = true;
            Path conf = folder.resolve("annotation.conf");
            Exporters.writeAtomically(conf, out -> write(out, annotationConf()));
            files.add(conf);
            Path visual = folder.resolve("visual.conf");
            Exporters.writeAtomically(visual, out -> write(out, visualConf()));
            files.add(visual);
            if (!resources.isEmpty()) {
                Path tools = folder.resolve("tools.conf");
                Exporters.writeAtomically(tools, out -> write(out, toolsConf()));
                files.add(tools);
            }
        }

        private static void write(OutputStream out, String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.UTF_8));
        }

        private String annotationConf() {
            StringBuilder b = new StringBuilder();
            b.append("# Written by Scholion: one group per label set (a '!' heading cannot be chosen).\n");
            b.append("# Types are label names with characters brat cannot hold written as %XX (UTF-8).\n");
            b.append("[entities]\n");
            Set<String> seen = new LinkedHashSet<>();
            labelsBySet.forEach((set, labels) -> {
                b.append('!').append(BratNames.encode(set)).append('\n');
                for (String name : labels.keySet()) {
                    if (seen.add(name)) {
                        b.append('\t').append(BratNames.encode(name)).append('\n');
                    }
                }
            });
            b.append("[relations]\n");
            for (String type : relationTypes) {
                b.append(type).append("\tArg1:<ENTITY>, Arg2:<ENTITY>\n");
            }
            b.append("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");
            b.append("[events]\n");
            b.append("[attributes]\n");
            attributeValues.forEach((type, values) -> b.append(type)
                    .append("\tArg:<ENTITY>, Value:")
                    .append(String.join("|", values))
                    .append('\n'));
            return b.toString();
        }

        /** The knowledge bases of the N lines: each prefix a normalisation resource, its IRI base the URL. */
        private String toolsConf() {
            StringBuilder b = new StringBuilder();
            b.append("# Written by Scholion: the knowledge bases of the N lines, one per link prefix.\n");
            b.append("[normalization]\n");
            resources.forEach((prefix, base) -> b.append(prefix)
                    .append("\t<URL>:")
                    .append(base)
                    .append(", <URLBASE>:")
                    .append(base)
                    .append("%s\n"));
            return b.toString();
        }

        private String visualConf() {
            StringBuilder labels = new StringBuilder();
            StringBuilder drawing = new StringBuilder();
            Set<String> seen = new HashSet<>();
            labelsBySet
                    .values()
                    .forEach(set -> set.values().forEach(label -> {
                        if (!seen.add(label.name())) {
                            return;
                        }
                        String type = BratNames.encode(label.name());
                        if (!type.equals(label.name()) && label.name().indexOf('|') < 0) {
                            labels.append(type)
                                    .append(" | ")
                                    .append(label.name())
                                    .append('\n');
                        }
                        drawing.append(type)
                                .append("\tbgColor:")
                                .append(label.color())
                                .append('\n');
                    }));
            return "# Written by Scholion: the names and colours of the labels.\n[labels]\n" + labels + "[drawing]\n"
                    + drawing;
        }

        @Override
        public List<Path> files() {
            return List.copyOf(files);
        }
    }
}
