package org.scholion.export.docx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;

/**
 * A small document built to break renderers: markup, emoji, combining marks, right-to-left
 * scripts, Cyrillic, Greek, CJK, NUL and other control characters, a very long word, CRLF and
 * lone CR, and spans that overlap, nest, cross line breaks and end inside one. Shared by the
 * DOCX and PDF tests.
 */
public final class HostileDocument {
    public static final String CYRILLIC = "Съешь же ещё этих мягких французских булок";
    public static final String GREEK = "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία";
    public static final String LONG_WORD = "Donaudampfschifffahrts" + "x".repeat(260) + "gesellschaft";

    public static final String TEXT =
            "Markup <script>alert('x')</script> and \"><img src=x onerror=alert(1)> stay text.\n"
                    + "\n"
                    + "Emoji 😀 and 👍🏽 and 👨‍👩‍👧 end here.\n"
                    + "Combining: cafe\u0301 and Zu\u0308rich and a\u0335\u0327b.\n"
                    + "Arabic: مرحبا بالعالم and Hebrew: שלום עולם together.\n"
                    + "Cyrillic: " + CYRILLIC + ".\r\n"
                    + "Greek: " + GREEK + ".\r"
                    + "Controls: a\u0000b\u0001c\u0007d\u001Fe\u000Bf\u000Cg and a\ttab.\n"
                    + "CJK: 漢字かな交じり文.\n"
                    + "Long: " + LONG_WORD + " end.\n";

    private HostileDocument() {}

    public static AnnotatedDocument build() {
        LabelSet set = new LabelSet(
                "hostile",
                List.of(
                        new Label("Markup", "#AA3377", "Looks like HTML <b>but</b> is text & stays so.", null, null),
                        new Label("Script", "#4477AA", "Letters of a script other than Latin.", null, null),
                        new Label("Outer", "#228833", "A span that contains or crosses others.", null, null),
                        new Label("Symbol", "#EE6677", "Emoji and marks.", null, null),
                        new Label("Dark", "#000000", "A black label, to test contrast.", null, null)));
        Document doc = new Document(
                "hostile",
                "Hostile <input> & “quotes” — NUL\u0000 title",
                null,
                "text/plain",
                "en",
                Map.of("author", "Tester"),
                TEXT);
        CodePointText text = CodePointText.of(TEXT);
        List<Span> spans = new ArrayList<>();
        Instant when = Instant.parse("2026-11-20T08:00:00Z");
        spans.add(span(text, "s1", "Markup", "<script>alert('x')</script>", "note with <b>tags</b> & \u0000NUL", when));
        spans.add(span(text, "s2", "Markup", "\"><img src=x onerror=alert(1)>", null, null));
        spans.add(span(text, "s3", "Symbol", "😀", "grinning", when));
        spans.add(span(text, "s4", "Symbol", "👨‍👩‍👧", null, when));
        spans.add(span(text, "s5", "Outer", "Emoji 😀 and 👍🏽", "crosses into s6", when));
        spans.add(span(text, "s6", "Symbol", "👍🏽 and 👨‍👩‍👧 end", "crossed by s5", when));
        spans.add(span(text, "s7", "Symbol", "cafe\u0301", null, null));
        spans.add(span(text, "s8", "Script", "مرحبا بالعالم", "Arabic", null));
        spans.add(span(text, "s9", "Script", "שלום עולם", "Hebrew", null));
        spans.add(span(text, "s10", "Script", CYRILLIC, "Cyrillic", null));
        spans.add(span(text, "s11", "Script", GREEK, "Greek", null));
        spans.add(span(
                text, "s12", "Outer", "Cyrillic: " + CYRILLIC + ".\r\nGreek: " + GREEK + ".", "crosses a CRLF", null));
        spans.add(span(text, "s13", "Dark", "a\u0000b\u0001c\u0007d\u001Fe\u000Bf\u000Cg", "controls", null));
        spans.add(span(text, "s14", "Script", "漢字かな交じり文", "CJK", null));
        spans.add(span(text, "s15", "Markup", LONG_WORD, "a very long word", null));
        // nested three deep inside s12
        spans.add(span(text, "s16", "Markup", "французских", "inner of three", null));
        spans.add(span(text, "s17", "Symbol", "мягких французских булок", "middle of three", null));
        // ends inside the line break after it
        int end = text.toCodePointIndex(TEXT.indexOf("stay text.\n") + "stay text.\n".length());
        spans.add(new Span(
                "s18",
                text.toCodePointIndex(TEXT.indexOf("stay text.")),
                end,
                "Outer",
                "ends with its line break",
                null,
                null,
                false));
        AnnotatedDocument.Builder builder = AnnotatedDocument.builder(doc).labelSets(List.of(set));
        spans.forEach(builder::span);
        builder.relation(new Relation("r1", "said-by", "s10", "s11"));
        return builder.build();
    }

    private static Span span(CodePointText text, String id, String label, String covered, String note, Instant when) {
        int at = text.string().indexOf(covered);
        if (at < 0) {
            throw new IllegalArgumentException("'" + covered + "' is not in the text");
        }
        int start = text.toCodePointIndex(at);
        int end = text.toCodePointIndex(at + covered.length());
        return new Span(id, start, end, label, note, when == null ? null : "Tester Two", when, false);
    }
}
