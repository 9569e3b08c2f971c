package org.scholion.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Span;
import org.scholion.core.team.Agreement;
import org.scholion.core.team.Agreement.Comparison;
import org.scholion.core.team.Agreement.Measure;
import org.scholion.core.team.Agreement.Options;
import org.scholion.core.team.UnitizingAlpha;

/**
 * {@code agree} in process: 1,000 pairs of documents of the seed's size, and the L workload, each
 * against a perturbed copy (spans moved, relabelled, removed and added), timed measure by measure
 * (F1, kappa, alpha, all three) on the measuring thread's CPU, with the peak heap (the sum of each
 * heap pool's peak during the runs: an upper bound). Then DKPro Statistics' own expected
 * disagreement of unitizing alpha, which grows with units × gaps, on growing prefixes of L's
 * continuum until one run would pass {@code -Dalpha.limit} seconds (default 120), next to
 * {@link UnitizingAlpha}'s on the same prefix (and checked equal), extrapolated to the whole.
 * Arguments: {@code pairs}, {@code L} or both (default); {@code -Druns=N} (default 3) timed runs
 * after one warm-up for the pairs, one run for L.
 */
public final class AgreementBenchmark {
    private static final int PAIRS = 1_000;

    private AgreementBenchmark() {}

    public static void main(String[] args) {
        List<String> what = args.length == 0 ? List.of("pairs", "L") : List.of(args);
        int runs = Integer.getInteger("runs", 3);
        double limit = Double.parseDouble(System.getProperty("alpha.limit", "120"));
        System.out.printf(
                Locale.ROOT,
                "load average at start: %.2f (%d cores)%n",
                load(),
                Runtime.getRuntime().availableProcessors());
        if (what.contains("pairs")) {
            AnnotatedDocument seed = Workloads.named("S");
            List<List<AnnotatedDocument>> docs = new ArrayList<>(PAIRS);
            long spans = 0;
            for (int i = 1; i <= PAIRS; i++) {
                AnnotatedDocument doc = Workloads.generate(
                        String.format(Locale.ROOT, "pair-%04d", i),
                        "Pair " + i,
                        seed.text().length(),
                        seed.spans().size(),
                        1000L + i);
                AnnotatedDocument other = perturb(doc, new Random(i));
                spans += doc.spans().size() + other.spans().size();
                docs.add(List.of(doc, other));
            }
            System.out.printf(
                    Locale.ROOT,
                    "pairs: %,d pairs of %,d code points and about %,d spans each, %,d spans in all%n",
                    PAIRS,
                    seed.text().length(),
                    seed.spans().size(),
                    spans);
            header();
            for (Measure m : Measure.values()) {
                measure(
                        "pairs",
                        m.name(),
                        runs,
                        () -> Agreement.measure(List.of("A", "B"), docs, Options.DEFAULT.only(m)));
            }
            measure("pairs", "all", runs, () -> Agreement.measure(List.of("A", "B"), docs, Options.DEFAULT));
        }
        if (what.contains("L")) {
            AnnotatedDocument doc = Workloads.named("L");
            AnnotatedDocument other = perturb(doc, new Random(7));
            List<List<AnnotatedDocument>> docs = List.of(List.of(doc, other));
            System.out.printf(
                    Locale.ROOT,
                    "L: %,d code points, %,d and %,d spans%n",
                    doc.text().length(),
                    doc.spans().size(),
                    other.spans().size());
            header();
            for (Measure m : Measure.values()) {
                measure("L", m.name(), 1, () -> Agreement.measure(List.of("A", "B"), docs, Options.DEFAULT.only(m)));
            }
            measure("L", "all", 1, () -> Agreement.measure(List.of("A", "B"), docs, Options.DEFAULT));
            reference(doc, other, limit);
        }
        System.out.printf(Locale.ROOT, "load average at end: %.2f%n", load());
    }

    /**
     * A copy of {@code doc} as a second annotator might have made it: of its spans, one in ten removed,
     * one in ten relabelled, one in ten moved by up to five code points at either end, and one new
     * span for every ten; relations are left out (agreement does not read them).
     */
    static AnnotatedDocument perturb(AnnotatedDocument doc, Random random) {
        List<String> labels = doc.labelSets().stream()
                .map(LabelSet::labels)
                .flatMap(List::stream)
                .map(Label::name)
                .toList();
        int length = doc.text().length();
        AnnotatedDocument.Builder b = AnnotatedDocument.builder(doc.document()).labelSets(doc.labelSets());
        int added = 0;
        for (Span s : doc.spans()) {
            int roll = random.nextInt(10);
            if (roll == 0) {
                continue;
            } else if (roll == 1) {
                b.span(s.withLabel(labels.get(random.nextInt(labels.size()))));
            } else if (roll == 2) {
                int start = Math.max(0, Math.min(length - 1, s.start() + random.nextInt(11) - 5));
                int end = Math.min(length, Math.max(start + 1, s.end() + random.nextInt(11) - 5));
                b.span(s.withRange(start, end));
            } else {
                b.span(s);
            }
            if (random.nextInt(10) == 0) {
                int start = random.nextInt(length);
                int end = Math.min(length, start + 1 + random.nextInt(30));
                b.span(Span.of("added-" + ++added, start, end, labels.get(random.nextInt(labels.size()))));
            }
        }
        return b.build();
    }

