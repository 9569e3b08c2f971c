package org.scholion.core.corpus;

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
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;

/** Small corpora for tests: documents in several scripts, in nested folders, and one broken file. */
public final class Corpora {
    public static final LabelSet LABELS = LabelSet.of(
            "entities",
            new Label("PERSON", "#4477AA", "A named person.", "p", null),
            new Label("PLACE", "#228833", "A place.", "l", null));
    public static final Instant WHEN = Instant.parse("2026-12-01T09:00:00Z");

    /** Texts in Latin (with a combining mark), Cyrillic, Arabic, CJK and emoji; each names a person and a place. */
    public static final List<String> TEXTS = List.of(
            "Zoe\u0301 visited Paris in May.\r\nShe liked it.",
            "\u0410\u043D\u043D\u0430 \u0436\u0438\u0432\u0451\u0442 \u0432 \u041C\u043E\u0441\u043A\u0432\u0435.",
            "\u0633\u0627\u0631\u0629 \u0641\u064A \u0627\u0644\u0642\u0627\u0647\u0631\u0629 \u0627\u0644\u064A\u0648\u0645.",
            "\u674E\u660E\u4F4F\u5728\u5317\u4EAC\u3002",
            "\uD83D\uDC69\u200D\uD83D\uDCBB Ada went to \uD83C\uDDEC\uD83C\uDDE7 London \uD83D\uDE00 today.");
    /** The person and place of each text, as {@code [personStart, personEnd, placeStart, placeEnd]} in code points. */
    public static final List<int[]> SPANS = List.of(
            new int[] {0, 4, 13, 18},
            new int[] {0, 4, 13, 19},
            new int[] {0, 4, 8, 15},
            new int[] {0, 2, 4, 6},
            new int[] {4, 7, 19, 25});

    private Corpora() {}

    /** The annotated document of {@link #TEXTS} number {@code i}, with its two spans. */
    public static AnnotatedDocument document(int i) {
        String id = "doc-" + i;
        Document doc = new Document(id, "Document " + i, null, "text/plain", null, Map.of(), TEXTS.get(i));
        int[] s = SPANS.get(i);
        return AnnotatedDocument.of(doc, List.of(LABELS))
                .withSpan(new Span(
                        "s1",
                        s[0],
                        s[1],
                        "PERSON",
                        i % 2 == 0 ? "a note" : null,
                        i % 2 == 0 ? "alice" : "bob",
                        WHEN,
                        false))
                .withSpan(new Span("s2", s[2], s[3], "PLACE", null, "alice", WHEN, false));
    }

    /**
     * Writes the five documents into {@code folder} (two of them in a subfolder), a hidden file and a
     * text file that must be skipped, and {@code broken.scholion.json}, which is not JSON.
     *
     * @return the annotation files written, sorted, the broken one among them
     */
    public static List<Path> write(Path folder) throws IOException, ScholionException {
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
        Files.writeString(folder.resolve(".hidden.scholion.json"), "not read", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("notes.txt"), "not an annotation file", StandardCharsets.UTF_8);
        written.sort(null);
        return written;
    }
}
