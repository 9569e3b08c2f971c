package org.scholion.benchmarks;

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
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporter;
import org.scholion.export.Exporters;
import org.scholion.export.Format;

/**
 * Export time per format and workload, into a stream that only counts bytes. Each fork has a
 * 512 MB heap, so a run of L that completes shows L fits in it; its heap figures go to
 * {@link HeapWatch}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = "-Xmx512m")
public class ExportBenchmark {
    @Param({"S", "M", "L"})
    public String workload;

    @Param({"CSV", "JSONLD", "HTML", "DOCX", "PDF"})
    public String format;

    private AnnotatedDocument document;
    private Exporter exporter;
    private final CountingOutputStream out = new CountingOutputStream();
    private HeapWatch heap;

    @Setup(Level.Trial)
    public void setUp() {
        document = Workloads.named(workload);
        exporter = Exporters.of(Format.valueOf(format));
        heap = HeapWatch.start();
    }

    @Benchmark
    public long export() throws ExportException, IOException {
        out.reset();
        exporter.export(document, ExportOptions.DEFAULT, out);
        return out.count();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        heap.stopAndReport("export", workload, format, out.count());
    }
}
