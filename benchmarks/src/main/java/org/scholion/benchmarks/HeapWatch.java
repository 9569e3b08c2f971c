package org.scholion.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap use of a JVM while it runs a benchmark. Two figures, because neither alone is honest:
 * the largest heap in use right after a collection (close to the live set, though old-generation
 * garbage not yet collected counts too), and the sum of each heap pool's peak (an upper bound:
 * the pools need not peak at the same moment, and eden fills with garbage up to its size).
 * The document being exported is part of both; {@code baseline} is the heap after a full
 * collection with the document loaded.
 */
final class HeapWatch implements NotificationListener {
    /** Where forked benchmark JVMs append their heap figures (a folder); stdout when unset. */
    static final String SIDE_FOLDER = "scholion.bench.side";

    private final List<MemoryPoolMXBean> heapPools = new ArrayList<>();
    private final Set<String> heapPoolNames = new HashSet<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final long baseline;
    private volatile long maxAfterGc;
    private volatile long collections;

    private HeapWatch() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool);
                heapPoolNames.add(pool.getName());
            }
        }
        System.gc();
        baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        maxAfterGc = baseline;
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(this, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** Collects garbage, notes the heap in use as the baseline, and starts watching. */
    static HeapWatch start() {
        return new HeapWatch();
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool :
                info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPoolNames.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        collections++;
        if (used > maxAfterGc) {
            maxAfterGc = used;
        }
    }

    /** Stops watching and appends one tab-separated line: what, baseline, max after GC, sum of peaks (MiB), -Xmx, collections. */
    void stopAndReport(String kind, String workload, String format, long outputBytes) {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(this);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
        long peaks = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            peaks += pool.getPeakUsage().getUsed();
        }
        String line = String.format(
                Locale.ROOT,
                "%s\t%s\t%s\t%.1f\t%.1f\t%.1f\t%.0f\t%d\t%d%n",
                kind,
                workload,
                format,
                mib(baseline),
                mib(maxAfterGc),
                mib(peaks),
                mib(Runtime.getRuntime().maxMemory()),
                collections,
                outputBytes);
        String folder = System.getProperty(SIDE_FOLDER);
        if (folder == null) {
            System.out.print("heap: " + line);
            return;
        }
        try {
            Files.writeString(
                    Path.of(folder, "heap.tsv"),
                    line,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
