package org.scholion.core.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.scholion.core.ScholionException;
import org.scholion.core.model.LabelSet;

/**
 * The {@code scholion/2} JSON of annotation files and label-set files: its name, the versions read,
 * the JSON settings shared by {@link SnapshotReader} and {@link SnapshotWriter}, and the entry
 * points of both. {@code scholion/2} adds attributes and links to {@code scholion/1}, which is
 * read as it is (a subset) and written as {@code scholion/2} at its first edit.
 */
final class JsonCodec {
    /** The format written. */
    static final String FORMAT = "scholion/2";
    /** The formats read. */
    static final List<String> READS = List.of("scholion/1", "scholion/2");

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNestingDepth(64)
                    .build())
            .build();

    static {
        FACTORY.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        FACTORY.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        FACTORY.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    }

    private JsonCodec() {}

    static Snapshot readSnapshot(InputStream in, String source) throws ScholionException {
        return SnapshotReader.readSnapshot(in, source);
    }

    static LabelSet readLabelSet(InputStream in, String source) throws ScholionException {
        return SnapshotReader.readLabelSet(in, source);
    }

    static void write(Snapshot snapshot, OutputStream out) throws IOException {
        SnapshotWriter.write(snapshot, out);
    }

    static void writeLabelSetFile(LabelSet set, OutputStream out) throws IOException {
        SnapshotWriter.writeLabelSetFile(set, out);
    }
}
