package org.scholion.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.tui.Bindings.Binding;
import org.scholion.cli.tui.Bindings.Command;
import org.scholion.cli.tui.TuiState.Mode;
import org.scholion.core.model.Label;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;

/**
 * Every key of the help, as the bytes an xterm sends (in both cursor-key modes where they differ),
 * through the real decoding into a session on a real file: each decodes to its key and does what
 * the help says it does.
 */
class KeysTest {
    //                                  0         1         2         3         4
    //                                  01234567890123456789012345678901234567890123456
    private static final String TEXT =
            "Alice met Bob in Paris.\nBob left Paris. Then more.\n" + "Line three is here.\n".repeat(20);
    private static final int BOB = 24;
    private static final int PARIS = 33;

    private static Keyboard keyboard;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() throws Exception {
        keyboard = new Keyboard("xterm-256color");
    }

    @AfterAll
    static void close() throws Exception {
        keyboard.close();
    }

    /** What an xterm sends for the key: the forms of both cursor-key modes. */
    static List<String> bytes(Key key) {
        return switch (key.type()) {
            case CHAR -> List.of(Character.toString(key.codePoint()));
            case UP -> List.of("\u001B[A", "\u001BOA", "\u001B[1;2A");
            case DOWN -> List.of("\u001B[B", "\u001BOB");
            case RIGHT -> List.of("\u001B[C", "\u001BOC");
            case LEFT -> List.of("\u001B[D", "\u001BOD", "\u001B[1;5D");
            case HOME -> List.of("\u001B[H", "\u001BOH", "\u001B[1~", "\u001B[7~");
            case END -> List.of("\u001B[F", "\u001BOF", "\u001B[4~", "\u001B[8~");
            case PAGE_UP -> List.of("\u001B[5~");
            case PAGE_DOWN -> List.of("\u001B[6~");
            case TAB -> List.of("\t");
            case BACK_TAB -> List.of("\u001B[Z");
            case ENTER -> List.of("\r", "\u001BOM");
            case ESCAPE -> List.of("\u001B");
            case BACKSPACE -> List.of("\u007F", "\b");
            case DELETE -> List.of("\u001B[3~");
            case UNKNOWN -> List.of();
        };
    }

    /** Types the keys through the terminal and the decoder into the session. */
    private static void type(Session session, Key... keys) throws Exception {
        for (Key key : keys) {
            List<Key> decoded = keyboard.decode(bytes(key).get(0));
            assertThat(decoded).containsExactly(key);
            session.press(decoded.get(0));
        }
    }

    private static void type(Session session, String text) throws Exception {
        type(session, Key.typed(text).toArray(Key[]::new));
    }

