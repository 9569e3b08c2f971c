package org.scholion.export.corpus;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.scholion.export.ExportException;

/** A hidden temporary file in the output folder that a corpus export writes into before it is complete. */
final class Spool {
    private final Path file;
    private final OutputStream out;

    Spool(Path folder, String name) throws ExportException {
        try {
            Files.createDirectories(folder);
            file = Files.createTempFile(folder, "." + name + ".", ".tmp");
            out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new ExportException("cannot write into " + folder + ": " + e.getMessage(), e);
        }
    }

    OutputStream out() {
        return out;
    }

    Path file() {
        return file;
    }

    /** Flushes and closes the stream, keeping the file. */
    void close() throws IOException {
        out.close();
    }

    void delete() {
        try {
            out.close();
        } catch (IOException ignored) {
            // the file is removed next; nothing written is wanted
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a hidden temporary file is harmless
        }
    }
}
