package org.scholion.export.jsonld;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;

/** Small hand-built documents that hold what breaks exporters; shared by the CSV and JSON-LD tests. */
public final class TestDocuments {
    /**
     * Emoji (a ZWJ sequence and a musical symbol outside the BMP), a combining accent, CRLF, a
     * TAB, quotes and cells a spreadsheet would run.
     */
    public static final String TRICKY_TEXT = "Café 👩‍🔬 said \"=1+2\", yes.\r\n"
            + "Next line: e\u0301te\u0301 — 𝄞 music; -minus +plus @at\r\n"
            + "\tTabbed end, <script>alert(1)</script>.";

    private TestDocuments() {}

    /** The tricky document: overlapping and nested spans, notes with quotes, commas and newlines. */
    public static AnnotatedDocument tricky() {
        CodePointText text = CodePointText.of(TRICKY_TEXT);
        Document document = new Document(
                "tricky-doc",
                "Tricky <b>\"doc\"</b>",
                null,
                "text/plain",
                "en",
                Map.of("source", "hand-built"),
                TRICKY_TEXT);
        LabelSet set = new LabelSet(
                "tricky",
                List.of(
                        new Label("Quote", "#4477AA", "Words someone said.", "q", null),
                        new Label("Name calling", "#EE6677", null, null, null),
                        new Label("=Formula", "#228833", null, null, null),
                        new Label("Émotion", "#CCBB44", null, null, null),
                        new Label("Person", "#66CCEE", null, "p", "https://example.org/labels#person")));
        Instant t1 = Instant.parse("2026-11-24T10:00:00Z");
        Instant t2 = Instant.parse("2026-11-25T08:30:15.250Z");
        List<Span> spans = List.of(
                new Span("s1", 0, at(text, "\r\n"), "Quote", "whole first line, outer", "alice", t1, false),
                new Span(
                        "s2",
                        at(text, "👩"),
                        at(text, "👩") + 3,
                        "Person",
                        "She said \"no\", then\nleft, twice.\r\nEnd",
                        "alice smith",
                        t2,
                        false),
                new Span(
                        "s3",
                        at(text, "=1+2"),
                        at(text, "=1+2") + 4,
                        "=Formula",
                        "=HYPERLINK(\"http://x\")",
                        "=cmd",
                        t1,
                        false),
                new Span("s4", at(text, "yes."), at(text, "Next") + 4, "Émotion", null, null, null, false),
                new Span(
                        "s5",
                        at(text, "e\u0301te"),
                        at(text, "e\u0301te") + 5,
                        "Name calling",
                        "combining: é",
                        "bob",
                        null,
                        false),
                new Span("s6", at(text, "𝄞"), at(text, "𝄞") + 1, "Émotion", "-1", null, t1, false),
                new Span("s7", at(text, "-minus"), at(text, "-minus") + 6, "=Formula", "+1", "@bob", null, false),
                new Span("s8", at(text, "+plus"), at(text, "+plus") + 5, "=Formula", null, null, null, false),
                new Span("s9", at(text, "@at"), at(text, "@at") + 3, "=Formula", null, null, null, false),
                new Span(
                        "s10",
                        at(text, "\tTabbed"),
                        at(text, "\tTabbed") + 7,
                        "Quote",
                        "\ttab note",
                        null,
                        null,
                        false),
                new Span("x:1", at(text, "<script>"), at(text, "</script>") + 9, "Quote", null, "ünïcode", t1, false),
                // the same stretch twice, and one inside another: ordered by start, end descending, id
                new Span("s11", at(text, "👩"), at(text, "👩") + 3, "Émotion", null, null, null, false),
                new Span(
                        "s12",
                        at(text, "said"),
                        at(text, "yes") + 3,
                        "Quote",
                        "said, \"=1+2\", yes",
                        null,
                        null,
                        false));
        AnnotatedDocument.Builder builder = AnnotatedDocument.builder(document).labelSets(List.of(set));
        spans.forEach(builder::span);
        builder.relation(new Relation("r1", "said-by", "s3", "s2"));
        builder.relation(new Relation("r2", "attributed-to", "s12", "s2"));
        return builder.build();
    }

    /** The code-point offset of the first occurrence of {@code needle}. */
    static int at(CodePointText text, String needle) {
        int index = text.string().indexOf(needle);
        if (index < 0) {
            throw new IllegalArgumentException("'" + needle + "' is not in the text");
        }
        return text.toCodePointIndex(index);
    }
}
