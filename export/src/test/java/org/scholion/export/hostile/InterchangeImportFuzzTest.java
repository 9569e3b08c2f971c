package org.scholion.export.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
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
import org.scholion.export.ExportOptions;
import org.scholion.export.Format;
import org.scholion.export.interchange.DocumentReader;
import org.scholion.export.interchange.DocumentWriter;
import org.scholion.export.interchange.Interchange;
import org.scholion.export.interchange.InterchangeFixtures;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;
import org.scholion.seeds.Seeds;

/**
 * Random mutations of what the interchange writers wrote (brat's {@code .ann}, PTC's labels) give a
 * document that keeps the model's invariants, or one clean error line naming the file; never
 * another exception, never a hang. Seeded: {@code -Dtest.seed=N} replays.
 */
class InterchangeImportFuzzTest {
    private static final long BUDGET = TimeUnit.SECONDS.toNanos(Long.getLong("fuzz.seconds", 4));
    private static final String[] INSERTS = {
        "\t",
        "\n",
        "\r\n",
        " ",
        ";",
        ":",
        "%",
        "%2",
        "%FF",
        "-1",
        "0",
        "99999999999",
        "T1",
        "R1",
        "#1",
        "E1",
        "A1",
        "*",
        "Arg1:",
        "\u0000",
        "\uD83D\uDE00",
        "e\u0301",
        "?"
    };

    @TempDir
    Path dir;

    @Test
    void mutatedBratFilesImportCleanlyOrFailCleanly() throws Exception {
        fuzz(Format.BRAT, InterchangeFixtures.tricky(), "tricky.ann");
        fuzz(Format.BRAT, Seeds.referenceAnnotation(), Seeds.ARTICLE_ID + ".ann");
    }

    @Test
    void mutatedPtcLabelsImportCleanlyOrFailCleanly() throws Exception {
        fuzz(Format.PTC, InterchangeFixtures.tricky(), "articletricky.labels.tsv");
    }

    private void fuzz(Format format, AnnotatedDocument doc, String target) throws Exception {
        Path folder = Files.createTempDirectory(dir, format.extension());
        DocumentWriter.Batch batch = Interchange.writer(format).open(folder, ExportOptions.DEFAULT, new LossReport());
        batch.write(doc);
        batch.close();
        Path file = folder.resolve(target);
        byte[] valid = Files.readAllBytes(file);
        long seed = Long.getLong("test.seed", new Random().nextLong());
        System.out.println(
                "InterchangeImportFuzzTest " + target + ": seed " + seed + " (replay with -Dtest.seed=" + seed + ")");
        Random random = new Random(seed);
        DocumentReader reader = Interchange.reader(format);
        ReadOptions options = new ReadOptions(doc.labelSets(), "fuzz", null);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-interchange");
            t.setDaemon(true);
            return t;
        });
        int imported = 0;
        int refused = 0;
        long start = System.nanoTime();
        try {
            for (int i = 0; i < 5_000 && System.nanoTime() - start < BUDGET; i++) {
                List<String> log = new ArrayList<>();
                byte[] mutant = mutate(valid, random, log);
                Files.write(file, mutant);
                Future<List<AnnotatedDocument>> future = worker.submit(() -> {
                    List<AnnotatedDocument> docs = new ArrayList<>();
                    reader.read(file, options, new LossReport(), docs::add);
                    return docs;
                });
                try {
                    assertThat(future.get(5, TimeUnit.SECONDS)).hasSize(1);
                    imported++;
                } catch (ExecutionException e) {
                    String where = "seed " + seed + " iteration " + i + " " + log + ": ";
                    assertThat(e.getCause())
                            .as(where + "threw %s", e.getCause())
                            .isInstanceOf(ScholionException.class);
                    assertThat(e.getCause().getMessage())
                            .as(where)
                            .doesNotContain("\n")
                            .startsWith(folder.toString());
                    refused++;
                } catch (TimeoutException e) {
                    future.cancel(true);
                    throw new AssertionError("seed " + seed + " iteration " + i + " " + log + ": hung", e);
                }
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.println("  " + imported + " imported, " + refused + " refused");
        assertThat(imported).as("some mutants still import").isPositive();
        assertThat(refused).as("some mutants are refused").isPositive();
    }

    private static byte[] mutate(byte[] valid, Random random, List<String> log) {
        byte[] bytes = valid;
        for (int round = 1 + random.nextInt(3); round > 0; round--) {
            int n = bytes.length;
            int at = n == 0 ? 0 : random.nextInt(n);
            switch (random.nextInt(5)) {
                case 0 -> {
                    if (n > 0) {
                        bytes = bytes.clone();
                        bytes[at] = (byte) random.nextInt(256);
                        log.add("byte " + at);
                    }
                }
                case 1 -> {
                    int len = Math.min(n - at, 1 + random.nextInt(20));
                    byte[] out = new byte[n - len];
                    System.arraycopy(bytes, 0, out, 0, at);
                    System.arraycopy(bytes, at + len, out, at, n - at - len);
                    bytes = out;
                    log.add("delete " + at + "+" + len);
                }
                case 2 -> {
                    byte[] insert = INSERTS[random.nextInt(INSERTS.length)].getBytes(StandardCharsets.UTF_8);
                    byte[] out = new byte[n + insert.length];
                    System.arraycopy(bytes, 0, out, 0, at);
                    System.arraycopy(insert, 0, out, at, insert.length);
                    System.arraycopy(bytes, at, out, at + insert.length, n - at);
                    bytes = out;
                    log.add("insert at " + at);
                }
                case 3 -> {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
                    int a = random.nextInt(lines.size());
                    lines.add(random.nextInt(lines.size() + 1), lines.get(a));
                    bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
                    log.add("duplicate line " + a);
                }
                default -> {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    bytes = text.replaceFirst("\\d+", Integer.toString(random.nextInt(200) - 5))
                            .getBytes(StandardCharsets.UTF_8);
                    log.add("number");
                }
            }
        }
        return bytes;
    }
}
