package org.scholion.core.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that a reader, a crash or a full disk only ever sees the old file or the new
 * one: the content goes to a hidden temporary file in the same folder ({@code .<name>.<random>.tmp}),
 * is forced to disk, renamed over the target, and the folder is forced to disk too.
 */
public final class AtomicWrite {
    private static final Set<PosixFilePermission> NEW_FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicWrite() {}

    /** Something that writes a file's content into a stream, which it need not close. */
    @FunctionalInterface
    public interface Content<X extends Exception> {
        void writeTo(OutputStream out) throws X, IOException;
    }

    /**
     * Writes {@code target} with what {@code content} writes. The file keeps its permissions when
     * it exists, and is readable by all but writable by its owner when new. When {@code content}
     * or the file system fails, the target is as it was and the temporary file is removed.
     */
    public static <X extends Exception> void write(Path target, Content<X> content) throws X, IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            keepPermissions(absolute, temp);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            syncFolder(folder);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary file is hidden and harmless; the write already failed loudly
                }
            }
        }
    }

    /**
     * Removes the temporary files that writers of {@code target} killed during a save left behind.
     * Only safe while holding a lock that every writer of {@code target} holds while its temporary
     * file exists: then any that are left belong to dead processes. Failures are ignored, since
     * only disk space is at stake.
     */
    public static void removeStaleTemporaries(Path target) {
        Path absolute = target.toAbsolutePath();
        String glob = "." + absolute.getFileName().toString().replaceAll("[\\\\*?\\[\\]{}]", "\\\\$0") + ".*.tmp";
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(absolute.getParent(), glob)) {
            for (Path file : stale) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | DirectoryIteratorException e) {
            // only disk space is at stake; the save itself goes on
        }
    }

    private static void keepPermissions(Path target, Path temp) {
        try {
            Set<PosixFilePermission> wanted =
                    Files.exists(target) ? Files.getPosixFilePermissions(target) : NEW_FILE_PERMISSIONS;
            Files.setPosixFilePermissions(temp, wanted);
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the file gets that system's defaults
        }
    }

    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some systems cannot sync a folder; the rename itself is still atomic
        }
    }
}
