package org.scholion.core.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.junit.jupiter.api.Test;
import org.scholion.core.text.RandomTexts;

class UnitizingAlphaTest {
    /** DKPro's own measure, its disagreements in view. */
    private static final class Reference extends KrippendorffAlphaUnitizingAgreement {
        Reference(UnitizingAnnotationStudy study) {
            super(study);
        }

        double expected(Object category) {
            return calculateExpectedCategoryDisagreement(category);
        }

        double expected() {
            return calculateExpectedDisagreement();
        }

        double observed() {
            return calculateObservedDisagreement();
        }
    }

    @Test
    void expectedDisagreementIsDkprosToTheLastBitOnRandomStudies() {
        long seed = RandomTexts.seed();
        System.out.println("UnitizingAlphaTest seed " + seed + " (replay with -Dtest.seed=" + seed + ")");
        Random random = new Random(seed);
        List<String> categories = List.of("A", "B", "C");
        for (int round = 0; round < 500; round++) {
            int raters = 2 + random.nextInt(3);
            long begin = random.nextInt(3) == 0 ? random.nextInt(50) : 0;
            long length = 1 + random.nextInt(random.nextBoolean() ? 12 : 120);
            int used = 1 + random.nextInt(categories.size());
            UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(raters, begin, length);
            StringBuilder units = new StringBuilder();
            for (int r = 0; r < raters; r++) {
                for (int c = 0; c < used; c++) {
                    // units of one rater and category never overlap (DKPro's precondition); they may touch
                    long pos = begin + random.nextInt((int) Math.min(length, 5) + 1);
                    while (pos < begin + length && random.nextInt(4) != 0) {
                        long len = 1 + random.nextInt((int) Math.min(begin + length - pos, 1 + random.nextInt(30)));
                        study.addUnit(pos, len, r, categories.get(c));
                        units.append(String.format("(%d,%d,%d,%s) ", pos, len, r, categories.get(c)));
                        pos += len + (random.nextInt(3) == 0 ? 0 : random.nextInt(10));
                    }
                }
            }
            if (study.getUnitCount() == 0) {
                continue;
            }
            Reference dkpro = new Reference(study);
            UnitizingAlpha fast = new UnitizingAlpha(study);
            String why = "seed " + seed + " round " + round + ": " + raters + " raters, continuum " + begin + "+"
                    + length + ", units " + units;
            for (Object category : study.getCategories()) {
                assertThat(fast.calculateExpectedCategoryDisagreement(category))
                        .as(why + " category " + category)
                        .isEqualTo(dkpro.expected(category));
            }
            assertThat(fast.expected()).as(why).isEqualTo(dkpro.expected());
            assertThat(fast.observed()).as(why).isEqualTo(dkpro.observed());
            assertThat(Double.compare(fast.calculateAgreement(), dkpro.calculateAgreement()))
                    .as(why)
                    .isZero();
        }
    }

    @Test
    void aLongContinuumWithManyUnitsGivesAnAlphaInRange() {
        // 20,000 units per rater over a million code points (DKPro's sum takes minutes here); how long
        // ours takes is measured by benchmarks/AgreementBenchmark, not asserted in a test
        UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(2, 0, 1_000_000);
        Random random = new Random(42);
        for (int r = 0; r < 2; r++) {
            for (long pos = random.nextInt(20); pos < 999_900; pos += 50) {
                study.addUnit(pos + random.nextInt(5), 1 + random.nextInt(40), r, "A");
            }
        }
        double alpha = new UnitizingAlpha(study).calculateAgreement();
        assertThat(alpha).isBetween(-1.0, 1.0);
    }
}
