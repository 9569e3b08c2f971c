package org.scholion.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.seeds.Seeds;

/** Redraw and key latency on the seed article and on a 1 MB document; prints what it measured. */
class SpeedTest {
    @TempDir
    Path dir;

    @Test
    void redrawsTheSeedAndAMegabyteDocumentQuickly() throws Exception {
        Session seed = Fixtures.session(Fixtures.seed(dir), 80, 24, true);
        double seedMs = renderMs(seed, 300);
        System.out.printf(Locale.ROOT, "seed 80x24: %.2f ms per redraw%n", seedMs);
        assertThat(seedMs).isLessThan(50);
        // the megabyte part takes half a minute on a busy machine: run it with -Dtui.speed=true
        Assumptions.assumeTrue(Boolean.getBoolean("tui.speed"), "1 MB measurement skipped (-Dtui.speed=true)");

        AnnotatedDocument reference = Seeds.referenceAnnotation();
        String text = reference.document().text();
        int copies = 1_000_000 / text.length() + 1;
        int length = reference.text().length();
        StringBuilder big = new StringBuilder(text.length() * copies);
        List<Span> spans = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            big.append(text);
            for (Span s : reference.spans()) {
                spans.add(s.withId("s" + (spans.size() + 1)).withRange(s.start() + c * length, s.end() + c * length));
            }
        }
        AnnotatedDocument doc = AnnotatedDocument.builder(Document.of("big", big.toString()))
                .labelSets(reference.labelSets()).build().withSpans(spans);
        AnnotationFile file = AnnotationFile.at(dir.resolve("big.scholion.json"));
        file.create(doc, false);

        long t0 = System.nanoTime();
        file.load();
        double loadMs = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        Session session = Fixtures.session(file, 80, 24, true);
        new ScreenRenderer(true).render(session.state(), session.editor());
        double openMs = (System.nanoTime() - t0) / 1e6;
        double bigMs = renderMs(session, 100);
        session.press(Key.of('G'));
        double endMs = renderMs(session, 100);
        t0 = System.nanoTime();
        session.resize(60, 20);
        new ScreenRenderer(true).render(session.state(), session.editor());
        double rewrapMs = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        session.pressAll(Key.typed("vllP"));
        double labelMs = (System.nanoTime() - t0) / 1e6;
        assertThat(session.state().message()).startsWith("saved:");

        System.out.printf(Locale.ROOT, "1 MB document: file of %,d bytes, AnnotationFile.load %.0f ms%n",
                java.nio.file.Files.size(file.path()), loadMs);
        System.out.printf(Locale.ROOT, "1 MB document (%,d code points, %,d spans): open+first draw %.0f ms, "
                + "redraw at top %.2f ms, at end %.2f ms, rewrap to 60 columns %.0f ms, label+save %.0f ms%n",
                big.length(), spans.size(), openMs, bigMs, endMs, rewrapMs, labelMs);
        assertThat(bigMs).isLessThan(200);
    }

    private static double renderMs(Session session, int times) {
        ScreenRenderer renderer = new ScreenRenderer(true);
        for (int i = 0; i < 20; i++) {
            renderer.render(session.state(), session.editor());
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < times; i++) {
            renderer.render(session.state(), session.editor());
        }
        return (System.nanoTime() - t0) / 1e6 / times;
    }
}
