package org.scholion.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Medians and the units the report writes figures in. */
final class Numbers {
    private Numbers() {}

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(d -> d).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static String secs(double seconds) {
        if (Double.isNaN(seconds)) {
            return "—";
        }
        if (seconds >= 1) {
            return String.format(Locale.ROOT, "%.2f s", seconds);
        }
        if (seconds >= 0.001) {
            return String.format(Locale.ROOT, "%.1f ms", seconds * 1000);
        }
        return String.format(Locale.ROOT, "%.1f µs", seconds * 1e6);
    }

    static String mb(long bytes) {
        if (bytes < 0) {
            return "-";
        }
        if (bytes >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
    }

    static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
