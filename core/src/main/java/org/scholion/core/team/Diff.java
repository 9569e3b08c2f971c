package org.scholion.core.team;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;

/**
 * Where two annotations of the same text differ. Spans with the same offsets and label match and are
 * not listed. Of the rest, a pair with the same offsets and another label is a label conflict, a pair
 * of the same label that overlaps with other offsets is a boundary conflict, and a span in no match
 * and no conflict is only in A or only in B.
 */
public final class Diff {
    /** What kind of difference. */
    public enum Kind {
        ONLY_IN_A("only-in-a"),
        ONLY_IN_B("only-in-b"),
        LABEL("label-conflict"),
        BOUNDARY("boundary-conflict");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The name in tables, tsv and json. */
        public String key() {
            return key;
        }
    }

    /**
     * One difference: a span of A, of B, or one of each.
     *
     * @param kind what kind
     * @param a    the span of A, null for {@link Kind#ONLY_IN_B}
     * @param b    the span of B, null for {@link Kind#ONLY_IN_A}
     */
    public record Difference(Kind kind, Span a, Span b) {
        public Difference {
            Objects.requireNonNull(kind, "kind");
            if ((a == null) != (kind == Kind.ONLY_IN_B) || (b == null) != (kind == Kind.ONLY_IN_A)) {
                throw new IllegalArgumentException(kind + " needs "
                        + (kind == Kind.ONLY_IN_A
                                ? "a span of A only"
                                : kind == Kind.ONLY_IN_B ? "a span of B only" : "a span of each"));
            }
        }

        /** Where it starts: the smaller start of its spans. */
        public int start() {
            return a == null ? b.start() : b == null ? a.start() : Math.min(a.start(), b.start());
        }
    }

    private Diff() {}

    /**
     * The differences of {@code b} from {@code a} in text order.
     *
     * @param suggestions whether suggested spans take part
     * @throws IllegalArgumentException if they annotate different texts
     */
    public static List<Difference> of(AnnotatedDocument a, AnnotatedDocument b, boolean suggestions) {
        Agreement.requireSameText(List.of("A", "B"), List.of(a, b));
        List<Span> spansA =
                a.spans().stream().filter(s -> suggestions || !s.suggestion()).toList();
        List<Span> spansB =
                b.spans().stream().filter(s -> suggestions || !s.suggestion()).toList();
        Set<String> keysA = new HashSet<>();
        spansA.forEach(s -> keysA.add(key(s)));
        Set<String> keysB = new HashSet<>();
        spansB.forEach(s -> keysB.add(key(s)));
        List<Span> restA = spansA.stream().filter(s -> !keysB.contains(key(s))).toList();
        List<Span> restB = spansB.stream().filter(s -> !keysA.contains(key(s))).toList();

        List<Difference> found = new ArrayList<>();
        Set<Span> paired = new HashSet<>();
        Map<Long, List<Span>> bByRange = new HashMap<>();
        restB.forEach(
                s -> bByRange.computeIfAbsent(range(s), k -> new ArrayList<>()).add(s));
        for (Span x : restA) {
            for (Span y : bByRange.getOrDefault(range(x), List.of())) {
                found.add(new Difference(Kind.LABEL, x, y));
                paired.add(x);
                paired.add(y);
            }
        }
        // both lists are in document order: a B span that ends before one A span starts overlaps no later one
        int from = 0;
        for (Span x : restA) {
            while (from < restB.size() && restB.get(from).end() <= x.start()) {
                from++;
            }
            for (int i = from; i < restB.size() && restB.get(i).start() < x.end(); i++) {
                Span y = restB.get(i);
                if (y.label().equals(x.label()) && x.overlaps(y) && range(x) != range(y)) {
                    found.add(new Difference(Kind.BOUNDARY, x, y));
                    paired.add(x);
                    paired.add(y);
                }
            }
        }
        for (Span x : restA) {
            if (!paired.contains(x)) {
                found.add(new Difference(Kind.ONLY_IN_A, x, null));
            }
        }
        for (Span y : restB) {
            if (!paired.contains(y)) {
                found.add(new Difference(Kind.ONLY_IN_B, null, y));
            }
        }
        found.sort(Comparator.comparingInt(Difference::start)
                .thenComparing(d -> d.kind().ordinal())
                .thenComparing(d -> d.a() == null ? "" : d.a().id())
                .thenComparing(d -> d.b() == null ? "" : d.b().id()));
        return found;
    }

    private static String key(Span s) {
        return s.start() + ":" + s.end() + ":" + s.label();
    }

    private static long range(Span s) {
        return ((long) s.start() << 32) | s.end();
    }
}