    private static void header() {
        System.out.printf(
                Locale.ROOT, "%-6s %-6s %12s %12s %10s%n", "input", "measure", "cpu ms", "wall ms", "peak MB");
    }

    private static void measure(String input, String measure, int runs, Supplier<List<Comparison>> work) {
        if (runs > 1) {
            List<Comparison> warmUp = work.get();
            System.out.printf(Locale.ROOT, "(warm-up: %d comparisons)%n", warmUp.size());
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] cpu = new long[runs];
        long[] wall = new long[runs];
        int values = 0;
        for (int i = 0; i < runs; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long w = System.nanoTime();
            values = work.get().get(0).values().size();
            cpu[i] = threads.getCurrentThreadCpuTime() - c;
            wall[i] = System.nanoTime() - w;
        }
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf(
                Locale.ROOT,
                "%-6s %-6s %12.1f %12.1f %10.1f   (%d values)%n",
                input,
                measure,
                cpu[runs / 2] / 1e6,
                wall[runs / 2] / 1e6,
                peak / 1048576.0,
                values);
    }

    /**
     * DKPro's expected disagreement against {@link UnitizingAlpha}'s over the overall scope of L (every
     * label a category, each annotator's spans of a label merged where they overlap) cut to growing
     * prefixes of the continuum; stops before a run would pass {@code limit} seconds.
     */
    private static void reference(AnnotatedDocument a, AnnotatedDocument b, double limit) {
        int length = a.text().length();
        List<long[]> units = new ArrayList<>(); // {offset, length, rater, label index}
        List<String> labels = new ArrayList<>();
        int rater = 0;
        for (AnnotatedDocument doc : List.of(a, b)) {
            TreeMap<String, List<int[]>> byLabel = new TreeMap<>();
            for (Span s : doc.spans()) {
                byLabel.computeIfAbsent(s.label(), k -> new ArrayList<>()).add(new int[] {s.start(), s.end()});
            }
            for (var e : byLabel.entrySet()) {
                if (!labels.contains(e.getKey())) {
                    labels.add(e.getKey());
                }
                int label = labels.indexOf(e.getKey());
                int[] run = null;
                for (int[] s : e.getValue()) { // in document order
                    if (run != null && s[0] < run[1]) {
                        run[1] = Math.max(run[1], s[1]);
                    } else {
                        if (run != null) {
                            units.add(new long[] {run[0], run[1] - run[0], rater, label});
                        }
                        run = new int[] {s[0], s[1]};
                    }
                }
                if (run != null) {
                    units.add(new long[] {run[0], run[1] - run[0], rater, label});
                }
            }
            rater++;
        }
        System.out.printf(
                Locale.ROOT,
                "%nunitizing alpha, expected disagreement of L's overall scope (%d labels, %,d units"
                        + " in all), on prefixes of the continuum; limit %.0f s a run%n",
                labels.size(),
                units.size(),
                limit);
        System.out.printf(
                Locale.ROOT,
                "%12s %10s %14s %14s %10s%n",
                "code points",
                "units",
                "DKPro cpu s",
                "ours cpu s",
                "equal");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double last = 0;
        long lastUnits = 0;
        long size = Math.max(1, length / 256);
        while (true) {
            long prefix = Math.min(size, length);
            UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(2, 0, prefix);
            long count = 0;
            for (long[] u : units) {
                if (u[0] + u[1] <= prefix) {
                    study.addUnit(u[0], u[1], (int) u[2], labels.get((int) u[3]));
                    count++;
                }
            }
            long c = threads.getCurrentThreadCpuTime();
            double ours = new UnitizingAlpha(study).expected();
            double oursSeconds = (threads.getCurrentThreadCpuTime() - c) / 1e9;
            c = threads.getCurrentThreadCpuTime();
            double dkpro = new Reference(study).expected();
            double seconds = (threads.getCurrentThreadCpuTime() - c) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "%,12d %,10d %14.3f %14.3f %10s%n",
                    prefix,
                    count,
                    seconds,
                    oursSeconds,
                    ours == dkpro ? "yes" : "NO " + ours + " vs " + dkpro);
            if (prefix == length) {
                System.out.println("DKPro finished the whole of L");
                return;
            }
            double growth =
                    last > 0 && lastUnits > 0 ? Math.log(seconds / last) / Math.log((double) count / lastUnits) : 2;
            double whole = seconds * Math.pow((double) units.size() / count, growth);
            if (seconds * Math.pow(2, growth) > limit) {
                System.out.printf(
                        Locale.ROOT,
                        "stopped: the next prefix would pass %.0f s; time grows as units^%.2f,"
                                + " so the whole of L would take about %,.0f s (%.1f h) for this one scope%n",
                        limit,
                        growth,
                        whole,
                        whole / 3600);
                return;
            }
            last = seconds;
            lastUnits = count;
            size *= 2;
        }
    }

    /** DKPro Statistics' own measure, its expected disagreement in view. */
    private static final class Reference extends KrippendorffAlphaUnitizingAgreement {
        Reference(UnitizingAnnotationStudy study) {
            super(study);
        }

        double expected() {
            return calculateExpectedDisagreement();
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
