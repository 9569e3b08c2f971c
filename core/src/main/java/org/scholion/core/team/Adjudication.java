package org.scholion.core.team;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;

/** An adjudicator's decisions on suggestions: accepted ones become spans, rejected ones go. */
public final class Adjudication {
    private Adjudication() {}

    /**
     * The suggestions to decide on: those of {@code ids}, or every one when {@code ids} is empty;
     * only those of {@code label} when it is given.
     *
     * @throws IllegalArgumentException if an id names no span or a span that is no suggestion
     */
    public static List<Span> select(AnnotatedDocument doc, List<String> ids, String label) {
        List<Span> chosen = new ArrayList<>();
        if (ids.isEmpty()) {
            for (Span s : doc.spans()) {
                if (s.suggestion() && (label == null || s.label().equals(label))) {
                    chosen.add(s);
                }
            }
            return chosen;
        }
        Set<String> unique = new LinkedHashSet<>(ids);
        for (String id : unique) {
            Span s = doc.span(id).orElseThrow(() -> new IllegalArgumentException("there is no span '" + id + "'"));
            if (!s.suggestion()) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "span %s is not a suggestion (it was accepted already)", id));
            }
            if (label == null || s.label().equals(label)) {
                chosen.add(s);
            }
        }
        return chosen;
    }

    /** The document with these suggestions accepted: spans like any other, their proposers kept. */
    public static AnnotatedDocument accept(AnnotatedDocument doc, List<Span> suggestions) {
        Set<String> ids = new java.util.HashSet<>();
        suggestions.forEach(s -> ids.add(s.id()));
        AnnotatedDocument.Builder builder =
                AnnotatedDocument.builder(doc.document()).labelSets(doc.labelSets());
        for (Span s : doc.spans()) {
            builder.span(ids.contains(s.id()) ? s.withSuggestion(false) : s);
        }
        doc.relations().forEach(builder::relation);
        return builder.build();
    }

    /** The document without these suggestions (and without the relations that touch them). */
    public static AnnotatedDocument reject(AnnotatedDocument doc, List<Span> suggestions) {
        return suggestions.isEmpty()
                ? doc
                : doc.withoutSpans(suggestions.stream().map(Span::id).toList());
    }
}
