package org.scholion.cli.tui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.scholion.core.corpus.Status;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;

/**
 * The document list of {@code annotate tui DIR}: one row per document of the corpus with its
 * status, span count and title, a filter typed after {@code /}, and the keys of the
 * {@link Bindings#list()} table. Like the {@link Editor}, it maps a key to a new {@link State}
 * and does no I/O.
 */
final class DocumentList {
    private DocumentList() {}

    /**
     * One document of the list, as read when the list was made (or when it was last left).
     *
     * @param path        the annotation file
     * @param name        how the list names the file (its path below the corpus folder)
     * @param title       the document's title, else its id; the reader's message when it cannot be read
     * @param status      its status; null when it cannot be read
     * @param spans       accepted spans
     * @param suggestions suggested spans
     * @param problem     why it cannot be read; null when it can
     */
    record Entry(Path path, String name, String title, Status status, int spans, int suggestions, String problem) {
        Entry {
            if (path == null || name == null || title == null) {
                throw new IllegalArgumentException("an entry needs a path, a name and a title");
            }
            if ((status == null) == (problem == null)) {
                throw new IllegalArgumentException(name + ": an entry has either a status or a problem");
            }
        }

        /** The entry of a document that was read. */
        static Entry of(Path path, String name, AnnotatedDocument doc) {
            int suggested = 0;
            for (Span span : doc.spans()) {
                suggested += span.suggestion() ? 1 : 0;
            }
            String title = doc.document().title();
            Status status;
            try {
                status = Status.of(doc);
            } catch (IllegalArgumentException e) {
                return failed(path, name, name + ": " + e.getMessage());
            }
            return new Entry(
                    path,
                    name,
                    title == null || title.isBlank() ? doc.document().id() : title,
                    status,
                    doc.spans().size() - suggested,
                    suggested,
                    null);
        }

        /** The entry of a document that cannot be read. */
        static Entry failed(Path path, String name, String problem) {
            // the reader's message starts with the path, which is long; the list's name is enough
            String why = problem.startsWith(path + ":")
                    ? name + problem.substring(path.toString().length())
                    : problem;
            return new Entry(path, name, why, null, 0, 0, why);
        }

        boolean readable() {
            return problem == null;
        }

        String stage() {
            return readable() ? status.stage().label() : "unreadable";
        }

        /** Whether the filter (any case) is in its title, name or status. */
        boolean matches(String filter) {
            if (filter.isEmpty()) {
                return true;
            }
            String f = filter.toLowerCase(Locale.ROOT);
            return title.toLowerCase(Locale.ROOT).contains(f)
                    || name.toLowerCase(Locale.ROOT).contains(f)
                    || stage().contains(f);
        }
    }

