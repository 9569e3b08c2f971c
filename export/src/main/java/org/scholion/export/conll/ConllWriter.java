package org.scholion.export.conll;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.core.text.Tokens;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Format;
import org.scholion.export.interchange.Details;
import org.scholion.export.interchange.DocumentWriter;
import org.scholion.export.interchange.LossReport;

/**
 * Writes documents as one CoNLL-2003 style file: a {@code -DOCSTART-} line and a blank line
 * before each document, then one token per line as {@code token TAB tag}, a blank line after each
 * sentence. Tokens and sentences are those of {@link Tokens}; the spans become one flat layer (see
 * {@link FlatLayer}) tagged in the options' scheme. One document gives {@code <id>.conll}, several
 * give {@code corpus.conll}; the file is written to a temporary file and renamed into place when
 * the batch closes, so a failed export leaves nothing.
 */
public final class ConllWriter implements DocumentWriter {
    /** The file written for more than one document. */
    public static final String CORPUS_FILE = "corpus.conll";

    static final String DOCSTART = "-DOCSTART-";

    private final ConllOptions conll;

    public ConllWriter(ConllOptions conll) {
        this.conll = Objects.requireNonNull(conll, "conll");
    }

    @Override
    public Format format() {
        return Format.CONLL;
    }

    @Override
    public Batch open(Path folder, ExportOptions options, LossReport losses) throws ExportException {
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder.toAbsolutePath(), ".conll-", ".tmp");
            return new ConllBatch(folder, temp, options, losses);
        } catch (IOException e) {
            throw new ExportException("cannot write into " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Writes one document's lines to {@code out}: what the batch writes, for tests and callers with a stream. */
    public void write(AnnotatedDocument document, ExportOptions options, LossReport losses, Writer out)
            throws ExportException, IOException {
        AnnotatedDocument doc = options.select(document);
        String id = doc.document().id();
        Details.notWritten(FlatLayer.FORMAT, id, doc, losses);
        List<Span> spans = new ArrayList<>();
        if (conll.labelSet() != null && doc.labelSet(conll.labelSet()).isEmpty()) {
            throw new ExportException(id + ": has no label set '" + conll.labelSet() + "' to write as the CoNLL layer");
        }
        for (Span span : doc.spans()) {
            if (conll.labelSet() == null
                    || doc.labelSetOf(span.label())
                            .map(s -> s.name().equals(conll.labelSet()))
                            .orElse(false)) {
                spans.add(span);
            }
        }
        FlatLayer layer = FlatLayer.of(doc, spans, losses);
        reportUnwritten(doc, spans, losses);
        reportRenumbered(doc, layer, losses);
        CodePointText text = doc.text();
        out.write(DOCSTART);
        out.write("\tO\n\n");
        List<Tokens.Sentence> sentences = layer.sentences();
        for (int s = 0; s < sentences.size(); s++) {
            List<Tokens.Token> tokens = sentences.get(s).tokens();
            String[] tags = Tags.encode(tokens.size(), layer.chunks(s), conll.scheme());
            for (int t = 0; t < tokens.size(); t++) {
                Tokens.Token token = tokens.get(t);
                out.write(text.slice(token.start(), token.end()));
                out.write('\t');
                out.write(tags[t]);
                out.write('\n');
            }
            out.write('\n');
        }
    }

    private static void reportUnwritten(AnnotatedDocument doc, List<Span> spans, LossReport losses) {
        String id = doc.document().id();
        losses.add(
                FlatLayer.FORMAT,
                id,
                0,
                "document texts kept only as tokens",
                "the white space, line breaks, id, title and metadata of document " + id
                        + " are not in the file; import joins its tokens with spaces");
        int attributed = 0;
        for (Span span : spans) {
            if (span.note() != null) {
                losses.add(FlatLayer.FORMAT, id, 0, "notes not written", FlatLayer.describe(doc, span) + " has a note");
            }
            if (span.annotator() != null || span.created() != null || span.suggestion()) {
                attributed++;
            }
        }
        if (attributed > 0) {
            losses.add(
                    FlatLayer.FORMAT,
                    id,
                    0,
                    "documents with span attributions not written",
                    attributed + " spans of document " + id + " have an annotator, a time or a suggestion mark");
        }
        doc.relations()
                .forEach(r -> losses.add(
                        FlatLayer.FORMAT,
                        id,
                        0,
                        "relations not written",
                        "relation " + r.id() + " " + r.type() + " from " + r.from() + " to " + r.to()));
    }

    /** A CoNLL chunk has no id: the reader numbers the spans in the order they are read. */
    private static void reportRenumbered(AnnotatedDocument doc, FlatLayer layer, LossReport losses) {
        layer.idsReadBack().forEach((span, back) -> {
            if (back.size() != 1 || !back.get(0).equals(span)) {
                losses.add(
                        FlatLayer.FORMAT,
                        doc.document().id(),
                        0,
                        "span ids not kept (spans are numbered in order)",
                        "span " + span + " comes back as " + String.join(" and ", back));
            }
        });
    }

    private final class ConllBatch implements Batch {
        private final Path folder;
        private final Path temp;
        private final ExportOptions options;
        private final LossReport losses;
        private final FileChannel channel;
        private final Writer out;
        private final List<Path> files = new ArrayList<>();
        private String firstId;
        private int count;
        private boolean failed;
        private boolean closed;

        ConllBatch(Path folder, Path temp, ExportOptions options, LossReport losses) throws IOException {
            this.folder = folder;
            this.temp = temp;
            this.options = options;
            this.losses = losses;
            this.channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            this.out = new BufferedWriter(
                    new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16);
        }

        @Override
        public void write(AnnotatedDocument document) throws ExportException {
            if (closed) {
                throw new IllegalStateException("the batch is closed");
            }
            try {
                ConllWriter.this.write(document, options, losses, out);
                if (count++ == 0) {
                    firstId = document.document().id();
                }
            } catch (IOException e) {
                failed = true;
                throw new ExportException("cannot write " + temp + ": " + e.getMessage(), e);
            } catch (ExportException | RuntimeException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public void close() throws ExportException {
            if (closed) {
                return;
            }
            closed = true;
            Path target = folder.resolve(count == 1 ? firstId + ".conll" : CORPUS_FILE);
            try {
                out.flush();
                channel.force(true);
                out.close();
                if (failed) {
                    Files.deleteIfExists(temp);
                    return;
                }
                try {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                files.add(target);
            } catch (IOException e) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the export already failed loudly
                }
                throw new ExportException("cannot write " + target + ": " + e.getMessage(), e);
            }
        }

        @Override
        public List<Path> files() {
            return List.copyOf(files);
        }
    }
}
