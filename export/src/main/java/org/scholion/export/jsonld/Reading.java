package org.scholion.export.jsonld;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
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
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.export.jsonld.JsonLdImporter.Problem;
import org.scholion.export.jsonld.JsonLdImporter.Result;
import org.scholion.export.jsonld.JsonLdImporter.Severity;

/**
 * One import in progress: streams the items of a collection, one annotation tree at a time,
 * and keeps only what becomes spans and relations.
 */
final class Reading {
    private static final Set<String> CONTEXTS = Set.of(JsonLdExporter.CONTEXT, "https://www.w3.org/ns/anno.jsonld");
    private static final Set<String> NOTE_PURPOSES = Set.of("commenting", "describing", "replying", "editing",
            "questioning", "assessing", "highlighting", "bookmarking");

    /** A span waiting for its id. */
    private record PendingSpan(String ref, String annotationId, String wantedId, int start, int end, String label,
                               String note, String annotator, Instant created) {
    }

    /** A relation waiting for the spans it links. */
    private record PendingLink(String ref, String wantedId, String type, String from, String to) {
    }

    /** Where an annotation lies, or why it lies nowhere. */
    private record Placed(int start, int end, String warning, String failure) {
        static Placed at(int start, int end, String warning) {
            return new Placed(start, end, warning, null);
        }

        static Placed nowhere(String failure) {
            return new Placed(-1, -1, null, failure);
        }
    }

    private final String source;
    private final Document document;
    private final CodePointText text;
    private final String documentIri;
    private final Set<String> ownIris = new HashSet<>();
    private final ImportedLabels labels;
    private final List<Problem> problems = new ArrayList<>();
    private final List<PendingSpan> spans = new ArrayList<>();
    private final List<PendingLink> links = new ArrayList<>();
    private final Set<String> annotationIds = new HashSet<>();
    private String collectionIri;
    private int items;
    private int withSource;
    private int elsewhere;
    private String firstElsewhere;
    private boolean severalElsewhere;

    Reading(String source, Document document, List<LabelSet> labelSets) {
        this.source = source;
        this.document = document;
        this.text = CodePointText.of(document.text());
        this.documentIri = Iris.document(document);
        ownIris.add(documentIri);
        ownIris.add(document.resolvedIri());
        this.labels = new ImportedLabels(labelSets);
    }

    // ---------------------------------------------------------------- streaming the input

