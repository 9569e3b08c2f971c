package org.scholion.export.conll;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Span;
import org.scholion.export.Format;
import org.scholion.export.interchange.DocumentReader;
import org.scholion.export.interchange.ForeignLabels;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;
import org.scholion.export.interchange.TextLines;

/**
 * Reads CoNLL-2003 style token-per-line files: {@code token TAB tag}, or the four columns
 * {@code word POS chunk NER} separated by spaces (any number of columns: the first is the token,
 * the last the tag). A line holding a TAB is split at TABs only, so a token or label may hold a
 * space. Blank lines end sentences; each {@code -DOCSTART-} line starts a document. A document's
 * text is its tokens joined by a space, its sentences joined by a line break. Tags are read as
 * conlleval reads them (see {@link Tags}); where a tag does not fit the options' scheme (an
 * {@code I-} without a {@code B-} in iob2, an unclosed {@code B-} in bioes), the loss report says
 * which line and how it was read. A tag that is not a tag, invalid UTF-8 or a huge line stops the
 * import before any document is passed on.
 */
public final class ConllReader implements DocumentReader {
    static final String FORMAT = FlatLayer.FORMAT;

    private final ConllOptions conll;

    public ConllReader(ConllOptions conll) {
        this.conll = Objects.requireNonNull(conll, "conll");
    }

    @Override
    public Format format() {
        return Format.CONLL;
    }

