package org.scholion.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Span;
import org.scholion.core.team.Diff.Difference;
import org.scholion.core.team.Diff.Kind;

/** The differences of two annotations as a document whose labels are the kinds of difference, for {@code show --diff}. */
final class DiffView {
    static final LabelSet KINDS = new LabelSet(
            "diff",
            List.of(
                    new Label("only in A", "#D73027", "A has this span, B nothing like it", null, null),
                    new Label("only in B", "#1A9850", "B has this span, A nothing like it", null, null),
                    new Label(
                            "label conflict",
                            "#FEE08B",
                            "same offsets, another label (the note names A's and B's)",
                            null,
                            null),
                    new Label(
                            "boundary conflict", "#FC8D59", "same label, other offsets (A's, then B's)", null, null)));

    private DiffView() {}

    static AnnotatedDocument of(AnnotatedDocument a, List<Difference> differences) {
        // a label conflict puts A's and B's span at one place with one kind: one span, both labels in its note
        Map<String, Span> spans = new LinkedHashMap<>();
        int n = 0;
        for (Difference d : differences) {
            String label = KINDS.labels().get(d.kind().ordinal()).name();
            if (d.a() != null) {
                add(
                        spans,
                        new Span(
                                "a" + ++n + "." + d.a().id(),
                                d.a().start(),
                                d.a().end(),
                                label,
                                d.kind() == Kind.ONLY_IN_A ? null : "A " + d.a().label(),
                                null,
                                null,
                                false));
            }
            if (d.b() != null) {
                add(
                        spans,
                        new Span(
                                "b" + ++n + "." + d.b().id(),
                                d.b().start(),
                                d.b().end(),
                                label,
                                d.kind() == Kind.ONLY_IN_B ? null : "B " + d.b().label(),
                                null,
                                null,
                                false));
            }
        }
        AnnotatedDocument.Builder b = AnnotatedDocument.builder(a.document()).labelSets(List.of(KINDS));
        spans.values().forEach(b::span);
        return b.build();
    }

    private static void add(Map<String, Span> spans, Span span) {
        String place = span.start() + ":" + span.end() + ":" + span.label();
        Span there = spans.get(place);
        if (there == null) {
            spans.put(place, span);
        } else if (span.note() != null) {
            spans.put(place, there.withNote(there.note() == null ? span.note() : there.note() + ", " + span.note()));
        }
    }
}