    /**
     * The list on screen.
     *
     * @param entries   every document of the corpus, in its order
     * @param filter    the filter; empty shows every document
     * @param filtering whether keys are being typed into the filter
     * @param selected  index into {@code entries} of the highlighted document; -1 when none is shown
     * @param top       the first shown row, as a position among the documents that pass the filter
     * @param message   the last message; empty when none
     * @param error     whether the message reports a failure
     */
    record State(
            List<Entry> entries,
            String filter,
            boolean filtering,
            int selected,
            int top,
            int width,
            int height,
            String message,
            boolean error) {
        State {
            entries = List.copyOf(entries);
            filter = filter == null ? "" : filter;
            message = message == null ? "" : message;
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "window %dx%d is too small", width, height));
            }
            List<Integer> shown = visible(entries, filter);
            if (!shown.contains(selected)) {
                selected = shown.isEmpty() ? -1 : shown.get(0);
            }
            int rows = Math.max(1, height - 3);
            int at = Math.max(0, shown.indexOf(selected));
            top = Math.max(0, Math.min(top, Math.max(0, shown.size() - rows)));
            top = at < top ? at : at >= top + rows ? at - rows + 1 : top;
        }

        static State of(List<Entry> entries, int width, int height) {
            return new State(entries, "", false, 0, 0, width, height, "", false);
        }

        /** Indices into {@link #entries} of the documents the filter lets through, in order. */
        List<Integer> visible() {
            return visible(entries, filter);
        }

        private static List<Integer> visible(List<Entry> entries, String filter) {
            List<Integer> shown = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).matches(filter)) {
                    shown.add(i);
                }
            }
            return shown;
        }

        /** Rows of the window that show documents (below the heading, above the status and key lines). */
        int listRows() {
            return Math.max(1, height - 3);
        }

        State withSelected(int index) {
            return new State(entries, filter, filtering, index, top, width, height, "", false);
        }

        State withFilter(String text, boolean typing) {
            return new State(entries, text, typing, selected, top, width, height, "", false);
        }

        State withEntry(int index, Entry entry) {
            List<Entry> changed = new ArrayList<>(entries);
            changed.set(index, entry);
            return new State(changed, filter, filtering, selected, top, width, height, message, error);
        }

        State withSize(int w, int h) {
            return new State(entries, filter, filtering, selected, top, w, h, message, error);
        }

        State withMessage(String text, boolean isError) {
            return new State(entries, filter, filtering, selected, top, width, height, text, isError);
        }
    }

    /** What a key in the list asks for beyond the new state. */
    enum Outcome {
        NONE,
        OPEN,
        REDRAW,
        QUIT
    }

    record Step(State state, Outcome outcome) {}

    /** What the key does to the list. */
    static Step handle(State s, Key key) {
        if (s.filtering()) {
            return filterKey(s, key);
        }
        Bindings.Command command = Bindings.listCommand(key).orElse(null);
        if (command == null) {
            return new Step(s.withMessage("", false), Outcome.NONE);
        }
        List<Integer> shown = s.visible();
        int at = Math.max(0, shown.indexOf(s.selected()));
        int page = Math.max(1, s.listRows() - 1);
        return switch (command) {
            case LIST_UP -> move(s, shown, at - 1);
            case LIST_DOWN -> move(s, shown, at + 1);
            case LIST_PAGE_UP -> move(s, shown, at - page);
            case LIST_PAGE_DOWN -> move(s, shown, at + page);
            case LIST_FIRST -> move(s, shown, 0);
            case LIST_LAST -> move(s, shown, shown.size() - 1);
            case LIST_FILTER -> new Step(s.withFilter(s.filter(), true), Outcome.NONE);
            case LIST_OPEN -> open(s);
            case LIST_REDRAW -> new Step(s, Outcome.REDRAW);
            case LIST_QUIT -> new Step(s, Outcome.QUIT);
            default -> new Step(s, Outcome.NONE);
        };
    }

    private static Step open(State s) {
        if (s.selected() < 0) {
            return new Step(s.withMessage("no document matches the filter: / and Esc clears it", true), Outcome.NONE);
        }
        Entry entry = s.entries().get(s.selected());
        if (!entry.readable()) {
            return new Step(s.withMessage("cannot open: " + entry.problem(), true), Outcome.NONE);
        }
        return new Step(s, Outcome.OPEN);
    }

    private static Step move(State s, List<Integer> shown, int position) {
        if (shown.isEmpty()) {
            return new Step(s, Outcome.NONE);
        }
        return new Step(s.withSelected(shown.get(Math.max(0, Math.min(shown.size() - 1, position)))), Outcome.NONE);
    }

    /** A key typed into the filter: the list narrows as it is typed. */
    private static Step filterKey(State s, Key key) {
        String f = s.filter();
        return switch (key.type()) {
            case ESCAPE -> new Step(s.withFilter("", false), Outcome.NONE);
            case ENTER -> new Step(s.withFilter(f, false), Outcome.NONE);
            case BACKSPACE ->
                new Step(
                        s.withFilter(f.isEmpty() ? f : f.substring(0, f.offsetByCodePoints(f.length(), -1)), true),
                        Outcome.NONE);
            case UP, DOWN -> {
                Step moved = handle(s.withFilter(f, false), key);
                yield new Step(moved.state().withFilter(f, true), Outcome.NONE);
            }
            default ->
                key.equals(Key.ctrl('u'))
                        ? new Step(s.withFilter("", true), Outcome.NONE)
                        : key.isPrintable() && f.length() < 200
                                ? new Step(s.withFilter(f + Character.toString(key.codePoint()), true), Outcome.NONE)
                                : new Step(s, Outcome.NONE);
        };
    }

    // ---------------------------------------------------------------- drawing

    private static final AttributedStyle BAR = AttributedStyle.DEFAULT.inverse();
    private static final int STAGE = 11; // "in-progress"
    private static final int COUNT = 8;

    /** The list as window rows: a heading, the documents, a status line and a line of keys. */
    static ScreenRenderer.Screen render(State s) {
        List<AttributedString> lines = new ArrayList<>(s.height());
        int w = s.width();
        int nameWidth = Math.min(
                s.entries().stream()
                        .mapToInt(e -> ScreenCells.width(ScreenCells.safe(e.name())))
                        .max()
                        .orElse(4),
                Math.max(4, w / 3));
        int titleWidth = Math.max(1, w - 2 - STAGE - 1 - COUNT - 2 - 1 - nameWidth);
        lines.add(new AttributedString(
                ScreenCells.fit(row("  ", "status", "spans", "title", titleWidth, "file", nameWidth), w),
                AttributedStyle.BOLD));
        List<Integer> shown = s.visible();
        int cursorRow = 0;
        for (int r = 0; r < s.listRows(); r++) {
            int position = s.top() + r;
            if (position >= shown.size()) {
                lines.add(AttributedString.EMPTY);
                continue;
            }
            int index = shown.get(position);
            Entry e = s.entries().get(index);
            boolean here = index == s.selected();
            String count = !e.readable()
                    ? ""
                    : e.suggestions() == 0 ? Integer.toString(e.spans()) : e.spans() + "+" + e.suggestions() + "?";
            String text = row(
                    here ? "> " : "  ",
                    e.stage(),
                    count,
                    ScreenCells.safe(e.title()),
                    titleWidth,
                    ScreenCells.safe(e.name()),
                    nameWidth);
            AttributedStyle style = here
                    ? AttributedStyle.DEFAULT.inverse()
                    : e.readable() ? AttributedStyle.DEFAULT : AttributedStyle.DEFAULT.faint();
            lines.add(new AttributedString(ScreenCells.fit(text, w), style));
            if (here) {
                cursorRow = lines.size() - 1;
            }
        }
        String status = s.filtering() ? "/" + ScreenCells.safe(s.filter()) : status(s, shown.size());
        lines.add(bar(status, w, s.error()));
        lines.add(new AttributedString(ScreenCells.fit(
                "Enter annotate  / filter  q quit  " + "(in a document: N P next/previous, D done, O this list)",
                Math.max(1, w - 1))));
        int cursorColumn = 0;
        if (s.filtering()) {
            cursorRow = lines.size() - 2;
            cursorColumn = Math.min(w - 1, ScreenCells.width(ScreenCells.fit(status, w - 1)));
        }
        if (lines.size() > s.height()) { // a tiny window keeps the list's end, status and keys
            lines = lines.subList(lines.size() - s.height(), lines.size());
            cursorRow = Math.max(0, cursorRow - (s.listRows() + 3 - s.height()));
        }
        return new ScreenRenderer.Screen(lines, Math.min(cursorRow, s.height() - 1), cursorColumn);
    }

    private static String row(
            String mark, String stage, String count, String title, int titleWidth, String name, int nameWidth) {
        return mark + pad(stage, STAGE) + " " + " ".repeat(Math.max(0, COUNT - count.length())) + count + "  "
                + pad(title, titleWidth) + " " + ScreenCells.fit(name, nameWidth);
    }

    /** The documents counted by status, the filter and the last message. */
    private static String status(State s, int shown) {
        Map<Status.Stage, Integer> stages = new EnumMap<>(Status.Stage.class);
        int unreadable = 0;
        for (Entry e : s.entries()) {
            if (e.readable()) {
                stages.merge(e.status().stage(), 1, Integer::sum);
            } else {
                unreadable++;
            }
        }
        StringBuilder b = new StringBuilder();
        b.append(s.entries().size()).append(s.entries().size() == 1 ? " document" : " documents");
        List<String> parts = new ArrayList<>();
        stages.forEach((stage, n) -> parts.add(n + " " + stage.label()));
        if (unreadable > 0) {
            parts.add(unreadable + " unreadable");
        }
        if (!parts.isEmpty()) {
            b.append(": ").append(String.join(", ", parts));
        }
        if (!s.filter().isEmpty()) {
            b.append(" | filter \u201C")
                    .append(ScreenCells.safe(s.filter()))
                    .append("\u201D: ")
                    .append(shown)
                    .append(" shown");
        }
        if (!s.message().isEmpty()) {
            b.append(" | ").append(ScreenCells.safe(s.message()));
        }
        return b.toString();
    }

    private static String pad(String s, int columns) {
        String fitted = ScreenCells.fit(s, columns);
        return fitted + " ".repeat(Math.max(0, columns - ScreenCells.width(fitted)));
    }

    private static AttributedString bar(String text, int width, boolean error) {
        String shown = ScreenCells.fit(text, width);
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.append(shown, error ? BAR.bold() : BAR);
        int pad = width - ScreenCells.width(shown);
        if (pad > 0) {
            b.append(" ".repeat(pad), BAR);
        }
        return b.toAttributedString();
    }
}
