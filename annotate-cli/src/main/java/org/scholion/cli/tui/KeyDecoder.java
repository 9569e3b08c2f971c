package org.scholion.cli.tui;

import java.io.IOException;
import org.jline.utils.NonBlockingReader;

/**
 * Turns the characters a terminal sends into {@link Key}s: CSI and SS3 escape sequences for
 * arrows, Home/End and PgUp/PgDn (both the normal and the application keypad forms), a lone ESC
 * for Escape, surrogate pairs into one code point.
 */
final class KeyDecoder {
    /** How long to wait after ESC for the rest of a sequence before taking it as the Escape key. */
    private static final long SEQUENCE_WAIT_MS = 50;

    private final NonBlockingReader reader;
    private int pushedBack = -1;
    private boolean eof;

    KeyDecoder(NonBlockingReader reader) {
        this.reader = reader;
    }

    boolean atEnd() {
        return eof;
    }

    /** The next key, or null if none came within {@code timeoutMs} (or the input ended). */
    Key read(long timeoutMs) throws IOException {
        int c = next(timeoutMs);
        if (c < 0) {
            return null;
        }
        if (c == 27) {
            int n = next(SEQUENCE_WAIT_MS);
            if (n == '[') {
                return csi();
            }
            if (n == 'O') {
                return ss3();
            }
            if (n >= 0) {
                pushedBack = n; // Alt+key: Escape, then the key
            }
            return Key.ESCAPE;
        }
        if (Character.isHighSurrogate((char) c)) {
            int low = next(SEQUENCE_WAIT_MS);
            if (low >= 0 && Character.isLowSurrogate((char) low)) {
                return Key.of(Character.toCodePoint((char) c, (char) low));
            }
            return Key.UNKNOWN;
        }
        return Key.of(c);
    }

    private int next(long timeoutMs) throws IOException {
        if (pushedBack >= 0) {
            int c = pushedBack;
            pushedBack = -1;
            return c;
        }
        int c = reader.read(timeoutMs);
        if (c == NonBlockingReader.EOF) {
            eof = true;
        }
        return c;
    }

    private Key csi() throws IOException {
        StringBuilder params = new StringBuilder();
        while (true) {
            int c = next(SEQUENCE_WAIT_MS);
            if (c < 0) {
                return Key.UNKNOWN;
            }
            if (c >= 0x40 && c <= 0x7E) {
                return csiKey(params.toString(), (char) c);
            }
            if (params.length() > 16) {
                return Key.UNKNOWN;
            }
            params.append((char) c);
        }
    }

    private static Key csiKey(String params, char last) {
        return switch (last) {
            case 'A' -> Key.UP;
            case 'B' -> Key.DOWN;
            case 'C' -> Key.RIGHT;
            case 'D' -> Key.LEFT;
            case 'H' -> Key.HOME;
            case 'F' -> Key.END;
            case 'Z' -> Key.BACK_TAB;
            case '~' -> switch (params.contains(";") ? params.substring(0, params.indexOf(';')) : params) {
                case "1", "7" -> Key.HOME;
                case "4", "8" -> Key.END;
                case "5" -> Key.PAGE_UP;
                case "6" -> Key.PAGE_DOWN;
                case "3" -> Key.DELETE;
                default -> Key.UNKNOWN;
            };
            default -> Key.UNKNOWN;
        };
    }

    private Key ss3() throws IOException {
        int c = next(SEQUENCE_WAIT_MS);
        return switch (c) {
            case 'A' -> Key.UP;
            case 'B' -> Key.DOWN;
            case 'C' -> Key.RIGHT;
            case 'D' -> Key.LEFT;
            case 'H' -> Key.HOME;
            case 'F' -> Key.END;
            case 'M' -> Key.ENTER;
            default -> Key.UNKNOWN;
        };
    }
}
