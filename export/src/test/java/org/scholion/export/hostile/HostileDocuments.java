package org.scholion.export.hostile;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;

/** Documents written by an attacker: formulas, markup, control characters XML forbids, bidi overrides. */
final class HostileDocuments {
    static final String TEXT = "=SUM(A1:A9) said +Zoë -minus @home\tTAB <script>alert(1)</script> "
            + "\"><img src=x onerror=alert(2)> NUL[\u0000] BEL[\u0007] VT[\u000B] ESC[\u001B[31m] "
            + "FFFE[\uFFFE] RLO[\u202Eevil\u202C] 😀 ]]> &amp; end.\r\nsecond line";

    private HostileDocuments() {}

    /** Spans, notes, labels, annotator and title that each start with a formula character or hold markup. */
    static AnnotatedDocument formulasAndMarkup() {
        Document doc = new Document(
                "hostile",
                "<script>alert('title')</script>\u0000\u0007 =cmd",
                null,
                "text/plain",
                "en",
                Map.of("source", "=HYPERLINK(\"http://x\",\"y\")"),
                TEXT);
        LabelSet labels = LabelSet.of(
                "attack",
                new Label("=Formula", "#AA3377", "=1+1 <b>bold</b>\u0000", null, null),
                new Label("+Plus", "#228833", null, null, null),
                new Label("@At", "#4477AA", null, null, null),
                new Label("<script>alert(3)</script>", "#CCBB44", "\"><svg onload=alert(4)>", null, null));
        Instant when = Instant.parse("2026-11-24T10:00:00Z");
        return AnnotatedDocument.of(doc, List.of(labels))
                .withSpan(new Span("s1", 0, 11, "=Formula", "-2+3", "=me", when, false))
                .withSpan(new Span("s2", 17, 21, "+Plus", "@SUM(A1)", "@you", when, false))
                .withSpan(new Span("s3", 22, 28, "@At", "\tTAB first", "+them", null, false))
                .withSpan(new Span("s4", 29, 34, "=Formula", "\rCR first", null, null, false))
                .withSpan(new Span(
                        "s5",
                        34,
                        38,
                        "<script>alert(3)</script>",
                        "\"><img src=x onerror=alert(5)>",
                        "<b>x</b>",
                        null,
                        false))
                .withSpan(new Span(
                        "s6", 39, 64, "<script>alert(3)</script>", "NUL\u0000 BEL\u0007 in a note", null, null, false))
                .withSpan(new Span("s7", 96, 135, "@At", "\nLF first", null, null, false))
                .withSpan(new Span("s8", 0, TEXT.codePointCount(0, TEXT.length()), "+Plus", null, null, null, false))
                .withRelation(new Relation("r1", "said-by", "s1", "s2"));
    }
}
