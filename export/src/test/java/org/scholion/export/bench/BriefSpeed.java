package org.scholion.export.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.store.Snapshot;
import org.scholion.core.text.Fragment;
import org.scholion.core.text.Line;
import org.scholion.export.ExportOptions;
import org.scholion.export.brief.Brief;
import org.scholion.export.brief.Entry;
import org.scholion.export.brief.FragmentStyle;
import org.scholion.export.docx.DocxExporter;
import org.scholion.export.pdf.PdfExporter;
import org.scholion.seeds.Seeds;

/**
 * Times the DOCX and PDF briefs of a generated document of about 1 MB and 20,000 spans, and
 * writes a plain highlighted HTML of the same text for comparison with LibreOffice.
 * Usage: {@code BriefSpeed <folder> [docx|pdf|html|json|all] [repeats] [chars] [spans]}; the
 * document is the same on every run (fixed seed).
 */
public final class BriefSpeed {
    private static final long SEED = 20261126L;
    private static final String[] WORDS = ("the of and to in a is that for it as was with be by on not he this are or "
            + "his from at which but have an they you were her she there been one all we their has would when if "
            + "so no will more about out up them what some could into than then other only its time like over "
            + "government minister coalition ceasefire troops border sanctions summit agreement pipeline negotiators "
            + "parliament referendum allegedly reportedly officials sources spokesman statement").split(" ");

    private BriefSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/bench");
        String what = args.length > 1 ? args[1] : "all";
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int chars = args.length > 3 ? Integer.parseInt(args[3]) : 1_000_000;
        int spans = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;
        Files.createDirectories(folder);
        long t0 = System.nanoTime();
        AnnotatedDocument doc = generate(chars, spans);
        System.out.printf(Locale.ROOT, "generated %,d chars, %,d spans in %d ms%n", doc.document().text().length(),
                doc.spans().size(), (System.nanoTime() - t0) / 1_000_000);
        for (int r = 0; r < repeats; r++) {
            if (what.equals("docx") || what.equals("all")) {
                time("docx", () -> write(folder.resolve("bench.docx"),
                        out -> new DocxExporter().export(doc, ExportOptions.DEFAULT, out)));
            }
            if (what.equals("pdf") || what.equals("all")) {
                time("pdf", () -> write(folder.resolve("bench.pdf"),
                        out -> new PdfExporter().export(doc, ExportOptions.DEFAULT, out)));
            }
        }
        if (what.equals("json") || what.equals("all")) {
            // the same document as an annotation file, for timing the whole `annotate export` process
            time("json", () -> Files.write(folder.resolve("bench.scholion.json"),
                    AnnotationFile.toBytes(Snapshot.of(doc))));
        }
        if (what.equals("html") || what.equals("all")) {
            time("html", () -> Files.writeString(folder.resolve("bench.html"), html(doc), StandardCharsets.UTF_8));
        }
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "peak heap (sum of pool peaks) %,d MB%n", heap >> 20);
    }

    interface Job {
        void run() throws Exception;
    }

    interface Writing {
        void to(OutputStream out) throws Exception;
    }

    private static void time(String name, Job job) throws Exception {
        long t = System.nanoTime();
        job.run();
        System.out.printf(Locale.ROOT, "%s: %d ms%n", name, (System.nanoTime() - t) / 1_000_000);
    }

    private static void write(Path file, Writing writing) throws Exception {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            writing.to(out);
        }
    }

    /** A deterministic document: paragraphs of sentences, each a CLAIM or OPINION holding entity spans. */
    public static AnnotatedDocument generate(int chars, int spans) {
        Random random = new Random(SEED);
        List<LabelSet> sets = Seeds.labelSets();
        List<Label> entityLabels = sets.get(1).labels();
        List<Label> propaganda = sets.get(0).labels();
        StringBuilder text = new StringBuilder(chars + 1000);
        List<int[]> ranges = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        double perChar = (double) spans / chars;
        while (text.length() < chars) {
            int sentences = 3 + random.nextInt(6);
            for (int s = 0; s < sentences; s++) {
                int sentenceStart = text.length();
                int words = 8 + random.nextInt(18);
                for (int w = 0; w < words; w++) {
                    if (w > 0) {
                        text.append(' ');
                    }
                    int wordStart = text.length();
                    String word = WORDS[random.nextInt(WORDS.length)];
                    text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                    if (random.nextDouble() < perChar * 5.4) {
                        int extra = random.nextInt(3);
                        for (int e = 0; e < extra && w + 1 < words; e++, w++) {
                            text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
                        }
                        ranges.add(new int[] {wordStart, text.length()});
                        Label label = random.nextInt(4) == 0 ? propaganda.get(random.nextInt(propaganda.size()))
                                : entityLabels.get(random.nextInt(entityLabels.size()));
                        labels.add(label.name());
                    }
                }
                text.append(". ");
                if (random.nextInt(3) == 0) {
                    ranges.add(new int[] {sentenceStart, text.length() - 1});
                    labels.add(random.nextBoolean() ? "CLAIM" : "OPINION");
                }
            }
            text.setLength(text.length() - 1);
            text.append('\n');
        }
        Document document = new Document("bench", "Generated benchmark article", null, "text/plain", "en", Map.of(),
                text.toString());
        AnnotatedDocument.Builder builder = AnnotatedDocument.builder(document).labelSets(sets);
        for (int i = 0; i < ranges.size(); i++) {
            builder.span(new Span("s" + (i + 1), ranges.get(i)[0], ranges.get(i)[1], labels.get(i), null,
                    "bench", null, false));
        }
        return builder.build();
    }

    /** The same text and highlights as simple HTML, for LibreOffice to convert. */
    static String html(AnnotatedDocument doc) {
        Brief brief = Brief.of(doc, ExportOptions.DEFAULT);
        StringBuilder b = new StringBuilder(doc.document().text().length() * 3);
        b.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(escape(brief.title()))
                .append("</title></head><body><h1>").append(escape(brief.title())).append("</h1>\n");
        for (Line line : brief.lines()) {
            b.append("<p>");
            for (Fragment f : line.fragments()) {
                FragmentStyle style = brief.style(f);
                if (style.isPlain()) {
                    b.append(escape(f.text()));
                } else {
                    b.append("<span style=\"background:").append(style.fill().fill());
                    if (!style.underlines().isEmpty()) {
                        b.append(";text-decoration:underline;text-decoration-color:")
                                .append(style.underlines().get(0).line());
                    }
                    b.append("\">").append(escape(f.text())).append("</span>");
                }
                for (Entry e : brief.endingAt(f)) {
                    b.append("<sup><a href=\"#a").append(e.number()).append("\">").append(e.number())
                            .append("</a></sup>");
                }
            }
            b.append("</p>\n");
        }
        b.append("<h2>Annotations</h2><table>\n");
        for (Entry e : brief.entries()) {
            b.append("<tr><td id=\"a").append(e.number()).append("\">").append(e.number()).append("</td><td>")
                    .append(e.label().name()).append("</td><td>").append(escape(e.quote())).append("</td></tr>\n");
        }
        return b.append("</table></body></html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
