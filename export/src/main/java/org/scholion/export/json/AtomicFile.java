package org.scholion.export.json;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.scholion.export.ExportException;

/**
 * A file written in pieces (a corpus file, one document at a time) into a temporary file beside
 * it, renamed into place by {@link #commit} once complete; {@link #abort} deletes the temporary
 * file, so a failed export leaves the target as it was.
 */
public final class AtomicFile {
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream out;
    private boolean done;

    private AtomicFile(Path target, Path temp, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    public static AtomicFile create(Path target) throws ExportException {
        Path folder = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
            return new AtomicFile(target, temp, FileChannel.open(temp, StandardOpenOption.WRITE));
        } catch (IOException e) {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the export already failed loudly
                }
            }
            throw new ExportException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    public Path target() {
        return target;
    }

    /** Where the content goes; not to be closed by the caller. */
    public OutputStream out() {
        return out;
    }

    /** Forces the content to disk and renames it over the target. */
    public void commit() throws ExportException {
        if (done) {
            return;
        }
        done = true;
        try {
            out.flush();
            channel.force(true);
            out.close();
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            abortQuietly();
            throw new ExportException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Deletes what was written; the target is left as it was. */
    public void abort() {
        done = true;
        abortQuietly();
    }

    private void abortQuietly() {
        try {
            out.close();
        } catch (IOException ignored) {
            // deleting it anyway
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a stray temporary file is all that is left
        }
    }
}
