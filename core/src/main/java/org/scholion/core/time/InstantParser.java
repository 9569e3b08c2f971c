package org.scholion.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the times of annotation files as {@link Instant#parse} does, fast for the common case:
 * the form {@link Instant#toString()} writes is read without a formatter (which costs microseconds
 * a time, and a large file has a time on every span), and any other form is parsed once per thread
 * for as long as it stays among the last few hundred seen.
 */
public final class InstantParser {
    /** Spans made together share their time: parsing each distinct one once saves most of the cost. */
    private static final ThreadLocal<Map<String, Instant>> TIMES =
            ThreadLocal.withInitial(() -> new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                    return size() > 256;
                }
            });

    private InstantParser() {}

    /**
     * The instant {@code text} names.
     *
     * @throws IllegalArgumentException if it is not an ISO-8601 UTC time; the message names
     *                                  {@code member} and the text
     */
    public static Instant parse(String text, String member) {
        Instant canonical = canonical(text);
        if (canonical != null) {
            return canonical;
        }
        Instant known = TIMES.get().get(text);
        if (known == null) {
            try {
                known = Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        member + " '" + text + "' is not an ISO-8601 UTC time such as 2026-11-24T10:00:00Z");
            }
            TIMES.get().put(text, known);
        }
        return known;
    }

    /**
     * The time of {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, the form {@link Instant#toString()}
     * writes for four-digit years, read without a formatter; null for any other form, which
     * {@link Instant#parse} then judges.
     */
    static Instant canonical(String s) {
        int n = s.length();
        if (n < 20
                || n == 21
                || n > 30
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':'
                || s.charAt(n - 1) != 'Z'
                || (n > 20 && s.charAt(19) != '.')) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int fraction = n > 20 ? digits(s, 20, n - 1) : 0;
        if (year < 1000
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || fraction < 0
                || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        int nanos = fraction;
        for (int i = n - 21; i < 9 && n > 20; i++) {
            nanos *= 10;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
    }

    /** The decimal number of {@code s[from, to)}, or -1 unless all are ASCII digits. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
