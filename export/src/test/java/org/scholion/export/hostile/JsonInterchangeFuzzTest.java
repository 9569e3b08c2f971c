package org.scholion.export.hostile;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.export.ExportOptions;
import org.scholion.export.Format;
import org.scholion.export.interchange.DocumentReader;
import org.scholion.export.interchange.DocumentWriter;
import org.scholion.export.interchange.Interchange;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;
import org.scholion.export.json.Interchanges;

/**
 * Random byte and token mutations of what the doccano, Label Studio and Prodigy writers write give
 * documents that keep the model's invariants, or one clean error line naming the file; never
 * another exception, never a hang. Seeded: {@code -Dtest.seed=N} replays.
 */
class JsonInterchangeFuzzTest {
    private static final Pattern TOKEN = Pattern.compile(
            "\"(?:[^\"\\\\]++|\\\\.)*+\"|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|true|false|null|[{}\\[\\]:,]");
    private static final String[] VALUES = {
        "-1",
        "0",
        "1",
        "2147483648",
        "1e400",
        "1.5",
        "\"\"",
        "null",
        "true",
        "[]",
        "{}",
        "\"\\ud800\"",
        "\"\\u0000\"",
        "\"s1\"",
        "\"r1\"",
        "\"relation\"",
        "\"labels\"",
        "\"accept\"",
        "\"reject\"",
        "[[[[[[[[[[",
        "[0, 99999, \"X\"]",
        "{\"start\": 5, \"end\": 2, \"label\": \"X\"}",
        "\"\\n\"",
        "\"=cmd|' /C calc'!A0\"",
    };
    private static final long BUDGET = TimeUnit.SECONDS.toNanos(Long.getLong("fuzz.seconds", 3));

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"doccano", "labelstudio", "prodigy"})
    void mutatedExportsImportCleanlyOrFailCleanly(String name) throws Exception {
        Format format = Format.fromName(name);
        DocumentWriter writer = Interchange.writer(format);
        DocumentReader reader = Interchange.reader(format);
        List<Path> files = Interchanges.writeAll(
                writer,
                dir.resolve("base"),
                ExportOptions.builder().includeSuggestions(true).build(),
                new LossReport(),
                Interchanges.hard(),
                plain());
        byte[] valid = Files.readAllBytes(files.get(0));
        String validText = new String(valid, StandardCharsets.UTF_8);
        List<int[]> tokens = tokens(validText);
        long seed = Long.getLong("test.seed", new Random().nextLong());
        System.out.println(
                "JsonInterchangeFuzzTest " + name + ": seed " + seed + " (replay with -Dtest.seed=" + seed + ")");
        Random random = new Random(seed);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-" + name);
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
                byte[] mutant = mutate(valid, validText, tokens, random, log);
                Path file = dir.resolve(
                        name + "-" + i + files.get(0).getFileName().toString().replaceAll("^[^.]*", ""));
                Files.write(file, mutant);
                List<AnnotatedDocument> docs = new ArrayList<>();
                Future<?> future = worker.submit(() -> {
                    reader.read(file, ReadOptions.defaults("fuzz"), new LossReport(), docs::add);
                    return null;
                });
                String context = String.format(Locale.ROOT, "%s mutant %d (seed %d, %s)", name, i, seed, log);
                try {
                    future.get(10, TimeUnit.SECONDS);
                    docs.forEach(JsonInterchangeFuzzTest::check);
                    imported++;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof ScholionException clean)) {
                        throw new AssertionError("threw " + e.getCause() + ": " + context, e.getCause());
                    }
                    assertThat(clean.getMessage())
                            .as(context)
                            .startsWith(file.toString())
                            .doesNotContain("\n", "\r")
                            .doesNotContain("Exception", "\tat ");
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
                "JsonInterchangeFuzzTest %s: %d iterations in %d ms, %d imported, %d refused%n",
                name,
                i,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                imported,
                refused);
        assertThat(imported + refused).isGreaterThan(10);
        assertThat(refused).isGreaterThan(0);
    }

    /** The hard document without relations (doccano writes it in the sequence shape). */
    private static AnnotatedDocument plain() {
        AnnotatedDocument hard = Interchanges.hard();
        return hard.withoutRelations(hard.relations().stream().map(r -> r.id()).toList());
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

    private static byte[] mutate(byte[] valid, String text, List<int[]> tokens, Random random, List<String> log) {
        switch (random.nextInt(6)) {
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
                int at = random.nextInt(valid.length);
                int len = Math.min(valid.length - at, 1 + random.nextInt(100));
                byte[] b = new byte[valid.length - len];
                System.arraycopy(valid, 0, b, 0, at);
                System.arraycopy(valid, at + len, b, at, valid.length - at - len);
                log.add("delete " + len + " at " + at);
                return b;
            }
            case 3 -> {
                int[] a = tokens.get(random.nextInt(tokens.size()));
                int[] b = tokens.get(random.nextInt(tokens.size()));
                log.add("token at " + a[0] + " becomes the one at " + b[0]);
                return (text.substring(0, a[0]) + text.substring(b[0], b[1]) + text.substring(a[1]))
                        .getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                int[] a = tokens.get(random.nextInt(tokens.size()));
                String v = VALUES[random.nextInt(VALUES.length)];
                log.add("token at " + a[0] + " becomes " + v);
                return (text.substring(0, a[0]) + v + text.substring(a[1])).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private static List<int[]> tokens(String s) {
        List<int[]> list = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            list.add(new int[] {m.start(), m.end()});
        }
        return list;
    }
}
