package org.scholion.export.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
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
import org.junit.jupiter.api.Test;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.Format;
import org.scholion.export.jsonld.JsonLdImporter;
import org.scholion.seeds.Seeds;

/**
 * Random byte and token mutations of exported JSON-LD give an imported document that keeps the
 * model's invariants (with one-line problems), or one clean error line; never another exception,
 * never a hang. Seeded: {@code -Dtest.seed=N} replays.
 */
class JsonLdImportFuzzTest {
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
        "\"Annotation\"",
        "\"AnnotationPage\"",
        "\"TextPositionSelector\"",
        "\"TextQuoteSelector\"",
        "\"linking\"",
        "\"classifying\"",
        "\"tagging\"",
        "\"http://127.0.0.1:9/x\"",
        "\"s1\"",
        "[[[[[[[[[[[[[[[[[[[[",
        "{\"type\": \"TextPositionSelector\", \"start\": 5, \"end\": 2}",
        "\"=cmd|' /C calc'!A0\"",
    };
    /** The time each base gets; -Dfuzz.seconds=N gives more, to replay a seed beyond the usual budget. */
    private static final long BUDGET = TimeUnit.SECONDS.toNanos(Long.getLong("fuzz.seconds", 6));

    @Test
    void mutatedExportsImportCleanlyOrFailCleanly() throws Exception {
        fuzz("hostile", HostileDocuments.formulasAndMarkup(), 20_000);
    }

    @Test
    void mutatedSeedExportImportsCleanlyOrFailsCleanly() throws Exception {
        fuzz("seed", Seeds.referenceAnnotation(), 2_000);
    }

    private static void fuzz(String name, AnnotatedDocument doc, int max) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporters.of(Format.JSONLD).export(doc, ExportOptions.DEFAULT, out);
        byte[] valid = out.toByteArray();
        String validText = new String(valid, StandardCharsets.UTF_8);
        List<int[]> tokens = tokens(validText);
        long seed = Long.getLong("test.seed", new Random().nextLong());
        System.out.println(
                "JsonLdImportFuzzTest " + name + ": seed " + seed + " (replay with -Dtest.seed=" + seed + ")");
        Random random = new Random(seed);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-jsonld");
            t.setDaemon(true);
            return t;
        });
        int imported = 0;
        int refused = 0;
        long start = System.nanoTime();
        int i = 0;
        try {
            for (; i < max && System.nanoTime() - start < BUDGET; i++) {
                List<String> log = new ArrayList<>();
                byte[] mutant = mutate(valid, validText, tokens, random, log);
                String source = name + "-" + i + ".jsonld";
                Future<JsonLdImporter.Result> future = worker.submit(() ->
                        JsonLdImporter.read(new ByteArrayInputStream(mutant), source, doc.document(), doc.labelSets()));
                String context = String.format(
                        java.util.Locale.ROOT,
                        "%s mutant %d (seed %d, %s): %s",
                        name,
                        i,
                        seed,
                        log,
                        new String(mutant, StandardCharsets.UTF_8).substring(0, Math.min(200, mutant.length)));
                try {
                    JsonLdImporter.Result result = future.get(5, TimeUnit.SECONDS);
                    check(result.document());
                    result.problems()
                            .forEach(p -> assertThat(p.reason()).as(context).doesNotContain("\n", "\r"));
                    imported++;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof ScholionException clean)) {
                        throw new AssertionError("threw " + e.getCause() + ": " + context, e.getCause());
                    }
                    assertThat(clean.getMessage())
                            .as(context)
                            .startsWith(source)
                            .doesNotContain("\n", "\r")
                            .doesNotContain("Exception", "\tat ");
                    refused++;
                } catch (TimeoutException e) {
                    future.cancel(true);
                    throw new AssertionError("hung: " + context, e);
                } catch (AssertionError e) {
                    throw new AssertionError("broke an invariant: " + context, e);
                }
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.printf(
                java.util.Locale.ROOT,
                "JsonLdImportFuzzTest %s: %d iterations in %d ms, %d imported, " + "%d refused%n",
                name,
                i,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                imported,
                refused);
        assertThat(imported + refused).isGreaterThan(20);
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