    void read(JsonParser p) throws IOException, ScholionException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw new ScholionException(source, "the file is empty");
        }
        if (first == JsonToken.START_ARRAY) {
            items(p);
            return;
        }
        if (first != JsonToken.START_OBJECT) {
            throw new ScholionException(source, p.currentTokenLocation().getLineNr(),
                    p.currentTokenLocation().getColumnNr(), "expected a JSON object (an AnnotationCollection)", null);
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        boolean sawItems = false;
        String unfetched = null;
        boolean sawContext = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("first") && value == JsonToken.START_OBJECT) {
                page(p);
                sawItems = true;
            } else if (name.equals("items") && value == JsonToken.START_ARRAY) {
                items(p);
                sawItems = true;
            } else {
                JsonNode node = p.readValueAsTree();
                fields.put(name, node);
                if (name.equals("@context")) {
                    context(node);
                    sawContext = true;
                } else if ((name.equals("id") || name.equals("@id")) && node.isTextual()) {
                    collectionIri = node.asText();
                } else if (name.equals("first") || name.equals("next")) {
                    unfetched = "its page " + shorten(node.toString()) + " is not embedded; Scholion never fetches pages";
                    collection(unfetched);
                }
            }
        }
        if (!sawContext) {
            collection("it has no @context; read as Web Annotation JSON-LD");
        }
        if (!sawItems) {
            ObjectNode annotation = JsonNodeFactory.instance.objectNode();
            fields.forEach(annotation::set);
            if (!annotation.has("target") && unfetched != null) {
                throw new ScholionException(source, unfetched);
            }
            if (!annotation.has("target")) {
                throw new ScholionException(source,
                        "not a Web Annotation collection: it has no items (first.items) and is no annotation");
            }
            collectionIri = null;
            annotation(annotation);
        }
    }

    private void page(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("items") && value == JsonToken.START_ARRAY) {
                items(p);
            } else if (name.equals("next") && value == JsonToken.START_OBJECT) {
                page(p);
            } else if (name.equals("next")) {
                collection("its next page " + shorten(p.readValueAsTree().toString())
                        + " is not embedded; Scholion never fetches pages");
            } else {
                p.skipChildren();
            }
        }
    }

    private void items(JsonParser p) throws IOException {
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY && token != null) {
            items++;
            JsonNode item = p.readValueAsTree();
            if (item.isObject()) {
                annotation(item);
            } else if (item.isTextual()) {
                problem(item.asText(), Severity.SKIPPED,
                        "is a reference, not an embedded annotation; Scholion never fetches it");
            } else {
                problem("#" + items, Severity.SKIPPED, "is not a JSON object");
            }
        }
    }

    private void context(JsonNode context) {
        List<String> unknown = new ArrayList<>();
        boolean anno = false;
        for (JsonNode entry : context.isArray() ? context : List.of(context)) {
            if (entry.isTextual() && CONTEXTS.contains(entry.asText())) {
                anno = true;
            } else {
                unknown.add(entry.isTextual() ? entry.asText() : "an embedded context");
            }
        }
        if (!unknown.isEmpty()) {
            collection("@context " + shorten(String.join(", ", unknown))
                    + " is not read (Scholion never fetches contexts); terms are read as the Web Annotation context defines them");
        } else if (!anno) {
            collection("its @context is empty; read as Web Annotation JSON-LD");
        }
    }

    // ---------------------------------------------------------------- one annotation

    private void annotation(JsonNode a) {
        String id = string(a, "id", "@id");
        String ref = id != null ? id : "#" + Math.max(items, 1);
        if (id != null && !annotationIds.add(id)) {
            problem(ref, Severity.SKIPPED, "its id is used by an earlier annotation");
            return;
        }
        Set<String> types = terms(field(a, "type", "@type"));
        if (!types.isEmpty() && !types.contains("Annotation")) {
            problem(ref, Severity.SKIPPED, "is a " + String.join(", ", types) + ", not an Annotation");
            return;
        }
        Set<String> motivations = terms(a.get("motivation"));
        if (motivations.contains("linking")) {
            link(a, ref, id);
            return;
        }
        JsonNode target = a.get("target");
        if (target == null || target.isNull()) {
            problem(ref, Severity.SKIPPED, "has no target");
            return;
        }
        if (target.isArray()) {
            if (target.size() != 1) {
                problem(ref, Severity.SKIPPED, "has " + target.size() + " targets; a span has one");
                return;
            }
            target = target.get(0);
        }
        if (target.isTextual()) {
            problem(ref, Severity.SKIPPED, "targets the whole of " + shorten(target.asText())
                    + ", not a stretch of its text");
            return;
        }
        if (!target.isObject()) {
            problem(ref, Severity.SKIPPED, "its target is not an object");
            return;
        }
        String targetSource = idOf(target.get("source"));
        boolean ours = true;
        if (targetSource != null) {
            withSource++;
            if (!ownIris.contains(targetSource)) {
                ours = false;
                elsewhere++;
                if (firstElsewhere == null) {
                    firstElsewhere = targetSource;
                } else if (!firstElsewhere.equals(targetSource)) {
                    severalElsewhere = true;
                }
            }
        }
        Placed placed = place(target.get("selector"), ours);
        if (placed.failure() != null) {
            problem(ref, Severity.SKIPPED, placed.failure());
            return;
        }
        if (placed.warning() != null) {
            problem(ref, Severity.WARNING, placed.warning());
        }
        Bodies bodies = bodies(a, ref, motivations);
        String note = bodies.note();
        String annotator = annotator(a.get("creator"));
        if (loneSurrogate(bodies.classifying) || loneSurrogate(bodies.tag) || loneSurrogate(note)
                || loneSurrogate(annotator)) {
            // JSON can escape half a character; no UTF-8 file could hold it afterwards
            problem(ref, Severity.SKIPPED, "its label, note or creator holds half a character (a lone surrogate)");
            return;
        }
        String label;
        try {
            String fallback = motivations.isEmpty() ? "annotation" : motivations.iterator().next();
            label = labels.resolve(bodies.classifying, bodies.tag, fallback);
        } catch (IllegalArgumentException e) {
            problem(ref, Severity.SKIPPED, e.getMessage());
            return;
        }
        spans.add(new PendingSpan(ref, id, wantedId(id), placed.start(), placed.end(), label, note, annotator,
                created(a, ref)));
    }

    /** What the bodies of an annotation say. */
    private static final class Bodies {
        String classifying;
        String tag;
        StringBuilder notes;

        String note() {
            return notes == null ? null : notes.toString();
        }

        void note(String value) {
            if (value == null || value.isEmpty()) {
                return;
            }
            if (notes == null) {
                notes = new StringBuilder(value);
            } else {
                notes.append("\n\n").append(value);
            }
        }
    }

    private Bodies bodies(JsonNode a, String ref, Set<String> motivations) {
        Bodies found = new Bodies();
        boolean tagging = motivations.contains("tagging");
        int classifying = 0;
        int tags = 0;
        JsonNode body = a.get("body");
        for (JsonNode b : body == null ? List.<JsonNode>of() : body.isArray() ? body : List.of(body)) {
            if (b.isTextual()) {
                classifying++;
                if (found.classifying == null) {
                    found.classifying = b.asText();
                }
                continue;
            }
            Set<String> purposes = terms(b.get("purpose"));
            Set<String> bodyTypes = terms(field(b, "type", "@type"));
            String value = string(b, "value", "rdf:value");
            String resource = idOf(b.get("source"));
            if (resource == null && value == null) {
                resource = string(b, "id", "@id");
            }
            if (purposes.contains("classifying") || (purposes.isEmpty() && value == null && resource != null)) {
                classifying++;
                if (found.classifying == null) {
                    found.classifying = resource;
                }
            } else if (purposes.contains("tagging") || (purposes.isEmpty() && tagging && value != null)) {
                tags++;
                if (found.tag == null) {
                    found.tag = value;
                }
            } else if (value != null && (purposes.isEmpty() || purposes.stream().anyMatch(NOTE_PURPOSES::contains))) {
                found.note(value);
            } else {
                problem(ref, Severity.WARNING, "a body (" + shorten(String.join(", ", purposes.isEmpty() ? bodyTypes
                        : purposes)) + ") is not a label, tag or note and was left out");
            }
        }
        String bodyValue = string(a, "bodyValue");
        if (bodyValue != null) {
            if (tagging && found.tag == null) {
                found.tag = bodyValue;
                tags++;
            } else {
                found.note(bodyValue);
            }
        }
        if (classifying > 1) {
            problem(ref, Severity.WARNING, "has " + classifying + " classifying bodies; the first gives the label");
        } else if (classifying == 0 && tags > 1) {
            problem(ref, Severity.WARNING, "has " + tags + " tags; the first gives the label");
        }
        return found;
    }

    // ---------------------------------------------------------------- where in the text

    private Placed place(JsonNode selectors, boolean ours) {
        int start = -1;
        int end = -1;
        boolean position = false;
        String exact = null;
        String prefix = null;
        String suffix = null;
        List<String> others = new ArrayList<>();
        for (JsonNode s : selectors == null ? List.<JsonNode>of() : selectors.isArray() ? selectors : List.of(selectors)) {
            Set<String> types = terms(field(s, "type", "@type"));
            if (types.contains("TextPositionSelector") && !position) {
                position = true;
                start = integer(s.get("start"));
                end = integer(s.get("end"));
            } else if (types.contains("TextQuoteSelector") && exact == null) {
                exact = string(s, "exact");
                prefix = string(s, "prefix");
                suffix = string(s, "suffix");
            } else {
                others.addAll(types);
            }
        }
        if (!position && exact == null) {
            return Placed.nowhere("has no TextPositionSelector or TextQuoteSelector"
                    + (others.isEmpty() ? "" : " (only " + String.join(", ", others) + ")"));
        }
        boolean inside = position && 0 <= start && start < end && end <= text.length();
        if (inside) {
            if (exact == null) {
                return Placed.at(start, end, null);
            }
            String there = text.slice(start, end);
            if (there.equals(exact)) {
                return Placed.at(start, end, null);
            }
            String differs = "its quote \"" + shorten(exact) + "\" differs from the text at " + start + ":" + end
                    + " (\"" + shorten(there) + "\")";
            if (ours) {
                return Placed.at(start, end, differs + "; the position wins");
            }
            Placed byQuote = locate(exact, prefix, suffix);
            return byQuote.failure() != null
                    ? Placed.nowhere(differs + ", it targets another document, and " + byQuote.failure())
                    : Placed.at(byQuote.start(), byQuote.end(), differs + ", and it targets another document; placed by its quote");
        }
        String outside = position ? "its position " + start + ":" + end + " is not a stretch of the text (0 to "
                + text.length() + ")" : null;
        if (exact == null) {
            return Placed.nowhere(outside);
        }
        Placed byQuote = locate(exact, prefix, suffix);
        if (byQuote.failure() != null) {
            return Placed.nowhere(outside == null ? byQuote.failure() : outside + ", and " + byQuote.failure());
        }
        String warning = outside == null ? byQuote.warning()
                : outside + "; placed by its quote" + (byQuote.warning() == null ? "" : " (" + byQuote.warning() + ")");
        return Placed.at(byQuote.start(), byQuote.end(), warning);
    }

    /** Finds a quote that occurs exactly once, its prefix and suffix deciding between several. */
    private Placed locate(String exact, String prefix, String suffix) {
        if (exact == null || exact.isEmpty()) {
            return Placed.nowhere("its quote is empty");
        }
        String string = text.string();
        boolean context = (prefix != null && !prefix.isEmpty()) || (suffix != null && !suffix.isEmpty());
        int all = 0;
        int allAt = -1;
        int fitting = 0;
        int fittingAt = -1;
        for (int i = string.indexOf(exact); i >= 0; i = string.indexOf(exact, i + 1)) {
            if (all++ == 0) {
                allAt = i;
            }
            boolean fits = (prefix == null || (i >= prefix.length() && string.startsWith(prefix, i - prefix.length())))
                    && (suffix == null || string.startsWith(suffix, i + exact.length()));
            if (fits && fitting++ == 0) {
                fittingAt = i;
            }
        }
        String quote = "its quote \"" + shorten(exact) + "\"";
        int at;
        String warning = null;
        if (all == 0) {
            return Placed.nowhere(quote + " is not in the text");
        } else if (fitting == 1) {
            at = fittingAt;
        } else if (all == 1) {
            at = allAt;
            warning = context ? "the text around its quote differs from its prefix/suffix" : null;
        } else {
            return Placed.nowhere(quote + " occurs " + all + " times in the text"
                    + (context ? " and its prefix/suffix do not single out one" : " and it has no prefix or suffix"));
        }
        try {
            int start = text.toCodePointIndex(at);
            int end = text.toCodePointIndex(at + exact.length());
            return Placed.at(start, end, warning);
        } catch (IllegalArgumentException e) {
            return Placed.nowhere(quote + " starts or ends inside a character");
        }
    }

    // ---------------------------------------------------------------- relations

    private void link(JsonNode a, String ref, String id) {
        JsonNode target = a.get("target");
        List<String> ends = new ArrayList<>();
        for (JsonNode t : target == null ? List.<JsonNode>of() : target.isArray() ? target : List.of(target)) {
            ends.add(t.isTextual() ? t.asText() : firstNonNull(string(t, "id", "@id"), idOf(t.get("source"))));
        }
        if (ends.size() != 2 || ends.contains(null)) {
            problem(ref, Severity.SKIPPED, "links " + ends.size() + " targets; a relation links two annotations");
            return;
        }
        Bodies bodies = bodies(a, ref, Set.of("tagging"));
        String type = bodies.tag != null ? bodies.tag : "linking";
        if (loneSurrogate(type)) {
            problem(ref, Severity.SKIPPED, "its type holds half a character (a lone surrogate)");
            return;
        }
        links.add(new PendingLink(ref, wantedId(id), type, ends.get(0), ends.get(1)));
    }

    // ---------------------------------------------------------------- the result

    Result finish() throws ScholionException {
        if (elsewhere > 0) {
            String elsewhereIs = elsewhere + " of " + withSource + " annotations target " + shorten(firstElsewhere)
                    + (severalElsewhere ? " (or other sources)" : "") + ", not this document (" + documentIri + ")";
            if (elsewhere == withSource && spans.isEmpty()) {
                throw new ScholionException(source, elsewhereIs + ", and none of them fits its text");
            }
            collection(elsewhereIs + "; imported those whose selectors fit its text");
        }
        AnnotatedDocument.Builder builder = AnnotatedDocument.builder(document).labelSets(labels.labelSets());
        Map<String, String> spanIdByAnnotation = new HashMap<>();
        Set<String> taken = new HashSet<>();
        List<PendingSpan> unnamed = new ArrayList<>();
        for (PendingSpan pending : spans) {
            Span span = pending.wantedId() == null || taken.contains(pending.wantedId()) ? null
                    : span(pending, pending.wantedId(), false);
            if (span == null) {
                unnamed.add(pending);
            } else {
                add(builder, pending, span, spanIdByAnnotation, taken);
            }
        }
        int next = 1;
        for (PendingSpan pending : unnamed) {
            while (taken.contains("s" + next)) {
                next++;
            }
            Span span = span(pending, "s" + next, true);
            if (span != null) {
                add(builder, pending, span, spanIdByAnnotation, taken);
            }
        }
        relations(builder, spanIdByAnnotation);
        return new Result(builder.build(), problems);
    }

    private Span span(PendingSpan p, String id, boolean report) {
        try {
            return new Span(id, p.start(), p.end(), p.label(), p.note(), p.annotator(), p.created(), false);
        } catch (IllegalArgumentException e) {
            if (report) {
                problem(p.ref(), Severity.SKIPPED, e.getMessage());
            }
            return null;
        }
    }

    private void add(AnnotatedDocument.Builder builder, PendingSpan pending, Span span,
                     Map<String, String> spanIdByAnnotation, Set<String> taken) {
        try {
            builder.span(span);
        } catch (IllegalArgumentException e) {
            problem(pending.ref(), Severity.SKIPPED, e.getMessage());
            return;
        }
        taken.add(span.id());
        if (pending.annotationId() != null) {
            spanIdByAnnotation.put(pending.annotationId(), span.id());
        }
    }

    private void relations(AnnotatedDocument.Builder builder, Map<String, String> spanIdByAnnotation) {
        Set<String> taken = new HashSet<>();
        List<PendingLink> unnamed = new ArrayList<>();
        List<Relation> named = new ArrayList<>();
        List<PendingLink> namedFrom = new ArrayList<>();
        for (PendingLink link : links) {
            String from = spanIdByAnnotation.get(link.from());
            String to = spanIdByAnnotation.get(link.to());
            if (from == null || to == null) {
                problem(link.ref(), Severity.SKIPPED, "links " + shorten(from == null ? link.from() : link.to())
                        + ", which is not an imported span");
                continue;
            }
            Relation relation = link.wantedId() == null || taken.contains(link.wantedId()) ? null
                    : relation(link, link.wantedId(), from, to, false);
            if (relation == null) {
                unnamed.add(link);
            } else {
                taken.add(relation.id());
                named.add(relation);
                namedFrom.add(link);
            }
        }
        int next = 1;
        for (PendingLink link : unnamed) {
            while (taken.contains("r" + next)) {
                next++;
            }
            Relation relation = relation(link, "r" + next, spanIdByAnnotation.get(link.from()),
                    spanIdByAnnotation.get(link.to()), true);
            if (relation != null) {
                taken.add(relation.id());
                named.add(relation);
                namedFrom.add(link);
            }
        }
        for (int i = 0; i < named.size(); i++) {
            try {
                builder.relation(named.get(i));
            } catch (IllegalArgumentException e) {
                problem(namedFrom.get(i).ref(), Severity.SKIPPED, e.getMessage());
            }
        }
    }

    private Relation relation(PendingLink link, String id, String from, String to, boolean report) {
        try {
            return new Relation(id, link.type(), from, to);
        } catch (IllegalArgumentException e) {
            if (report) {
                problem(link.ref(), Severity.SKIPPED, e.getMessage());
            }
            return null;
        }
    }

    // ---------------------------------------------------------------- small readers

    /** The span or relation id an annotation IRI minted by Scholion carries, or null. */
    private String wantedId(String annotationId) {
        if (annotationId == null) {
            return null;
        }
        String rest = null;
        if (collectionIri != null && annotationId.startsWith(collectionIri + "/")) {
            rest = annotationId.substring(collectionIri.length() + 1);
        } else if (annotationId.startsWith(Iris.collection(documentIri) + "/")) {
            rest = annotationId.substring(Iris.collection(documentIri).length() + 1);
        }
        return rest == null || rest.isEmpty() || rest.indexOf('/') >= 0 ? null : Iris.decode(rest);
    }

    private String annotator(JsonNode creator) {
        if (creator == null || creator.isNull()) {
            return null;
        }
        JsonNode first = creator.isArray() ? (creator.isEmpty() ? null : creator.get(0)) : creator;
        if (first == null) {
            return null;
        }
        if (first.isTextual()) {
            return firstNonNull(Iris.parseAnnotator(first.asText()), first.asText());
        }
        String name = firstNonNull(string(first, "name"), string(first, "nickname"));
        String id = string(first, "id", "@id");
        return firstNonNull(name, firstNonNull(Iris.parseAnnotator(id), id));
    }

    private Instant created(JsonNode a, String ref) {
        String value = string(a, "created");
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException again) {
                problem(ref, Severity.WARNING, "created '" + shorten(value) + "' is not an ISO-8601 time; left out");
                return null;
            }
        }
    }

    private static int integer(JsonNode node) {
        if (node != null && node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node != null && node.isTextual()) {
            try {
                return Integer.parseInt(node.asText().strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    private static JsonNode field(JsonNode node, String name, String alias) {
        JsonNode value = node.get(name);
        return value != null ? value : node.get(alias);
    }

    private static String string(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String string(JsonNode node, String name, String alias) {
        String value = string(node, name);
        return value != null ? value : string(node, alias);
    }

    /** The IRI of a node given as a string or as an object with an id. */
    private static String idOf(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        return node.isObject() ? string(node, "id", "@id") : null;
    }

    /** The terms of a string or an array of strings, without a vocabulary prefix ({@code oa:linking} is {@code linking}). */
    private static Set<String> terms(JsonNode node) {
        if (node == null) {
            return Set.of();
        }
        Set<String> terms = new java.util.LinkedHashSet<>();
        for (JsonNode n : node.isArray() ? node : List.of(node)) {
            if (n.isTextual()) {
                String t = n.asText();
                int cut = Math.max(t.lastIndexOf('#'), t.lastIndexOf(':'));
                terms.add(t.substring(cut + 1));
            }
        }
        return terms;
    }

    private static boolean loneSurrogate(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static String shorten(String value) {
        String oneLine = value.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }

    private void collection(String reason) {
        problems.add(new Problem("", Severity.WARNING, reason));
    }

    private void problem(String ref, Severity severity, String reason) {
        problems.add(new Problem(ref, severity, reason));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Reading[%s, %d items]", source, items);
    }
}
