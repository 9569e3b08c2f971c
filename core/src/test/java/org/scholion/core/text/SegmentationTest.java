package org.scholion.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scholion.core.model.Span;

class SegmentationTest {
    private static final List<String> LABELS = List.of("A", "B", "C");

    @Test
    void cutsNestedAndCrossingSpansIntoFragments() {
        CodePointText text = CodePointText.of("the evil regime said");
        Span outer = Span.of("s1", 0, 15, "A");
        Span inner = Span.of("s2", 4, 8, "B");
        Span crossing = Span.of("s3", 12, 20, "C");
        List<Fragment> fragments = Segmentation.of(text, List.of(crossing, inner, outer));
        assertThat(fragments).extracting(Fragment::text).containsExactly("the ", "evil", " reg", "ime", " said");
        assertThat(fragments.get(1).spans()).containsExactly(outer, inner);
        assertThat(fragments.get(3).spans()).containsExactly(outer, crossing);
        assertThat(fragments.get(4).spans()).containsExactly(crossing);
    }

    @Test
    void plainTextIsOneUncoveredFragment() {
        List<Fragment> fragments = Segmentation.of(CodePointText.of("just text"), List.of());
        assertThat(fragments).hasSize(1);
        assertThat(fragments.get(0).isCovered()).isFalse();
    }

    @Test
    void emptyTextHasNoFragments() {
        assertThat(Segmentation.of(CodePointText.of(""), List.of())).isEmpty();
    }

    @Test
    void linesLeaveTerminatorsOutAndSplitSpansThatCrossThem() {
        CodePointText text = CodePointText.of("ab\r\ncd\nef");
        Span across = Span.of("s1", 1, 6, "A");
        List<Line> lines = Segmentation.lines(text, List.of(across));
        assertThat(lines)
                .extracting(Line::start, Line::end)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 2),
                        org.assertj.core.groups.Tuple.tuple(4, 6),
                        org.assertj.core.groups.Tuple.tuple(7, 9));
        assertThat(lines.get(0).fragments()).extracting(Fragment::text).containsExactly("a", "b");
        assertThat(lines.get(1).fragments()).extracting(Fragment::text).containsExactly("cd");
        assertThat(lines.get(1).fragments().get(0).spans()).containsExactly(across);
        assertThat(lines.get(2).fragments().get(0).isCovered()).isFalse();
    }

    @Test
    void aSpanGivenTwiceCoversItsFragmentsOnce() {
        CodePointText text = CodePointText.of("one two");
        Span span = Span.of("s1", 0, 3, "A");
        List<Fragment> fragments = Segmentation.of(text, List.of(span, span));
        assertThat(fragments).extracting(Fragment::text).containsExactly("one", " two");
        assertThat(fragments.get(0).spans()).containsExactly(span);
    }

    @Test
    void fragmentsAreValuesWhetherCutFromTheTextOrMadeByHand() {
        CodePointText text = CodePointText.of("a😀b\r\nc");
        Span span = Span.of("s1", 1, 5, "A");
        List<Fragment> fragments = Segmentation.of(text, List.of(span));
        Fragment emoji = new Fragment(1, 5, "😀b\r\n", List.of(span));
        assertThat(fragments.get(1)).isEqualTo(emoji).hasSameHashCodeAs(emoji);
        assertThat(fragments.get(1).toString())
                .isEqualTo(emoji.toString())
                .startsWith("Fragment[start=1, end=5, text=😀b");
        assertThat(fragments.get(1).spans()).isUnmodifiable();
        Line first = Segmentation.lines(text, List.of(span)).get(0);
        assertThat(first.fragments())
                .containsExactly(new Fragment(0, 1, "a", List.of()), new Fragment(1, 3, "😀b", List.of(span)));
    }

    @Test
    void coveringListsAreSharedWhenAnInnerSpanEnds() {
        CodePointText text = CodePointText.of("abcdefg");
        Span outer = Span.of("s1", 0, 7, "A");
        Span inner = Span.of("s2", 2, 4, "B");
        List<Fragment> fragments = Segmentation.of(text, List.of(outer, inner));
        assertThat(fragments).extracting(Fragment::text).containsExactly("ab", "cd", "efg");
        assertThat(fragments.get(2).spans()).isSameAs(fragments.get(0).spans()).containsExactly(outer);
    }

    @Test
    void propertiesHoldOnRandomTextsAndSpans() {
        long seed = RandomTexts.seed();
        Random random = new Random(seed);
        for (int round = 0; round < 500; round++) {
            String s = RandomTexts.text(random, random.nextInt(40));
            CodePointText text = CodePointText.of(s);
            List<Span> spans = RandomTexts.spans(random, text.length(), random.nextInt(8), LABELS);
            String context = "seed " + seed + ", round " + round + ", spans " + spans;
            List<Fragment> fragments = Segmentation.of(text, spans);

            StringBuilder joined = new StringBuilder();
            int expectedStart = 0;
            Set<Span> previous = null;
            for (Fragment f : fragments) {
                assertThat(f.start()).as(context).isEqualTo(expectedStart);
                assertThat(f.text()).as(context).isEqualTo(text.slice(f.start(), f.end()));
                Set<Span> current = new HashSet<>(f.spans());
                assertThat(current).as("fragments are maximal: " + context).isNotEqualTo(previous);
                List<Span> sorted = new ArrayList<>(f.spans());
                sorted.sort(Span.ORDER);
                assertThat(f.spans()).as("outer to inner: " + context).isEqualTo(sorted);
                joined.append(f.text());
                expectedStart = f.end();
                previous = current;
            }
            assertThat(joined.toString()).as(context).isEqualTo(s);
            assertThat(expectedStart).as(context).isEqualTo(text.length());

            for (Span span : spans) {
                int covered = 0;
                for (Fragment f : fragments) {
                    boolean inside = span.start() <= f.start() && f.end() <= span.end();
                    assertThat(f.spans().contains(span))
                            .as("span %s and fragment %s: %s", span, f, context)
                            .isEqualTo(inside);
                    if (inside) {
                        covered += f.end() - f.start();
                    }
                }
                assertThat(covered).as(context).isEqualTo(span.length());
            }

            StringBuilder fromLines = new StringBuilder();
            for (Line line : Segmentation.lines(text, spans)) {
                for (Fragment f : line.fragments()) {
                    assertThat(f.start()).as(context).isGreaterThanOrEqualTo(line.start());
                    assertThat(f.end()).as(context).isLessThanOrEqualTo(line.end());
                    fromLines.append(f.text());
                }
                assertThat(text.slice(line.start(), line.end())).as(context).doesNotContain("\n", "\r");
            }
            assertThat(fromLines.toString()).as(context).isEqualTo(s.replaceAll("\r\n|\r|\n", ""));
        }
    }
}
