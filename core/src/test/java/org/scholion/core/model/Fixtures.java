package org.scholion.core.model;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small annotated documents for tests. */
public final class Fixtures {
    public static final LabelSet ENTITIES = LabelSet.of(
            "entities",
            new Label("PERSON", "#4477AA", "A named person.", "p", null),
            new Label("LOCATION", "#228833", "A place.", "l", null));
    public static final LabelSet SOURCING = LabelSet.of(
            "sourcing",
            new Label("QUOTE", "#E69F00", "A direct quotation.", "q", null),
            new Label("CLAIM", "#CC6677", null, null, "https://example.org/claim"));

    private Fixtures() {}

    /**
     * A new span of this label at the first place (shortest first, then leftmost) where {@code doc}
     * has none of that label: a document holds one span per offsets and label.
     */
    public static Span free(AnnotatedDocument doc, String label, String note, String annotator) {
        Set<List<Integer>> taken = new HashSet<>();
        doc.spans().stream().filter(s -> s.label().equals(label)).forEach(s -> taken.add(List.of(s.start(), s.end())));
        int length = doc.text().length();
        for (int width = 1; width <= length; width++) {
            for (int start = 0; start + width <= length; start++) {
                if (!taken.contains(List.of(start, start + width))) {
                    return new Span(doc.nextSpanId(), start, start + width, label, note, annotator, null, false);
                }
            }
        }
        throw new IllegalStateException("no free place for another " + label);
    }

    /** A text with emoji, a combining mark and CRLF, two label sets, nested spans and a relation. */
    public static AnnotatedDocument sample() {
        Document doc = new Document(
                "sample",
                "A sample",
                null,
                "text/plain",
                "en",
                Map.of("source", "test"),
                "“I 😀 Paris,” said Zoë\u0301.\r\nThe end.");
        Instant when = Instant.parse("2026-11-24T10:00:00Z");
        return AnnotatedDocument.of(doc, List.of(ENTITIES, SOURCING))
                .withSpan(new Span("s1", 1, 10, "QUOTE", "what she said, \"verbatim\"", "alice", when, false))
                .withSpan(new Span("s2", 5, 10, "LOCATION", null, "alice", when, false))
                .withSpan(new Span("s3", 18, 22, "PERSON", null, "bob", when.plusSeconds(60), false))
                .withRelation(new Relation("r1", "said-by", "s1", "s3"));
    }
}
