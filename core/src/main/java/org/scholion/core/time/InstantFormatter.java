package org.scholion.core.time;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * Formats instants exactly as {@link DateTimeFormatter#ISO_INSTANT} does, several times faster for
 * the common case of many instants on few days: each day's date is formatted once. One instance
 * per thread; it is not thread-safe.
 */
public final class InstantFormatter {
    private static final int SECONDS_PER_DAY = 86_400;
    private static final int DATE_LENGTH = "yyyy-mm-ddT".length();

    private static final int MAX_DAYS = 4_096;
    private static final String BEYOND_FOUR_DIGIT_YEARS = "";

    // Instants come in any order (spans sorted by offset, made over days), so remember every day seen.
    private final Map<Long, String> dates = new HashMap<>();
    private long day = Long.MIN_VALUE;
    private String date;
    private final char[] chars = new char[DATE_LENGTH + "hh:mm:ss.nnnnnnnnnZ".length()];

    /** The instant as {@code ISO_INSTANT} writes it, e.g. {@code 2026-11-24T10:00:00Z}. */
    public String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        long instantDay = Math.floorDiv(seconds, SECONDS_PER_DAY);
        if (instantDay != day) {
            if (dates.size() == MAX_DAYS) {
                dates.clear();
            }
            day = instantDay;
            date = dates.computeIfAbsent(instantDay, InstantFormatter::date);
        }
        if (date.isEmpty()) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        int secondOfDay = (int) (seconds - instantDay * SECONDS_PER_DAY);
        date.getChars(0, DATE_LENGTH, chars, 0);
        int at = DATE_LENGTH;
        at = twoDigits(secondOfDay / 3600, at);
        chars[at++] = ':';
        at = twoDigits(secondOfDay / 60 % 60, at);
        chars[at++] = ':';
        at = twoDigits(secondOfDay % 60, at);
        int nanos = instant.getNano();
        if (nanos > 0) {
            chars[at++] = '.';
            int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
            int value = digits == 3 ? nanos / 1_000_000 : digits == 6 ? nanos / 1_000 : nanos;
            for (int i = at + digits - 1; i >= at; i--) {
                chars[i] = (char) ('0' + value % 10);
                value /= 10;
            }
            at += digits;
        }
        chars[at++] = 'Z';
        return new String(chars, 0, at);
    }

    private static String date(long day) {
        String midnight = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(day * SECONDS_PER_DAY));
        // Years beyond 9999 or before 0000 have a sign and more digits; leave those to the JDK.
        boolean fourDigitYear = midnight.length() == DATE_LENGTH + "00:00:00Z".length()
                && midnight.charAt(DATE_LENGTH - 1) == 'T'
                && Character.isDigit(midnight.charAt(0));
        return fourDigitYear ? midnight.substring(0, DATE_LENGTH) : BEYOND_FOUR_DIGIT_YEARS;
    }

    private int twoDigits(int value, int at) {
        chars[at] = (char) ('0' + value / 10);
        chars[at + 1] = (char) ('0' + value % 10);
        return at + 2;
    }
}
