package org.scholion.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small annotated documents for tests. */
public final class Fixtures {
    public static final LabelSet ENTITIES = LabelSet.of("entities",
            new Label("PERSON", "#4477AA", "A named person.", "p", null),
            new Label("LOCATION", "#228833", "A place.", "l", null));
    public static final LabelSet SOURCING = LabelSet.of("sourcing",
            new Label("QUOTE", "#E69F00", "A direct quotation.", "q", null),
            new Label("CLAIM", "#CC6677", null, null, "https://example.org/claim"));

    private Fixtures() {
    }

    /** A text with emoji, a combining mark and CRLF, two label sets, nested spans and a relation. */
    public static AnnotatedDocument sample() {
        Document doc = new Document("sample", "A sample", null, "text/plain", "en", Map.of("source", "test"),
                "“I 😀 Paris,” said Zoë\u0301.\r\nThe end.");
        Instant when = Instant.parse("2026-11-24T10:00:00Z");
        return AnnotatedDocument.of(doc, List.of(ENTITIES, SOURCING))
                .withSpan(new Span("s1", 1, 10, "QUOTE", "what she said, \"verbatim\"", "alice", when, false))
                .withSpan(new Span("s2", 5, 10, "LOCATION", null, "alice", when, false))
                .withSpan(new Span("s3", 18, 22, "PERSON", null, "bob", when.plusSeconds(60), false))
                .withRelation(new Relation("r1", "said-by", "s1", "s3"));
    }
}
