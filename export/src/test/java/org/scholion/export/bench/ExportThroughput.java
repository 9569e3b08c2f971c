package org.scholion.export.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.Format;
import org.scholion.export.jsonld.JsonLdExporter;
import org.scholion.export.jsonld.JsonLdImporter;
import org.scholion.seeds.Seeds;

/**
 * A plain benchmark (not a test): spans per second and MB per second of each exporter, and of
 * the JSON-LD import, on deterministic documents built from the seed article. See
 * docs/formats.md for how to run it.
 *
 * <p>Arguments: the sizes to run, {@code M} (~1 MB of text, ~20,000 spans) and/or {@code L}
 * (~10 MB, ~200,000 spans); both when none is given. {@code -Druns=N} sets the timed runs per
 * format (default 5; the median is reported), {@code -Dwarmups=N} the untimed ones (default 3).
 */
public final class ExportThroughput {
    private static final String SEPARATOR = "\n\uD83C\uDF0D\n";
    private static final String[] NOTES = {
        "Loaded wording; compare with the agency report.",
        "Quoted as \"a guarantee\", but no document says so.",
        "=check the figures, they differ from yesterday",
        "Two sources disagree:\nReuters says 26, AFP says 24.\r\nKeep both.",
    };

    private ExportThroughput() {
    }