    /** Whether {@code file} looks like CoNLL: a {@code .conll} name, or a first line {@code -DOCSTART-}. */
    public static boolean detect(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".conll") || name.endsWith(".conll03") || name.endsWith(".iob")) {
            return true;
        }
        try (TextLines lines = TextLines.open(file, file.toString(), 4096)) {
            String first = lines.next();
            return first != null && first.stripLeading().startsWith(ConllWriter.DOCSTART);
        } catch (ScholionException e) {
            return false;
        }
    }

    @Override
    public void read(Path source, ReadOptions options, LossReport losses, DocumentSink sink) throws ScholionException {
        if (!Files.isRegularFile(source)) {
            throw new ScholionException(source.toString(), "is not a file");
        }
        ForeignLabels labels = new ForeignLabels(options);
        // the first pass checks the whole file, finds every label and counts the documents, so that
        // nothing reaches the sink from a file that fails, and every document gets the same label sets
        int documents = pass(source, options, labels, new LossReport(), document -> {}, -1);
        pass(source, options, labels, losses, sink, documents);
    }

    private int pass(
            Path source, ReadOptions options, ForeignLabels labels, LossReport losses, DocumentSink sink, int total)
            throws ScholionException {
        String name = source.toString();
        String stem = stem(source);
        Assembly assembly = new Assembly(name, stem, total, options, labels, losses, sink);
        try (TextLines lines = TextLines.open(source, name, TextLines.DEFAULT_MAX_LINE)) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                int number = lines.number();
                if (line.isBlank()) {
                    assembly.endSentence();
                    continue;
                }
                String[] fields = fields(line);
                if (fields[0].equals(ConllWriter.DOCSTART)) {
                    assembly.endDocument();
                    assembly.startDocument();
                    continue;
                }
                if (fields.length < 2) {
                    throw new ScholionException(
                            name,
                            number,
                            0,
                            "expected a token and a tag, found one column '" + abbreviate(line) + "'",
                            null);
                }
                String tag = fields[fields.length - 1];
                Tags.Tag parsed = Tags.parse(tag);
                if (parsed == null) {
                    throw new ScholionException(
                            name,
                            number,
                            0,
                            "tag '" + abbreviate(tag) + "' is not O, nor B-, I-, E- or S- and a label",
                            null);
                }
                if (!parsed.type().isEmpty()) {
                    try {
                        labels.resolve(parsed.type());
                    } catch (IllegalArgumentException e) {
                        throw new ScholionException(
                                name, number, 0, "tag '" + abbreviate(tag) + "': " + e.getMessage(), null);
                    }
                }
                assembly.token(fields[0], tag, parsed, number);
            }
        }
        assembly.endDocument();
        return assembly.documents;
    }

    private static String[] fields(String line) {
        String[] fields =
                line.indexOf('\t') >= 0 ? line.split("\t") : line.strip().split(" +");
        List<String> kept = new ArrayList<>();
        for (String field : fields) {
            String f = field.strip();
            if (!f.isEmpty()) {
                kept.add(f);
            }
        }
        return kept.toArray(new String[0]);
    }

    static String stem(Path source) {
        String stem = source.getFileName()
                .toString()
                .replaceFirst("\\.[^.]*$", "")
                .replaceAll("[^\\p{L}\\p{N}\\p{M}._:-]+", "-")
                .replaceAll("^[^\\p{L}\\p{N}_]+", "");
        if (stem.length() > 180) {
            stem = stem.substring(0, 180);
        }
        return stem.isEmpty() ? "conll" : stem;
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** One document being put together from its lines. */
    private final class Assembly {
        private final String name;
        private final String stem;
        private final int total;
        private final ReadOptions options;
        private final ForeignLabels labels;
        private final LossReport losses;
        private final DocumentSink sink;
        private final StringBuilder text = new StringBuilder();
        private int length;
        private final List<Span> spans = new ArrayList<>();
        private final List<String> tokens = new ArrayList<>();
        private final List<String> rawTags = new ArrayList<>();
        private final List<Tags.Tag> tags = new ArrayList<>();
        private final List<Integer> lines = new ArrayList<>();
        private boolean open;
        private int sentences;
        int documents;

        Assembly(
                String name,
                String stem,
                int total,
                ReadOptions options,
                ForeignLabels labels,
                LossReport losses,
                DocumentSink sink) {
            this.name = name;
            this.stem = stem;
            this.total = total;
            this.options = options;
            this.labels = labels;
            this.losses = losses;
            this.sink = sink;
        }

        void startDocument() {
            open = true;
        }

        void token(String token, String rawTag, Tags.Tag tag, int line) {
            open = true;
            tokens.add(token);
            rawTags.add(rawTag);
            tags.add(tag);
            lines.add(line);
        }

        void endSentence() {
            if (tokens.isEmpty()) {
                return;
            }
            if (sentences++ > 0) {
                text.append('\n');
                length++;
            }
            int[] starts = new int[tokens.size()];
            int[] ends = new int[tokens.size()];
            for (int i = 0; i < tokens.size(); i++) {
                if (i > 0) {
                    text.append(' ');
                    length++;
                }
                String token = tokens.get(i);
                starts[i] = length;
                text.append(token);
                length += token.codePointCount(0, token.length());
                ends[i] = length;
            }
            List<Tags.Chunk> chunks = Tags.decode(tags);
            String[] expected = Tags.encode(tokens.size(), chunks, conll.scheme());
            for (int i = 0; i < tokens.size(); i++) {
                Tags.Tag tag = tags.get(i);
                String normal = tag.prefix() == 'O' ? Tags.OUTSIDE : tag.prefix() + "-" + tag.type();
                if (!normal.equals(expected[i])) {
                    String before = i == 0 ? "the start of the sentence" : "'" + abbreviate(rawTags.get(i - 1)) + "'";
                    losses.add(
                            FORMAT,
                            name,
                            lines.get(i),
                            "tags not valid " + conll.scheme().id() + " read as conlleval reads them",
                            "'" + abbreviate(rawTags.get(i)) + "' after " + before + " is read as '" + expected[i]
                                    + "' in " + conll.scheme().id());
                }
            }
            for (Tags.Chunk chunk : chunks) {
                spans.add(new Span(
                        "s" + (spans.size() + 1),
                        starts[chunk.first()],
                        ends[chunk.end() - 1],
                        labels.resolve(chunk.label()),
                        null,
                        options.annotator(),
                        null,
                        false));
            }
            tokens.clear();
            rawTags.clear();
            tags.clear();
            lines.clear();
        }

        void endDocument() throws ScholionException {
            endSentence();
            if (!open) {
                return;
            }
            documents++;
            String id = total == 1 ? stem : stem + "-" + documents;
            Document document = new Document(
                    id,
                    id,
                    null,
                    "text/plain",
                    null,
                    Map.of("source", java.nio.file.Path.of(name).getFileName().toString()),
                    text.toString());
            AnnotatedDocument.Builder builder =
                    AnnotatedDocument.builder(document).labelSets(labels.labelSets());
            spans.forEach(builder::span);
            sink.accept(builder.build());
            text.setLength(0);
            length = 0;
            spans.clear();
            sentences = 0;
            open = false;
        }
    }
}
