package org.scholion.core.model;

import java.util.Collection;
import java.util.Comparator;

/** Orders ids such as {@code s2} before {@code s10}, and makes the next one. */
final class Ids {
    static final Comparator<String> NATURAL = Ids::compareNatural;

    private Ids() {}

    static String next(String prefix, Collection<String> taken) {
        long max = 0;
        for (String id : taken) {
            if (id.startsWith(prefix)
                    && id.length() > prefix.length()
                    && id.length() - prefix.length() < 18
                    && id.substring(prefix.length()).chars().allMatch(c -> c >= '0' && c <= '9')) {
                max = Math.max(max, Long.parseLong(id.substring(prefix.length())));
            }
        }
        return prefix + (max + 1);
    }

    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int si = i;
                int sj = j;
                while (si < a.length() && a.charAt(si) == '0') {
                    si++;
                }
                while (sj < b.length() && b.charAt(sj) == '0') {
                    sj++;
                }
                int ei = si;
                int ej = sj;
                while (ei < a.length() && isDigit(a.charAt(ei))) {
                    ei++;
                }
                while (ej < b.length() && isDigit(b.charAt(ej))) {
                    ej++;
                }
                int byLength = Integer.compare(ei - si, ej - sj);
                if (byLength != 0) {
                    return byLength;
                }
                int byDigits = a.substring(si, ei).compareTo(b.substring(sj, ej));
                if (byDigits != 0) {
                    return byDigits;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int byRest = Integer.compare(a.length() - i, b.length() - j);
        return byRest != 0 ? byRest : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
