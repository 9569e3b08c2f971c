package org.scholion.viewer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.Objects;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.text.Sha256;

/**
 * An annotation file the viewer shows, re-read when a stat poll sees it change. Writers replace
 * the file by atomic rename, so a changed inode, size or modification time means a new version;
 * the content hash decides whether it really differs. A file that turns unreadable keeps its last
 * good document and reports the problem.
 */
final class WatchedFile {
    /** What the viewer currently shows for the file. */
    record State(AnnotatedDocument document, String version, String problem) {
        State {
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(version, "version");
        }
    }

    private record Stamp(Object key, long size, long modified) {}

    private final Path path;
    private final String slug;
    private volatile State state;
    private Stamp stamp;
    private String contentHash;

    private WatchedFile(Path path, String slug, State state, Stamp stamp, String contentHash) {
        this.path = path;
        this.slug = slug;
        this.state = state;
        this.stamp = stamp;
        this.contentHash = contentHash;
    }

    /** Reads the file for the first time; a file that cannot be read is refused. */
    static WatchedFile open(Path path, java.util.function.Function<AnnotatedDocument, String> slugOf)
            throws ScholionException {
        Path absolute = path.toAbsolutePath().normalize();
        Stamp stamp = stamp(absolute);
        byte[] bytes = read(absolute);
        AnnotatedDocument document = AnnotationFile.parse(new ByteArrayInputStream(bytes), path.toString())
                .document();
        String hash = hash(bytes);
        return new WatchedFile(absolute, slugOf.apply(document), new State(document, hash, null), stamp, hash);
    }

    Path path() {
        return path;
    }

    /** The URL path segment of this document, unique within the viewer. */
    String slug() {
        return slug;
    }

    State state() {
        return state;
    }

    /** Looks at the file and re-reads it if it changed; only the poller thread calls this. */
    void poll() {
        Stamp now;
        try {
            now = stamp(path);
        } catch (ScholionException e) {
            report(e.getMessage(), "missing");
            return;
        }
        if (now.equals(stamp)) {
            return;
        }
        byte[] bytes;
        try {
            bytes = read(path);
        } catch (ScholionException e) {
            report(e.getMessage(), "unreadable");
            return;
        }
        stamp = now;
        String hash = hash(bytes);
        if (hash.equals(contentHash)) {
            return;
        }
        contentHash = hash;
        try {
            AnnotatedDocument document = AnnotationFile.parse(new ByteArrayInputStream(bytes), path.toString())
                    .document();
            state = new State(document, hash, null);
        } catch (ScholionException e) {
            state = new State(state.document(), hash, e.getMessage() + " (showing the last good version)");
        }
    }

    private void report(String problem, String version) {
        stamp = null;
        contentHash = null;
        State old = state;
        if (!version.equals(old.version())) {
            state = new State(old.document(), version, problem + " (showing the last good version)");
        }
    }

    private static Stamp stamp(Path path) throws ScholionException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new Stamp(
                    attributes.fileKey(),
                    attributes.size(),
                    attributes.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            throw new ScholionException(path.toString(), "no such file");
        } catch (IOException e) {
            throw new ScholionException(path.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path path) throws ScholionException {
        // Files.readAllBytes reads through a direct buffer as large as the file, which the JDK
        // then keeps for the thread: 60 MB of native memory for good after reading L
        try (InputStream in = new FileInputStream(path.toFile())) {
            ByteArrayOutputStream bytes =
                    new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, Files.size(path)) + 1);
            byte[] chunk = new byte[1 << 16];
            for (int n; (n = in.read(chunk)) >= 0; ) {
                bytes.write(chunk, 0, n);
            }
            return bytes.toByteArray();
        } catch (java.io.FileNotFoundException e) {
            if (!Files.exists(path)) {
                throw new ScholionException(path.toString(), "no such file");
            }
            throw new ScholionException(path.toString(), "cannot read: " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new ScholionException(path.toString(), "no such file");
        } catch (IOException e) {
            throw new ScholionException(path.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    /** The first 16 hex digits of the SHA-256 of the file's bytes: the page's version and ETag. */
    static String hash(byte[] bytes) {
        return HexFormat.of().formatHex(Sha256.of(bytes), 0, 8);
    }
}
