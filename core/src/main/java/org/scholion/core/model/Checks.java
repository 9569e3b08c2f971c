package org.scholion.core.model;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Argument checks whose messages name the bad value. */
final class Checks {
    static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}\\p{M}._:-]{0,199}");
    static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    private Checks() {}

    static void check(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, format, args));
        }
    }

    static String id(String value, String what) {
        return id(value, what, null);
    }

    /**
     * {@link #id(String, String)} for the {@code what} of one thing, {@code whose}: the message is
     * only made when the check fails (files hold hundreds of thousands of ids).
     */
    static String id(String value, String what, String whose) {
        if (value != null && isId(value)) {
            return value;
        }
        what = whose == null ? what : what + " " + whose;
        if (value == null) {
            check(false, "%s must not be missing", what);
        }
        if (!isId(value)) {
            check(
                    false,
                    "%s '%s' must start with a letter, digit or '_' and hold only letters, digits, marks"
                            + " and . _ : - (at most 200)",
                    what,
                    value);
        }
        return value;
    }

    /** What {@link #ID} matches, without a matcher per id: files hold hundreds of thousands of them. */
    static boolean isId(String value) {
        return Word.ID.matches(value);
    }

    /** A relation type: {@code [\\p{L}\\p{N}][\\p{L}\\p{N}._:/#-]{0,99}}, checked without a matcher per relation. */
    static boolean isRelationType(String value) {
        return Word.RELATION_TYPE.matches(value);
    }

    /** A word of 1 to {@code max} code points, the first one a {@link #first}, the others {@link #rest}. */
    private enum Word {
        ID(200),
        RELATION_TYPE(100);

        private final int max;

        Word(int max) {
            this.max = max;
        }

        boolean matches(String value) {
            int length = value.length();
            if (length == 0) {
                return false;
            }
            int codePoints = 0;
            for (int i = 0; i < length; ) {
                int c = value.codePointAt(i);
                i += Character.charCount(c);
                if (!(codePoints == 0 ? first(c) : rest(c)) || ++codePoints > max) {
                    return false;
                }
            }
            return true;
        }

        private boolean first(int c) {
            return isLetterOrNumber(c) || (this == ID && c == '_');
        }

        private boolean rest(int c) {
            return isLetterOrNumber(c)
                    || c == '.'
                    || c == '_'
                    || c == ':'
                    || c == '-'
                    || (this == ID ? isMark(c) : c == '/' || c == '#');
        }
    }

    private static boolean isLetterOrNumber(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    private static boolean isMark(int c) {
        return switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> true;
            default -> false;
        };
    }

    /** What {@link #name} accepts: not blank, not padded with white space, no control character, at most 200 characters. */
    private static boolean isName(String value) {
        if (value == null || value.isEmpty() || value.length() > 200) {
            return false;
        }
        if (Character.isWhitespace(value.codePointAt(0))
                || Character.isWhitespace(value.codePointBefore(value.length()))) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A name shown to people: not blank, no control characters, no surrounding white space. */
    static String name(String value, String what) {
        return name(value, what, null);
    }

    /** {@link #name(String, String)} for the {@code what} of one thing, {@code whose}, with the message made only on failure. */
    static String name(String value, String what, String whose) {
        if (isName(value)) {
            return value;
        }
        what = whose == null ? what : what + " " + whose;
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

    /**
     * Attributes as a sorted, immutable map. A name follows the rules of a label name and holds no
     * {@code =} (attributes are written {@code name=value} on the command line and in JSON-LD); a
     * value is not empty and holds no control characters other than tab and line feed.
     */
    static Map<String, String> attributes(Map<String, String> attributes, String what) {
        return attributes(attributes, what, null);
    }

    /** {@link #attributes(Map, String)} of one thing, {@code whose}. */
    static Map<String, String> attributes(Map<String, String> attributes, String what, String whose) {
        if (attributes == null || attributes.isEmpty()) {
            return Map.of();
        }
        what = whose == null ? what : what + " " + whose;
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            sorted.put(attributeName(e.getKey(), what), attributeValue(e.getKey(), e.getValue(), what));
        }
        return Collections.unmodifiableSortedMap(sorted);
    }

    static String attributeName(String name, String what) {
        name(name, "attribute name of " + what);
        if (name.indexOf('=') >= 0) {
            check(false, "attribute name '%s' of %s must not hold '='", name, what);
        }
        return name;
    }

    static String attributeValue(String name, String value, String what) {
        if (value == null || value.isEmpty()) {
            check(false, "attribute '%s' of %s must have a value", name, what);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n') {
                check(
                        false,
                        "attribute '%s' of %s must not hold control characters other than tab and line feed",
                        name,
                        what);
            }
        }
        return value;
    }

    static String optional(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
