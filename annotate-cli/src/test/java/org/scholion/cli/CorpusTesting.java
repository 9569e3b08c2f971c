package org.scholion.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.seeds.Seeds;

/** A corpus the CLI tests generate: documents in five scripts in nested folders, and one broken file. */
final class CorpusTesting {
    /** Latin with a combining mark and CRLF, Cyrillic, Arabic, CJK, emoji; each names a person and a place. */
    static final List<String> TEXTS = List.of(
            "Zoe\u0301 visited Paris in May.\r\nShe liked it.",
            "\u0410\u043D\u043D\u0430 \u0436\u0438\u0432\u0451\u0442 \u0432 \u041C\u043E\u0441\u043A\u0432\u0435.",
            "\u0633\u0627\u0631\u0629 \u0641\u064A \u0627\u0644\u0642\u0627\u0647\u0631\u0629 \u0627\u0644\u064A\u0648\u0645.",
            "\u674E\u660E\u4F4F\u5728\u5317\u4EAC\u3002",
            "\uD83D\uDC69\u200D\uD83D\uDCBB Ada went to \uD83C\uDDEC\uD83C\uDDE7 London \uD83D\uDE00 today.");
    /** {@code [personStart, personEnd, placeStart, placeEnd]} of each text, in code points. */
    static final List<int[]> SPANS = List.of(
            new int[] {0, 4, 13, 18},
            new int[] {0, 4, 13, 19},
            new int[] {0, 4, 8, 15},
            new int[] {0, 2, 4, 6},
            new int[] {4, 7, 19, 25});

    static final List<String> PERSONS =
            List.of("Zoe\u0301", "\u0410\u043D\u043D\u0430", "\u0633\u0627\u0631\u0629", "\u674E\u660E", "Ada");
    static final Instant WHEN = Instant.parse("2026-12-01T09:00:00Z");

    private CorpusTesting() {}

    static AnnotatedDocument document(int i) {
        Document doc = new Document("doc-" + i, "Document " + i, null, "text/plain", null, Map.of(), TEXTS.get(i));
        int[] s = SPANS.get(i);
        AnnotatedDocument annotated = AnnotatedDocument.of(
                        doc, List.of(Seeds.labelSet("entities").orElseThrow()))
                .withSpan(new Span(
                        "s1",
                        s[0],
                        s[1],
                        "PERSON",
                        i % 2 == 0 ? "a note" : null,
                        i % 2 == 0 ? "alice" : "bob",
                        WHEN,
                        false))
                .withSpan(new Span("s2", s[2], s[3], "LOCATION", null, "alice", WHEN, false));
        return i == 0 ? annotated.withRelation(new Relation("r1", "visits", "s1", "s2")) : annotated;
    }

    /**
     * Writes doc-0 to doc-2 into {@code folder}, doc-3 and doc-4 into {@code folder/sub}, a broken
     * {@code broken.scholion.json} (cut short), a hidden file and a text file that are skipped.
     *
     * @return the annotation files, sorted, the broken one first
     */
    static List<Path> write(Path folder) throws IOException, ScholionException {
        List<Path> written = new ArrayList<>();
        Files.createDirectories(folder.resolve("sub"));
        for (int i = 0; i < TEXTS.size(); i++) {
            Path file = folder.resolve((i >= 3 ? "sub/" : "") + "doc-" + i + ".scholion.json");
            AnnotationFile.at(file).create(document(i), false);
            written.add(file);
        }
        Path broken = folder.resolve("broken.scholion.json");
        Files.writeString(broken, "{\"format\": \"scholion/1\", \"document\": ", StandardCharsets.UTF_8);
        written.add(broken);
        Files.writeString(folder.resolve(".hidden.scholion.json"), "skipped", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("notes.txt"), "skipped", StandardCharsets.UTF_8);
        written.sort(null);
        return written;
    }
}