    @Test
    void everyFormOfEveryKeyDecodesToItsKey() throws Exception {
        int checked = 0;
        List<Binding> everyTable = new ArrayList<>(Bindings.all());
        everyTable.addAll(Bindings.list());
        for (Binding binding : everyTable) {
            for (Key key : binding.keys()) {
                if (key.equals(Key.ctrl('c'))) {
                    continue; // a signal, not a character, in raw mode: see ctrlCIsASignalNotAKeyInRawMode
                }
                for (String form : bytes(key)) {
                    assertThat(keyboard.decode(form))
                            .as("%s %s", binding.command(), Bindings.name(key))
                            .containsExactly(key);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    /** The sequences of keys the annotator does not use are dropped whole, not read as letters. */
    @Test
    void unusedAndUnknownSequencesAreDroppedWhole() throws Exception {
        assertThat(keyboard.decode("\u001BOPz")).containsExactly(Key.UNKNOWN, Key.of('z')); // F1
        assertThat(keyboard.decode("\u001B[15~z")).containsExactly(Key.UNKNOWN, Key.of('z')); // F5
        assertThat(keyboard.decode("\u001B[200~z")).containsExactly(Key.UNKNOWN, Key.of('z')); // paste start
        assertThat(keyboard.decode("\u001B[1;5Pz")).containsExactly(Key.UNKNOWN, Key.of('z')); // Ctrl-F1
        assertThat(keyboard.decode("\u001Bx")).containsExactly(Key.ESCAPE, Key.of('x')); // Alt-x
        assertThat(keyboard.decode("\u001B[")).containsExactly(Key.UNKNOWN); // cut short
        assertThat(keyboard.decode("\uD83D\uDE00\u00E9")).containsExactly(Key.of(0x1F600), Key.of(0xE9));
    }

    /** The Linux console's own sequences come from its terminfo entry (the hand decoder read F1 as "A"). */
    @Test
    void theLinuxConsolesFunctionKeysComeFromTerminfo() throws Exception {
        try (Keyboard linux = new Keyboard("linux")) {
            String f1 = org.jline.keymap.KeyMap.key(linux.terminal(), org.jline.utils.InfoCmp.Capability.key_f1);
            org.junit.jupiter.api.Assumptions.assumeTrue(f1 != null, "no terminfo entry for linux here");
            assertThat(linux.decode(f1 + "A")).containsExactly(Key.UNKNOWN, Key.of('A'));
            assertThat(linux.decode("\u001B\tz")).containsExactly(Key.BACK_TAB, Key.of('z'));
        }
    }

    @Test
    void ctrlCIsASignalNotAKeyInRawMode() throws Exception {
        // the loop quits on SIGINT; where Ctrl-C does arrive as a character, the table quits too
        assertThat(keyboard.decode("\u0003")).isEmpty();
        Session session = session("ctrl-c");
        session.press(Key.ctrl('c'));
        assertThat(session.quit()).isTrue();
    }

    @Test
    void everyKeyOfTheHelpDoesWhatTheHelpSays() throws Exception {
        List<String> done = new ArrayList<>();
        for (Binding binding : Bindings.all()) {
            for (Key key : binding.keys()) {
                if (key.equals(Key.ctrl('c'))) {
                    continue;
                }
                check(binding.command(), key);
                done.add(binding.command() + " " + Bindings.name(key));
            }
        }
        assertThat(done).hasSizeGreaterThan(40);
    }

    @Test
    void labelHotkeysLabelTheWordUnderTheCursor() throws Exception {
        Session session = session("hotkeys");
        List<Label> labels = session.state().activeLabelSet().orElseThrow().labels();
        for (Label label : labels) {
            String hotkey = SpanActions.hotkey(label).orElse(null);
            if (hotkey == null) {
                continue;
            }
            session.press(Key.of('g'));
            type(session, Key.of(hotkey.codePointAt(0)));
            assertThat(session.state().document().spans())
                    .as(hotkey)
                    .anyMatch(s -> s.start() == 0 && s.end() == 5 && s.label().equals(label.name()));
        }
    }

    /** A session on a fresh copy of the file, cursor on the 'o' of the second line's "Bob". */
    private Session session(String name) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        AnnotationFile file = Fixtures.file(folder, TEXT);
        file.update(
                "spans",
                doc -> doc.withSpan(Span.of("s1", BOB, BOB + 3, "PERSON"))
                        .withSpan(new Span("s2", PARIS, PARIS + 5, "LOCATION", null, "suggest", Fixtures.NOW, true)));
        Session session = Fixtures.session(file, 40, 8, true);
        while (session.state().cursor() < BOB + 1) {
            session.press(Key.RIGHT);
        }
        assertThat(session.state().cursor()).isEqualTo(BOB + 1);
        return session;
    }

    private void check(Command command, Key key) throws Exception {
        Session session = session(command + "-" + Bindings.name(key).replaceAll("\\W", "_"));
        TuiState before = session.state();
        int row = session.editor().layout(before).rowOf(before.cursor());
        String what = command + " by " + Bindings.name(key);
        if (Bindings.isCorpusOnly(command)) {
            // annotate tui FILE leaves these keys to label hotkeys; CorpusSessionTest shows what they do in a corpus
            assertThat(Bindings.command(key)).as(what).isEmpty();
            assertThat(Bindings.command(key, true)).as(what).contains(command);
            return;
        }
        switch (command) {
            case LABEL_NTH, SEARCH_AGAIN, CANCEL, ACCEPT, REJECT, ACCEPT_ALL, UNDO, REDO -> {
                // these need a state to act on first: set below
            }
            default -> type(session, key);
        }
        TuiState s = session.state();
        int cursorRow = session.editor().layout(s).rowOf(s.cursor());
        List<Span> spans = s.document().spans();
        switch (command) {
            case LEFT -> assertThat(s.cursor()).as(what).isEqualTo(BOB);
            case RIGHT -> assertThat(s.cursor()).as(what).isEqualTo(BOB + 2);
            case UP -> assertThat(cursorRow).as(what).isEqualTo(row - 1);
            case DOWN -> assertThat(cursorRow).as(what).isEqualTo(row + 1);
            case NEXT_WORD -> assertThat(s.cursor()).as(what).isEqualTo(BOB + 4);
            case PREVIOUS_WORD -> assertThat(s.cursor()).as(what).isEqualTo(BOB);
            case NEXT_SENTENCE -> assertThat(s.cursor()).as(what).isEqualTo(TEXT.indexOf("Then"));
            case PREVIOUS_SENTENCE -> assertThat(s.cursor()).as(what).isEqualTo(BOB);
            case NEXT_PAGE -> assertThat(cursorRow).as(what).isEqualTo(row + s.textRows() - 1);
            case PREVIOUS_PAGE -> assertThat(cursorRow).as(what).isZero();
            case ROW_START -> assertThat(s.cursor()).as(what).isEqualTo(BOB);
            case ROW_END ->
                assertThat(s.cursor())
                        .as(what)
                        .isGreaterThan(BOB + 1)
                        .isEqualTo(session.editor().layout(s).rowEnd(row) - 1);
            case DOCUMENT_START -> assertThat(s.cursor()).as(what).isZero();
            case DOCUMENT_END -> assertThat(s.cursor()).as(what).isEqualTo(TEXT.length() - 2);
            case NEXT_SPAN -> assertThat(s.cursor()).as(what).isEqualTo(PARIS);
            case PREVIOUS_SPAN -> assertThat(s.cursor()).as(what).isEqualTo(BOB);
            case SELECT -> assertThat(s.anchor()).as(what).isEqualTo(BOB + 1);
            case CANCEL -> {
                type(session, "vl");
                assertThat(session.state().hasSelection()).isTrue();
                type(session, key);
                assertThat(session.state().hasSelection()).as(what).isFalse();
                type(session, "/");
                type(session, key);
                assertThat(session.state().mode()).as(what + " at the prompt").isEqualTo(Mode.NORMAL);
            }
            case SEARCH -> {
                assertThat(s.mode()).as(what).isEqualTo(Mode.SEARCH);
                type(session, "Thxn");
                type(session, Key.BACKSPACE, Key.BACKSPACE);
                type(session, "en");
                type(session, Key.ENTER);
                assertThat(session.state().anchor()).as(what).isEqualTo(TEXT.indexOf("Then"));
                assertThat(session.state().cursor()).as(what).isEqualTo(TEXT.indexOf("Then") + 3);
            }
            case SEARCH_AGAIN -> {
                type(session, "/three");
                type(session, Key.ENTER);
                int first = session.state().anchor();
                type(session, key);
                assertThat(session.state().anchor()).as(what).isEqualTo(first + "Line three is here.\n".length());
            }
            case LABEL_NTH -> {
                type(session, Key.of('w')); // on "left"
                type(session, key);
                int n = key.codePoint() - '0';
                List<Label> labels = s.activeLabelSet().orElseThrow().labels();
                List<Span> after = session.state().document().spans();
                if (n <= labels.size()) {
                    assertThat(after)
                            .as(what)
                            .anyMatch(x -> x.start() == BOB + 4
                                    && x.end() == BOB + 8
                                    && x.label().equals(labels.get(n - 1).name()));
                } else {
                    assertThat(after).as(what + ": there is no label %d", n).hasSize(2);
                }
            }
            case NEXT_SET, PREVIOUS_SET -> assertThat(s.activeSet()).as(what).isEqualTo(1);
            case DELETE -> assertThat(spans).as(what).extracting(Span::id).containsExactly("s2");
            case RELABEL -> {
                assertThat(s.mode()).as(what).isEqualTo(Mode.RELABEL);
                type(session, "3");
                assertThat(session.state().document().span("s1").orElseThrow().label())
                        .as(what)
                        .isEqualTo("LOCATION");
            }
            case NOTE -> {
                assertThat(s.mode()).as(what).isEqualTo(Mode.NOTE);
                type(session, "xy");
                type(session, Key.ctrl('u'));
                type(session, "oks");
                type(session, Key.BACKSPACE, Key.ENTER);
                assertThat(session.state().document().span("s1").orElseThrow().note())
                        .as(what)
                        .isEqualTo("ok");
            }
            case ATTRIBUTE -> {
                assertThat(s.mode()).as(what).isEqualTo(Mode.ATTRIBUTE_NAME);
                type(session, "cert");
                type(session, Key.TAB); // the set declares no names and none is used yet: nothing to complete
                assertThat(session.state().input()).as(what).isEqualTo("cert");
                type(session, "ainty");
                type(session, Key.ENTER);
                assertThat(session.state().mode()).as(what).isEqualTo(Mode.ATTRIBUTE_VALUE);
                type(session, "low");
                type(session, Key.ENTER);
                assertThat(session.state().document().span("s1").orElseThrow().attributes())
                        .as(what)
                        .containsExactly(java.util.Map.entry("certainty", "low"));
            }
            case LINK -> {
                assertThat(s.mode()).as(what).isEqualTo(Mode.LINK);
                type(session, "nowhere:Q1");
                type(session, Key.ENTER);
                assertThat(session.state().mode())
                        .as(what + " refuses an undeclared prefix")
                        .isEqualTo(Mode.LINK);
                assertThat(session.state().message()).as(what).contains("prefix 'nowhere'");
                type(session, Key.ctrl('u'));
                type(session, "https://www.wikidata.org/wiki/Q1");
                type(session, Key.ENTER);
                assertThat(session.state().document().span("s1").orElseThrow().links())
                        .as(what)
                        .containsExactly("https://www.wikidata.org/wiki/Q1");
            }
            case RELATE -> {
                assertThat(s.mode()).as(what).isEqualTo(Mode.RELATE);
                type(session, "]"); // motions move to the target: Paris
                type(session, Key.ENTER);
                assertThat(session.state().mode()).as(what).isEqualTo(Mode.RELATION_TYPE);
                type(session, "went-to");
                type(session, Key.ENTER);
                assertThat(session.state().document().relations())
                        .as(what)
                        .extracting(r -> r.from() + " " + r.type() + " " + r.to())
                        .containsExactly("s1 went-to s2");
            }
            case ACCEPT, REJECT, ACCEPT_ALL -> {
                type(session, "]");
                type(session, key);
                List<Span> after = session.state().document().spans();
                if (command == Command.REJECT) {
                    assertThat(after).as(what).extracting(Span::id).containsExactly("s1");
                } else {
                    assertThat(after.get(1).suggestion()).as(what).isFalse();
                }
            }
            case UNDO, REDO -> {
                type(session, "x");
                type(session, command == Command.UNDO ? key : Key.of('u'));
                if (command == Command.REDO) {
                    type(session, key);
                }
                assertThat(session.state().document().spans())
                        .as(what)
                        .extracting(Span::id)
                        .containsExactly(command == Command.UNDO ? new String[] {"s1", "s2"} : new String[] {"s2"});
            }
            case REDRAW -> assertThat(session.takeRedraw()).as(what).isTrue();
            case HELP -> {
                assertThat(s.mode()).as(what).isEqualTo(Mode.HELP);
                type(session, "j");
                assertThat(session.state().helpTop()).as("j scrolls the help").isEqualTo(1);
                type(session, Key.PAGE_DOWN);
                type(session, "k");
                assertThat(session.state().helpTop())
                        .as("PgDn and k scroll the help")
                        .isGreaterThan(1);
                type(session, "x");
                assertThat(session.state().mode())
                        .as("any other key closes the help")
                        .isEqualTo(Mode.NORMAL);
                assertThat(session.state().document().spans()).hasSize(2);
            }
            case QUIT -> assertThat(session.quit()).as(what).isTrue();
            case LABEL_HOTKEY -> throw new AssertionError("label hotkeys have no fixed key");
        }
    }
}
