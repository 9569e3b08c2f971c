package org.scholion.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.jsonld.JsonLdExporter;
import org.scholion.export.jsonld.JsonLdImporter;

/**
 * Reading a workload's JSON-LD export back onto its document (in memory, so the figure is the
 * importer's and not the disk's). The set-up checks once that the import equals the document, so
 * a fast import that loses spans cannot pass for a good one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = "-Xmx512m")
public class JsonLdImportBenchmark {
    @Param({"S", "M", "L"})
    public String workload;

    private AnnotatedDocument document;
    private byte[] jsonLd;
    private HeapWatch heap;

    @Setup(Level.Trial)
    public void setUp() throws ExportException, IOException, ScholionException {
        document = Workloads.named(workload);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonLdExporter().export(document, ExportOptions.DEFAULT, out);
        jsonLd = out.toByteArray();
        JsonLdImporter.Result result = read();
        if (!result.document().equals(document)) {
            throw new IllegalStateException(
                    "the import of " + workload + " differs from its export: " + result.problems());
        }
        heap = HeapWatch.start();
    }

    @Benchmark
    public JsonLdImporter.Result read() throws ScholionException {
        return JsonLdImporter.read(
                new ByteArrayInputStream(jsonLd), "benchmark " + workload, document.document(), document.labelSets());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        heap.stopAndReport("jsonld-import", workload, "JSONLD", jsonLd.length);
    }
}
