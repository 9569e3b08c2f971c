package org.scholion.core.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;

/**
 * A {@code *.scholion.json} file on disk. Writes are atomic (a temporary file in the same folder,
 * flushed to disk, then renamed over the old one) and every read-modify-write holds a lock, so
 * concurrent writers lose nothing and a killed process leaves the old file or the new one.
 * A file that cannot be read is never overwritten.
 */
public final class AnnotationFile {
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS_IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path path;

    private AnnotationFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    public static AnnotationFile at(Path path) {
        return new AnnotationFile(path);
    }

    /** An edit of the annotated document; it may refuse with an {@link IllegalArgumentException}. */
    @FunctionalInterface
    public interface Edit {
        AnnotatedDocument apply(AnnotatedDocument document) throws ScholionException;
    }

    public Path path() {
        return path;
    }

    public boolean exists() {
        return Files.exists(path);
    }

    /** Reads the annotated document. */
    public AnnotatedDocument read() throws ScholionException {
        return load().document();
    }

    /** Reads the annotated document with its history. */
    public Snapshot load() throws ScholionException {
        // parsed as it is read: a 60 MB file need not sit in memory as bytes beside its model
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new ScholionException(name(), "no such file");
        } catch (IOException e) {
            throw new ScholionException(name(), "cannot read: " + reason(e), e);
        }
        try (in) {
            return parse(in, name());
        } catch (IOException e) {
            // closing a stream that was only read cannot lose anything
            throw new ScholionException(name(), "cannot read: " + reason(e), e);
        }
    }

    /**
     * Writes a new annotation file.
     *
     * @throws ScholionException if the file exists and {@code overwrite} is false, or on I/O failure
     */
    public void create(AnnotatedDocument document, boolean overwrite) throws ScholionException {
        withLock(() -> {
            if (!overwrite && Files.exists(path)) {
                throw new ScholionException(name(), "already exists (choose another name or overwrite it)");
            }
            writeAtomically(Snapshot.of(document));
            return null;
        });
    }

    /**
     * Reads the file, applies {@code edit} and writes the result, all under the lock, recording the
     * change in the history. An edit that changes nothing writes nothing; one that changes only the
     * document's facts (title, metadata) writes them without a history entry.
     *
     * @return the file's new content
     * @throws ScholionException if the file cannot be read, the edit is refused, or writing fails;
     *                           the file is then as it was
     */
    public Snapshot update(String summary, Edit edit) throws ScholionException {
        return withLock(() -> {
            Snapshot before = load();
            AnnotatedDocument after;
            try {
                after = edit.apply(before.document());
            } catch (IllegalArgumentException e) {
                throw new ScholionException(name(), e.getMessage(), e);
            }
            Change change = Change.between(before.document(), after, summary);
            if (change.isEmpty()) {
                if (after.document().equals(before.document().document())) {
                    return before;
                }
                // the document's own facts (its metadata, such as its status) are not annotations:
                // written, but not recorded in the history, so undo and redo leave them alone
                Snapshot next = new Snapshot(after, before.history());
                writeAtomically(next);
                return next;
            }
            Snapshot next = new Snapshot(after, before.history().record(change));
            writeAtomically(next);
            return next;
        });
    }

    /**
     * Rewrites the file in the current format ({@code scholion/2}) and canonical layout, history
     * included, under the lock; a file already in that form is left alone. Other edits upgrade a
     * {@code scholion/1} file too, since every write is in the current format: this is the explicit way.
     *
     * @return whether the file was rewritten
     */
    public boolean upgrade() throws ScholionException {
        return withLock(() -> {
            byte[] before;
            try {
                before = Files.readAllBytes(path);
            } catch (NoSuchFileException e) {
                throw new ScholionException(name(), "no such file");
            } catch (IOException e) {
                throw new ScholionException(name(), "cannot read: " + reason(e), e);
            }
            Snapshot snapshot = parse(new java.io.ByteArrayInputStream(before), name());
            if (java.util.Arrays.equals(before, toBytes(snapshot))) {
                return false;
            }
            writeAtomically(snapshot);
            return true;
        });
    }

    /** Undoes up to {@code steps} changes; returns the new content and how many were undone. */
    public Snapshot undo(int steps) throws ScholionException {
        return travel(steps, true);
    }

    /** Redoes up to {@code steps} undone changes. */
    public Snapshot redo(int steps) throws ScholionException {
        return travel(steps, false);
    }

    private Snapshot travel(int steps, boolean back) throws ScholionException {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, not " + steps);
        }
        return withLock(() -> {
            Snapshot current = load();
            List<Change> undo = new ArrayList<>(current.history().undo());
            List<Change> redo = new ArrayList<>(current.history().redo());
            List<Change> from = back ? undo : redo;
            List<Change> to = back ? redo : undo;
            if (from.isEmpty()) {
                throw new ScholionException(name(), back ? "nothing to undo" : "nothing to redo");
            }
            AnnotatedDocument doc = current.document();
            for (int i = 0; i < steps && !from.isEmpty(); i++) {
                Change change = from.remove(from.size() - 1);
                try {
                    doc = (back ? change.inverse() : change).applyTo(doc);
                } catch (IllegalArgumentException e) {
                    throw new ScholionException(
                            name(),
                            "cannot " + (back ? "undo" : "redo") + " '" + change.summary() + "': " + e.getMessage(),
                            e);
                }
                to.add(change);
            }
            Snapshot next = new Snapshot(doc, new History(undo, redo));
            writeAtomically(next);
            return next;
        });
    }

    /** Reads an annotation file's content from a stream; {@code source} names it in messages. */
    public static Snapshot parse(InputStream in, String source) throws ScholionException {
        return JsonCodec.readSnapshot(in, source);
    }

    /** Writes an annotation file's content to a stream, which is not closed. */
    public static void write(Snapshot snapshot, OutputStream out) throws IOException {
        JsonCodec.write(snapshot, out);
    }

    /** The annotation file's content as bytes. */
    public static byte[] toBytes(Snapshot snapshot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            JsonCodec.write(snapshot, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private interface Locked<T> {
        T run() throws ScholionException;
    }

    private <T> T withLock(Locked<T> action) throws ScholionException {
        ReentrantLock local = LOCKS_IN_THIS_JVM.computeIfAbsent(path, p -> new ReentrantLock());
        local.lock();
        try {
            Path lockFile = path.resolveSibling("." + path.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                return action.run();
            } catch (IOException e) {
                throw new ScholionException(name(), "cannot lock for writing: " + reason(e), e);
            }
        } finally {
            local.unlock();
        }
    }

    private void writeAtomically(Snapshot snapshot) throws ScholionException {
        try {
            // every writer holds the lock while its temporary exists: any left now are a dead writer's
            AtomicWrite.removeStaleTemporaries(path);
            AtomicWrite.write(path, out -> JsonCodec.write(snapshot, out));
        } catch (IOException e) {
            throw new ScholionException(name(), "cannot write: " + reason(e) + " (the file is unchanged)", e);
        }
    }

    private String name() {
        Path cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder " + n.getFile();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
