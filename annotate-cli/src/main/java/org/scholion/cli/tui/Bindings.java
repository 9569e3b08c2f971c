package org.scholion.cli.tui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of the annotator's keys: each command with its keys, its line in the help and its
 * heading. The {@link Editor} looks keys up here, {@link Help} prints it, and the keys a label's
 * own hotkey may not take ({@link #reserved}) come from it, so the three cannot drift apart.
 */
final class Bindings {

    /** The headings of the help, in order. */
    enum Group {
        MOVE("Move"),
        SELECT("Select and label"),
        SPANS("Spans under the cursor (a number picks one if several)"),
        FILE("File"),
        CORPUS("Documents (annotate tui DIR only)"),
        LIST("Document list");

        final String title;

        Group(String title) {
            this.title = title;
        }
    }

    /** What a key does in normal mode. */
    enum Command {
        LEFT,
        DOWN,
        UP,
        RIGHT,
        NEXT_WORD,
        PREVIOUS_WORD,
        NEXT_SENTENCE,
        PREVIOUS_SENTENCE,
        NEXT_PAGE,
        PREVIOUS_PAGE,
        ROW_START,
        ROW_END,
        DOCUMENT_START,
        DOCUMENT_END,
        NEXT_SPAN,
        PREVIOUS_SPAN,
        SELECT,
        CANCEL,
        SEARCH,
        SEARCH_AGAIN,
        LABEL_NTH,
        LABEL_HOTKEY,
        NEXT_SET,
        PREVIOUS_SET,
        DELETE,
        RELABEL,
        NOTE,
        ATTRIBUTE,
        LINK,
        RELATE,
        ACCEPT,
        REJECT,
        ACCEPT_ALL,
        UNDO,
        REDO,
        REDRAW,
        HELP,
        QUIT,
        NEXT_DOCUMENT,
        PREVIOUS_DOCUMENT,
        MARK_DONE,
        DOCUMENT_LIST,
        // the document list of annotate tui DIR
        LIST_UP,
        LIST_DOWN,
        LIST_PAGE_UP,
        LIST_PAGE_DOWN,
        LIST_FIRST,
        LIST_LAST,
        LIST_FILTER,
        LIST_OPEN,
        LIST_REDRAW,
        LIST_QUIT
    }

    /**
     * One row of the table.
     *
     * @param shown the keys as the help's line shows them ({@code arrows, h j k l}); empty when the
     *              command shares the line of the row before (as {@code b} in {@code w  b})
     * @param help  the help's text for the line; empty on a shared line
     */
    record Binding(Group group, Command command, List<Key> keys, String shown, String help) {
        Binding {
            keys = List.copyOf(keys);
        }
    }

    private static final List<Binding> TABLE = List.of(
            row(Group.MOVE, Command.LEFT, "arrows, h j k l", "left, down, up, right", ch('h'), Key.LEFT),
            row(Group.MOVE, Command.DOWN, "", "", ch('j'), Key.DOWN),
            row(Group.MOVE, Command.UP, "", "", ch('k'), Key.UP),
            row(Group.MOVE, Command.RIGHT, "", "", ch('l'), Key.RIGHT),
            row(Group.MOVE, Command.NEXT_WORD, "w  b", "next / previous word", ch('w')),
            row(Group.MOVE, Command.PREVIOUS_WORD, "", "", ch('b')),
            row(Group.MOVE, Command.NEXT_SENTENCE, ")  (", "next / previous sentence", ch(')')),
            row(Group.MOVE, Command.PREVIOUS_SENTENCE, "", "", ch('(')),
            row(
                    Group.MOVE,
                    Command.NEXT_PAGE,
                    "PgDn Ctrl-F Ctrl-D",
                    "next page",
                    Key.PAGE_DOWN,
                    Key.ctrl('f'),
                    Key.ctrl('d')),
            row(
                    Group.MOVE,
                    Command.PREVIOUS_PAGE,
                    "PgUp Ctrl-B Ctrl-U",
                    "previous page",
                    Key.PAGE_UP,
                    Key.ctrl('b'),
                    Key.ctrl('u')),
            row(Group.MOVE, Command.ROW_START, "Home  End", "start / end of the screen row", Key.HOME),
            row(Group.MOVE, Command.ROW_END, "", "", Key.END),
            row(Group.MOVE, Command.DOCUMENT_START, "g  G", "start / end of the document", ch('g')),
            row(Group.MOVE, Command.DOCUMENT_END, "", "", ch('G')),
            row(Group.MOVE, Command.NEXT_SPAN, "]  [", "next / previous span", ch(']')),
            row(Group.MOVE, Command.PREVIOUS_SPAN, "", "", ch('[')),
            row(Group.SELECT, Command.SELECT, "v", "start (or drop) a selection; moving extends it", ch('v')),
            row(Group.SELECT, Command.CANCEL, "Esc", "cancel the selection, prompt or choice", Key.ESCAPE),
            row(Group.SELECT, Command.SEARCH, "/ text Enter", "select the next match (lower case: any case)", ch('/')),
            row(Group.SELECT, Command.SEARCH_AGAIN, "n", "select the next match again", ch('n')),
            row(
                    Group.SELECT,
                    Command.LABEL_NTH,
                    "1-9",
                    "label the selection (or the word) with " + "the Nth label",
                    digits()),
            row(Group.SELECT, Command.LABEL_HOTKEY, "label hotkey", "the same with the label's own key (see legend)"),
            row(Group.SELECT, Command.NEXT_SET, "Tab  Shift-Tab", "next / previous label set", Key.TAB),
            row(Group.SELECT, Command.PREVIOUS_SET, "", "", Key.BACK_TAB),
            row(Group.SPANS, Command.DELETE, "x", "delete the span, or one of its relations", ch('x')),
            row(Group.SPANS, Command.RELABEL, "e", "relabel it: then press a label key", ch('e')),
            row(Group.SPANS, Command.NOTE, "c", "write or edit its note: Enter saves, Esc cancels", ch('c')),
            row(
                    Group.SPANS,
                    Command.ATTRIBUTE,
                    "t",
                    "set an attribute: name (Tab completes), Enter, value " + "(empty removes), Enter",
                    ch('t')),
            row(
                    Group.SPANS,
                    Command.LINK,
                    "@",
                    "add a link: PREFIX:ID (Tab completes the prefix) or IRI, Enter",
                    ch('@')),
            row(
                    Group.SPANS,
                    Command.RELATE,
                    ">",
                    "relate it to another span: move there, press the number of "
                            + "a relation type, or Enter to type one",
                    ch('>')),
            row(Group.SPANS, Command.ACCEPT, "a  r", "accept / reject the suggestion", ch('a')),
            row(Group.SPANS, Command.REJECT, "", "", ch('r')),
            row(Group.SPANS, Command.ACCEPT_ALL, "A", "accept all suggestions of its label", ch('A')),
            row(Group.FILE, Command.UNDO, "u  Ctrl-R", "undo / redo (the history is kept in the file)", ch('u')),
            row(Group.FILE, Command.REDO, "", "", Key.ctrl('r')),
            row(Group.FILE, Command.REDRAW, "Ctrl-L", "redraw the screen", Key.ctrl('l')),
            row(Group.FILE, Command.HELP, "?", "this help (j/k scroll, any other key closes)", ch('?')),
            row(Group.FILE, Command.QUIT, "q  Ctrl-C", "quit (every change is already saved)", ch('q'), Key.ctrl('c')),
            // bound only when a corpus is open, so that annotate tui FILE keeps these keys for labels
            row(Group.CORPUS, Command.NEXT_DOCUMENT, "N  P", "next / previous document of the list", ch('N')),
            row(Group.CORPUS, Command.PREVIOUS_DOCUMENT, "", "", ch('P')),
            row(Group.CORPUS, Command.MARK_DONE, "D", "mark the document done", ch('D')),
            row(Group.CORPUS, Command.DOCUMENT_LIST, "O", "back to the document list", ch('O')));

    /** The keys of the document list of {@code annotate tui DIR}. */
    private static final List<Binding> LIST_TABLE = List.of(
            row(Group.LIST, Command.LIST_UP, "arrows, k j", "previous / next document", Key.UP, ch('k')),
            row(Group.LIST, Command.LIST_DOWN, "", "", Key.DOWN, ch('j')),
            row(Group.LIST, Command.LIST_PAGE_UP, "PgUp  PgDn", "previous / next page", Key.PAGE_UP),
            row(Group.LIST, Command.LIST_PAGE_DOWN, "", "", Key.PAGE_DOWN),
            row(Group.LIST, Command.LIST_FIRST, "g Home G End", "first / last document", ch('g'), Key.HOME),
            row(Group.LIST, Command.LIST_LAST, "", "", ch('G'), Key.END),
            row(
                    Group.LIST,
                    Command.LIST_FILTER,
                    "/ text Enter",
                    "show only documents whose title, file or " + "status contains the text (Esc clears)",
                    ch('/')),
            row(Group.LIST, Command.LIST_OPEN, "Enter", "annotate the document", Key.ENTER),
            row(Group.LIST, Command.LIST_REDRAW, "Ctrl-L", "redraw the screen", Key.ctrl('l')),
            row(Group.LIST, Command.LIST_QUIT, "q  Ctrl-C", "quit", ch('q'), Key.ctrl('c')));

    private static final Map<Key, Command> BY_KEY = byKey(TABLE);
    private static final Map<Key, Command> LIST_BY_KEY = byKey(LIST_TABLE);

    private Bindings() {}

    private static Binding row(Group group, Command command, String shown, String help, Key... keys) {
        return new Binding(group, command, List.of(keys), shown, help);
    }

    private static Key ch(char c) {
        return Key.of(c);
    }

    private static Key[] digits() {
        Key[] keys = new Key[9];
        for (int i = 0; i < 9; i++) {
            keys[i] = Key.of('1' + i);
        }
        return keys;
    }

    /** Every key bound once, and named on its help line: the help cannot forget a key or list a wrong one. */
    private static Map<Key, Command> byKey(List<Binding> table) {
        Map<Key, Command> map = new HashMap<>();
        Set<String> named = Set.of();
        for (Binding b : table) {
            if (!b.shown().isEmpty()) {
                named = Set.of(b.shown().split("[\\s,]+"));
            }
            for (Key key : b.keys()) {
                String name = key.type() == Key.Type.CHAR && key.codePoint() >= '1' && key.codePoint() <= '9'
                        ? "1-9"
                        : switch (key.type()) {
                            case UP, DOWN, LEFT, RIGHT -> "arrows";
                            default -> name(key);
                        };
                if (!named.contains(name)) {
                    throw new IllegalStateException("the help line of " + b.command() + " does not name " + name);
                }
            }
            for (Key key : b.keys()) {
                Command before = map.put(key, b.command());
                if (before != null) {
                    throw new IllegalStateException(name(key) + " is bound to both " + before + " and " + b.command());
                }
            }
        }
        return Map.copyOf(map);
    }

    /** Every row of the annotator (with the rows for a corpus), in the order of the help. */
    static List<Binding> all() {
        return TABLE;
    }

    /** Every row of the document list. */
    static List<Binding> list() {
        return LIST_TABLE;
    }

    /** What the key does in normal mode of {@code annotate tui FILE}, if it is in the table (label hotkeys are not). */
    static Optional<Command> command(Key key) {
        return command(key, false);
    }

    /** What the key does in normal mode; the {@link Group#CORPUS} rows count only when a corpus is open. */
    static Optional<Command> command(Key key, boolean corpus) {
        Command command = BY_KEY.get(key);
        if (command != null && !corpus && isCorpusOnly(command)) {
            return Optional.empty();
        }
        return Optional.ofNullable(command);
    }

    /** What the key does in the document list. */
    static Optional<Command> listCommand(Key key) {
        return Optional.ofNullable(LIST_BY_KEY.get(key));
    }

    /** Whether the command is bound only while annotating a corpus. */
    static boolean isCorpusOnly(Command command) {
        return TABLE.stream().anyMatch(b -> b.command() == command && b.group() == Group.CORPUS);
    }

    /** The characters a label's hotkey may not be in {@code annotate tui FILE}. */
    static String reserved() {
        return reserved(false);
    }

    /**
     * The characters a label's hotkey may not be: every typed key of the table (those of the
     * corpus rows only when a corpus is open), and all digits.
     */
    static String reserved(boolean corpus) {
        StringBuilder b = new StringBuilder("0123456789");
        for (Binding binding : TABLE) {
            if (!corpus && binding.group() == Group.CORPUS) {
                continue;
            }
            for (Key key : binding.keys()) {
                if (key.isPrintable() && b.indexOf(Character.toString(key.codePoint())) < 0) {
                    b.appendCodePoint(key.codePoint());
                }
            }
        }
        return b.toString();
    }

    /** How the help and the guide name a key: {@code h}, {@code Ctrl-R}, {@code PgDn}, {@code Shift-Tab}. */
    static String name(Key key) {
        return switch (key.type()) {
            case CHAR ->
                key.isPrintable()
                        ? Character.toString(key.codePoint())
                        : key.codePoint() < 27
                                ? "Ctrl-" + (char) ('A' + key.codePoint() - 1)
                                : String.format(Locale.ROOT, "U+%04X", key.codePoint());
            case UP -> "Up";
            case DOWN -> "Down";
            case LEFT -> "Left";
            case RIGHT -> "Right";
            case PAGE_UP -> "PgUp";
            case PAGE_DOWN -> "PgDn";
            case HOME -> "Home";
            case END -> "End";
            case TAB -> "Tab";
            case BACK_TAB -> "Shift-Tab";
            case ENTER -> "Enter";
            case ESCAPE -> "Esc";
            case BACKSPACE -> "Backspace";
            case DELETE -> "Del";
            case UNKNOWN -> "?";
        };
    }

    /**
     * The help's lines: a heading per group ({@code Move:}), then one line per row that has help
     * text, the keys as shown first.
     */
    static List<String> helpLines() {
        return helpLines(false);
    }

    /** The help's lines, with those of the corpus rows when a corpus is open. */
    static List<String> helpLines(boolean corpus) {
        List<String> lines = new ArrayList<>();
        Group group = null;
        for (Binding b : TABLE) {
            if (!corpus && b.group() == Group.CORPUS) {
                continue;
            }
            if (b.group() != group) {
                group = b.group();
                lines.add(group.title + ":");
            }
            if (!b.help().isEmpty()) {
                lines.add(line(b.shown(), b.help()));
            }
        }
        return lines;
    }

    private static String line(String keys, String help) {
        return String.format(Locale.ROOT, "  %-19s %s", keys, help);
    }
}
