package org.scholion.core.team;

import java.util.List;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Span;

/** Small annotated documents for the team tests: spans written as {@code "X 0 5"}. */
final class Docs {
    static final LabelSet LABELS =
            new LabelSet("test", List.of(Label.of("X", "#FF0000"), Label.of("Y", "#00FF00"), Label.of("Z", "#0000FF")));

    private Docs() {}

    static AnnotatedDocument doc(String text, String... spans) {
        return by("someone", text, spans);
    }

    static AnnotatedDocument by(String annotator, String text, String... spans) {
        AnnotatedDocument.Builder b =
                AnnotatedDocument.builder(Document.of("d", text)).labelSets(List.of(LABELS));
        int n = 0;
        for (String span : spans) {
            String[] p = span.split(" ");
            b.span(new Span(
                    "s" + ++n, Integer.parseInt(p[1]), Integer.parseInt(p[2]), p[0], null, annotator, null, false));
        }
        return b.build();
    }
}
