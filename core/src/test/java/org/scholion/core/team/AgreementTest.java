package org.scholion.core.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.scholion.core.team.Docs.doc;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.team.Agreement.Comparison;
import org.scholion.core.team.Agreement.Options;
import org.scholion.core.team.Agreement.Value;

class AgreementTest {
    /** Ten one-letter words: token i is code points [2i, 2i+1). */
    static final String TEN = "a b c d e f g h i j";

    static Comparison two(AnnotatedDocument a, AnnotatedDocument b) {
        List<Comparison> result = Agreement.measure(List.of("A", "B"), List.of(List.of(a, b)), Options.DEFAULT);
        assertThat(result).hasSize(1);
        return result.get(0);
    }

    static double value(Comparison c, String scope, String metric) {
        Value v = c.value(scope, metric).orElseThrow(() -> new AssertionError("no " + scope + " " + metric));
        assertThat(v.isDefined())
                .as(scope + " " + metric + ": " + v.undefined())
                .isTrue();
        return v.value();
    }

    @Test
    void identicalAnnotationsAgreeFullyOnEveryMeasure() {
        AnnotatedDocument a = doc(TEN, "X 0 5", "X 2 3", "Y 6 11", "Z 14 19");
        Comparison c = two(a, a);
        assertThat(c.values()).isNotEmpty().allSatisfy(v -> {
            assertThat(v.isDefined()).as(v.toString()).isTrue();
            assertThat(v.value()).as(v.toString()).isEqualTo(1.0);
        });
        assertThat(c.values()).extracting(Value::scope).contains("overall", "X", "Y", "Z");
        assertThat(c.values())
                .extracting(Value::metric)
                .contains(
                        Agreement.EXACT_PRECISION,
                        Agreement.EXACT_RECALL,
                        Agreement.EXACT_F1,
                        Agreement.OVERLAP_F1,
                        Agreement.COHEN_KAPPA,
                        Agreement.ALPHA_U);
    }

    @Test
    void disjointAnnotationsHaveNoExactOrOverlapMatch() {
        Comparison c = two(doc(TEN, "X 0 3", "Y 8 11"), doc(TEN, "X 4 7", "Y 12 15"));
        assertThat(value(c, "overall", Agreement.EXACT_F1)).isZero();
        assertThat(value(c, "overall", Agreement.EXACT_PRECISION)).isZero();
        assertThat(value(c, "overall", Agreement.OVERLAP_F1)).isZero();
        assertThat(value(c, "X", Agreement.COHEN_KAPPA)).isNegative();
        assertThat(value(c, "overall", Agreement.ALPHA_U)).isLessThan(0.0);
    }

