package org.scholion.core.team;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dkpro.statistics.agreement.unitizing.IUnitizingAnnotationStudy;
import org.dkpro.statistics.agreement.unitizing.IUnitizingAnnotationUnit;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;

/**
 * DKPro Statistics' Krippendorff's unitizing alpha with the same expected disagreement computed in
 * time that grows with units × log(gaps) instead of units × gaps.
 *
 * <p>DKPro sums, for every unit of length {@code l} of a category, {@code (g - l + 1)} over every gap
 * {@code g >= l} between the units of that category (each rater's stretches of the continuum
 * without one), one {@link BigDecimal} addition per unit and gap: about ten minutes per scope
 * for a 10 MB text with 200,000 spans (docs/benchmarks.md, "Agreement"). That sum is {@code G(l) - (l - 1) * n(l)}, where {@code n(l)} counts the gaps of at
 * least {@code l} and {@code G(l)} adds them up: a binary search in the sorted gaps and a suffix sum.
 * Units of equal length contribute equal terms, so each distinct length is computed once and
 * multiplied by how many units have it. The terms DKPro rounds (its division by 3, by {@code L} and
 * by the normaliser, each to {@link MathContext#DECIMAL128}) are rounded here in the same way, and
 * every other operation is exact, so the result is the very double DKPro computes; a property test
 * checks it against DKPro's own on random studies. The observed disagreement is DKPro's, unchanged.
 */
public final class UnitizingAlpha extends KrippendorffAlphaUnitizingAgreement {
    private final IUnitizingAnnotationStudy unitizing;
    private Map<Object, List<List<IUnitizingAnnotationUnit>>> byCategory;

    /** The measure over this study (which must not change afterwards). */
    public UnitizingAlpha(IUnitizingAnnotationStudy study) {
        super(study);
        this.unitizing = study;
    }

    /** The observed disagreement, averaged over the categories (DKPro's computation). */
    public double observed() {
        return calculateObservedDisagreement();
    }

    /** The expected disagreement, averaged over the categories. */
    public double expected() {
        return calculateExpectedDisagreement();
    }

    @Override
    protected double calculateExpectedCategoryDisagreement(Object category) {
        long begin = unitizing.getContinuumBegin();
        long length = unitizing.getContinuumLength();
        int raters = unitizing.getRaterCount();
        List<List<IUnitizingAnnotationUnit>> perRater = units().get(category);
        if (perRater == null) {
            perRater = List.of();
        }

        // each rater's gaps: the stretches of the continuum between (and around) their units
        long[] gaps = new long[16];
        int gapCount = 0;
        for (int r = 0; r < raters; r++) {
            List<IUnitizingAnnotationUnit> mine = r < perRater.size() ? perRater.get(r) : List.of();
            long pos = begin;
            for (IUnitizingAnnotationUnit unit : mine) {
                if (pos >= begin + length) {
                    break;
                }
                if (unit.getOffset() > pos) {
                    gaps = grow(gaps, gapCount);
                    gaps[gapCount++] = unit.getOffset() - pos;
                }
                pos = unit.getOffset() + unit.getLength();
            }
            if (pos < begin + length) {
                gaps = grow(gaps, gapCount);
                gaps[gapCount++] = begin + length - pos;
            }
        }
        gaps = Arrays.copyOf(gaps, gapCount);
        Arrays.sort(gaps);
        long[] suffix = new long[gapCount + 1]; // suffix[i]: the sum of gaps[i..]
        for (int i = gapCount - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1] + gaps[i];
        }

        // how many units of each length, and the sum of l(l-1) over the units
        Map<Long, Long> lengths = new TreeMap<>();
        int unitCount = 0;
        BigInteger squaredLengths = BigInteger.ZERO;
        for (List<IUnitizingAnnotationUnit> mine : perRater) {
            for (IUnitizingAnnotationUnit unit : mine) {
                long l = unit.getLength();
                unitCount++;
                lengths.merge(l, 1L, Long::sum);
                squaredLengths = squaredLengths.add(BigInteger.valueOf(l).multiply(BigInteger.valueOf(l - 1)));
            }
        }

        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal three = BigDecimal.valueOf(3);
        for (Map.Entry<Long, Long> e : lengths.entrySet()) {
            long l = e.getKey();
            // the same double expression DKPro evaluates, then its rounded division by 3
            double cubic = (unitCount - 1.0) * (2.0 * l * l * l - 3.0 * l * l + l);
            BigDecimal within = new BigDecimal(cubic).divide(three, MathContext.DECIMAL128);
            int first = lowerBound(gaps, l);
            long fitting = gapCount - first;
            BigInteger placements = BigInteger.valueOf(suffix[first])
                    .subtract(BigInteger.valueOf(l - 1).multiply(BigInteger.valueOf(fitting)));
            BigDecimal across = new BigDecimal(placements.multiply(BigInteger.valueOf(l * l)));
            sum = sum.add(within.add(across).multiply(BigDecimal.valueOf(e.getValue())));
        }
        sum = sum.multiply(new BigDecimal(2).divide(new BigDecimal(length), MathContext.DECIMAL128));
        BigDecimal normaliser =
                new BigDecimal(raters * length * (raters * length - 1)).subtract(new BigDecimal(squaredLengths));
        return sum.divide(normaliser, MathContext.DECIMAL128).doubleValue();
    }

    /** The units of each category, per rater, in the study's order; built once. */
    private Map<Object, List<List<IUnitizingAnnotationUnit>>> units() {
        if (byCategory == null) {
            Map<Object, List<List<IUnitizingAnnotationUnit>>> map = new HashMap<>();
            int raters = unitizing.getRaterCount();
            for (IUnitizingAnnotationUnit unit : unitizing.getUnits()) {
                if (unit.getCategory() == null) {
                    continue;
                }
                List<List<IUnitizingAnnotationUnit>> perRater = map.computeIfAbsent(unit.getCategory(), k -> {
                    List<List<IUnitizingAnnotationUnit>> lists = new ArrayList<>(raters);
                    for (int r = 0; r < raters; r++) {
                        lists.add(new ArrayList<>());
                    }
                    return lists;
                });
                perRater.get(unit.getRaterIdx()).add(unit);
            }
            byCategory = map;
        }
        return byCategory;
    }

    private static long[] grow(long[] array, int used) {
        return used < array.length ? array : Arrays.copyOf(array, array.length * 2);
    }

    /** The first index whose value is at least {@code value}. */
    private static int lowerBound(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
