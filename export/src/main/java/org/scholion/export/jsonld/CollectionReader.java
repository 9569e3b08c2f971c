package org.scholion.export.jsonld;

import static org.scholion.export.jsonld.JsonNodes.field;
import static org.scholion.export.jsonld.JsonNodes.idOf;
import static org.scholion.export.jsonld.JsonNodes.string;
import static org.scholion.export.jsonld.JsonNodes.terms;
import static org.scholion.export.jsonld.Problems.shorten;

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
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.export.interchange.ForeignLabels;
import org.scholion.export.interchange.ReadOptions;
import org.scholion.export.jsonld.JsonLdImporter.Result;
import org.scholion.export.jsonld.JsonLdImporter.Severity;

/**
 * One import in progress: streams the items of a collection, one annotation tree at a time,
 * and keeps only what becomes spans and relations.
 */
final class CollectionReader {
    private static final Set<String> CONTEXTS = Set.of(JsonLdExporter.CONTEXT, "https://www.w3.org/ns/anno.jsonld");

    /** A span waiting for its id. */
    private record PendingSpan(
            String ref,
            String annotationId,
            String wantedId,
            int start,
            int end,
            String label,
            String note,
            String annotator,
            Instant created,
            Map<String, String> attributes,
            List<String> links) {}

    /** A relation waiting for the spans it links. */
    private record PendingLink(
            String ref, String wantedId, String type, String from, String to, Map<String, String> attributes) {}

    private final String source;
    private final Document document;
    private final CodePointText text;
    private final String documentIri;
    private final Set<String> ownIris = new HashSet<>();
    private final ForeignLabels labels;
    /** Known labels by IRI, as declared and as {@link Iris#cleanIri} makes it. */
    private final Map<String, String> labelByIri = new HashMap<>();

    private final Problems problems = new Problems();
    private final Selectors selectors;
    private final List<PendingSpan> spans = new ArrayList<>();
    private final List<PendingLink> links = new ArrayList<>();
    private final Set<String> annotationIds = new HashSet<>();
    private String collectionIri;
    private int items;
    private int withSource;
    private int elsewhere;
    private String firstElsewhere;
    private boolean severalElsewhere;

    CollectionReader(String source, Document document, List<LabelSet> labelSets) {
        this.source = source;
        this.document = document;
        this.text = CodePointText.of(document.text());
        this.documentIri = Iris.document(document);
        ownIris.add(documentIri);
        ownIris.add(document.resolvedIri());
        this.labels = new ForeignLabels(new ReadOptions(labelSets, JsonLdImporter.IMPORTED_LABEL_SET, null));
        for (LabelSet set : labelSets) {
            for (Label label : set.labels()) {
                if (label.iri() != null) {
                    labelByIri.put(Iris.cleanIri(label.iri()), label.name());
                    labelByIri.putIfAbsent(label.iri(), label.name());
                }
            }
        }
        this.selectors = new Selectors(text);
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
            throw new ScholionException(
                    source,
                    p.currentTokenLocation().getLineNr(),
                    p.currentTokenLocation().getColumnNr(),
                    "expected a JSON object (an AnnotationCollection)",
                    null);
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
                    unfetched =
                            "its page " + shorten(node.toString()) + " is not embedded; Scholion never fetches pages";
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
                throw new ScholionException(
                        source, "not a Web Annotation collection: it has no items (first.items) and is no annotation");
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
                problem(
                        item.asText(),
                        Severity.SKIPPED,
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
            collection(
                    "@context " + shorten(String.join(", ", unknown))
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
            problem(
                    ref,
                    Severity.SKIPPED,
                    "targets the whole of " + shorten(target.asText()) + ", not a stretch of its text");
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
        Selectors.Placed placed = selectors.place(target.get("selector"), ours);
        if (placed.failure() != null) {
            problem(ref, Severity.SKIPPED, placed.failure());
            return;
        }
        if (placed.warning() != null) {
            problem(ref, Severity.WARNING, placed.warning());
        }
        Bodies bodies = Bodies.of(a, ref, motivations, problems);
        String note = bodies.note();
        String annotator = annotator(a.get("creator"));
        if (loneSurrogate(bodies.classifying())
                || loneSurrogate(bodies.tag())
                || loneSurrogate(note)
                || loneSurrogate(annotator)) {
            // JSON can escape half a character; no UTF-8 file could hold it afterwards
            problem(ref, Severity.SKIPPED, "its label, note or creator holds half a character (a lone surrogate)");
            return;
        }
        String label;
        try {
            String fallback = motivations.isEmpty()
                    ? "annotation"
                    : motivations.iterator().next();
            label = label(bodies.classifying(), bodies.tag(), fallback);
        } catch (IllegalArgumentException e) {
            problem(ref, Severity.SKIPPED, e.getMessage());
            return;
        }
        spans.add(new PendingSpan(
                ref,
                id,
                wantedId(id),
                placed.start(),
                placed.end(),
                label,
                note,
                annotator,
                created(a, ref),
                Map.copyOf(bodies.attributes()),
                List.copyOf(bodies.links())));
    }

    /**
     * The name of the label for a classifying IRI and/or a tag, made if unknown: a known label's
     * IRI, a Scholion label IRI, the tag, or the IRI's last segment names it.
     *
     * @param fallback the name to use when there is neither IRI nor tag
     * @throws IllegalArgumentException if the name found is not a valid label name
     */
    private String label(String iri, String tag, String fallback) {
        if (iri == null) {
            return labels.resolve(tag != null ? tag : fallback);
        }
        String declared = labelByIri.get(iri);
        if (declared != null) {
            return declared;
        }
        String[] scholion = Iris.parseLabel(iri);
        if (scholion != null) {
            return labels.resolve(scholion[1]);
        }
        return labels.resolve(tag != null ? tag : lastSegment(iri), null, null, iri);
    }

    private static String lastSegment(String iri) {
        String trimmed = iri.endsWith("/") ? iri.substring(0, iri.length() - 1) : iri;
        int cut = Math.max(trimmed.lastIndexOf('#'), Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':')));
        String decoded = Iris.decode(trimmed.substring(cut + 1));
        return decoded == null || decoded.isBlank() ? iri : decoded;
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
        Bodies bodies = Bodies.of(a, ref, Set.of("tagging"), problems);
        String type = bodies.tag() != null ? bodies.tag() : "linking";
        if (loneSurrogate(type)) {
            problem(ref, Severity.SKIPPED, "its type holds half a character (a lone surrogate)");
            return;
        }
        links.add(new PendingLink(ref, wantedId(id), type, ends.get(0), ends.get(1), Map.copyOf(bodies.attributes())));
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
            Span span = pending.wantedId() == null || taken.contains(pending.wantedId())
                    ? null
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
        return new Result(builder.build(), problems.list());
    }

