package org.scholion.core.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded byte, character and token mutations of a valid JSON file: the same seed gives the same
 * mutants, so a failure replays with {@code -Dtest.seed=N}.
 */
final class Mutator {
    private static final Pattern TOKEN = Pattern.compile(
            "\"(?:[^\"\\\\]++|\\\\.)*+\"|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|true|false|null|[{}\\[\\]:,]");
    /** JSON values that sit at the edges of what the reader accepts. */
    static final String[] VALUES = {
        "-1",
        "0",
        "1",
        "2",
        "33",
        "34",
        "2147483647",
        "2147483648",
        "-2147483649",
        "1e400",
        "-0",
        "1.5",
        "1E2",
        "99999999999999999999999999",
        "\"\"",
        "\" \"",
        "\"\\ud800\"",
        "\"\\udfff\"",
        "\"a\\udc00\\ud800b\"",
        "\"\\u0000\"",
        "\"\\u001b[31m\"",
        "\"s1\"",
        "\"s2\"",
        "\"s3\"",
        "\"r1\"",
        "\"PERSON\"",
        "\"QUOTE\"",
        "\"scholion/2\"",
        "\"scholion/1\"",
        "null",
        "true",
        "false",
        "[]",
        "{}",
        "[{}]",
        "\"#GGGGGG\"",
        "\"#4477AA\"",
        "\"\\n\"",
        "\"a\\u202eb\"",
        "\"<script>alert(1)</script>\"",
        "\"../../etc/passwd\"",
        "\"2026-11-24T10:00:00Z\"",
        "\"2026-13-45T99:00:00Z\"",
        "\"=cmd|' /C calc'!A0\"",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    };

    private static final String[] ESCAPES = {
        "\\ud800",
        "\\udbff\\udbff",
        "\\udc00",
        "\\u0000",
        "\\u0007",
        "\\u0085",
        "\\u2028",
        "\\ufeff",
        "\\uffff",
        "\\\"",
        "\\\\",
        "\\x",
        "\\u12",
        "\t",
        "\u0001",
    };
    private static final char[] CHARS = {
        '{', '}', '[', ']', '"', '\\', ',', ':', '0', '9', '-', '.', 'e', ' ', '\n', '\u0000', '\u00e9', '\u202e',
        '\ud83d', 'x',
    };

    private Mutator() {}

