package org.scholion.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.store.Snapshot;

/**
 * Reading and writing the annotation file in memory (parse with every check, and serialise), so
 * the figure is the codec's and not the disk's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = "-Xmx512m")
public class FileBenchmark {
    @Param({"S", "M", "L"})
    public String workload;

    private Snapshot snapshot;
    private byte[] bytes;
    private final CountingOutputStream out = new CountingOutputStream();
    private HeapWatch heap;

    @Setup(Level.Trial)
    public void setUp() {
        AnnotatedDocument document = Workloads.named(workload);
        snapshot = Snapshot.of(document);
        bytes = AnnotationFile.toBytes(snapshot);
        heap = HeapWatch.start();
    }

    @Benchmark
    public AnnotatedDocument read() throws ScholionException {
        return AnnotationFile.parse(new ByteArrayInputStream(bytes), "benchmark " + workload)
                .document();
    }

    @Benchmark
    public long write() throws IOException {
        out.reset();
        AnnotationFile.write(snapshot, out);
        return out.count();
    }

    @TearDown(Level.Trial)
    public void tearDown(BenchmarkParams params) {
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        heap.stopAndReport("file-" + method, workload, "scholion.json", bytes.length);
    }
}
