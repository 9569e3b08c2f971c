package org.scholion.viewer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.seeds.Seeds;

/** Annotation files for the viewer's tests: the seed article and a document full of markup. */
final class Samples {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String HOSTILE_ID = "hostile";

    private Samples() {}

    static Path seed(Path folder) throws ScholionException {
        Path file = folder.resolve("seed.scholion.json");
        AnnotationFile.at(file).create(Seeds.referenceAnnotation(), false);
        return file;
    }

    static AnnotatedDocument hostile() {
        String text = "Mallory wrote " + SCRIPT + " and then " + IMG + " in 😀 Zoë\u0301's notes.\n"
                + "Second paragraph مرحبا.\n";
        Document doc = new Document(
                HOSTILE_ID, "Title " + SCRIPT + IMG, null, "text/plain", "en", Map.of("source", IMG), text);
        LabelSet set = LabelSet.of(
                "tricky",
                new Label("<img src=x onerror=alert(3)>", "#CC3311", "Label " + SCRIPT, null, null),
                new Label("PERSON", "#4477AA", null, null, null));
        int script = text.indexOf(SCRIPT);
        int img = text.codePointCount(0, text.indexOf(IMG));
        Instant when = Instant.parse("2026-11-24T10:00:00Z");
        return AnnotatedDocument.of(doc, List.of(set))
                .withSpan(new Span("s1", 0, 7, "PERSON", "note " + SCRIPT, IMG, when, false))
                .withSpan(new Span(
                        "s2",
                        script,
                        script + SCRIPT.length(),
                        "<img src=x onerror=alert(3)>",
                        "note " + IMG,
                        "mallory",
                        when,
                        false))
                .withSpan(new Span(
                        "s3", img, img + IMG.length(), "<img src=x onerror=alert(3)>", SCRIPT, null, null, false))
                .withRelation(new Relation("r1", "said-by", "s2", "s1"));
    }

    /**
     * Three lines of one paragraph, a blank line, a new paragraph, then a paragraph of 60 lines long
     * enough to go out in pieces; lines end in {@code terminator}. A span crosses the first break.
     */
    static AnnotatedDocument lines(String id, String terminator) {
        StringBuilder text = new StringBuilder("Line one.")
                .append(terminator)
                .append("Line two.")
                .append(terminator)
                .append("Line three.")
                .append(terminator)
                .append(terminator)
                .append("New paragraph.")
                .append(terminator)
                .append(terminator);
        for (int i = 0; i < 60; i++) {
            text.append(String.format(java.util.Locale.ROOT, "Long %02d", i))
                    .append(" of a paragraph cut into pieces.")
                    .append(terminator);
        }
        String s = text.toString();
        Document doc = new Document(id, "Lines " + id, null, "text/plain", "en", Map.of(), s);
        int one = s.indexOf("one.");
        int two = s.indexOf("two.");
        return AnnotatedDocument.of(doc, List.of(Seeds.labelSet("entities").orElseThrow()))
                .withSpan(Span.of("s1", one, two + 3, "PERSON"));
    }

    static Path lines(Path folder, String id, String terminator) throws ScholionException {
        Path file = folder.resolve(id + ".scholion.json");
        AnnotationFile.at(file).create(lines(id, terminator), false);
        return file;
    }

    /**
     * {@code paragraphs} paragraphs of about 200 code points (emoji first, CRLF line ends, a blank
     * line between), each with a span {@code pN} on the words "Paragraph N" and, every fifth, a
     * span {@code xN} from its last words into the next paragraph.
     */
    static AnnotatedDocument large(String id, int paragraphs) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < paragraphs; i++) {
            text.append(String.format(java.util.Locale.ROOT, "😀 Paragraph %03d", i))
                    .append(" of a document long enough to be served in slices, with Zoë́ in it;")
                    .append("\r\nits second line carries on for a while and ends here, well after the first.")
                    .append("\r\n\r\n");
        }
        String s = text.toString();
        org.scholion.core.text.CodePointText points = org.scholion.core.text.CodePointText.of(s);
        AnnotatedDocument.Builder builder = AnnotatedDocument.builder(
                        new Document(id, "Large " + id, null, "text/plain", "en", Map.of(), s))
                .labelSet(Seeds.labelSet("entities").orElseThrow());
        for (int i = 0; i < paragraphs; i++) {
            int here = s.indexOf(String.format(java.util.Locale.ROOT, "Paragraph %03d", i));
            int at = points.toCodePointIndex(here);
            builder.span(Span.of("p" + i, at, at + 13, i % 2 == 0 ? "PERSON" : "LOCATION"));
            if (i % 5 == 0 && i + 1 < paragraphs) {
                int next = s.indexOf(String.format(java.util.Locale.ROOT, "Paragraph %03d", i + 1));
                int from = points.toCodePointIndex(s.indexOf("well after", here));
                int to = points.toCodePointIndex(s.indexOf("ends here", next));
                builder.span(Span.of("x" + i, from, to, "ORGANIZATION"));
            }
        }
        return builder.build();
    }

    static Path large(Path folder, String id, int paragraphs) throws ScholionException {
        Path file = folder.resolve(id + ".scholion.json");
        AnnotationFile.at(file).create(large(id, paragraphs), false);
        return file;
    }

    static Path hostile(Path folder) throws ScholionException {
        Path file = folder.resolve("hostile.scholion.json");
        AnnotationFile.at(file).create(hostile(), false);
        return file;
    }
}
