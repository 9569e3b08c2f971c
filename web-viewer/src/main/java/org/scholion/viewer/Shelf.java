package org.scholion.viewer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.scholion.core.ScholionException;
import org.scholion.core.corpus.Corpus;
import org.scholion.core.corpus.Entry;
import org.scholion.core.corpus.Status;
import org.scholion.core.corpus.Tally;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;

/**
 * The documents the viewer serves, as the index sees them: a small summary of each file (title,
 * status, counts), never the documents themselves, so a corpus of any size fits. Over named files
 * the list is fixed and every document stays open; over folders and globs the listing is looked at
 * again every {@link #LIST_MILLIS} ms, so new files appear, removed ones go, and a file that cannot
 * be read is listed with its problem. Document pages open their file on demand and keep only the
 * last few open.
 */
final class Shelf {
    /** How often folders and globs are listed again, in milliseconds. */
    static final long LIST_MILLIS = 1000;
    /** How many documents of a folder stay open for their pages at once. */
    static final int OPEN = 8;

    /** Spans of one label in one document, with the label's colour. */
    record Bar(String set, String label, String color, int spans) {}

    /** What the index shows of a readable document. */
    record Summary(String id, String title, Status status, int spans, int relations, List<Bar> bars, Tally tally) {
        Summary {
            bars = List.copyOf(bars);
        }

        static Summary of(AnnotatedDocument doc) {
            Map<String, Integer> counts = new HashMap<>();
            for (Span span : doc.spans()) {
                counts.merge(span.label(), 1, Integer::sum);
            }
            List<Bar> bars = new ArrayList<>();
            for (LabelSet set : doc.labelSets()) {
                for (Label label : set.labels()) {
                    bars.add(new Bar(set.name(), label.name(), label.color(), counts.getOrDefault(label.name(), 0)));
                }
            }
            Status status;
            try {
                status = Status.of(doc);
            } catch (IllegalArgumentException e) {
                status = Status.NONE; // a malformed status time does not hide the document
            }
            return new Summary(
                    doc.document().id(),
                    doc.document().title(),
                    status,
                    doc.spans().size(),
                    doc.relations().size(),
                    bars,
                    Tally.of(doc));
        }
    }

    /**
     * One file of the shelf.
     *
     * @param path    the file as listed
     * @param slug    its address segment, unique and kept for as long as the viewer runs
     * @param version the first 16 hex digits of the SHA-256 of its bytes, or a word when it cannot be read
     * @param summary what the index shows; null when the file was never readable
     * @param failure why the file cannot be read now; null when it can
     */
    record Item(Path path, String slug, String version, Summary summary, String failure) {
        Item {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(slug, "slug");
            Objects.requireNonNull(version, "version");
            if (summary == null && failure == null) {
                throw new IllegalArgumentException("an item of " + path + " needs a summary or a failure");
            }
        }
    }

    /** The shelf at one moment: its items in path order, listing problems, and one version for all. */
    record Snapshot(List<Item> items, List<String> problems, String version) {
        Snapshot {
            items = List.copyOf(items);
            problems = List.copyOf(problems);
        }

        Optional<Item> item(String slug) {
            return items.stream().filter(i -> i.slug().equals(slug)).findFirst();
        }
    }

    private record Stamp(Object key, long size, long modified) {}

    private final List<String> arguments;
    private final Set<String> taken = new HashSet<>();
    private final Map<Path, String> slugs = new HashMap<>();
    private final Map<Path, Stamp> stamps = new HashMap<>();
    private final Map<Path, Item> items;
    private final Map<String, WatchedFile> open;
    private volatile Snapshot snapshot;
    private long listedAt;

    private Shelf(List<String> arguments, Map<Path, Item> items, Map<String, WatchedFile> open) {
        this.arguments = arguments;
        this.items = items;
        this.open = open;
    }

    /** The shelf of named files, read now; a file that cannot be read is refused, as before folders. */
    static Shelf ofFiles(List<Path> files) throws ScholionException {
        // named files keep the order they were named in
        Shelf shelf = new Shelf(null, new LinkedHashMap<>(), new LinkedHashMap<>());
        for (Path path : files) {
            WatchedFile file =
                    WatchedFile.open(path, doc -> shelf.unique(doc.document().id()));
            shelf.open.put(file.slug(), file);
        }
        shelf.refreshOpen();
        return shelf;
    }

    /** The shelf of the files these arguments (files, folders, globs) name, listed and summarised now. */
    static Shelf ofArguments(List<String> arguments) {
        Map<String, WatchedFile> recent = new LinkedHashMap<>(16, 0.75f, true);
        Shelf shelf = new Shelf(List.copyOf(arguments), new TreeMap<>(), recent);
        shelf.poll(0);
        return shelf;
    }

