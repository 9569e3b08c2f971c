package org.scholion.export.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.export.ExportOptions;
import org.scholion.export.conll.ConllOptions;
import org.scholion.export.conll.ConllReader;
import org.scholion.export.conll.ConllWriter;
import org.scholion.export.conll.TokenDocuments;
import org.scholion.export.interchange.DocumentReader;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;
import org.scholion.export.webanno.WebAnnoOptions;
import org.scholion.export.webanno.WebAnnoReader;
import org.scholion.export.webanno.WebAnnoWriter;

/**
 * Mutated CoNLL and WebAnno TSV files (flipped bytes, cuts, deleted and swapped lines and fields)
 * import as documents that keep the model's invariants, or fail with one clean line naming the file
 * and pass no document on; never another exception, never a hang. Seeded: {@code -Dtest.seed=N}.
 */
class TokenFormatsFuzzTest {
    private static final long BUDGET = TimeUnit.SECONDS.toNanos(Long.getLong("fuzz.seconds", 5));
    private static final String[] PIECES = {
        "\t",
        "\n",
        "_",
        "*",
        "|",
        "[1]",
        "[99_0]",
        "1-1",
        "1-99",
        "0-0",
        "99999999-1",
        "B-",
        "I-X",
        "E-Y",
        "S-",
        "-DOCSTART-",
        "#Text=",
        "#T_SP=a|b",
        "\\",
        "\ud83d\ude00",
        "\r"
    };

    @TempDir
    Path dir;

    @Test
    void mutatedConllImportsCleanlyOrFailsCleanly() throws Exception {
        StringWriter out = new StringWriter();
        ConllWriter writer = new ConllWriter(ConllOptions.DEFAULT);
        writer.write(TokenDocuments.mixed(), ExportOptions.DEFAULT, new LossReport(), out);
        writer.write(TokenDocuments.eu(), ExportOptions.DEFAULT, new LossReport(), out);
        fuzz("conll", out.toString().getBytes(StandardCharsets.UTF_8), new ConllReader(ConllOptions.DEFAULT));
    }

    @Test
    void mutatedWebAnnoImportsCleanlyOrFailsCleanly() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WebAnnoWriter(WebAnnoOptions.DEFAULT)
                .write(TokenDocuments.mixed(), ExportOptions.DEFAULT, new LossReport(), out);
        fuzz("tsv", out.toByteArray(), new WebAnnoReader(WebAnnoOptions.DEFAULT));
    }

    private void fuzz(String extension, byte[] valid, DocumentReader reader) throws Exception {
        long seed = Long.getLong("test.seed", new Random().nextLong());
        System.out.println(
                "TokenFormatsFuzzTest " + extension + ": seed " + seed + " (replay with -Dtest.seed=" + seed + ")");
        Random random = new Random(seed);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-" + extension);
            t.setDaemon(true);
            return t;
        });
        int imported = 0;
        int refused = 0;
        long start = System.nanoTime();
        int i = 0;
        try {
            for (; i < 5_000 && System.nanoTime() - start < BUDGET; i++) {
                List<String> log = new ArrayList<>();
                byte[] mutant = mutate(valid, random, log);
                Path file = dir.resolve("m" + i + "." + extension);
                Files.write(file, mutant);
                List<AnnotatedDocument> docs = new ArrayList<>();
                Future<?> future = worker.submit(() -> {
                    reader.read(file, ReadOptions.defaults("fuzz"), new LossReport(), docs::add);
                    return null;
                });
                String context = String.format(Locale.ROOT, "%s mutant %d (seed %d, %s)", extension, i, seed, log);
                try {
                    future.get(5, TimeUnit.SECONDS);
                    docs.forEach(TokenFormatsFuzzTest::check);
                    imported++;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof ScholionException clean)) {
                        throw new AssertionError("threw " + e.getCause() + ": " + context, e.getCause());
                    }
                    assertThat(clean.getMessage())
                            .as(context)
                            .startsWith(file.toString())
                            .doesNotContain("\n", "\r", "Exception");
                    assertThat(docs).as(context).isEmpty();
                    refused++;
                } catch (TimeoutException e) {
                    future.cancel(true);
                    throw new AssertionError("hung: " + context, e);
                }
                Files.delete(file);
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.printf(
                Locale.ROOT,
                "TokenFormatsFuzzTest %s: %d iterations in %d ms, %d imported, %d refused%n",
                extension,
                i,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                imported,
                refused);
        assertThat(imported).isGreaterThan(0);
        assertThat(refused).isGreaterThan(0);
    }

    private static void check(AnnotatedDocument doc) {
        int length = doc.text().length();
        Set<String> labels = new HashSet<>();
        doc.labels().forEach(l -> labels.add(l.name()));
        Set<String> ids = new HashSet<>();
        for (Span span : doc.spans()) {
            assertThat(ids.add(span.id())).isTrue();
            assertThat(span.start()).isBetween(0, span.end() - 1);
            assertThat(span.end()).isLessThanOrEqualTo(length);
            assertThat(labels).contains(span.label());
        }
        doc.relations().forEach(r -> assertThat(ids).contains(r.from(), r.to()));
    }

    private static byte[] mutate(byte[] valid, Random random, List<String> log) {
        String text = new String(valid, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        switch (random.nextInt(7)) {
            case 0 -> {
                byte[] b = valid.clone();
                int at = random.nextInt(b.length);
                b[at] ^= (byte) (1 << random.nextInt(8));
                log.add("flip byte " + at);
                return b;
            }
            case 1 -> {
                int at = random.nextInt(valid.length);
                log.add("truncate at " + at);
                return Arrays.copyOf(valid, at);
            }
            case 2 -> {
                int at = random.nextInt(lines.size());
                log.add("delete line " + (at + 1));
                lines.remove(at);
            }
            case 3 -> {
                int a = random.nextInt(lines.size());
                int b = random.nextInt(lines.size());
                log.add("swap lines " + (a + 1) + " and " + (b + 1));
                String t = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, t);
            }
            case 4 -> {
                int at = random.nextInt(lines.size());
                String[] fields = lines.get(at).split("\t", -1);
                int f = random.nextInt(fields.length);
                fields[f] = PIECES[random.nextInt(PIECES.length)];
                log.add("line " + (at + 1) + " field " + f + " becomes " + fields[f]);
                lines.set(at, String.join("\t", fields));
            }
            case 5 -> {
                int at = random.nextInt(lines.size());
                String line = lines.get(at);
                int cut = line.isEmpty() ? 0 : random.nextInt(line.length());
                String piece = PIECES[random.nextInt(PIECES.length)];
                log.add("line " + (at + 1) + " gets " + piece + " at " + cut);
                lines.set(at, line.substring(0, cut) + piece + line.substring(cut));
            }
            default -> {
                int at = random.nextInt(lines.size());
                log.add("duplicate line " + (at + 1));
                lines.add(at, lines.get(at));
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }
}
