package org.scholion.cli.tui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.store.AnnotationFile;
import org.scholion.seeds.Seeds;

/** Annotation files and sessions for the tests. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Fixtures() {}

    /** A file holding {@code text} with the built-in entities and sourcing label sets. */
    static AnnotationFile file(Path dir, String text) throws ScholionException {
        return file(
                dir,
                text,
                List.of(
                        Seeds.labelSet("entities").orElseThrow(),
                        Seeds.labelSet("sourcing").orElseThrow()));
    }

    static AnnotationFile file(Path dir, String text, List<LabelSet> sets) throws ScholionException {
        AnnotationFile file = AnnotationFile.at(dir.resolve("doc.scholion.json"));
        file.create(AnnotatedDocument.of(Document.of("doc", text), sets), false);
        return file;
    }

    /** The seed article with its reference annotation. */
    static AnnotationFile seed(Path dir) throws ScholionException {
        AnnotationFile file = AnnotationFile.at(dir.resolve("seed.scholion.json"));
        file.create(Seeds.referenceAnnotation(), false);
        return file;
    }

    static Session session(AnnotationFile file, int width, int height, boolean color) throws ScholionException {
        return Session.open(file, new Editor("alice", CLOCK, !color), width, height);
    }

    static LabelSet set(String name, Label... labels) {
        return LabelSet.of(name, labels);
    }

    /** The screen as plain text lines. */
    static List<String> screen(Session session, boolean color) {
        return new ScreenRenderer(color)
                .render(session.state(), session.editor())
                .text();
    }
}
