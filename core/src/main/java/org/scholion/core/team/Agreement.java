package org.scholion.core.team;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.dkpro.statistics.agreement.InsufficientDataException;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.FleissKappaAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Span;
import org.scholion.core.text.Tokens;

/**
 * How far two or more annotators of the same texts agree, per label and overall.
 *
 * <p>Exact precision, recall and F1 count spans with the same offsets and label (the first annotator
 * is the reference); overlap F1 counts spans of the same label that share a code point. Cohen's kappa
 * (two annotators) and Fleiss' kappa (three or more) treat every token of the text, for every label,
 * as a yes/no decision: yes when a span of that label overlaps the token; {@code overall} pools the
 * decisions of every label. Krippendorff's unitizing alpha compares the spans of each label as units
 * on the continuum of code points (an annotator's overlapping spans of one label count as their
 * union). The coefficients are computed by DKPro Statistics (alpha's expected disagreement by
 * {@link UnitizingAlpha}, the same sum in less time). Several documents are pooled: their
 * tokens are more decisions, their texts laid end to end one continuum.
 */
public final class Agreement {
    public static final String EXACT_PRECISION = "exact_precision";
    public static final String EXACT_RECALL = "exact_recall";
    public static final String EXACT_F1 = "exact_f1";
    public static final String OVERLAP_F1 = "overlap_f1";
    public static final String COHEN_KAPPA = "cohen_kappa";
    public static final String FLEISS_KAPPA = "fleiss_kappa";
    public static final String ALPHA_U = "krippendorff_alpha_u";
    /** The scope of the values that pool every label. */
    public static final String OVERALL = "overall";
    /** The prefix of the scope of the values that pool the labels of one label set. */
    public static final String SET_SCOPE = "set:";

    private Agreement() {}

    /**
     * One measured value, or why there is none.
     *
     * @param scope     {@link #OVERALL}, {@code set:NAME} or a label name
     * @param metric    one of the metric names above
     * @param value     the value; NaN exactly when {@code undefined} is given
     * @param undefined why the value is undefined for the data, or null
     */
    public record Value(String scope, String metric, double value, String undefined) {
        public Value {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(metric, "metric");
            if ((undefined == null) == Double.isNaN(value)) {
                throw new IllegalArgumentException("value " + value + " of " + scope + " " + metric
                        + " must be a number or undefined with a reason, not both (" + undefined + ")");
            }
        }

        static Value of(String scope, String metric, double value) {
            return Double.isNaN(value) || Double.isInfinite(value)
                    ? new Value(scope, metric, Double.NaN, "undefined for these data")
                    : new Value(scope, metric, value, null);
        }

        static Value na(String scope, String metric, String why) {
            return new Value(scope, metric, Double.NaN, why);
        }

        public boolean isDefined() {
            return undefined == null;
        }

        /** The value with four decimals, or {@code n/a: why}. */
        public String text() {
            return isDefined() ? String.format(Locale.ROOT, "%.4f", value) : "n/a: " + undefined;
        }
    }

    /**
     * The values of one comparison: of every annotator ({@link #isWhole()}), or of one pair.
     *
     * @param raters the names of the annotators compared
     * @param whole  whether these are all the annotators
     * @param values scope by scope, in the order of the metrics
     */
    public record Comparison(List<String> raters, boolean whole, List<Value> values) {
        public Comparison {
            raters = List.copyOf(raters);
            values = List.copyOf(values);
        }

        public boolean isWhole() {
            return whole;
        }

        /** {@code all} for every annotator, else the names joined by {@code +}. */
        public String name() {
            return whole ? "all" : String.join("+", raters);
        }

        /** The value of this scope and metric, if measured. */
        public java.util.Optional<Value> value(String scope, String metric) {
            return values.stream()
                    .filter(v -> v.scope().equals(scope) && v.metric().equals(metric))
                    .findFirst();
        }
    }

    /** The families of measures, to compute only some (each costs differently on large texts). */
    public enum Measure {
        /** Exact precision, recall and F1, and overlap F1. */
        F1,
        /** Cohen's or Fleiss' kappa over tokens. */
        KAPPA,
        /** Krippendorff's unitizing alpha. */
        ALPHA
    }

