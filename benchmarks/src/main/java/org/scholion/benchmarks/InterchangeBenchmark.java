package org.scholion.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.ExportOptions;
import org.scholion.export.Format;
import org.scholion.export.interchange.DocumentReader;
import org.scholion.export.interchange.DocumentWriter;
import org.scholion.export.interchange.Interchange;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;

/**
 * Export and import of the workloads in the interchange formats (brat and PTC unless named):
 * spans per second of the measuring thread's CPU time (one core, whatever else the machine does)
 * and the peak heap (the sum of each heap pool's peak during the timed runs: an upper bound that
 * includes the document and uncollected garbage). A plain {@code main}, not JMH: a run writes and
 * reads real files, as the command line does. Arguments: workloads ({@code S M L}, default S) and
 * {@code --format F} (repeatable); {@code -Druns=N} (default 3) timed runs after one warm-up.
 */
public final class InterchangeBenchmark {
    private InterchangeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> workloads = new ArrayList<>();
        List<Format> formats = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--format")) {
                formats.add(Format.fromName(args[++i]));
            } else {
                workloads.add(args[i]);
            }
        }
        if (workloads.isEmpty()) {
            workloads.add("S");
        }
        if (formats.isEmpty()) {
            formats.addAll(List.of(Format.BRAT, Format.PTC));
        }
        int runs = Integer.getInteger("runs", 3);
        System.out.printf(Locale.ROOT, "%-4s %-12s %-7s %10s %14s %12s %10s%n", "size", "format", "step", "spans",
                "spans/s (cpu)", "wall ms", "peak MB");
        for (String name : workloads) {
            AnnotatedDocument doc = Workloads.named(name);
            for (Format format : formats) {
                Path folder = Files.createTempDirectory("scholion-interchange-bench");
                try {
                    measure(name, format, "export", doc.spans().size(), runs, () -> export(doc, format, folder));
                    Path source = folder.resolve(primary(doc, format));
                    measure(name, format, "import", doc.spans().size(), runs, () -> read(source, doc, format));
                } finally {
                    delete(folder);
                }
            }
        }
    }

    private static String primary(AnnotatedDocument doc, Format format) {
        String id = doc.document().id();
        return format == Format.PTC ? "article" + id + ".labels.tsv" : id + ".ann";
    }

    private static void export(AnnotatedDocument doc, Format format, Path folder) throws Exception {
        ExportOptions options = ExportOptions.builder().includeSuggestions(true).build();
        DocumentWriter.Batch batch = Interchange.writer(format).open(folder, options, new LossReport());
        batch.write(doc);
        batch.close();
    }

    private static void read(Path source, AnnotatedDocument doc, Format format) throws Exception {
        DocumentReader reader = Interchange.reader(format);
        int[] spans = {0};
        reader.read(source, new ReadOptions(doc.labelSets(), "bench", null), new LossReport(),
                d -> spans[0] += d.spans().size());
        if (spans[0] == 0 && !doc.spans().isEmpty()) {
            throw new IllegalStateException(format.extension() + " import of " + source + " gave no spans");
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private static void measure(String name, Format format, String step, int spans, int runs, Step work)
            throws Exception {
        work.run(); // warm-up, and the files the import reads
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] cpu = new long[runs];
        long[] wall = new long[runs];
        for (int i = 0; i < runs; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long w = System.nanoTime();
            work.run();
            cpu[i] = threads.getCurrentThreadCpuTime() - c;
            wall[i] = System.nanoTime() - w;
        }
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        java.util.Arrays.sort(cpu);
        java.util.Arrays.sort(wall);
        double seconds = cpu[runs / 2] / 1e9;
        System.out.printf(Locale.ROOT, "%-4s %-12s %-7s %10d %14.0f %12.1f %10.1f%n", name, format.extension(), step,
                spans, spans / Math.max(seconds, 1e-9), wall[runs / 2] / 1e6, peak / 1048576.0);
    }

    private static void delete(Path folder) throws IOException {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
