package org.scholion.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.scholion.core.corpus.Corpus;
import org.scholion.core.corpus.Search;
import org.scholion.core.corpus.Tally;
import org.scholion.core.ingest.SourceImporter;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.store.AnnotationFile;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.Format;
import org.scholion.export.bag.ArchiveBag;
import org.scholion.export.bag.BagOptions;
import org.scholion.export.corpus.CorpusCsv;
import org.scholion.export.corpus.CorpusJsonLd;
import org.scholion.export.corpus.CorpusWriter;
import org.scholion.seeds.Seeds;

/**
 * Corpus work over a generated corpus of seed-sized documents: {@code new} (importing text
 * sources), {@code stats}, {@code find}, and {@code export} to one CSV and to per-document JSON-LD
 * plus the paged corpus collection, and to a BagIt bag (over the first {@code -Dbag.count} documents,
 * 500 by default, since a bag holds a PDF brief of each); documents per second on one thread and on every core (the
 * speed-up), and the largest heap in use after a collection, which must not grow with the corpus.
 *
 * <pre>
 *   java -Xmx256m -cp ... org.scholion.benchmarks.CorpusBenchmark [COUNT [FOLDER]]
 *   java -Xmx512m -Ddoc.codepoints=1000000 -Ddoc.spans=20000 -cp ... CorpusBenchmark 100   (M-sized documents)
 * </pre>
 * COUNT defaults to 10,000; run it with a small count (200) to check the harness. Each step first
 * runs once, untimed, over a hundredth of the corpus, so that one thread is not timed cold. The corpus is
 * written under FOLDER (default: a temporary folder) and deleted at the end.
 */
public final class CorpusBenchmark {
    private static final int BAG_COUNT = Integer.getInteger("bag.count", 500);
    private static final String CODE_POINTS = "doc.codepoints";
    private static final String SPANS = "doc.spans";

    private CorpusBenchmark() {}

