package org.scholion.core.corpus;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.store.Snapshot;

/**
 * Where a document is in the project's work (todo, in progress, done, reviewed), who put it there
 * and when. It is kept in the document's metadata under {@link #KEY}, {@link #BY} and {@link #AT},
 * so the file format does not change; a document without them is {@code todo}. Setting a status is
 * not an annotation edit: it is written under the file's lock like every edit but not recorded in
 * the undo history, so undo and redo never change it.
 *
 * @param stage the stage
 * @param by    who set it; null when unknown or never set
 * @param at    when it was set; null when unknown or never set
 */
public record Status(Stage stage, String by, Instant at) {
    /** The metadata key of the stage. */
    public static final String KEY = "scholion:status";
    /** The metadata key of who set the stage. */
    public static final String BY = "scholion:status-by";
    /** The metadata key of when the stage was set (ISO-8601 UTC). */
    public static final String AT = "scholion:status-at";
    /** The status of a document nobody has marked. */
    public static final Status NONE = new Status(Stage.TODO, null, null);

    /** The stages of a document's work, in order. */
    public enum Stage {
        TODO,
        IN_PROGRESS,
        DONE,
        REVIEWED;

        /** The stage's name in files and on the command line: {@code todo}, {@code in-progress}, ... */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The stage of this name ({@code in-progress}, {@code IN_PROGRESS} ...). */
        public static Stage parse(String name) {
            String wanted = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Stage stage : values()) {
                if (stage.name().equals(wanted)) {
                    return stage;
                }
            }
            throw new IllegalArgumentException("unknown status '" + name + "' (expected one of "
                    + Arrays.stream(values()).map(Stage::label).collect(Collectors.joining(", ")) + ")");
        }
    }

    public Status {
        Objects.requireNonNull(stage, "stage");
        by = by == null || by.isBlank() ? null : by.strip();
    }

    /** The status a document's metadata holds; {@link #NONE} when it holds none. */
    public static Status of(Document document) {
        Map<String, String> meta = document.metadata();
        String stage = meta.get(KEY);
        if (stage == null) {
            return NONE;
        }
        Instant at = null;
        String when = meta.get(AT);
        if (when != null) {
            try {
                at = Instant.parse(when);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "document metadata '" + AT + "' is not an ISO-8601 time: '" + when + "'", e);
            }
        }
        return new Status(Stage.parse(stage), meta.get(BY), at);
    }

    /** The status of an annotated document. */
    public static Status of(AnnotatedDocument document) {
        return of(document.document());
    }

    /** The document with this status in its metadata, everything else as it was. */
    public AnnotatedDocument applyTo(AnnotatedDocument doc) {
        Document d = doc.document();
        Map<String, String> meta = new TreeMap<>(d.metadata());
        meta.put(KEY, stage.label());
        put(meta, BY, by);
        put(meta, AT, at == null ? null : at.toString());
        if (meta.equals(d.metadata())) {
            return doc;
        }
        Document changed = new Document(d.id(), d.title(), d.iri(), d.mediaType(), d.language(), meta, d.text());
        AnnotatedDocument.Builder builder = AnnotatedDocument.builder(changed).labelSets(doc.labelSets());
        doc.spans().forEach(builder::span);
        doc.relations().forEach(builder::relation);
        return builder.build();
    }

    /** Sets the status of an annotation file, under its lock; returns the file's new content. */
    public static Snapshot set(AnnotationFile file, Stage stage, String by, Instant at) throws ScholionException {
        Status status = new Status(stage, by, at);
        return file.update("status " + stage.label(), doc -> status.applyTo(doc));
    }

    /**
     * Marks a document {@code in-progress} if it is still {@code todo}, as an annotator does on the
     * first change; any other status is left alone.
     *
     * @return whether the status changed
     */
    public static boolean start(AnnotationFile file, String by, Instant at) throws ScholionException {
        boolean[] changed = {false};
        file.update("status " + Stage.IN_PROGRESS.label(), doc -> {
            if (of(doc).stage() != Stage.TODO) {
                return doc;
            }
            changed[0] = true;
            return new Status(Stage.IN_PROGRESS, by, at).applyTo(doc);
        });
        return changed[0];
    }

    private static void put(Map<String, String> meta, String key, String value) {
        if (value == null) {
            meta.remove(key);
        } else {
            meta.put(key, value);
        }
    }
}
