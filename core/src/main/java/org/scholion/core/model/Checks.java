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
        if (value == null) {
            check(false, "%s must not be missing", what);
        }
        if (!isId(value)) {
            check(false, "%s '%s' must start with a letter, digit or '_' and hold only letters, digits, marks"
                    + " and . _ : - (at most 200)", what, value);
        }
        return value;
    }

    /** What {@link #ID} matches, without a matcher per id: files hold hundreds of thousands of them. */
    static boolean isId(String value) {
        int length = value.length();
        if (length == 0) {
            return false;
        }
        int codePoints = 0;
        for (int i = 0; i < length; ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            boolean letterOrNumber = isLetterOrNumber(c);
            boolean allowed = codePoints == 0 ? letterOrNumber || c == '_'
                    : letterOrNumber || isMark(c) || c == '.' || c == '_' || c == ':' || c == '-';
            if (!allowed || ++codePoints > 200) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrNumber(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    private static boolean isMark(int c) {
        return switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> true;
            default -> false;
        };
    }

    /** A name shown to people: not blank, no control characters, no surrounding white space. */
    static String name(String value, String what) {
        if (value == null || value.isBlank()) {
            check(false, "%s must not be blank", what);
        }
        if (!value.strip().equals(value)) {
            check(false, "%s '%s' must not start or end with white space", what, value);
        }
        for (int i = 0; i < value.length(); i++) {
            // Every control character is in the BMP, and no half of a surrogate pair is one.
            if (Character.isISOControl(value.charAt(i))) {
                check(false, "%s '%s' must not hold control characters", what, value);
            }
        }
        if (value.length() > 200) {
            check(false, "%s '%s' is longer than 200 characters", what, value);
        }
        return value;
    }

    static String optional(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