    private static Corpus some(Corpus all, int documents) {
        return Corpus.listed(all.files().subList(0, documents));
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path root = args.length > 1
                ? Files.createDirectories(Path.of(args[1]))
                : Files.createTempDirectory("scholion-corpus-bench");
        int cores = Corpus.cores();
        AnnotatedDocument seed = Seeds.referenceAnnotation();
        int size = Integer.getInteger(CODE_POINTS, seed.text().length());
        int spans = Integer.getInteger(SPANS, seed.spans().size());
        boolean seedSized =
                size == seed.text().length() && spans == seed.spans().size();
        System.out.printf(
                Locale.ROOT,
                "# Corpus benchmark: %,d documents of %,d code points and %,d spans%s, %d cores, max heap %,d MiB%n%n",
                count,
                size,
                spans,
                seedSized ? " (the seed's size)" : "",
                cores,
                Runtime.getRuntime().maxMemory() >> 20);
        Path sources = Files.createDirectories(root.resolve("sources"));
        Path corpus = Files.createDirectories(root.resolve("corpus"));
        for (int i = 0; i < count; i++) {
            AnnotatedDocument doc = Workloads.generate(
                    String.format(Locale.ROOT, "doc-%05d", i), "Document " + i, size, spans, 10_000L + i);
            Files.writeString(
                    sources.resolve(doc.document().id() + ".txt"),
                    doc.document().text(),
                    StandardCharsets.UTF_8);
            // a hundred subfolders, as a project grows them
            Path file = corpus.resolve(String.format(
                    Locale.ROOT,
                    "%02d/%s.scholion.json",
                    i % 100,
                    doc.document().id()));
            Files.createDirectories(file.getParent());
            AnnotationFile.at(file).create(doc, true);
        }
        System.out.println("| step | threads | documents/s | seconds | heap after GC, max (MiB) | speed-up |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        List<String> names = new ArrayList<>();
        try (Stream<Path> listed = Files.list(sources)) {
            listed.sorted().forEach(p -> names.add(p.toString()));
        }
        Corpus all = Corpus.of(List.of(corpus.toString()));
        if (all.size() != count) {
            throw new IllegalStateException("the corpus has " + all.size() + " files, not " + count);
        }
        List<String> steps = List.of("new", "stats", "find", "export csv", "export jsonld", "export bag");
        // warm-up, not printed: the JIT compiles the same code for both thread counts before either is timed
        Corpus some = Corpus.of(List.of(corpus.resolve("00").toString()));
        for (String step : steps) {
            Path out = Files.createDirectories(root.resolve("warm-up"));
            run(step, cores, names.subList(0, some.size()), some, out);
            delete(out);
        }
        for (String step : steps) {
            double one = 0;
            for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
                Path out = Files.createDirectories(root.resolve("out-" + step.replace(' ', '-') + "-" + threads));
                Heap heap = Heap.start();
                long t0 = System.nanoTime();
                // a bag holds a PDF brief per document: it is timed over the first BAG_COUNT documents
                int documents = step.equals("export bag") ? Math.min(count, BAG_COUNT) : count;
                long work = run(step, threads, names, step.equals("export bag") ? some(all, documents) : all, out);
                double seconds = (System.nanoTime() - t0) / 1e9;
                long peak = heap.stop();
                double rate = documents / seconds;
                if (threads == 1) {
                    one = rate;
                }
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %d | %s | %.2f | %,.1f | %s |%n",
                        step,
                        threads,
                        String.format(Locale.ROOT, rate < 10 ? "%.2f" : "%,.0f", rate),
                        seconds,
                        peak / 1048576.0,
                        threads == 1 ? "" : String.format(Locale.ROOT, "%.2f×", rate / one));
                if (work < 0) {
                    throw new IllegalStateException(step + " failed");
                }
                delete(out);
            }
        }
        if (args.length < 2) {
            delete(root);
        }
    }

    /** Runs one step; returns a count of what it made (hits, rows), negative when a document failed. */
    private static long run(String step, int threads, List<String> sources, Corpus corpus, Path out) throws Exception {
        AtomicLong made = new AtomicLong();
        switch (step) {
            case "new" -> {
                // the sources are text files, not annotation files: import them on a pool of the same size
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (String source : sources) {
                    done.add(pool.submit(() -> {
                        Path file = Path.of(source);
                        String name = file.getFileName().toString().replace(".txt", ".scholion.json");
                        AnnotationFile.at(out.resolve(name))
                                .create(
                                        AnnotatedDocument.of(SourceImporter.importFile(file), Seeds.labelSets()),
                                        false);
                        made.incrementAndGet();
                        return null;
                    }));
                    if (done.size() > 4 * threads) {
                        done.remove(0).get();
                    }
                }
                for (java.util.concurrent.Future<?> f : done) {
                    f.get();
                }
                pool.shutdown();
            }
            case "stats" -> {
                Tally total = new Tally();
                corpus.parallel(threads, (p, d) -> Tally.of(d), o -> total.add(check(o.value(), o.failure())));
                made.set(total.spans());
            }
            case "find" -> {
                Search.Query query = new Search.Query("Loaded_Language", null, null, null, Search.CONTEXT);
                corpus.parallel(
                        threads,
                        (p, d) -> Search.find(d, query).size(),
                        o -> made.addAndGet(check(o.value(), o.failure())));
            }
            case "export csv" -> {
                CorpusWriter csv = CorpusCsv.open(out, "corpus", ExportOptions.DEFAULT);
                corpus.parallel(threads, (p, d) -> d, o -> {
                    try {
                        csv.add(check(o.value(), o.failure()));
                    } catch (org.scholion.export.ExportException e) {
                        throw new IllegalStateException(e);
                    }
                });
                csv.finish();
                made.set(Files.size(out.resolve("corpus.csv")));
            }
            case "export jsonld" -> {
                CorpusWriter jsonld = CorpusJsonLd.open(
                        out,
                        "corpus",
                        "urn:scholion:corpus:bench",
                        "bench",
                        ExportOptions.DEFAULT,
                        CorpusJsonLd.PER_PAGE);
                corpus.parallel(
                        threads,
                        (p, d) -> {
                            Exporters.writeFiles(d, Format.JSONLD, ExportOptions.DEFAULT, out);
                            return d;
                        },
                        o -> {
                            try {
                                jsonld.add(check(o.value(), o.failure()));
                            } catch (org.scholion.export.ExportException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                jsonld.finish();
                made.set(Files.size(out.resolve("corpus.jsonld")));
            }
            case "export bag" -> {
                Path bag = out.resolve("bag");
                ArchiveBag.write(
                        corpus.files(),
                        bag,
                        BagOptions.of(java.time.LocalDate.of(2026, 12, 5)),
                        ExportOptions.DEFAULT,
                        threads,
                        id -> made.incrementAndGet());
            }
            default -> throw new IllegalArgumentException(step);
        }
        return made.get();
    }

    private static <T> T check(T value, String failure) {
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return value;
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The largest heap in use right after a collection while a step runs (close to the live set). */
    private static final class Heap {
        private final List<MemoryPoolMXBean> pools = new ArrayList<>();
        private final Thread sampler;
        private volatile boolean running = true;
        private volatile long peak;

        private Heap() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    pools.add(pool);
                }
            }
            sampler = new Thread(
                    () -> {
                        while (running) {
                            sample();
                            try {
                                Thread.sleep(5);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "heap-sampler");
            sampler.setDaemon(true);
        }

        static Heap start() {
            System.gc();
            Heap heap = new Heap();
            heap.pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            heap.sampler.start();
            return heap;
        }

        private void sample() {
            long sum = 0;
            for (MemoryPoolMXBean pool : pools) {
                MemoryUsage after = pool.getCollectionUsage();
                sum += after == null ? 0 : after.getUsed();
            }
            peak = Math.max(peak, sum);
        }

        long stop() throws InterruptedException {
            running = false;
            sampler.join();
            sample();
            return peak;
        }
    }
}
