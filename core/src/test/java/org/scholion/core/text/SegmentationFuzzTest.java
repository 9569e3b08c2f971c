package org.scholion.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.scholion.core.model.Span;

/**
 * Segmentation under random and extreme spans: empty and one-code-point texts, spans over the
 * whole text, at its very end, identical, deeply nested, ending between CR and LF or beside an
 * emoji. Every fragment and line must add up to the text with exactly its covering spans, outer
 * to inner. Seeded: {@code -Dtest.seed=N} replays.
 */
class SegmentationFuzzTest {
    private static final List<String> LABELS = List.of("A", "B", "C", "D");
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(Long.getLong("fuzz.seconds", 5));

    @Test
    void randomTextsAndExtremeSpansKeepEveryProperty() {
        long seed = RandomTexts.seed();
        System.out.println("SegmentationFuzzTest: seed " + seed + " (replay with -Dtest.seed=" + seed + ")");
        Random random = new Random(seed);
        long start = System.nanoTime();
        int rounds = 0;
        long spansTried = 0;
        for (; rounds < 20_000 && System.nanoTime() - start < BUDGET_NANOS; rounds++) {
            String s = switch (random.nextInt(6)) {
                case 0 -> "";
                case 1 -> RandomTexts.text(random, 1);
                case 2 -> "\r\n".repeat(1 + random.nextInt(3)) + RandomTexts.text(random, random.nextInt(5));
                default -> RandomTexts.text(random, random.nextInt(80));
            };
            CodePointText text = CodePointText.of(s);
            List<Span> spans = spans(random, text);
            spansTried += spans.size();
            String context = "seed " + seed + ", round " + rounds + ", text " + escape(s) + ", spans " + spans;
            try {
                check(text, spans);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("segmentation broke (" + context + ")", e);
            }
        }
        System.out.printf(
                java.util.Locale.ROOT,
                "SegmentationFuzzTest: %d texts, %d spans in %d ms%n",
                rounds,
                spansTried,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        assertThat(rounds).isGreaterThan(200);
    }

    @Test
    void thousandsOfNestedAndIdenticalSpansStayFast() {
        String s = RandomTexts.text(new Random(7), 20_000);
        CodePointText text = CodePointText.of(s);
        int n = text.length();
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            spans.add(Span.of("n" + i, i, n - i, LABELS.get(i % 4)));
            spans.add(Span.of("same" + i, 0, n, "A"));
            spans.add(Span.of("one" + i, n - 1, n, "B"));
        }
        List<Fragment> fragments = assertTimeoutPreemptively(Duration.ofSeconds(8), () -> Segmentation.of(text, spans));
        assertThat(fragments.get(0).spans()).hasSize(1_001);
        assertThat(fragments.get(fragments.size() - 1).spans()).hasSize(2_001);
        assertThat(String.join("", fragments.stream().map(Fragment::text).toList()))
                .isEqualTo(s);
    }

    @Test
    void spansOutsideTheTextAreRefusedNotCut() {
        CodePointText text = CodePointText.of("a😀b");
        assertThatThrownBy(() -> Segmentation.of(text, List.of(Span.of("s1", 2, 4, "A"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("range 2:4 is outside the text (0 to 3)");
        assertThatThrownBy(() -> Segmentation.lines(text, List.of(Span.of("s1", 3, Integer.MAX_VALUE, "A"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Span> spans(Random random, CodePointText text) {
        int n = text.length();
        List<Span> spans = new ArrayList<>();
        if (n == 0) {
            return spans;
        }
        int count = random.nextInt(random.nextBoolean() ? 6 : 40);
        for (int i = 0; i < count; i++) {
            int start;
            int end;
            switch (random.nextInt(7)) {
                case 0 -> {
                    start = 0;
                    end = n;
                }
                case 1 -> {
                    start = n - 1;
                    end = n;
                }
                case 2 -> {
                    start = 0;
                    end = 1;
                }
                case 3 -> {
                    if (!spans.isEmpty()) {
                        Span copy = spans.get(random.nextInt(spans.size()));
                        start = copy.start();
                        end = copy.end();
                    } else {
                        start = 0;
                        end = n;
                    }
                }
                case 4 -> {
                    // nested inside a previous span when there is room
                    Span outer = spans.isEmpty() ? Span.of("x", 0, n, "A") : spans.get(random.nextInt(spans.size()));
                    start = outer.start() + random.nextInt(outer.length());
                    end = start + 1 + random.nextInt(outer.end() - start);
                }
                default -> {
                    start = random.nextInt(n);
                    end = start + 1 + random.nextInt(n - start);
                }
            }
            spans.add(Span.of("s" + (i + 1), start, end, LABELS.get(random.nextInt(LABELS.size()))));
        }
        return spans;
    }

    static void check(CodePointText text, List<Span> spans) {
        String s = text.string();
        List<Fragment> fragments = Segmentation.of(text, spans);
        StringBuilder joined = new StringBuilder();
        int at = 0;
        HashSet<Span> previous = null;
        for (Fragment f : fragments) {
            assertThat(f.start()).isEqualTo(at);
            assertThat(f.end()).isGreaterThan(f.start());
            assertThat(f.text()).isEqualTo(text.slice(f.start(), f.end()));
            List<Span> covering = new ArrayList<>(spans.stream()
                    .filter(x -> x.start() <= f.start() && f.end() <= x.end())
                    .toList());
            covering.sort(Span.ORDER);
            assertThat(f.spans())
                    .as("exactly the covering spans, outer to inner")
                    .isEqualTo(covering);
            for (Span x : spans) {
                boolean partly = x.start() < f.end() && f.start() < x.end();
                boolean whole = x.start() <= f.start() && f.end() <= x.end();
                assertThat(partly).as("no span cuts a fragment: %s in %s", x, f).isEqualTo(whole);
            }
            HashSet<Span> current = new HashSet<>(f.spans());
            assertThat(current).as("fragments are maximal").isNotEqualTo(previous);
            previous = current;
            joined.append(f.text());
            at = f.end();
        }
        assertThat(at).isEqualTo(text.length());
        assertThat(joined.toString()).isEqualTo(s);

        List<Line> lines = Segmentation.lines(text, spans);
        assertThat(lines).isNotEmpty();
        StringBuilder rebuilt = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            assertThat(line.number()).isEqualTo(i + 1);
            int cursor = line.start();
            for (Fragment f : line.fragments()) {
                assertThat(f.start()).isEqualTo(cursor);
                assertThat(f.text()).doesNotContain("\n", "\r");
                List<Span> covering = new ArrayList<>(spans.stream()
                        .filter(x -> x.start() <= f.start() && f.end() <= x.end())
                        .toList());
                covering.sort(Span.ORDER);
                assertThat(f.spans()).isEqualTo(covering);
                rebuilt.append(f.text());
                cursor = f.end();
            }
            assertThat(cursor).isEqualTo(line.end());
            if (i + 1 < lines.size()) {
                rebuilt.append(text.slice(line.end(), lines.get(i + 1).start()));
            } else {
                assertThat(line.end()).isEqualTo(text.length());
            }
        }
        assertThat(rebuilt.toString())
                .as("lines and their terminators give back the text")
                .isEqualTo(s);
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c > 0x7E) {
                b.append(String.format(java.util.Locale.ROOT, "\\u{%X}", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append('"').toString();
    }
}
