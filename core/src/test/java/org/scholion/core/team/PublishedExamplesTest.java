package org.scholion.core.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Span;
import org.scholion.core.team.Agreement.Comparison;
import org.scholion.core.team.Agreement.Options;

/**
 * Agreement over annotated documents cross-checked against the examples DKPro Statistics' own tests
 * take from the literature (dkpro-statistics-agreement, {@code Krippendorff1995Test} and
 * {@code Fleiss1971Test}): the same data laid out as spans must give the published values.
 */
class PublishedExamplesTest {

    /** {@code n} one-letter words: word i is code points [2i, 2i+1). */
    private static String words(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append('w');
        }
        return b.toString();
    }

    private static AnnotatedDocument annotate(String text, LabelSet labels, List<int[]> spans, List<String> labelsOf) {
        AnnotatedDocument.Builder b =
                AnnotatedDocument.builder(Document.of("d", text)).labelSets(List.of(labels));
        for (int i = 0; i < spans.size(); i++) {
            b.span(Span.of("s" + (i + 1), spans.get(i)[0], spans.get(i)[1], labelsOf.get(i)));
        }
        return b.build();
    }

    /** Runs of yes among 24 words ([first, last) word indexes) as spans over whole words. */
    private static AnnotatedDocument wordRuns(int[]... runs) {
        List<int[]> spans = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int[] run : runs) {
            spans.add(new int[] {2 * run[0], 2 * (run[1] - 1) + 1});
            labels.add("A");
        }
        return annotate(words(24), LabelSet.of("k", Label.of("A", "#112233")), spans, labels);
    }

    /*
     * Krippendorff (1995: 57), example A digitized (Krippendorff1995Test.testDigitizedAgreement):
     *   Bertha: 0 0|1 1 1 1 1 1 1 1|0 0 0 0|1 1 1 1 1 1|0 0 0 0
     *   Bill:   0 0 0 0|1 1 1 1|0 0 0 0 0 0 0|1 1|0 0 0 0 0 0 0
     * One word per position; Cohen's kappa 0.385. Example C: 0.314.
     */
    @Test
    void cohensKappaOverTokensIsKrippendorffsDigitizedExample() {
        Comparison a =
                two(wordRuns(new int[] {2, 10}, new int[] {14, 20}), wordRuns(new int[] {4, 8}, new int[] {15, 17}));
        assertThat(a.value("A", Agreement.COHEN_KAPPA).orElseThrow().value()).isCloseTo(0.385, within(0.001));
        //   Gerret: 0 0|1 1 1 1 1 1|0 0|1 1|0 0|1 1 1 1|0 0|1 1|0 0
        //   Gill:   1 1|0 0|1 1 1 1|0 0|1 1 1 1|0 0|1 1|0 0|1 1|0 0
        Comparison c = two(
                wordRuns(new int[] {2, 8}, new int[] {10, 12}, new int[] {14, 18}, new int[] {20, 22}),
                wordRuns(new int[] {0, 2}, new int[] {4, 8}, new int[] {10, 14}, new int[] {16, 18}, new int[] {20, 22
                }));
        assertThat(c.value("A", Agreement.COHEN_KAPPA).orElseThrow().value()).isCloseTo(0.314, within(0.001));
    }

    /*
     * Krippendorff (1995: 57), the unitizing example (Krippendorff1995Test.createExample) on a
     * continuum of 24 stretched by 1,000: one code point per position, each pair of coders a label.
     * Published per-category alpha: A 0.553, B -0.926, C 0.679, D 0.066 (within 0.02).
     */
    @Test
    void unitizingAlphaIsKrippendorffsPublishedExample() {
        int stretch = 1000;
        String text = "x".repeat(24 * stretch);
        LabelSet labels = LabelSet.of(
                "k",
                Label.of("A", "#111111"),
                Label.of("B", "#222222"),
                Label.of("C", "#333333"),
                Label.of("D", "#444444"));
        // {offset, length, coder, label}
        int[][] units = {
            {2, 8, 0, 'A'},
            {14, 6, 0, 'A'},
            {4, 4, 1, 'A'},
            {15, 2, 1, 'A'},
            {0, 18, 0, 'B'},
            {0, 2, 1, 'B'},
            {2, 1, 1, 'B'},
            {3, 1, 1, 'B'},
            {4, 1, 1, 'B'},
            {5, 1, 1, 'B'},
            {6, 3, 1, 'B'},
            {9, 1, 1, 'B'},
            {2, 6, 0, 'C'},
            {10, 2, 0, 'C'},
            {14, 4, 0, 'C'},
            {20, 2, 0, 'C'},
            {0, 2, 1, 'C'},
            {4, 4, 1, 'C'},
            {10, 4, 1, 'C'},
            {16, 2, 1, 'C'},
            {20, 2, 1, 'C'},
            {0, 2, 0, 'D'},
            {2, 8, 0, 'D'},
            {10, 4, 0, 'D'},
            {14, 6, 0, 'D'},
            {20, 4, 0, 'D'},
            {0, 4, 1, 'D'},
            {4, 4, 1, 'D'},
            {8, 7, 1, 'D'},
            {15, 2, 1, 'D'},
            {17, 7, 1, 'D'},
        };
        List<List<int[]>> spans = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<String>> names = List.of(new ArrayList<>(), new ArrayList<>());
        for (int[] u : units) {
            spans.get(u[2]).add(new int[] {u[0] * stretch, (u[0] + u[1]) * stretch});
            names.get(u[2]).add(String.valueOf((char) u[3]));
        }
        Comparison c = two(
                annotate(text, labels, spans.get(0), names.get(0)), annotate(text, labels, spans.get(1), names.get(1)));
        assertThat(c.value("A", Agreement.ALPHA_U).orElseThrow().value()).isCloseTo(0.553, within(0.02));
        assertThat(c.value("B", Agreement.ALPHA_U).orElseThrow().value()).isCloseTo(-0.926, within(0.02));
        assertThat(c.value("C", Agreement.ALPHA_U).orElseThrow().value()).isCloseTo(0.679, within(0.02));
        assertThat(c.value("D", Agreement.ALPHA_U).orElseThrow().value()).isCloseTo(0.066, within(0.02));
    }

    /*
     * Fleiss (1971: 379), 30 subjects rated by 6 raters into 5 categories (Fleiss1971Test.createExample).
     * Each subject is a word; rater r gives it a span of the label of its r-th rating. For one label,
     * the yes/no decisions are the category against the rest, and Fleiss' kappa of that is the
     * published category-specific kappa: 1 0.248, 2 0.248, 3 0.517, 4 0.470, 5 0.565.
     */
    @Test
    void fleissKappaPerLabelIsFleisssPublishedCategoryKappa() {
        int[][] ratings = {
            {4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5}, {2, 2, 2, 4, 4, 4},
            {1, 1, 3, 3, 3, 3}, {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4}, {1, 1, 4, 4, 4, 4}, {5, 5, 5, 5, 5, 5},
            {1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4}, {2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4}, {2, 2, 4, 4, 4, 5},
            {3, 3, 3, 3, 3, 5}, {1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 5, 5, 5},
            {5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4}, {1, 4, 4, 4, 4, 5},
            {2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 3, 3, 3}, {5, 5, 5, 5, 5, 5},
        };
        String text = words(ratings.length);
        LabelSet labels = LabelSet.of(
                "k",
                Label.of("c1", "#111111"),
                Label.of("c2", "#222222"),
                Label.of("c3", "#333333"),
                Label.of("c4", "#444444"),
                Label.of("c5", "#555555"));
        List<AnnotatedDocument> raters = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            List<int[]> spans = new ArrayList<>();
            List<String> of = new ArrayList<>();
            for (int i = 0; i < ratings.length; i++) {
                spans.add(new int[] {2 * i, 2 * i + 1});
                of.add("c" + ratings[i][r]);
            }
            raters.add(annotate(text, labels, spans, of));
            names.add("r" + r);
        }
        Comparison all =
                Agreement.measure(names, List.of(raters), Options.DEFAULT).get(0);
        assertThat(all.name()).isEqualTo("all");
        double[] published = {0.248, 0.248, 0.517, 0.470, 0.565};
        for (int c = 1; c <= 5; c++) {
            assertThat(all.value("c" + c, Agreement.FLEISS_KAPPA).orElseThrow().value())
                    .as("c" + c)
                    .isCloseTo(published[c - 1], within(0.005));
        }
    }

    private static Comparison two(AnnotatedDocument a, AnnotatedDocument b) {
        return Agreement.measure(List.of("A", "B"), List.of(List.of(a, b)), Options.DEFAULT)
                .get(0);
    }
}
