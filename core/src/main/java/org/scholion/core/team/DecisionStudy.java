package org.scholion.core.team;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.dkpro.statistics.agreement.IAnnotationUnit;
import org.dkpro.statistics.agreement.coding.ICodingAnnotationItem;
import org.dkpro.statistics.agreement.coding.ICodingAnnotationStudy;

/**
 * A DKPro coding study of yes/no decisions held as counts of answer patterns: bit {@code r} of a
 * pattern is rater {@code r}'s answer. DKPro's kappas see every decision as an item of its own, but
 * a text of two million tokens under twenty labels needs no forty million objects for that: the
 * items of one pattern are the same object, handed out as often as the pattern occurs.
 */
final class DecisionStudy implements ICodingAnnotationStudy {
    private static final long serialVersionUID = 1L;
    static final String YES = "yes";
    static final String NO = "no";

    private final int raters;
    private final long[] counts;

    DecisionStudy(int raters) {
        if (raters < 2 || raters > 20) {
            throw new IllegalArgumentException("a decision study needs 2 to 20 raters, not " + raters);
        }
        this.raters = raters;
        this.counts = new long[1 << raters];
    }

    void add(int pattern, long count) {
        counts[pattern] += count;
    }

    void addAll(DecisionStudy other) {
        for (int p = 0; p < counts.length; p++) {
            counts[p] += other.counts[p];
        }
    }

    /** The study of raters {@code a} and {@code b} only. */
    DecisionStudy pair(int a, int b) {
        DecisionStudy pair = new DecisionStudy(2);
        for (int p = 0; p < counts.length; p++) {
            int q = ((p >> a) & 1) | (((p >> b) & 1) << 1);
            pair.counts[q] += counts[p];
        }
        return pair;
    }

    long decisions() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    @Override
    public int getRaterCount() {
        return raters;
    }

    @Override
    public int findRater(String name) {
        return -1;
    }

    @Override
    public Iterable<Object> getCategories() {
        boolean yes = false;
        boolean no = false;
        int all = counts.length - 1;
        for (int p = 0; p < counts.length; p++) {
            if (counts[p] > 0) {
                yes |= p != 0;
                no |= p != all;
            }
        }
        List<Object> categories = new ArrayList<>(2);
        if (no) {
            categories.add(NO);
        }
        if (yes) {
            categories.add(YES);
        }
        return categories;
    }

    @Override
    public int getCategoryCount() {
        int n = 0;
        for (Object ignored : getCategories()) {
            n++;
        }
        return n;
    }

    @Override
    public boolean isDichotomous() {
        return getCategoryCount() == 2;
    }

    @Override
    public boolean hasMissingValues() {
        return false;
    }

    @Override
    public int getItemCount() {
        return Math.toIntExact(decisions());
    }

    @Override
    public int getUnitCount() {
        return Math.toIntExact(decisions() * raters);
    }

    @Override
    public ICodingAnnotationItem getItem(int index) {
        long left = index;
        for (int p = 0; p < counts.length; p++) {
            if (left < counts[p]) {
                return new Item(p);
            }
            left -= counts[p];
        }
        throw new IndexOutOfBoundsException("item " + index + " of " + decisions());
    }

    @Override
    public Iterable<ICodingAnnotationItem> getItems() {
        return () -> new Iterator<>() {
            private int pattern = -1;
            private long left;
            private Item item;

            @Override
            public boolean hasNext() {
                while (left == 0 && pattern + 1 < counts.length) {
                    pattern++;
                    left = counts[pattern];
                    item = new Item(pattern);
                }
                return left > 0;
            }

            @Override
            public ICodingAnnotationItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                left--;
                return item;
            }
        };
    }

    /** Every decision with the same answers: one object, handed out as often as they occur. */
    private final class Item implements ICodingAnnotationItem {
        private static final long serialVersionUID = 1L;
        private final List<IAnnotationUnit> units;

        Item(int pattern) {
            List<IAnnotationUnit> list = new ArrayList<>(raters);
            for (int r = 0; r < raters; r++) {
                list.add(new Unit(r, ((pattern >> r) & 1) == 1 ? YES : NO));
            }
            units = List.copyOf(list);
        }

        @Override
        public IAnnotationUnit getUnit(int rater) {
            return units.get(rater);
        }

        @Override
        public Iterable<IAnnotationUnit> getUnits() {
            return units;
        }

        @Override
        public int getRaterCount() {
            return raters;
        }
    }

    private record Unit(int rater, String category) implements IAnnotationUnit {
        @Override
        public int getRaterIdx() {
            return rater;
        }

        @Override
        public Object getCategory() {
            return category;
        }
    }
}
