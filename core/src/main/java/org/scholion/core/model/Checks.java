package org.scholion.core.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** Argument checks whose messages name the bad value. */
final class Checks {
    static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}\\p{M}._:-]{0,199}");
    static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    private Checks() {
    }

    static void check(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, format, args));
        }
    }

    static String id(String value, String what) {
        check(value != null, "%s must not be missing", what);
        check(ID.matcher(value).matches(),
                "%s '%s' must start with a letter, digit or '_' and hold only letters, digits, marks and . _ : - (at most 200)",
                what, value);
        return value;
    }

    /** A name shown to people: not blank, no control characters, no surrounding white space. */
    static String name(String value, String what) {
        check(value != null && !value.isBlank(), "%s must not be blank", what);
        check(value.strip().equals(value), "%s '%s' must not start or end with white space", what, value);
        check(value.codePoints().noneMatch(Character::isISOControl), "%s '%s' must not hold control characters",
                what, value);
        check(value.length() <= 200, "%s '%s' is longer than 200 characters", what, value);
        return value;
    }

    static String optional(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
