package org.scholion.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.store.Snapshot;
import org.scholion.core.text.CodePointText;
import org.scholion.seeds.Seeds;

/**
 * Deterministic benchmark workloads made from the seed article and its reference annotation:
 * S (the seed itself), M (about 1 MB and 20,000 spans), L (about 10 MB and 200,000 spans) and
 * Many (1,000 small documents).
 */
public final class Workloads {
    /** Names of the single-document workloads, smallest first. */
    public static final List<String> SIZES = List.of("S", "M", "L");

    public static final int MANY_COUNT = 1_000;

    private static final Instant EPOCH = Instant.parse("2026-11-24T10:00:00Z");
    private static final List<String> ANNOTATORS = List.of("alice", "bob", "scholion-seed");
    private static final List<String> RELATION_TYPES = List.of("said-by", "attributed-to");
    // Variations keep the generated text from being the seed repeated verbatim, and put Greek,
    // Cyrillic and (rarely) non-BMP characters where every exporter has to handle them.
    private static final List<String> ASIDES = List.of(
            " (in Greek: «συμμαχία των προθύμων»)",
            " (in Russian: «коалиция желающих»)",
            " (in French: « coalition des volontaires »)",
            " (in German: „Koalition der Willigen“)");
    private static final String RARE_PREFIX = "\uD83D\uDCF0 "; // NEWSPAPER, outside the BMP

    private static final Map<String, AnnotatedDocument> CACHE = new ConcurrentHashMap<>();

    private Workloads() {}