    /** One to three random mutations of {@code valid}; {@code log} gets one line per mutation. */
    static byte[] mutate(byte[] valid, Random random, List<String> log) {
        if (BASES.size() < 8 && !BASES.containsKey(new String(valid, StandardCharsets.UTF_8))) {
            remember(valid);
        }
        byte[] bytes = valid;
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            bytes = once(bytes, random, log);
        }
        return bytes;
    }

    private static byte[] once(byte[] bytes, Random random, List<String> log) {
        int kind = random.nextInt(12);
        int n = bytes.length;
        switch (kind) {
            case 0 -> {
                if (n == 0) {
                    return bytes;
                }
                int at = random.nextInt(n);
                byte[] out = bytes.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
                log.add("flip a bit of byte " + at);
                return out;
            }
            case 1 -> {
                int at = random.nextInt(n + 1);
                int len = Math.min(n - at, 1 + random.nextInt(random.nextBoolean() ? 4 : 200));
                log.add("delete " + len + " bytes at " + at);
                return splice(bytes, at, len, new byte[0]);
            }
            case 2 -> {
                byte[] junk = new byte[1 + random.nextInt(6)];
                random.nextBytes(junk);
                int at = random.nextInt(n + 1);
                log.add("insert " + junk.length + " random bytes at " + at);
                return splice(bytes, at, 0, junk);
            }
            case 3 -> {
                int at = random.nextInt(n + 1);
                log.add("truncate at " + at);
                return java.util.Arrays.copyOf(bytes, at);
            }
            case 4 -> {
                if (n == 0) {
                    return bytes;
                }
                int at = random.nextInt(n);
                int len = Math.min(n - at, 1 + random.nextInt(300));
                int to = random.nextInt(n + 1);
                log.add("copy " + len + " bytes from " + at + " to " + to);
                return splice(bytes, to, 0, java.util.Arrays.copyOfRange(bytes, at, at + len));
            }
            case 5 -> {
                String s = new String(bytes, StandardCharsets.UTF_8);
                if (s.isEmpty()) {
                    return bytes;
                }
                int at = random.nextInt(s.length());
                char c = CHARS[random.nextInt(CHARS.length)];
                log.add("replace char " + at + " with U+" + Integer.toHexString(c));
                return (s.substring(0, at) + c + s.substring(at + 1)).getBytes(StandardCharsets.UTF_8);
            }
            case 6, 7 -> {
                return replaceToken(bytes, random, log, VALUES[random.nextInt(VALUES.length)]);
            }
            case 8 -> {
                List<int[]> tokens = tokens(new String(bytes, StandardCharsets.UTF_8));
                if (tokens.isEmpty()) {
                    return bytes;
                }
                String s = new String(bytes, StandardCharsets.UTF_8);
                int[] other = tokens.get(random.nextInt(tokens.size()));
                return replaceToken(bytes, random, log, s.substring(other[0], other[1]));
            }
            case 9 -> {
                String s = new String(bytes, StandardCharsets.UTF_8);
                List<int[]> strings =
                        tokens(s).stream().filter(t -> s.charAt(t[0]) == '"').toList();
                if (strings.isEmpty()) {
                    return bytes;
                }
                int[] t = strings.get(random.nextInt(strings.size()));
                int at = t[0] + 1 + random.nextInt(t[1] - t[0] - 1);
                if (at > t[0] + 1 && s.charAt(at - 1) == '\\') {
                    at--;
                }
                String escape = ESCAPES[random.nextInt(ESCAPES.length)];
                log.add("insert " + escape + " into the string at char " + at);
                return (s.substring(0, at) + escape + s.substring(at)).getBytes(StandardCharsets.UTF_8);
            }
            case 10 -> {
                String s = new String(bytes, StandardCharsets.UTF_8);
                List<int[]> numbers = tokens(s).stream()
                        .filter(t -> s.charAt(t[0]) == '-' || Character.isDigit(s.charAt(t[0])))
                        .toList();
                if (numbers.isEmpty()) {
                    return bytes;
                }
                int[] t = numbers.get(random.nextInt(numbers.size()));
                String old = s.substring(t[0], t[1]);
                long value;
                try {
                    value = Long.parseLong(old);
                } catch (NumberFormatException e) {
                    value = 0;
                }
                long next = switch (random.nextInt(5)) {
                    case 0 -> value + 1;
                    case 1 -> value - 1;
                    case 2 -> -value;
                    case 3 -> value + random.nextInt(5000);
                    default -> (long) Integer.MAX_VALUE + random.nextInt(3) - 1;
                };
                log.add("number " + old + " at char " + t[0] + " becomes " + next);
                return (s.substring(0, t[0]) + next + s.substring(t[1])).getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                String s = new String(bytes, StandardCharsets.UTF_8);
                List<int[]> tokens = tokens(s);
                if (tokens.size() < 2) {
                    return bytes;
                }
                int[] a = tokens.get(random.nextInt(tokens.size()));
                int[] b = tokens.get(random.nextInt(tokens.size()));
                if (a[0] > b[0]) {
                    int[] x = a;
                    a = b;
                    b = x;
                }
                if (a[1] > b[0]) {
                    return bytes;
                }
                log.add("swap tokens at chars " + a[0] + " and " + b[0]);
                return (s.substring(0, a[0])
                                + s.substring(b[0], b[1])
                                + s.substring(a[1], b[0])
                                + s.substring(a[0], a[1])
                                + s.substring(b[1]))
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private static byte[] replaceToken(byte[] bytes, Random random, List<String> log, String value) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        List<int[]> tokens = tokens(s);
        if (tokens.isEmpty()) {
            return bytes;
        }
        int[] t = tokens.get(random.nextInt(tokens.size()));
        log.add("token at char " + t[0] + " becomes " + abbreviate(value));
        return (s.substring(0, t[0]) + value + s.substring(t[1])).getBytes(StandardCharsets.UTF_8);
    }

    /** The valid bases are tokenised once each, since every mutant starts from one of them. */
    private static final java.util.Map<String, List<int[]>> BASES = new java.util.concurrent.ConcurrentHashMap<>();

    static void remember(byte[] base) {
        String s = new String(base, StandardCharsets.UTF_8);
        BASES.put(s, tokenise(s));
    }

    private static List<int[]> tokens(String s) {
        List<int[]> known = BASES.get(s);
        return known != null ? known : tokenise(s);
    }

    private static List<int[]> tokenise(String s) {
        List<int[]> list = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            list.add(new int[] {m.start(), m.end()});
        }
        return list;
    }

    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        byte[] out = new byte[bytes.length - remove + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at + remove, out, at + insert.length, bytes.length - at - remove);
        return out;
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
