package org.scholion.cli.tui;

import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * Turns what a terminal sends into {@link Key}s with JLine's {@link KeyMap} and
 * {@link BindingReader}: the sequences this terminal's terminfo entry declares for its keys, plus
 * the ANSI forms xterm-like terminals send in either cursor-key mode (terminfo describes one mode
 * only). Modified arrows and the like ({@code ESC [1;5C}) count as the plain key; function keys
 * and any other escape sequence are swallowed whole as {@link Key#UNKNOWN}, never read as the
 * letters they contain. A lone ESC is the Escape key once nothing follows it for
 * {@value #ESCAPE_WAIT_MS} ms.
 */
final class KeyReader {
    /** How long to wait after ESC (or inside a sequence) for the rest before giving up on it. */
    static final long ESCAPE_WAIT_MS = 50;

    /** Bound to whatever is not in the map: the key is the character itself. */
    private static final Key TYPED = new Key(Key.Type.UNKNOWN, 0);

    private final Reader reader;
    private final KeyMap<Key> keys;
    private boolean eof;

    KeyReader(Terminal terminal) {
        this.reader = new Reader(terminal.reader());
        this.keys = keyMap(terminal);
    }

    static KeyMap<Key> keyMap(Terminal terminal) {
        KeyMap<Key> map = new KeyMap<>();
        map.setAmbiguousTimeout(ESCAPE_WAIT_MS);
        map.setNomatch(TYPED);
        map.setUnicode(TYPED);
        map.bind(Key.ESCAPE, KeyMap.esc());
        char[] finals = {'A', 'B', 'C', 'D', 'H', 'F'};
        Key[] named = {Key.UP, Key.DOWN, Key.RIGHT, Key.LEFT, Key.HOME, Key.END};
        for (int i = 0; i < finals.length; i++) {
            map.bind(named[i], "\033[" + finals[i], "\033O" + finals[i]);
            for (int modifier = 2; modifier <= 8; modifier++) {
                map.bind(named[i], "\033[1;" + modifier + finals[i]);
            }
        }
        Key[] tilde = {null, Key.HOME, Key.UNKNOWN, Key.DELETE, Key.END, Key.PAGE_UP, Key.PAGE_DOWN, Key.HOME, Key.END};
        for (int n = 1; n < tilde.length; n++) {
            map.bind(tilde[n], "\033[" + n + "~");
            for (int modifier = 2; modifier <= 8; modifier++) {
                map.bind(tilde[n], "\033[" + n + ";" + modifier + "~");
            }
        }
        map.bind(Key.BACK_TAB, "\033[Z");
        map.bind(Key.ENTER, "\033OM");
        bind(map, terminal, Key.UP, Capability.key_up);
        bind(map, terminal, Key.DOWN, Capability.key_down);
        bind(map, terminal, Key.LEFT, Capability.key_left);
        bind(map, terminal, Key.RIGHT, Capability.key_right);
        bind(map, terminal, Key.HOME, Capability.key_home);
        bind(map, terminal, Key.END, Capability.key_end);
        bind(map, terminal, Key.PAGE_UP, Capability.key_ppage);
        bind(map, terminal, Key.PAGE_DOWN, Capability.key_npage);
        bind(map, terminal, Key.DELETE, Capability.key_dc);
        bind(map, terminal, Key.BACK_TAB, Capability.key_btab);
        bind(map, terminal, Key.ENTER, Capability.key_enter);
        Capability[] ignored = {
            Capability.key_ic,
            Capability.key_f1,
            Capability.key_f2,
            Capability.key_f3,
            Capability.key_f4,
            Capability.key_f5,
            Capability.key_f6,
            Capability.key_f7,
            Capability.key_f8,
            Capability.key_f9,
            Capability.key_f10,
            Capability.key_f11,
            Capability.key_f12
        };
        for (Capability capability : ignored) {
            bind(map, terminal, Key.UNKNOWN, capability);
        }
        return map;
    }

    /** Binds the terminal's sequence for the capability, if it declares an escape sequence for it. */
    private static void bind(KeyMap<Key> map, Terminal terminal, Key key, Capability capability) {
        String sequence = KeyMap.key(terminal, capability);
        if (sequence != null && sequence.length() > 1 && sequence.charAt(0) == '\033') {
            map.bind(key, sequence);
        }
    }

    boolean atEnd() {
        return eof;
    }

    /** The next key, or null if none came within {@code timeoutMs} (or the input ended). */
    Key read(long timeoutMs) {
        if (!reader.pending()) {
            int c = reader.peekCharacter(timeoutMs);
            if (c == NonBlockingReader.READ_EXPIRED) {
                return null;
            }
            if (c == NonBlockingReader.EOF) {
                eof = true;
                return null;
            }
        }
        while (true) {
            // without blocking: one character more per call, so a sequence cut short cannot hang the loop
            Key key = reader.readBinding(keys, null, false);
            if (key == TYPED) {
                int cp = reader.getLastBinding().codePointAt(0);
                return cp == 27 ? reader.dropSequence() : Key.of(cp);
            }
            if (key != null) {
                return key;
            }
            int c = reader.peekCharacter(ESCAPE_WAIT_MS);
            if (c == NonBlockingReader.EOF) {
                eof = true;
                return null;
            }
            if (c == NonBlockingReader.READ_EXPIRED) {
                reader.clear(); // the start of a sequence and nothing more: not a key we know
                return Key.UNKNOWN;
            }
        }
    }

    /** A {@link BindingReader} that can tell whether it holds unread input, and drop a sequence. */
    private static final class Reader extends BindingReader {
        Reader(NonBlockingReader reader) {
            super(reader);
        }

        boolean pending() {
            return opBuffer.length() > 0 || !pushBackChar.isEmpty();
        }

        void clear() {
            opBuffer.setLength(0);
        }

        /**
         * After ESC and a prefix no binding continues: a CSI sequence ({@code ESC [} … final byte)
         * or an SS3 one ({@code ESC O} and one character) is read to its end and dropped.
         */
        Key dropSequence() {
            String rest = opBuffer.toString();
            opBuffer.setLength(0);
            if (rest.isEmpty() || (rest.charAt(0) != '[' && rest.charAt(0) != 'O')) {
                runMacro(rest); // ESC and a key (Alt+key): Escape, then the key
                return Key.ESCAPE;
            }
            boolean csi = rest.charAt(0) == '[';
            int length = rest.length();
            for (int i = 1; i < length; i++) {
                if (!csi || isFinal(rest.charAt(i))) {
                    runMacro(rest.substring(i + 1));
                    return Key.UNKNOWN;
                }
            }
            while (peekCharacter(ESCAPE_WAIT_MS) >= 0) {
                int c = readCharacter();
                if (!csi || isFinal(c)) {
                    break;
                }
            }
            return Key.UNKNOWN;
        }

        private static boolean isFinal(int c) {
            return c >= 0x40 && c <= 0x7E;
        }
    }
}