    /*
     * Nested and crossing spans over TEN, worked out by hand (tokens a..j are 0..9):
     *   A: X [0,5) = a b c, X [2,3) = b (nested in the first), Y [6,11) = d e f
     *   B: X [0,5) = a b c (same as A's), Y [8,15) = e f g h (crossing A's Y), X [16,19) = i j
     * Exact (A is the reference):
     *   X: A {0:5, 2:3}, B {0:5, 16:19}: 1 match, P = 1/2, R = 1/2, F1 = 1/2
     *   Y: no match: P = R = F1 = 0
     *   overall: 1 match of 3 and 3: P = R = F1 = 1/3
     * Overlap: X: both of A's overlap B's 0:5 (recall 2/2); of B's, 0:5 does and 16:19 does not (precision 1/2):
     *   F1 = 2 * 1/2 * 1 / (3/2) = 2/3. Y: each overlaps the other: F1 = 1.
     *   overall: recall (2 + 1) / 3 = 1, precision (1 + 1) / 3 = 2/3: F1 = 0.8
     * Cohen's kappa over tokens (yes = a span of the label overlaps the token; the nested X adds nothing):
     *   X: A yes a b c; B yes a b c i j: both yes 3, only B 2, both no 5 of 10.
     *      po = 0.8; pe = 0.3 * 0.5 + 0.7 * 0.5 = 0.5; kappa = 0.3 / 0.5 = 0.6
     *   Y: A yes d e f; B yes e f g h: both yes 2, only A 1, only B 2, both no 5.
     *      po = 0.7; pe = 0.3 * 0.4 + 0.7 * 0.6 = 0.54; kappa = 0.16 / 0.46 = 0.347826…
     *   overall pools the 20 decisions: both yes 5, only A 1, only B 4, both no 10.
     *      po = 0.75; pe = 0.3 * 0.45 + 0.7 * 0.55 = 0.52; kappa = 0.23 / 0.48 = 0.479166…
     */
    @Test
    void nestedAndCrossingSpansGiveTheValuesWorkedOutByHand() {
        Comparison c = two(doc(TEN, "X 0 5", "X 2 3", "Y 6 11"), doc(TEN, "X 0 5", "Y 8 15", "X 16 19"));
        assertThat(value(c, "X", Agreement.EXACT_PRECISION)).isEqualTo(0.5);
        assertThat(value(c, "X", Agreement.EXACT_RECALL)).isEqualTo(0.5);
        assertThat(value(c, "X", Agreement.EXACT_F1)).isEqualTo(0.5);
        assertThat(value(c, "Y", Agreement.EXACT_F1)).isZero();
        assertThat(value(c, "overall", Agreement.EXACT_PRECISION)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(value(c, "overall", Agreement.EXACT_RECALL)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(value(c, "overall", Agreement.EXACT_F1)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(value(c, "X", Agreement.OVERLAP_F1)).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(value(c, "Y", Agreement.OVERLAP_F1)).isEqualTo(1.0);
        assertThat(value(c, "overall", Agreement.OVERLAP_F1)).isCloseTo(0.8, within(1e-12));
        assertThat(value(c, "X", Agreement.COHEN_KAPPA)).isCloseTo(0.6, within(1e-12));
        assertThat(value(c, "Y", Agreement.COHEN_KAPPA)).isCloseTo(0.16 / 0.46, within(1e-12));
        assertThat(value(c, "overall", Agreement.COHEN_KAPPA)).isCloseTo(0.23 / 0.48, within(1e-12));
        // alpha_u is cross-checked against Krippendorff's published example below; here only its order
        assertThat(value(c, "X", Agreement.ALPHA_U)).isBetween(0.0, 1.0);
        assertThat(c.value("Z", Agreement.EXACT_F1))
                .as("a label nobody used is not reported")
                .isEmpty();
    }

    @Test
    void undefinedValuesAreNotApplicableWithAReasonNeverNaN() {
        // one category: both mark every token with X
        Comparison all = two(doc("a b", "X 0 3"), doc("a b", "X 0 3"));
        Value kappa = all.value("X", Agreement.COHEN_KAPPA).orElseThrow();
        assertThat(kappa.isDefined()).isFalse();
        assertThat(kappa.text()).isEqualTo("n/a: one category: every token is inside for everyone");
        // no spans at all
        Comparison none = two(doc(TEN), doc(TEN));
        assertThat(none.values()).isNotEmpty().allSatisfy(v -> {
            assertThat(v.isDefined()).isFalse();
            assertThat(v.undefined()).isNotBlank();
        });
        // only one side has spans: precision is undefined, recall is 0
        Comparison oneSided = two(doc(TEN, "X 0 1"), doc(TEN));
        assertThat(oneSided.value("X", Agreement.EXACT_PRECISION).orElseThrow().text())
                .isEqualTo("n/a: no spans in B");
        assertThat(value(oneSided, "X", Agreement.EXACT_RECALL)).isZero();
        assertThatThrownBy(() -> new Value("overall", "x", Double.NaN, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesDifferentTextsNamingTheFiles() {
        assertThatThrownBy(() -> Agreement.measure(
                        List.of("alice.scholion.json", "bob.scholion.json"),
                        List.of(List.of(doc("one"), doc("two"))),
                        Options.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("alice.scholion.json and bob.scholion.json annotate different texts (sha256 ");
    }

    @Test
    void suggestionsAreLeftOutUnlessAsked() {
        AnnotatedDocument a = doc(TEN, "X 0 1");
        AnnotatedDocument b = doc(TEN, "X 0 1");
        b = b.withSpanReplaced(b.span("s1").orElseThrow().withSuggestion(true));
        List<Comparison> without = Agreement.measure(List.of("A", "B"), List.of(List.of(a, b)), Options.DEFAULT);
        assertThat(value(without.get(0), "X", Agreement.EXACT_RECALL)).isZero();
        List<Comparison> with =
                Agreement.measure(List.of("A", "B"), List.of(List.of(a, b)), new Options(Set.of(), true));
        assertThat(value(with.get(0), "X", Agreement.EXACT_RECALL)).isEqualTo(1.0);
    }

    @Test
    void threeAnnotatorsGiveTheWholeAndEveryPair() {
        AnnotatedDocument a = doc(TEN, "X 0 5");
        List<Comparison> result =
                Agreement.measure(List.of("A", "B", "C"), List.of(List.of(a, a, doc(TEN, "X 0 3"))), Options.DEFAULT);
        assertThat(result).extracting(Comparison::name).containsExactly("all", "A+B", "A+C", "B+C");
        assertThat(result.get(0).value("overall", Agreement.FLEISS_KAPPA)).isPresent();
        assertThat(result.get(0).value("overall", Agreement.COHEN_KAPPA)).isEmpty();
        assertThat(value(result.get(1), "X", Agreement.COHEN_KAPPA)).isEqualTo(1.0);
        // the whole's F1 is the mean of the pairs': 1, 0, 0
        assertThat(value(result.get(0), "X", Agreement.EXACT_F1)).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void eachMeasureAloneGivesTheValuesItGivesAmongAll() {
        AnnotatedDocument a = doc(TEN, "X 0 5", "X 2 3", "Y 6 11");
        AnnotatedDocument b = doc(TEN, "X 0 5", "Y 8 15", "X 16 19");
        AnnotatedDocument c = doc(TEN, "Y 0 5", "X 8 15");
        for (List<AnnotatedDocument> versions : List.of(List.of(a, b), List.of(a, b, c))) {
            List<String> raters = List.of("A", "B", "C").subList(0, versions.size());
            List<Comparison> all = Agreement.measure(raters, List.of(versions), Options.DEFAULT);
            List<List<Agreement.Value>> pieces = new java.util.ArrayList<>();
            all.forEach(x -> pieces.add(new java.util.ArrayList<>()));
            for (Agreement.Measure m : Agreement.Measure.values()) {
                List<Comparison> alone = Agreement.measure(raters, List.of(versions), Options.DEFAULT.only(m));
                assertThat(alone).hasSameSizeAs(all);
                for (int i = 0; i < all.size(); i++) {
                    pieces.get(i).addAll(alone.get(i).values());
                }
            }
            for (int i = 0; i < all.size(); i++) {
                assertThat(pieces.get(i))
                        .containsExactlyInAnyOrderElementsOf(all.get(i).values());
            }
        }
    }

    @Test
    void documentsOfSeveralTextsArePooled() {
        AnnotatedDocument a1 = doc(TEN, "X 0 5", "X 2 3", "Y 6 11");
        AnnotatedDocument b1 = doc(TEN, "X 0 5", "Y 8 15", "X 16 19");
        AnnotatedDocument same = doc("k l", "X 0 1");
        List<Comparison> pooled =
                Agreement.measure(List.of("A", "B"), List.of(List.of(a1, b1), List.of(same, same)), Options.DEFAULT);
        // X gains one match of one span on each side: 2 matches of 3 and 3
        assertThat(value(pooled.get(0), "X", Agreement.EXACT_F1)).isCloseTo(2 / 3.0, within(1e-12));
    }

    @Test
    void labelSetsAreChosenAndUnknownOnesRefused() {
        assertThatThrownBy(() -> Agreement.measure(
                        List.of("A", "B"), List.of(List.of(doc(TEN), doc(TEN))), new Options(Set.of("nope"), false)))
                .hasMessage("no label set 'nope' (the files have test)");
    }
}
