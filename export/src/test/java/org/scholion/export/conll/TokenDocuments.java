package org.scholion.export.conll;

import java.util.List;
import java.util.Map;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.export.jsonld.TestDocuments;

/** Documents for the token formats: the shared tricky one, with right-to-left text, sub-token spans and more relations. */
public final class TokenDocuments {
    public static final String MIXED_TEXT =
            TestDocuments.TRICKY_TEXT + "\r\nשלום עולם 👍🏽 قال مرحبا بالعالم.\r\n\r\nLast: a [b]|c_d -> e; *f* \\g.\n";

    private TokenDocuments() {}

    /** The tricky document plus RTL text, spans inside words, stacked and crossing spans and relations. */
    public static AnnotatedDocument mixed() {
        AnnotatedDocument tricky = TestDocuments.tricky();
        CodePointText text = CodePointText.of(MIXED_TEXT);
        Document document = new Document("mixed-doc", "Mixed", null, "text/plain", "und", Map.of(), MIXED_TEXT);
        LabelSet extra = new LabelSet(
                "extra",
                List.of(Label.of("Greeting", "#AA3377"), Label.of("Part", "#BBBBBB"), Label.of("x|y [z]", "#0077BB")));
        AnnotatedDocument.Builder builder = AnnotatedDocument.builder(document)
                .labelSets(tricky.labelSets())
                .labelSet(extra);
        tricky.spans().forEach(builder::span);
        builder.span(
                new Span("h1", at(text, "שלום"), at(text, "עולם") + 4, "Greeting", "RTL note; a|b", null, null, false));
        builder.span(Span.of("h2", at(text, "ולם"), at(text, "ולם") + 3, "Part"));
        builder.span(Span.of("h3", at(text, "👍🏽"), at(text, "👍🏽") + 2, "Part"));
        builder.span(
                new Span("h4", at(text, "مرحبا"), at(text, "بالعالم") + 7, "Greeting", "_*\\[1]", null, null, false));
        builder.span(Span.of("h5", at(text, "[b]"), at(text, "-> e") + 4, "x|y [z]"));
        builder.span(Span.of("h6", at(text, "c_d"), at(text, "*f*") + 3, "Part"));
        builder.span(Span.of("h7", at(text, "Last"), at(text, "Last") + 2, "Part"));
        tricky.relations().forEach(builder::relation);
        builder.relation(new Relation("r3", "answers", "h4", "h1"));
        builder.relation(new Relation("r4", "part-of", "h2", "h1"));
        builder.relation(new Relation("r5", "part-of", "h6", "h5"));
        return builder.build();
    }

    /** The first lines of CoNLL-2003's English training data, as a document: EU rejects German call ... */
    public static AnnotatedDocument eu() {
        String s = "EU rejects German call to boycott British lamb.\nPeter Blackburn\n";
        CodePointText text = CodePointText.of(s);
        LabelSet set = new LabelSet(
                "conll2003",
                List.of(
                        Label.of("ORG", "#4477AA"),
                        Label.of("MISC", "#EE6677"),
                        Label.of("PER", "#228833"),
                        Label.of("LOC", "#CCBB44")));
        return AnnotatedDocument.builder(Document.of("eu", s))
                .labelSet(set)
                .span(Span.of("s1", 0, 2, "ORG"))
                .span(Span.of("s2", at(text, "German"), at(text, "German") + 6, "MISC"))
                .span(Span.of("s3", at(text, "British"), at(text, "British") + 7, "MISC"))
                .span(Span.of("s4", at(text, "Peter"), at(text, "Blackburn") + 9, "PER"))
                .build();
    }

    static int at(CodePointText text, String needle) {
        int index = text.string().indexOf(needle);
        if (index < 0) {
            throw new IllegalArgumentException("'" + needle + "' is not in the text");
        }
        return text.toCodePointIndex(index);
    }
}