    /**
     * What to compare.
     *
     * @param labelSets   names of the label sets to measure; empty for every set
     * @param suggestions whether suggested (not yet accepted) spans count
     * @param measures    which measures to compute; not empty
     */
    public record Options(Set<String> labelSets, boolean suggestions, Set<Measure> measures) {
        public static final Options DEFAULT = new Options(Set.of(), false);

        public Options {
            labelSets = Set.copyOf(labelSets);
            measures = Set.copyOf(measures);
            if (measures.isEmpty()) {
                throw new IllegalArgumentException("options need at least one measure");
            }
        }

        /** Every measure. */
        public Options(Set<String> labelSets, boolean suggestions) {
            this(labelSets, suggestions, java.util.EnumSet.allOf(Measure.class));
        }

        /** These options with only these measures. */
        public Options only(Measure... wanted) {
            return new Options(labelSets, suggestions, Set.of(wanted));
        }

        boolean has(Measure measure) {
            return measures.contains(measure);
        }
    }

    /**
     * Measures the agreement of {@code raters} over {@code documents}: each element is one text as
     * each rater annotated it, in the order of {@code raters}. With two raters the result is one
     * comparison; with more, the whole and then every pair.
     *
     * @throws IllegalArgumentException if fewer than two raters, a document's versions annotate
     *                                  different texts, or an unknown label set is asked for
     */
    public static List<Comparison> measure(
            List<String> raters, List<List<AnnotatedDocument>> documents, Options options) {
        int n = raters.size();
        if (n < 2) {
            throw new IllegalArgumentException("agreement needs at least two annotators, not " + n);
        }
        if (n > 20) {
            throw new IllegalArgumentException("agreement compares at most 20 annotators, not " + n);
        }
        List<Text> texts = new ArrayList<>(documents.size());
        for (List<AnnotatedDocument> versions : documents) {
            if (versions.size() != n) {
                throw new IllegalArgumentException("each document needs one version per annotator: " + versions.size()
                        + " versions for " + n + " annotators");
            }
            requireSameText(raters, versions);
            texts.add(new Text(versions, options));
        }
        Map<String, String> labels = labels(documents, options.labelSets());
        List<Comparison> pairs = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                pairs.add(compare(raters, new int[] {a, b}, texts, labels, List.of(), options));
            }
        }
        if (n == 2) {
            Comparison only = pairs.get(0);
            return List.of(new Comparison(only.raters(), true, only.values()));
        }
        int[] everyone = new int[n];
        Arrays.setAll(everyone, i -> i);
        List<Comparison> all = new ArrayList<>();
        all.add(compare(raters, everyone, texts, labels, pairs, options));
        all.addAll(pairs);
        return all;
    }

    /**
     * Refuses versions of different texts with one line naming them.
     *
     * @throws IllegalArgumentException if two versions' text hashes differ
     */
    public static void requireSameText(List<String> names, List<AnnotatedDocument> versions) {
        String first = versions.get(0).document().sha256();
        for (int i = 1; i < versions.size(); i++) {
            String other = versions.get(i).document().sha256();
            if (!other.equals(first)) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "%s and %s annotate different texts (sha256 %s… and %s…)",
                        names.get(0),
                        names.get(i),
                        first.substring(0, 12),
                        other.substring(0, 12)));
            }
        }
    }

    /** Every label of the chosen sets, in the order of the first version that has it, mapped to its set. */
    private static Map<String, String> labels(List<List<AnnotatedDocument>> documents, Set<String> wanted) {
        Map<String, String> labels = new LinkedHashMap<>();
        Set<String> sets = new LinkedHashSet<>();
        for (List<AnnotatedDocument> versions : documents) {
            for (AnnotatedDocument doc : versions) {
                for (LabelSet set : doc.labelSets()) {
                    sets.add(set.name());
                    if (wanted.isEmpty() || wanted.contains(set.name())) {
                        for (Label label : set.labels()) {
                            labels.putIfAbsent(label.name(), set.name());
                        }
                    }
                }
            }
        }
        for (String name : wanted) {
            if (!sets.contains(name)) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "no label set '%s' (the files have %s)",
                        name,
                        sets.isEmpty() ? "none" : String.join(", ", sets)));
            }
        }
        return labels;
    }

    private static Comparison compare(
            List<String> names,
            int[] raters,
            List<Text> texts,
            Map<String, String> all,
            List<Comparison> pairs,
            Options options) {
        int n = raters.length;
        // the labels in play: those some compared rater used
        Map<String, String> labels = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : all.entrySet()) {
            for (Text text : texts) {
                if (text.uses(raters, e.getKey())) {
                    labels.put(e.getKey(), e.getValue());
                    break;
                }
            }
        }
        Map<String, Counts> counts = new HashMap<>();
        Map<String, DecisionStudy> decisions = new HashMap<>();
        long continuum = 0;
        for (Text text : texts) {
            continuum += text.length;
        }
        Map<String, List<long[]>> units = new HashMap<>(); // label -> {offset, length, rater}
        long offset = 0;
        for (Text text : texts) {
            for (String label : labels.keySet()) {
                if (n == 2 && options.has(Measure.F1)) {
                    counts.computeIfAbsent(label, k -> new Counts())
                            .add(text.spans(raters[0], label), text.spans(raters[1], label));
                }
                if (options.has(Measure.KAPPA)) {
                    decisions.computeIfAbsent(label, k -> new DecisionStudy(n)).addAll(text.decisions(raters, label));
                }
                if (options.has(Measure.ALPHA)) {
                    List<long[]> list = units.computeIfAbsent(label, k -> new ArrayList<>());
                    for (int r = 0; r < n; r++) {
                        for (int[] u : union(text.spans(raters[r], label))) {
                            list.add(new long[] {offset + u[0], u[1] - u[0], r});
                        }
                    }
                }
            }
            offset += text.length;
        }

        List<String> scopes = new ArrayList<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        scopes.add(OVERALL);
        members.put(OVERALL, List.copyOf(labels.keySet()));
        Set<String> setNames = new LinkedHashSet<>(labels.values());
        if (setNames.size() > 1) {
            for (String set : setNames) {
                scopes.add(SET_SCOPE + set);
                members.put(
                        SET_SCOPE + set,
                        labels.entrySet().stream()
                                .filter(e -> e.getValue().equals(set))
                                .map(Map.Entry::getKey)
                                .toList());
            }
        }
        for (String label : labels.keySet()) {
            scopes.add(label);
            members.put(label, List.of(label));
        }

        List<String> who = new ArrayList<>();
        for (int r : raters) {
            who.add(names.get(r));
        }
        List<Value> values = new ArrayList<>();
        for (String scope : scopes) {
            List<String> in = members.get(scope);
            if (options.has(Measure.F1) && n == 2) {
                Counts c = new Counts();
                in.forEach(l -> c.add(counts.get(l)));
                values.addAll(c.values(scope, who.get(0), who.get(1)));
            } else if (options.has(Measure.F1)) {
                values.add(mean(scope, EXACT_F1, pairs));
                values.add(mean(scope, OVERLAP_F1, pairs));
            }
            if (options.has(Measure.KAPPA)) {
                DecisionStudy study = new DecisionStudy(n);
                in.forEach(l -> study.addAll(decisions.get(l)));
                values.add(
                        in.isEmpty()
                                ? Value.na(scope, n == 2 ? COHEN_KAPPA : FLEISS_KAPPA, "no spans")
                                : kappa(scope, study));
            }
            if (options.has(Measure.ALPHA)) {
                values.add(alpha(scope, in, units, n, continuum));
            }
        }
        return new Comparison(who, n == names.size(), values);
    }

    private static Value mean(String scope, String metric, List<Comparison> pairs) {
        double sum = 0;
        int defined = 0;
        for (Comparison pair : pairs) {
            Value v = pair.value(scope, metric).orElse(null);
            if (v != null && v.isDefined()) {
                sum += v.value();
                defined++;
            }
        }
        return defined == 0
                ? Value.na(scope, metric, "no pair of annotators has a value")
                : Value.of(scope, metric, sum / defined);
    }

    private static Value kappa(String scope, DecisionStudy study) {
        String metric = study.getRaterCount() == 2 ? COHEN_KAPPA : FLEISS_KAPPA;
        long decisions = study.decisions();
        if (decisions == 0) {
            return Value.na(scope, metric, "no tokens");
        }
        if (decisions > Integer.MAX_VALUE / study.getRaterCount()) {
            return Value.na(scope, metric, "more decisions than DKPro Statistics counts (" + decisions + ")");
        }
        if (study.getCategoryCount() < 2) {
            String answer = study.getCategories().iterator().next().equals(DecisionStudy.YES) ? "inside" : "outside";
            return Value.na(scope, metric, "one category: every token is " + answer + " for everyone");
        }
        try {
            double value = study.getRaterCount() == 2
                    ? new CohenKappaAgreement(study).calculateAgreement()
                    : new FleissKappaAgreement(study).calculateAgreement();
            return Value.of(scope, metric, value);
        } catch (InsufficientDataException e) {
            return Value.na(scope, metric, "one category: " + e.getMessage());
        }
    }

    private static Value alpha(
            String scope, List<String> labels, Map<String, List<long[]>> units, int raters, long continuum) {
        if (continuum == 0) {
            return Value.na(scope, ALPHA_U, "the text is empty");
        }
        UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(raters, 0, continuum);
        boolean any = false;
        for (String label : labels) {
            for (long[] u : units.getOrDefault(label, List.of())) {
                study.addUnit(u[0], u[1], (int) u[2], label);
                any = true;
            }
        }
        if (!any) {
            return Value.na(scope, ALPHA_U, "no spans");
        }
        UnitizingAlpha alpha = new UnitizingAlpha(study);
        double observed = alpha.observed();
        double expected = alpha.expected();
        if (expected == 0) {
            return Value.na(scope, ALPHA_U, "no expected disagreement");
        }
        return Value.of(scope, ALPHA_U, 1.0 - observed / expected);
    }

    /** Spans of one label as disjoint {start, end} runs: overlapping spans merged. */
    static List<int[]> union(List<int[]> spans) {
        List<int[]> runs = new ArrayList<>();
        for (int[] s : spans) { // sorted by start
            if (!runs.isEmpty() && s[0] < runs.get(runs.size() - 1)[1]) {
                int[] last = runs.get(runs.size() - 1);
                last[1] = Math.max(last[1], s[1]);
            } else {
                runs.add(new int[] {s[0], s[1]});
            }
        }
        return runs;
    }

    /** Span counts of a pair of raters, A the reference. */
    private static final class Counts {
        long matched;
        long a;
        long b;
        long aOverlapping;
        long bOverlapping;

        void add(Counts other) {
            matched += other.matched;
            a += other.a;
            b += other.b;
            aOverlapping += other.aOverlapping;
            bOverlapping += other.bOverlapping;
        }

        void add(List<int[]> inA, List<int[]> inB) {
            Set<Long> keysA = new java.util.HashSet<>();
            inA.forEach(s -> keysA.add(key(s)));
            for (int[] s : inB) {
                if (keysA.contains(key(s))) {
                    matched++;
                }
            }
            a += inA.size();
            b += inB.size();
            aOverlapping += overlapping(inA, inB);
            bOverlapping += overlapping(inB, inA);
        }

        /** How many of {@code these} overlap one of {@code those} (both sorted by start). */
        private static long overlapping(List<int[]> these, List<int[]> those) {
            int[] starts = new int[those.size()];
            int[] maxEnd = new int[those.size()];
            int max = Integer.MIN_VALUE;
            for (int i = 0; i < those.size(); i++) {
                starts[i] = those.get(i)[0];
                max = Math.max(max, those.get(i)[1]);
                maxEnd[i] = max;
            }
            long count = 0;
            for (int[] s : these) {
                int before = lowerBound(starts, s[1]); // those starting before s ends
                if (before > 0 && maxEnd[before - 1] > s[0]) {
                    count++;
                }
            }
            return count;
        }

        List<Value> values(String scope, String nameA, String nameB) {
            List<Value> values = new ArrayList<>(4);
            values.add(
                    b == 0
                            ? Value.na(scope, EXACT_PRECISION, "no spans in " + nameB)
                            : Value.of(scope, EXACT_PRECISION, (double) matched / b));
            values.add(
                    a == 0
                            ? Value.na(scope, EXACT_RECALL, "no spans in " + nameA)
                            : Value.of(scope, EXACT_RECALL, (double) matched / a));
            values.add(
                    a + b == 0
                            ? Value.na(scope, EXACT_F1, "no spans")
                            : Value.of(scope, EXACT_F1, 2.0 * matched / (a + b)));
            if (a + b == 0) {
                values.add(Value.na(scope, OVERLAP_F1, "no spans"));
            } else if (a == 0 || b == 0) {
                values.add(Value.of(scope, OVERLAP_F1, 0));
            } else {
                double precision = (double) bOverlapping / b;
                double recall = (double) aOverlapping / a;
                values.add(Value.of(
                        scope,
                        OVERLAP_F1,
                        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)));
            }
            return values;
        }
    }

    static int lowerBound(int[] sorted, int value) {
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

    private static long key(int[] span) {
        return ((long) span[0] << 32) | span[1];
    }

    /** One text as every rater annotated it: its tokens, and each rater's distinct spans by label. */
    private static final class Text {
        final int length;
        final int[] tokenStarts;
        final int[] tokenEnds;
        final List<Map<String, List<int[]>>> spans = new ArrayList<>();

        Text(List<AnnotatedDocument> versions, Options options) {
            AnnotatedDocument first = versions.get(0);
            length = first.text().length();
            // only kappa needs the tokens, and tokenizing is much of the cost on a large text
            List<Tokens.Token> tokens =
                    options.has(Measure.KAPPA) ? Tokens.of(first.text()).tokens() : List.of();
            tokenStarts = new int[tokens.size()];
            tokenEnds = new int[tokens.size()];
            for (int i = 0; i < tokens.size(); i++) {
                tokenStarts[i] = tokens.get(i).start();
                tokenEnds[i] = tokens.get(i).end();
            }
            for (AnnotatedDocument doc : versions) {
                Map<String, Set<Long>> seen = new HashMap<>();
                Map<String, List<int[]>> byLabel = new TreeMap<>();
                for (Span s : doc.spans()) { // in document order: by start
                    if ((!s.suggestion() || options.suggestions())
                            && seen.computeIfAbsent(s.label(), k -> new java.util.HashSet<>())
                                    .add(key(new int[] {s.start(), s.end()}))) {
                        byLabel.computeIfAbsent(s.label(), k -> new ArrayList<>())
                                .add(new int[] {s.start(), s.end()});
                    }
                }
                spans.add(byLabel);
            }
        }

        List<int[]> spans(int rater, String label) {
            return spans.get(rater).getOrDefault(label, List.of());
        }

        boolean uses(int[] raters, String label) {
            for (int r : raters) {
                if (spans.get(r).containsKey(label)) {
                    return true;
                }
            }
            return false;
        }

        /** For one label, how often each pattern of yes/no answers occurs over the tokens. */
        DecisionStudy decisions(int[] raters, String label) {
            int[] answers = new int[tokenStarts.length];
            for (int i = 0; i < raters.length; i++) {
                int bit = 1 << i;
                for (int[] s : spans(raters[i], label)) {
                    // the first token that ends after the span starts, then every token starting before it ends
                    for (int t = upperBound(tokenEnds, s[0]); t < tokenStarts.length && tokenStarts[t] < s[1]; t++) {
                        answers[t] |= bit;
                    }
                }
            }
            DecisionStudy study = new DecisionStudy(raters.length);
            long[] counts = new long[1 << raters.length];
            for (int pattern : answers) {
                counts[pattern]++;
            }
            for (int p = 0; p < counts.length; p++) {
                study.add(p, counts[p]);
            }
            return study;
        }

        private static int upperBound(int[] sorted, int value) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] <= value) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