    /** A single-document workload by name ({@code S}, {@code M} or {@code L}), made once per JVM. */
    public static AnnotatedDocument named(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "S" -> CACHE.computeIfAbsent("S", k -> Seeds.referenceAnnotation());
            case "M" ->
                CACHE.computeIfAbsent("M", k -> asRead(generate("bench-m", "Benchmark M", 1_000_000, 20_000, 1L)));
            case "L" ->
                CACHE.computeIfAbsent("L", k -> asRead(generate("bench-l", "Benchmark L", 10_000_000, 200_000, 2L)));
            default -> throw new IllegalArgumentException("unknown workload '" + name + "' (expected S, M or L)");
        };
    }

    /**
     * The document as {@code annotate} sees it: read back from its annotation file, so its objects
     * lie in memory in file order, as after every real load, not in the generator's random order.
     */
    private static AnnotatedDocument asRead(AnnotatedDocument generated) {
        byte[] file = AnnotationFile.toBytes(Snapshot.of(generated));
        try {
            return AnnotationFile.parse(
                            new ByteArrayInputStream(file), generated.document().id())
                    .document();
        } catch (ScholionException e) {
            throw new IllegalStateException("a generated workload does not read back: " + e.getMessage(), e);
        }
    }

    /** The 1,000 small documents of the Many workload: about 3 KB and 40 spans each. */
    public static List<AnnotatedDocument> many() {
        List<AnnotatedDocument> docs = new ArrayList<>(MANY_COUNT);
        for (int i = 1; i <= MANY_COUNT; i++) {
            String id = String.format(Locale.ROOT, "many-%04d", i);
            docs.add(generate(id, "Benchmark Many " + i, 3_000, 40, 1_000L + i));
        }
        return docs;
    }

    /**
     * A document of about {@code codePoints} code points in paragraphs of the seed article's
     * sentences, with about {@code spanCount} spans (nested and crossing ones among them, labels
     * and notes drawn from the reference annotation) and a relation for every fourth span.
     * The same arguments always give the same document.
     */
    public static AnnotatedDocument generate(String id, String title, int codePoints, int spanCount, long seed) {
        if (codePoints < 1 || spanCount < 0) {
            throw new IllegalArgumentException(
                    "size " + codePoints + " and span count " + spanCount + " must be positive");
        }
        AnnotatedDocument reference = Seeds.referenceAnnotation();
        Random random = new Random(seed);
        String text = text(sentences(reference.document().text()), codePoints, random);
        Document document = new Document(
                id,
                title,
                null,
                "text/plain",
                "en",
                Map.of("generator", "scholion-benchmarks Workloads, seed " + seed),
                text);
        Words words = Words.of(CodePointText.of(text));
        Sample sample = Sample.of(reference);

        AnnotatedDocument.Builder builder = AnnotatedDocument.builder(document).labelSets(reference.labelSets());
        List<Span> base = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (int n = 1; n <= spanCount; n++) {
            int kind = random.nextInt(10);
            int first;
            int last;
            if (kind < 7 || base.isEmpty()) {
                first = random.nextInt(words.count());
                last = Math.min(words.count() - 1, first + sample.wordLength(random) - 1);
            } else {
                Span outer = base.get(random.nextInt(base.size()));
                int from = words.indexAtOrAfter(outer.start());
                int to = words.indexBefore(outer.end());
                if (kind < 9) {
                    // nested inside an earlier span
                    first = from + random.nextInt(to - from + 1);
                    last = first + random.nextInt(to - first + 1);
                } else {
                    // starts inside an earlier span and ends after it
                    first = from + random.nextInt(to - from + 1);
                    last = Math.min(words.count() - 1, to + 1 + random.nextInt(5));
                }
            }
            String label = sample.label(random);
            while (!placed.add(words.start(first) + ":" + words.end(last) + ":" + label)) {
                // a document may label the same text with the same label only once
                label = sample.label(random);
            }
            String note = random.nextInt(10) < 3 ? sample.note(random) : null;
            Span span = new Span(
                    "s" + n,
                    words.start(first),
                    words.end(last),
                    label,
                    note,
                    ANNOTATORS.get(random.nextInt(ANNOTATORS.size())),
                    EPOCH.plusSeconds(n),
                    false);
            builder.span(span);
            if (kind < 7) {
                base.add(span);
            }
        }
        int relations = spanCount / 4;
        for (int n = 1; n <= relations && spanCount > 1; n++) {
            int from = 1 + random.nextInt(spanCount);
            int to = from == spanCount ? from - 1 : from + 1 + random.nextInt(Math.min(20, spanCount - from));
            builder.relation(new Relation(
                    "r" + n, RELATION_TYPES.get(random.nextInt(RELATION_TYPES.size())), "s" + from, "s" + to));
        }
        return builder.build();
    }

    static List<String> sentences(String article) {
        List<String> sentences = new ArrayList<>();
        for (String paragraph : article.split("\\R")) {
            for (String sentence : paragraph.split("(?<=[.!?”\"])\\s+(?=[\\p{Lu}“\"])")) {
                if (!sentence.isBlank()) {
                    sentences.add(sentence.strip());
                }
            }
        }
        return sentences;
    }

    private static String text(List<String> sentences, int codePoints, Random random) {
        StringBuilder text = new StringBuilder(codePoints + 1_000);
        int length = 0;
        int sentenceNumber = 0;
        while (length < codePoints) {
            int inParagraph = 2 + random.nextInt(5);
            for (int i = 0; i < inParagraph; i++) {
                String sentence = sentences.get(random.nextInt(sentences.size()));
                sentenceNumber++;
                if (sentenceNumber % 300 == 0) {
                    sentence = RARE_PREFIX + sentence;
                }
                if (sentenceNumber % 40 == 0 && sentence.endsWith(".")) {
                    sentence = sentence.substring(0, sentence.length() - 1) + ASIDES.get(random.nextInt(ASIDES.size()))
                            + ".";
                }
                if (i > 0) {
                    text.append(' ');
                    length++;
                }
                text.append(sentence);
                length += sentence.codePointCount(0, sentence.length());
            }
            text.append('\n');
            length++;
        }
        return text.toString();
    }

    /** Word boundaries of a text in code points, so spans start and end on whole words. */
    private record Words(int[] starts, int[] ends) {
        static Words of(CodePointText text) {
            String s = text.string();
            int[] starts = new int[Math.max(16, s.length() / 4)];
            int[] ends = new int[starts.length];
            int count = 0;
            int codePoint = 0;
            int wordStart = -1;
            for (int i = 0; i < s.length(); ) {
                int c = s.codePointAt(i);
                boolean inWord = Character.isLetterOrDigit(c) || c == '’' || c == '\'' || c == '-';
                if (inWord && wordStart < 0) {
                    wordStart = codePoint;
                } else if (!inWord && wordStart >= 0) {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                        ends = Arrays.copyOf(ends, count * 2);
                    }
                    starts[count] = wordStart;
                    ends[count++] = codePoint;
                    wordStart = -1;
                }
                i += Character.charCount(c);
                codePoint++;
            }
            if (wordStart >= 0) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count + 1);
                    ends = Arrays.copyOf(ends, count + 1);
                }
                starts[count] = wordStart;
                ends[count++] = codePoint;
            }
            return new Words(Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
        }

        int count() {
            return starts.length;
        }

        int start(int word) {
            return starts[word];
        }

        int end(int word) {
            return ends[word];
        }

        /** The first word that starts at or after {@code codePoint}. */
        int indexAtOrAfter(int codePoint) {
            int i = Arrays.binarySearch(starts, codePoint);
            return i >= 0 ? i : -i - 1;
        }

        /** The last word that ends at or before {@code codePoint}. */
        int indexBefore(int codePoint) {
            int i = Arrays.binarySearch(ends, codePoint);
            return i >= 0 ? i : -i - 2;
        }
    }

    /** What the reference annotation looks like: its labels, notes and span lengths in words. */
    private record Sample(List<String> labels, List<String> notes, int[] wordLengths) {
        static Sample of(AnnotatedDocument reference) {
            List<String> labels = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            int[] lengths = new int[reference.spans().size()];
            int i = 0;
            for (Span span : reference.spans()) {
                labels.add(span.label());
                if (span.note() != null) {
                    notes.add(span.note());
                }
                String covered = reference.textOf(span).strip();
                lengths[i++] = Math.max(1, covered.split("\\s+").length);
            }
            if (notes.isEmpty()) {
                notes.add("A note, with a comma and \"quotes\".");
            }
            return new Sample(List.copyOf(labels), List.copyOf(notes), lengths);
        }

        String label(Random random) {
            return labels.get(random.nextInt(labels.size()));
        }

        String note(Random random) {
            return notes.get(random.nextInt(notes.size()));
        }

        int wordLength(Random random) {
            return wordLengths[random.nextInt(wordLengths.length)];
        }
    }

    /**
     * Writes the workloads as annotation files into a folder: {@code s.scholion.json},
     * {@code m.scholion.json}, {@code l.scholion.json}, {@code many/many-NNNN.scholion.json}, and
     * {@code workloads.tsv} with their sizes.
     */
    public static void main(String[] args) throws IOException, ScholionException {
        if (args.length != 1) {
            System.err.println("usage: Workloads FOLDER");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        Files.createDirectories(folder.resolve("many"));
        StringBuilder table = new StringBuilder("workload\tfile\tcode_points\tutf8_bytes\tspans\trelations\n");
        for (String size : SIZES) {
            AnnotatedDocument doc = named(size);
            Path file = folder.resolve(size.toLowerCase(Locale.ROOT) + ".scholion.json");
            AnnotationFile.at(file).create(doc, true);
            table.append(row(size, file, doc));
        }
        long text = 0;
        long spans = 0;
        long relations = 0;
        for (AnnotatedDocument doc : many()) {
            AnnotationFile.at(folder.resolve("many").resolve(doc.document().id() + ".scholion.json"))
                    .create(doc, true);
            text += doc.document().text().getBytes(StandardCharsets.UTF_8).length;
            spans += doc.spans().size();
            relations += doc.relations().size();
        }
        table.append(String.format(
                Locale.ROOT, "Many\t%s\t-\t%d\t%d\t%d%n", folder.resolve("many"), text, spans, relations));
        Files.writeString(folder.resolve("workloads.tsv"), table, StandardCharsets.UTF_8);
        System.out.print(table);
    }

    private static String row(String name, Path file, AnnotatedDocument doc) {
        return String.format(
                Locale.ROOT,
                "%s\t%s\t%d\t%d\t%d\t%d%n",
                name,
                file,
                doc.text().length(),
                doc.document().text().getBytes(StandardCharsets.UTF_8).length,
                doc.spans().size(),
                doc.relations().size());
    }
}
