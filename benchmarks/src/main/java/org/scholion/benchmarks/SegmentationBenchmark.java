package org.scholion.benchmarks;

import java.util.List;
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
import org.scholion.core.text.Fragment;
import org.scholion.core.text.Segmentation;

/** Cutting the text into fragments with their covering spans: the step every renderer shares. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = "-Xmx512m")
public class SegmentationBenchmark {
    @Param({"S", "M", "L"})
    public String workload;

    private AnnotatedDocument document;
    private HeapWatch heap;
    private int fragments;

    @Setup(Level.Trial)
    public void setUp() {
        document = Workloads.named(workload);
        heap = HeapWatch.start();
    }

    @Benchmark
    public List<Fragment> segment() {
        List<Fragment> result = Segmentation.of(document.text(), document.spans());
        fragments = result.size();
        return result;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        heap.stopAndReport("segmentation", workload, "fragments", fragments);
    }
}