    /** Whether the shelf follows folders and globs (the index is always shown) rather than a fixed list of files. */
    boolean listsFolders() {
        return arguments != null;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /**
     * The open file of a document, opening it if need be; empty when no document has that address
     * or its file cannot be read now.
     */
    Optional<WatchedFile> file(String slug) {
        synchronized (open) {
            WatchedFile file = open.get(slug);
            if (file != null || arguments == null) {
                return Optional.ofNullable(file);
            }
        }
        Optional<Item> item = snapshot.item(slug);
        if (item.isEmpty() || item.get().failure() != null) {
            return Optional.empty();
        }
        WatchedFile file;
        try {
            file = WatchedFile.open(item.get().path(), doc -> slug);
        } catch (ScholionException e) {
            return Optional.empty();
        }
        synchronized (open) {
            WatchedFile raced = open.putIfAbsent(slug, file);
            if (raced != null) {
                return Optional.of(raced);
            }
            if (open.size() > OPEN) {
                var eldest = open.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        }
        return Optional.of(file);
    }

    /** The documents open for their pages now. */
    List<WatchedFile> openFiles() {
        synchronized (open) {
            return List.copyOf(open.values());
        }
    }

    /**
     * Polls the open files, and over folders lists them again when {@link #LIST_MILLIS} have passed;
     * only the poller thread calls this. {@code changed} is told of each open file, so its page can be drawn.
     */
    void poll(long now, Consumer<WatchedFile> changed) {
        for (WatchedFile file : openFiles()) {
            file.poll();
            changed.accept(file);
        }
        if (arguments == null) {
            refreshOpen();
        } else if (now - listedAt >= LIST_MILLIS || snapshot == null) {
            poll(now);
        }
    }

    private void poll(long now) {
        listedAt = now;
        Corpus corpus = Corpus.of(arguments);
        Set<Path> listed = new HashSet<>();
        for (Path path : corpus.files()) {
            listed.add(path);
            look(path);
        }
        items.keySet().retainAll(listed);
        stamps.keySet().retainAll(listed);
        Set<String> live = new HashSet<>();
        items.values().forEach(i -> live.add(i.slug()));
        synchronized (open) {
            open.keySet().retainAll(live);
        }
        List<String> problems = corpus.problems().stream().map(Entry::failure).toList();
        publish(problems);
    }

    /** Reads a listed file again if its stat changed. */
    private void look(Path path) {
        Stamp now;
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            now = new Stamp(
                    attributes.fileKey(),
                    attributes.size(),
                    attributes.lastModifiedTime().toMillis());
        } catch (IOException e) {
            now = null;
        }
        Item old = items.get(path);
        if (old != null && now != null && now.equals(stamps.get(path))) {
            return;
        }
        stamps.put(path, now);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            String why =
                    e instanceof java.nio.file.NoSuchFileException ? "no such file" : "cannot read: " + e.getMessage();
            put(path, old, "unreadable", null, path + ": " + why);
            return;
        }
        String version = WatchedFile.hash(bytes);
        if (old != null && old.version().equals(version)) {
            return;
        }
        try {
            AnnotatedDocument doc = AnnotationFile.parse(new java.io.ByteArrayInputStream(bytes), path.toString())
                    .document();
            put(path, old, version, Summary.of(doc), null);
        } catch (ScholionException e) {
            put(path, old, version, null, e.getMessage());
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            put(
                    path,
                    old,
                    version,
                    null,
                    path + ": cannot read: " + why.lines().findFirst().orElse(""));
        }
    }

    private void put(Path path, Item old, String version, Summary summary, String failure) {
        String slug = old != null ? old.slug() : slug(path, summary == null ? name(path) : summary.id());
        // an unreadable file keeps showing its last good summary beside the problem
        Summary shown = summary != null ? summary : old == null ? null : old.summary();
        items.put(path, new Item(path, slug, version, shown, failure));
    }

    /** Over named files: the items follow the open documents, each summarised once per version. */
    private void refreshOpen() {
        for (WatchedFile file : openFiles()) {
            WatchedFile.State state = file.state();
            Item old = items.get(file.path());
            if (old == null || !old.version().equals(state.version())) {
                items.put(
                        file.path(),
                        new Item(
                                file.path(),
                                file.slug(),
                                state.version(),
                                Summary.of(state.document()),
                                state.problem()));
            }
        }
        publish(List.of());
    }

    private void publish(List<String> problems) {
        List<Item> list = new ArrayList<>(items.values());
        StringBuilder all = new StringBuilder();
        for (Item item : list) {
            all.append(item.slug())
                    .append('\u0000')
                    .append(item.version())
                    .append('\u0000')
                    .append(item.failure())
                    .append('\n');
        }
        problems.forEach(p -> all.append(p).append('\n'));
        String version = WatchedFile.hash(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Snapshot old = snapshot;
        if (old == null || !old.version().equals(version)) {
            snapshot = new Snapshot(Collections.unmodifiableList(list), problems, version);
        }
    }

    /** A unique address segment for a file, the same for as long as the viewer runs. */
    private synchronized String slug(Path path, String wanted) {
        Path key = path.toAbsolutePath().normalize();
        String known = slugs.get(key);
        if (known != null) {
            return known;
        }
        String slug = unique(wanted);
        slugs.put(key, slug);
        return slug;
    }

    private synchronized String unique(String wanted) {
        String slug = wanted;
        for (int n = 2; !taken.add(slug); n++) {
            slug = wanted + "-" + n;
        }
        return slug;
    }

    private static String name(Path path) {
        String name = path.getFileName().toString();
        name = name.endsWith(Corpus.SUFFIX) ? name.substring(0, name.length() - Corpus.SUFFIX.length()) : name;
        return name.isEmpty() ? "file" : name;
    }
}
