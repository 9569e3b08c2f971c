package org.scholion.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
import org.scholion.cli.tui.Editor;
import org.scholion.cli.tui.Key;
import org.scholion.cli.tui.ScreenRenderer;
import org.scholion.cli.tui.Session;
import org.scholion.core.ScholionException;
import org.scholion.core.store.AnnotationFile;

/**
 * The terminal annotator on a workload in an 80x24 window: a redraw with the cursor at the top or
 * at the end of the text, opening the file with its first draw, and a resize that rewraps the
 * text. What the key latency a user feels is made of; these figures were once assertions in a
 * test (50 ms per redraw of the seed, 200 ms of a 1 MB document), too dependent on the machine to
 * fail a build.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = "-Xmx512m")
public class TuiBenchmark {
    @Param({"S", "M", "L"})
    public String workload;

    /** Where the cursor is while redrawing: {@code top} or {@code end} (after {@code G}). */
    @Param({"top", "end"})
    public String cursor;

    private Path folder;
    private AnnotationFile file;
    private Session session;
    private final ScreenRenderer renderer = new ScreenRenderer(true);
    private boolean narrow;

    @Setup(Level.Trial)
    public void setUp() throws IOException, ScholionException {
        folder = Files.createTempDirectory("scholion-tui-bench");
        file = AnnotationFile.at(folder.resolve("workload.scholion.json"));
        file.create(Workloads.named(workload), false);
        session = open();
        if (cursor.equals("end")) {
            session.press(Key.of('G'));
        } else if (!cursor.equals("top")) {
            throw new IllegalArgumentException("cursor '" + cursor + "' must be top or end");
        }
    }

    private Session open() throws ScholionException {
        return Session.open(file, new Editor("bench", Clock.systemUTC(), false), 80, 24);
    }

    @Benchmark
    public ScreenRenderer.Screen redraw() {
        return renderer.render(session.state(), session.editor());
    }

    @Benchmark
    public ScreenRenderer.Screen openAndDraw() throws ScholionException {
        Session opened = open();
        return renderer.render(opened.state(), opened.editor());
    }

    /** Alternates between 60x20 and 80x24, so every call rewraps the text. */
    @Benchmark
    public ScreenRenderer.Screen resize() {
        narrow = !narrow;
        session.resize(narrow ? 60 : 80, narrow ? 20 : 24);
        return renderer.render(session.state(), session.editor());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var files = Files.list(folder)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(folder);
    }
}
