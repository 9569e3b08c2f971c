package org.scholion.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.ExportOptions;
import org.scholion.export.Format;
import org.scholion.export.interchange.DocumentReader;
import org.scholion.export.interchange.DocumentWriter;
import org.scholion.export.interchange.Interchange;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;

/**
 * Export and import of the workloads in the interchange formats (all seven unless named):
 * spans per second of the measuring thread's CPU time (one core, whatever else the machine does)
 * and heap use during the timed runs — the largest heap in use right after a collection (close
 * to the live set: the document, plus what the reader or writer holds) and the sum of each heap
 * pool's peak (an upper bound that includes uncollected garbage). The loaded workload is in both;
 * {@code base MB} is the heap after a full collection with it loaded. A plain {@code main}, not JMH:
 * a run writes and reads real files, as the command line does. Arguments: workloads ({@code S M L},
 * default S) and {@code --format F} (repeatable); {@code -Druns=N} (default 3) timed runs after one
 * warm-up. A step that runs out of heap prints {@code OutOfMemoryError} in its row and the run
 * goes on with the next.
 */
public final class InterchangeBenchmark {
    private static final List<Format> ALL = List.of(
            Format.BRAT, Format.CONLL, Format.DOCCANO, Format.LABELSTUDIO, Format.PRODIGY, Format.WEBANNO, Format.PTC);

    private InterchangeBenchmark() {}

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
            formats.addAll(ALL);
        }
        int runs = Integer.getInteger("runs", 3);
        System.out.printf(
                Locale.ROOT,
                "# -Xmx %.0f MB, %d timed runs after one warm-up, load average %s%n",
                Runtime.getRuntime().maxMemory() / 1048576.0,
                runs,
                loadAverage());
        System.out.printf(
                Locale.ROOT,
                "%-4s %-12s %-7s %8s %14s %10s %8s %8s %11s %9s%n",
                "size",
                "format",
                "step",
                "spans",
                "spans/s (cpu)",
                "wall ms",
                "file MB",
                "base MB",
                "max/GC MB",
                "peaks MB");
        for (String name : workloads) {
            AnnotatedDocument doc = Workloads.named(name);
            for (Format format : formats) {
                Path folder = Files.createTempDirectory("scholion-interchange-bench");
                try {
                    List<Path> written = new ArrayList<>();
                    if (measure(
                            name,
                            format,
                            "export",
                            doc.spans().size(),
                            runs,
                            folder,
                            () -> written.addAll(export(doc, format, folder)))) {
                        Path source = imported(format, written);
                        measure(
                                name,
                                format,
                                "import",
                                doc.spans().size(),
                                runs,
                                source,
                                () -> read(source, doc, format));
                    }
                } finally {
                    delete(folder);
                }
            }
        }
        System.out.printf(Locale.ROOT, "# load average at the end %s%n", loadAverage());
    }

    /** The file of an export that its reader reads: the one named like the format's data file. */
    private static Path imported(Format format, List<Path> files) {
        String suffix = switch (format) {
            case BRAT -> ".ann";
            case PTC -> ".labels.tsv";
            case CONLL -> ".conll";
            case DOCCANO, PRODIGY -> ".jsonl";
            case LABELSTUDIO -> ".json";
            case WEBANNO -> ".tsv";
            default -> throw new IllegalArgumentException(format + " is not an interchange format");
        };
        return files.stream()
                .filter(f -> f.getFileName().toString().endsWith(suffix))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalStateException(format.extension() + " wrote no *" + suffix + " file: " + files));
    }

    private static List<Path> export(AnnotatedDocument doc, Format format, Path folder) throws Exception {
        ExportOptions options = ExportOptions.builder().includeSuggestions(true).build();
        DocumentWriter.Batch batch = Interchange.writer(format).open(folder, options, new LossReport());
        batch.write(doc);
        batch.close();
        return batch.files();
    }

    private static void read(Path source, AnnotatedDocument doc, Format format) throws Exception {
        DocumentReader reader = Interchange.reader(format);
        int[] spans = {0};
        reader.read(
                source,
                new ReadOptions(doc.labelSets(), "bench", null),
                new LossReport(),
                d -> spans[0] += d.spans().size());
        if (spans[0] == 0 && !doc.spans().isEmpty()) {
            throw new IllegalStateException(format.extension() + " import of " + source + " gave no spans");
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** Runs a step once to warm up, then {@code runs} times timed; prints its row; false when it ran out of heap. */
    private static boolean measure(String name, Format format, String step, int spans, int runs, Path output, Step work)
            throws Exception {
        String row = String.format(Locale.ROOT, "%-4s %-12s %-7s %8d", name, format.extension(), step, spans);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        long[] cpu = new long[runs];
        long[] wall = new long[runs];
        AfterGc afterGc;
        long base;
        try {
            work.run(); // warm-up, and the files the import reads
            System.gc();
            base = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            afterGc = AfterGc.start(heap, base);
            try {
                for (int i = 0; i < runs; i++) {
                    long c = threads.getCurrentThreadCpuTime();
                    long w = System.nanoTime();
                    work.run();
                    cpu[i] = threads.getCurrentThreadCpuTime() - c;
                    wall[i] = System.nanoTime() - w;
                }
            } finally {
                afterGc.stop();
            }
        } catch (OutOfMemoryError e) {
            System.gc();
            System.out.println(row + "   OutOfMemoryError (does not fit in -Xmx)");
            return false;
        }
        long peaks = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        Arrays.sort(cpu);
        Arrays.sort(wall);
        double seconds = cpu[runs / 2] / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%s %14.0f %10.1f %8.1f %8.1f %11.1f %9.1f%n",
                row,
                spans / Math.max(seconds, 1e-9),
                wall[runs / 2] / 1e6,
                mib(size(output)),
                mib(base),
                mib(afterGc.max),
                mib(peaks));
        return true;
    }

    /** The largest heap in use right after any collection while it listens. */
    private static final class AfterGc implements NotificationListener {
        private final Set<String> pools;
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private volatile long max;

        private AfterGc(Set<String> pools, long start) {
            this.pools = pools;
            this.max = start;
        }

        static AfterGc start(List<MemoryPoolMXBean> heap, long start) {
            AfterGc watch =
                    new AfterGc(heap.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet()), start);
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(watch, null, null);
                    watch.emitters.add(emitter);
                }
            }
            return watch;
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            long used = 0;
            for (Map.Entry<String, MemoryUsage> pool : GarbageCollectionNotificationInfo.from(
                            (CompositeData) notification.getUserData())
                    .getGcInfo()
                    .getMemoryUsageAfterGc()
                    .entrySet()) {
                if (pools.contains(pool.getKey())) {
                    used += pool.getValue().getUsed();
                }
            }
            if (used > max) {
                max = used;
            }
        }

        void stop() {
            for (NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(this);
                } catch (ListenerNotFoundException ignored) {
                    // already gone
                }
            }
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(
                    Locale.ROOT,
                    "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** Bytes of a file, or of every file in a folder. */
    private static long size(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return Files.size(path);
        }
        try (var files = Files.walk(path)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        }
    }

    private static double mib(long bytes) {
        return bytes / 1048576.0;
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
