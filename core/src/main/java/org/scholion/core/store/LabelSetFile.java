package org.scholion.core.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.scholion.core.ScholionException;
import org.scholion.core.model.LabelSet;

/** Reads and writes a label set on its own, as a JSON file. */
public final class LabelSetFile {
    private LabelSetFile() {}

    public static LabelSet read(Path path) throws ScholionException {
        try {
            return parse(new ByteArrayInputStream(Files.readAllBytes(path)), path.toString());
        } catch (NoSuchFileException e) {
            throw new ScholionException(path.toString(), "no such file");
        } catch (IOException e) {
            throw new ScholionException(path.toString(), "cannot read: " + AnnotationFile.reason(e), e);
        }
    }

    /** Reads a label set from a stream, which is consumed but not closed. */
    public static LabelSet parse(InputStream in, String source) throws ScholionException {
        return JsonCodec.readLabelSet(in, source);
    }

    /** Writes a label set to a stream, which is not closed. */
    public static void write(LabelSet set, OutputStream out) throws IOException {
        JsonCodec.writeLabelSetFile(set, out);
    }
}