    public static void main(String[] args) throws Exception {
        List<String> sizes = args.length == 0 ? List.of("M", "L") : Arrays.asList(args);
        int runs = Integer.getInteger("runs", 5);
        int warmups = Integer.getInteger("warmups", 3);
        System.out.printf(Locale.ROOT, "java %s, %s, %d processors, max heap %d MB%n",
                System.getProperty("java.version"), ManagementFactory.getRuntimeMXBean().getInputArguments(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        for (String size : sizes) {
            AnnotatedDocument doc = switch (size.toUpperCase(Locale.ROOT)) {
                case "M" -> generate(1_000_000, 20_000);
                case "L" -> generate(10_000_000, 200_000);
                default -> throw new IllegalArgumentException("unknown size " + size + " (expected M or L)");
            };
            long modelHeap = settledHeap();
            System.out.printf(Locale.ROOT, "%n%s: %,d chars of text, %,d spans, %,d relations, %,d with notes; "
                            + "model and JVM take %,d MB of heap after GC%n", size, doc.document().text().length(),
                    doc.spans().size(), doc.relations().size(),
                    doc.spans().stream().filter(s -> s.note() != null).count(), modelHeap >> 20);
            System.out.printf(Locale.ROOT, "%-8s %12s %10s %10s %12s %14s%n", "format", "spans/s", "MB out",
                    "MB/s", "peak heap MB", "alloc B/span");
            for (Format format : Format.publication()) {
                boolean main = format == Format.CSV || format == Format.JSONLD;
                measure(doc, format, main ? warmups : 0, main ? runs : 1);
            }
            importJsonLd(doc, warmups, runs);
        }
    }

    /**
     * Copies of the seed article (joined by a line holding an emoji, so offsets need the
     * surrogate-pair path) with a deterministic sample of its spans, notes and relations.
     */
    static AnnotatedDocument generate(int chars, int spans) {
        AnnotatedDocument seed = Seeds.referenceAnnotation();
        String article = seed.document().text();
        int articleCodePoints = seed.text().length();
        int separatorCodePoints = SEPARATOR.codePointCount(0, SEPARATOR.length());
        int copies = Math.max(1, chars / (article.length() + SEPARATOR.length()));
        double keep = Math.min(1.0, spans / (double) (copies * seed.spans().size()));
        Random random = new Random(20261126L);
        StringBuilder text = new StringBuilder(copies * (article.length() + SEPARATOR.length()));
        List<Span> kept = new ArrayList<>();
        List<Relation> relations = new ArrayList<>();
        long id = 0;
        for (int copy = 0; copy < copies; copy++) {
            int offset = copy * (articleCodePoints + separatorCodePoints);
            text.append(article).append(SEPARATOR);
            Map<String, String> renamed = new HashMap<>();
            for (Span span : seed.spans()) {
                if (random.nextDouble() >= keep) {
                    continue;
                }
                String newId = "s" + ++id;
                renamed.put(span.id(), newId);
                String note = random.nextInt(10) == 0 ? NOTES[random.nextInt(NOTES.length)] : span.note();
                Instant created = span.created() == null ? null : span.created().plusSeconds(copy);
                kept.add(new Span(newId, span.start() + offset, span.end() + offset, span.label(), note,
                        span.annotator(), created, false));
            }
            for (Relation relation : seed.relations()) {
                String from = renamed.get(relation.from());
                String to = renamed.get(relation.to());
                if (from != null && to != null) {
                    relations.add(new Relation("r" + (relations.size() + 1), relation.type(), from, to));
                }
            }
        }
        Document document = new Document("bench-" + copies, "Benchmark: " + copies + " copies of the seed article",
                null, "text/plain", "en", Map.of(), text.toString());
        AnnotatedDocument.Builder builder = AnnotatedDocument.builder(document).labelSets(seed.labelSets());
        kept.forEach(builder::span);
        relations.forEach(builder::relation);
        return builder.build();
    }

    private static void measure(AnnotatedDocument doc, Format format, int warmups, int runs) throws IOException {
        Counting sink = new Counting();
        try {
            for (int i = 0; i < warmups; i++) {
                Exporters.of(format).export(doc, ExportOptions.DEFAULT, sink);
            }
            settledHeap();
            resetPeaks();
            long[] nanos = new long[runs];
            long[] cpu = new long[runs];
            long allocated = allocatedBytes();
            for (int i = 0; i < runs; i++) {
                sink.count = 0;
                long start = System.nanoTime();
                long startCpu = cpuNanos();
                Exporters.of(format).export(doc, ExportOptions.DEFAULT, sink);
                cpu[i] = cpuNanos() - startCpu;
                nanos[i] = System.nanoTime() - start;
            }
            allocated = allocatedBytes() - allocated;
            report(format.name(), doc.spans().size(), sink.count, nanos, cpu, peakHeap(), allocated / runs);
        } catch (ExportException | UnsupportedOperationException e) {
            System.out.printf(Locale.ROOT, "%-8s skipped: %s%n", format.name(), e.getMessage());
        }
    }

    private static void importJsonLd(AnnotatedDocument doc, int warmups, int runs) throws Exception {
        Path file = Files.createTempFile("scholion-bench-", ".jsonld");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                new JsonLdExporter().export(doc, ExportOptions.DEFAULT, out);
            }
            for (int i = 0; i < warmups; i++) {
                read(file, doc);
            }
            settledHeap();
            resetPeaks();
            long[] nanos = new long[runs];
            long[] cpu = new long[runs];
            long allocated = allocatedBytes();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                long startCpu = cpuNanos();
                JsonLdImporter.Result result = read(file, doc);
                cpu[i] = cpuNanos() - startCpu;
                nanos[i] = System.nanoTime() - start;
                if (!result.document().equals(doc)) {
                    throw new IllegalStateException("the import differs from the export: " + result.problems());
                }
            }
            allocated = allocatedBytes() - allocated;
            report("import", doc.spans().size(), Files.size(file), nanos, cpu, peakHeap(), allocated / runs);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static JsonLdImporter.Result read(Path file, AnnotatedDocument doc) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return JsonLdImporter.read(in, file.toString(), doc.document(), doc.labelSets());
        }
    }

    /**
     * One line of figures. Throughput is per second of the exporting thread's CPU time (one
     * core, unaffected by other processes on a shared machine); the wall-clock median is shown
     * beside it.
     */
    private static void report(String what, int spans, long bytes, long[] nanos, long[] cpu, long peak,
                               long allocated) {
        double cpuSeconds = median(cpu) / 1e9;
        double wallSeconds = median(nanos) / 1e9;
        System.out.printf(Locale.ROOT, "%-8s %,12.0f %,10.1f %,10.1f %,12d %,14d   (median of %d runs: %.3f s CPU,"
                        + " %.3f s wall = %,.0f spans/s)%n",
                what, spans / cpuSeconds, bytes / 1e6, bytes / 1e6 / cpuSeconds, peak >> 20, allocated / spans,
                nanos.length, cpuSeconds, wallSeconds, spans / wallSeconds);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Heap in use after a full collection. */
    private static long settledHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of each heap pool's peak since the reset: an upper bound of the heap in use at once. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static long allocatedBytes() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads instanceof com.sun.management.ThreadMXBean sun) {
            return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return 0;
    }

    /** Counts what is written and keeps none of it. */
    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