    private Span span(PendingSpan p, String id, boolean report) {
        try {
            Span span = new Span(id, p.start(), p.end(), p.label(), p.note(), p.annotator(), p.created(), false);
            // an attribute or link that cannot be held is left out, not the whole span
            for (Map.Entry<String, String> e : p.attributes().entrySet()) {
                try {
                    span = span.withAttribute(e.getKey(), e.getValue());
                } catch (IllegalArgumentException bad) {
                    if (report) {
                        problem(p.ref(), Severity.WARNING, bad.getMessage() + "; the attribute was left out");
                    }
                }
            }
            for (String iri : p.links()) {
                try {
                    span = span.withLink(compact(iri));
                } catch (IllegalArgumentException bad) {
                    if (report) {
                        problem(p.ref(), Severity.WARNING, bad.getMessage() + "; the link was left out");
                    }
                }
            }
            return span;
        } catch (IllegalArgumentException e) {
            if (report) {
                problem(p.ref(), Severity.SKIPPED, e.getMessage());
            }
            return null;
        }
    }

    /** An IRI as PREFIX:ID when a label set declares a prefix for its base (the longest base wins), else as it is. */
    private String compact(String iri) {
        String best = null;
        String bestBase = "";
        for (LabelSet set : labels.labelSets()) {
            for (Map.Entry<String, String> e : set.prefixes().entrySet()) {
                String base = e.getValue();
                if (iri.startsWith(base) && iri.length() > base.length() && base.length() > bestBase.length()) {
                    best = e.getKey();
                    bestBase = base;
                }
            }
        }
        return best == null ? iri : best + ":" + iri.substring(bestBase.length());
    }

    private void add(
            AnnotatedDocument.Builder builder,
            PendingSpan pending,
            Span span,
            Map<String, String> spanIdByAnnotation,
            Set<String> taken) {
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
                problem(
                        link.ref(),
                        Severity.SKIPPED,
                        "links " + shorten(from == null ? link.from() : link.to()) + ", which is not an imported span");
                continue;
            }
            Relation relation = link.wantedId() == null || taken.contains(link.wantedId())
                    ? null
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
            Relation relation = relation(
                    link, "r" + next, spanIdByAnnotation.get(link.from()), spanIdByAnnotation.get(link.to()), true);
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
            return new Relation(id, link.type(), from, to, link.attributes());
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

    private static boolean loneSurrogate(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
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

    private void collection(String reason) {
        problems.collection(reason);
    }

    private void problem(String ref, Severity severity, String reason) {
        problems.add(ref, severity, reason);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CollectionReader[%s, %d items]", source, items);
    }
}
