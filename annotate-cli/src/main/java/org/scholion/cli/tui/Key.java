package org.scholion.cli.tui;

import java.util.Locale;

/**
 * One key press as the annotator sees it: a character (including control characters such as
 * Ctrl-R) or a named key decoded from an escape sequence.
 *
 * @param type      what kind of key
 * @param codePoint the character for {@link Type#CHAR}, else 0
 */
public record Key(Type type, int codePoint) {

    /** Kinds of key. */
    public enum Type {
        CHAR,
        UP,
        DOWN,
        LEFT,
        RIGHT,
        PAGE_UP,
        PAGE_DOWN,
        HOME,
        END,
        TAB,
        BACK_TAB,
        ENTER,
        ESCAPE,
        BACKSPACE,
        DELETE,
        UNKNOWN
    }

    public static final Key UP = new Key(Type.UP, 0);
    public static final Key DOWN = new Key(Type.DOWN, 0);
    public static final Key LEFT = new Key(Type.LEFT, 0);
    public static final Key RIGHT = new Key(Type.RIGHT, 0);
    public static final Key PAGE_UP = new Key(Type.PAGE_UP, 0);
    public static final Key PAGE_DOWN = new Key(Type.PAGE_DOWN, 0);
    public static final Key HOME = new Key(Type.HOME, 0);
    public static final Key END = new Key(Type.END, 0);
    public static final Key TAB = new Key(Type.TAB, 0);
    public static final Key BACK_TAB = new Key(Type.BACK_TAB, 0);
    public static final Key ENTER = new Key(Type.ENTER, 0);
    public static final Key ESCAPE = new Key(Type.ESCAPE, 0);
    public static final Key BACKSPACE = new Key(Type.BACKSPACE, 0);
    public static final Key DELETE = new Key(Type.DELETE, 0);
    public static final Key UNKNOWN = new Key(Type.UNKNOWN, 0);

    public Key {
        if (type == null) {
            throw new IllegalArgumentException("key type must not be missing");
        }
        if (type == Type.CHAR && (codePoint < 0 || codePoint > Character.MAX_CODE_POINT)) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "code point %d is not a character", codePoint));
        }
    }

    /** The key for a typed character; TAB, ENTER, ESC and BACKSPACE become their named keys. */
    public static Key of(int codePoint) {
        return switch (codePoint) {
            case '\t' -> TAB;
            case '\r', '\n' -> ENTER;
            case 27 -> ESCAPE;
            case 127, 8 -> BACKSPACE;
            default -> new Key(Type.CHAR, codePoint);
        };
    }

    /** Control plus a letter, e.g. {@code ctrl('r')} for redo. */
    public static Key ctrl(char letter) {
        return new Key(Type.CHAR, Character.toLowerCase(letter) - 'a' + 1);
    }

    /** The keys of a string, one per code point: handy in tests and macros. */
    public static java.util.List<Key> typed(String s) {
        return s.codePoints().mapToObj(Key::of).toList();
    }

    public boolean is(int c) {
        return type == Type.CHAR && codePoint == c;
    }

    /** Whether this is a character that can go into typed text (not a control character). */
    public boolean isPrintable() {
        return type == Type.CHAR && !Character.isISOControl(codePoint);
    }
}
