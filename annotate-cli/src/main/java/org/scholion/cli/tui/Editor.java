package org.scholion.cli.tui;

import java.text.BreakIterator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scholion.cli.tui.TuiState.Action;
import org.scholion.cli.tui.TuiState.Mode;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.core.text.Tokens;

/**
 * The terminal annotator's controller: what each key does to the {@link TuiState}, and which
 * {@link Effect}s (saves, undo, quit) it asks for. It does no I/O, so tests can drive it key by key.
 */
public final class Editor {
    /** Keys with a fixed meaning; a label hotkey equal to one of them is ignored. */
    public static final String RESERVED_KEYS = "hjklwbgGvnuxecqarA?/()[]0123456789";

    private final String annotator;
    private final Clock clock;
    private final boolean bracketed;

    private String cachedString;
    private int[] cachedCodePoints;
    private boolean[] cachedJoined;
    private Layout cachedLayout;
    private List<Span> cachedLayoutSpans;
    private BreakIterator sentences;

    /**
     * @param annotator who is recorded on new spans
     * @param clock     when they are made
     * @param bracketed whether spans are drawn with brackets (no colour), which take cells
     */
    public Editor(String annotator, Clock clock, boolean bracketed) {
        this.annotator = annotator;
        this.clock = clock;
        this.bracketed = bracketed;
    }

    /** The result of one key: the new state and what to do about it. */
    public record Step(TuiState state, List<Effect> effects) {
        public Step {
            effects = List.copyOf(effects);
        }

        static Step of(TuiState state, Effect... effects) {
            return new Step(state, List.of(effects));
        }
    }

    public boolean bracketed() {
        return bracketed;
    }

    /** The code points of the document's text (cached while the text stays the same). */
    int[] codePoints(AnnotatedDocument doc) {
        String s = doc.document().text();
        if (s != cachedString) {
            cachedString = s;
            cachedCodePoints = s.codePoints().toArray();
            cachedJoined = Graphemes.joined(s, cachedCodePoints);
            cachedLayout = null;
            sentences = null;
        }
        return cachedCodePoints;
    }

    /** The document wrapped to the state's window width. */
    Layout layout(TuiState s) {
        int[] cps = codePoints(s.document());
        List<Span> spans = bracketed ? s.document().spans() : null;
        if (cachedLayout == null || cachedLayout.width != s.width() || cachedLayoutSpans != spans) {
            cachedLayout = Layout.of(cps, cachedJoined, s.width(), spans);
            cachedLayoutSpans = spans;
        }
        return cachedLayout;
    }

    /** The state after the window changed size: the same text stays in view, rewrapped. */
    public TuiState resize(TuiState s, int width, int height) {
        return scroll(s.withSize(Math.max(1, width), Math.max(1, height)));
    }

    /** The state after the document was replaced (saved, undone, reloaded): cursor kept in the text. */
    public TuiState replaceDocument(TuiState s, AnnotatedDocument doc) {
        TuiState next = s.withDocument(doc);
        Layout layout = layout(next);
        next = next.withCursor(layout.stopAt(next.cursor()), next.anchor() >= 0 ? layout.stopAt(next.anchor()) : -1);
        if (next.mode() == Mode.CHOOSE || next.mode() == Mode.RELABEL || next.mode() == Mode.NOTE) {
            boolean gone = next.candidates().stream().anyMatch(id -> doc.span(id).isEmpty());
            if (gone) {
                next = next.normal();
            }
        }
        return scroll(next);
    }

    public Step handle(TuiState s, Key key) {
        Step step = switch (s.mode()) {
            case NORMAL -> normal(s.withMessage(""), key);
            case SEARCH -> prompt(s, key, true);
            case NOTE -> prompt(s, key, false);
            case CHOOSE -> choose(s, key);
            case RELABEL -> relabel(s, key);
            case HELP -> help(s, key);
        };
        return new Step(scroll(step.state()), step.effects());
    }

    // ---------------------------------------------------------------- normal mode

    private Step normal(TuiState before, Key key) {
        int goal = before.goalColumn();
        TuiState s = before.withGoalColumn(-1);
        Layout layout = layout(s);
        switch (key.type()) {
            case LEFT: return move(s, layout.previousStop(s.cursor()));
            case RIGHT: return move(s, layout.nextStop(s.cursor()));
            case UP: return vertical(s, layout, -1, goal);
            case DOWN: return vertical(s, layout, 1, goal);
            case PAGE_UP: return page(s, layout, -1, goal);
            case PAGE_DOWN: return page(s, layout, 1, goal);
            case HOME: return move(s, layout.stopAt(layout.rowStart(layout.rowOf(s.cursor()))));
            case END: return move(s, layout.stopAtColumn(layout.rowOf(s.cursor()), Integer.MAX_VALUE));
            case TAB: return switchSet(s, 1);
            case BACK_TAB: return switchSet(s, -1);
            case ESCAPE: return Step.of(s.withCursor(s.cursor(), -1));
            case CHAR: break;
            default: return Step.of(s);
        }
        int c = key.codePoint();
        if (c == ctrl('r')) {
            return Step.of(s, new Effect.Redo());
        }
        if (c == ctrl('l')) {
            return Step.of(s, new Effect.Redraw());
        }
        if (c == ctrl('c')) {
            return Step.of(s, new Effect.Quit());
        }
        if (c == ctrl('d') || c == ctrl('f')) {
            return page(s, layout, 1, goal);
        }
        if (c == ctrl('u') || c == ctrl('b')) {
            return page(s, layout, -1, goal);
        }
        switch (c) {
            case 'h': return move(s, layout.previousStop(s.cursor()));
            case 'l': return move(s, layout.nextStop(s.cursor()));
            case 'k': return vertical(s, layout, -1, goal);
            case 'j': return vertical(s, layout, 1, goal);
            case 'w': return move(s, nextWord(s, layout));
            case 'b': return move(s, previousWord(s, layout));
            case ')': return move(s, nextSentence(s, layout));
            case '(': return move(s, previousSentence(s, layout));
            case 'g': return move(s, layout.stopAt(0));
            case 'G': return move(s, layout.lastStop());
            case ']': return move(s, nextSpan(s, layout, true));
            case '[': return move(s, nextSpan(s, layout, false));
            case 'v': return Step.of(s.hasSelection() ? s.withCursor(s.cursor(), -1)
                    : s.withCursor(s.cursor(), s.cursor()).withMessage("selecting: move to extend, a label key labels, Esc cancels"));
            case '/': return Step.of(s.withMode(Mode.SEARCH, "", Action.NONE, List.of()));
            case 'n': return s.lastSearch().isEmpty() ? Step.of(s.withError("no search yet: press / to search"))
                    : search(s, s.lastSearch());
            case 'u': return Step.of(s, new Effect.Undo());
            case 'q': return Step.of(s, new Effect.Quit());
            case '?': return Step.of(s.withMode(Mode.HELP, "", Action.NONE, List.of()).withHelpTop(0));
            case 'x': return pick(s, Action.DELETE, spansUnderCursor(s, false));
            case 'e': return pick(s, Action.RELABEL, spansUnderCursor(s, false));
            case 'c': return pick(s, Action.NOTE, spansUnderCursor(s, false));
            case 'a': return pick(s, Action.ACCEPT, spansUnderCursor(s, true));
            case 'r': return pick(s, Action.REJECT, spansUnderCursor(s, true));
            case 'A': return pick(s, Action.ACCEPT_ALL, spansUnderCursor(s, true));
            default: break;
        }
        Optional<Label> label = labelForKey(s, c);
        if (label.isPresent()) {
            return label(s, label.get());
        }
        return Step.of(s);
    }

    private static int ctrl(char letter) {
        return letter - 'a' + 1;
    }

    private Step move(TuiState s, int cursor) {
        return Step.of(s.withCursor(cursor, s.anchor()));
    }

    private Step switchSet(TuiState s, int delta) {
        if (s.document().labelSets().isEmpty()) {
            return Step.of(s.withError("the document has no label sets"));
        }
        TuiState next = s.withActiveSet(s.activeSet() + delta);
        return Step.of(next.withMessage("label set: " + next.activeLabelSet().orElseThrow().name()));
    }

    /** Up or down by rows, keeping to the goal column (the one the vertical moves started from). */
    private Step vertical(TuiState s, Layout layout, int delta, int goal) {
        int column = goal >= 0 ? goal : layout.columnOf(s.cursor());
        int row = layout.rowOf(s.cursor());
        int target = Math.max(0, Math.min(layout.rows() - 1, row + delta));
        int cursor = target == row ? s.cursor() : layout.stopAtColumn(target, column);
        return Step.of(s.withCursor(cursor, s.anchor()).withGoalColumn(column));
    }

    private Step page(TuiState s, Layout layout, int direction, int goal) {
        int column = goal >= 0 ? goal : layout.columnOf(s.cursor());
        int rows = Math.max(1, s.textRows() - 1) * direction;
        int row = layout.rowOf(s.cursor());
        int target = Math.max(0, Math.min(layout.rows() - 1, row + rows));
        int topRow = Math.max(0, Math.min(layout.rows() - 1, layout.rowOf(s.top()) + rows));
        int cursor = layout.stopAtColumn(target, column);
        return Step.of(s.withCursor(cursor, s.anchor()).withTop(layout.rowStart(topRow)).withGoalColumn(column));
    }

    /** Keeps the cursor's row in view, and the view filled when the text allows. */
    private TuiState scroll(TuiState s) {
        Layout layout = layout(s);
        int rows = s.textRows();
        int topRow = layout.rowOf(s.top());
        int cursorRow = layout.rowOf(s.cursor());
        if (cursorRow < topRow) {
            topRow = cursorRow;
        } else if (cursorRow >= topRow + rows) {
            topRow = cursorRow - rows + 1;
        }
        topRow = Math.max(0, Math.min(topRow, layout.rows() - rows));
        int top = layout.rowStart(topRow);
        return top == s.top() ? s : s.withTop(top);
    }

    // ---------------------------------------------------------------- words, sentences, spans

    static boolean isWordChar(int cp) {
        return Tokens.isWordChar(cp);
    }

    private int nextWord(TuiState s, Layout layout) {
        int[] cps = layout.cps;
        int i = s.cursor();
        while (i < cps.length && isWordChar(cps[i])) {
            i++;
        }
        while (i < cps.length && !isWordChar(cps[i])) {
            i++;
        }
        return i >= cps.length ? layout.lastStop() : layout.stopAt(i);
    }

    private int previousWord(TuiState s, Layout layout) {
        int[] cps = layout.cps;
        int i = s.cursor() - 1;
        while (i > 0 && !isWordChar(cps[i])) {
            i--;
        }
        while (i > 0 && isWordChar(cps[i - 1])) {
            i--;
        }
        return layout.stopAt(Math.max(0, i));
    }

    /** The word at code point {@code i}: letters, digits and marks, with inner hyphens; null if none. */
    static int[] wordAt(int[] cps, int i) {
        if (i < 0 || i >= cps.length || !isWordChar(cps[i])) {
            return null;
        }
        int start = i;
        while (start > 0 && (isWordChar(cps[start - 1])
                || (isHyphen(cps[start - 1]) && start > 1 && isWordChar(cps[start - 2])))) {
            start--;
        }
        int end = i + 1;
        while (end < cps.length && (isWordChar(cps[end])
                || (isHyphen(cps[end]) && end + 1 < cps.length && isWordChar(cps[end + 1])))) {
            end++;
        }
        return new int[] {start, end};
    }

    private static boolean isHyphen(int cp) {
        return cp == '-' || cp == 0x2010 || cp == 0x2011;
    }

    private BreakIterator sentences(TuiState s) {
        codePoints(s.document());
        if (sentences == null) {
            sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
            sentences.setText(s.document().document().text());
        }
        return sentences;
    }

    /** The first stop at or after code point {@code i} that is not white space. */
    private static int skipSpace(Layout layout, int i) {
        int[] cps = layout.cps;
        while (i < cps.length && Character.isWhitespace(cps[i])) {
            i++;
        }
        return i;
    }

    private int nextSentence(TuiState s, Layout layout) {
        CodePointText text = s.document().text();
        if (text.isEmpty()) {
            return 0;
        }
        BreakIterator it = sentences(s);
        int boundary = it.following(text.toCharIndex(s.cursor()));
        while (boundary != BreakIterator.DONE) {
            int at = skipSpace(layout, text.toCodePointIndex(boundary));
            if (at < layout.cps.length && at > s.cursor()) {
                return layout.stopAt(at);
            }
            boundary = it.next();
        }
        return layout.lastStop();
    }

    private int previousSentence(TuiState s, Layout layout) {
        CodePointText text = s.document().text();
        if (text.isEmpty()) {
            return 0;
        }
        BreakIterator it = sentences(s);
        int charIndex = text.toCharIndex(s.cursor());
        int boundary = it.preceding(charIndex + 1 <= text.string().length() ? charIndex + 1 : charIndex);
        while (boundary != BreakIterator.DONE) {
            int at = skipSpace(layout, text.toCodePointIndex(boundary));
            if (at < s.cursor()) {
                return layout.stopAt(at);
            }
            if (boundary == 0) {
                break;
            }
            boundary = it.preceding(boundary);
        }
        return layout.stopAt(0);
    }

    private int nextSpan(TuiState s, Layout layout, boolean forward) {
        List<Span> spans = s.document().spans();
        if (forward) {
            for (Span span : spans) {
                if (span.start() > s.cursor()) {
                    return layout.stopAt(span.start());
                }
            }
        } else {
            for (int i = spans.size() - 1; i >= 0; i--) {
                if (spans.get(i).start() < s.cursor()) {
                    return layout.stopAt(spans.get(i).start());
                }
            }
        }
        return s.cursor();
    }

    // ---------------------------------------------------------------- labelling

    /** The label a key applies in the active set: 1–9 by position, or the label's own hotkey. */
    static Optional<Label> labelForKey(TuiState s, int c) {
        Optional<LabelSet> set = s.activeLabelSet();
        if (set.isEmpty()) {
            return Optional.empty();
        }
        List<Label> labels = set.get().labels();
        if (c >= '1' && c <= '9') {
            int index = c - '1';
            return index < labels.size() ? Optional.of(labels.get(index)) : Optional.empty();
        }
        for (Label label : labels) {
            if (hotkey(label).isPresent() && hotkey(label).get().codePointAt(0) == c) {
                return Optional.of(label);
            }
        }
        return Optional.empty();
    }

    /** The label's hotkey, unless it clashes with a reserved key. */
    static Optional<String> hotkey(Label label) {
        String key = label.key();
        if (key == null || RESERVED_KEYS.contains(key) || Character.isISOControl(key.codePointAt(0))) {
            return Optional.empty();
        }
        return Optional.of(key);
    }

    /** The selected range {@code [start, end)}, or the word under the cursor; null if neither. */
    int[] target(TuiState s, Layout layout) {
        if (s.hasSelection()) {
            int from = Math.min(s.anchor(), s.cursor());
            int to = Math.max(s.anchor(), s.cursor());
            int start = from;
            int end = layout.endOfStop(to);
            int[] cps = layout.cps;
            while (start < end && Character.isWhitespace(cps[start])) {
                start++;
            }
            while (end > start && Character.isWhitespace(cps[end - 1])) {
                end--;
            }
            return start < end ? new int[] {start, end} : null;
        }
        return wordAt(layout.cps, s.cursor());
    }

    private Step label(TuiState s, Label label) {
        Layout layout = layout(s);
        int[] range = target(s, layout);
        if (range == null) {
            return Step.of(s.withError(s.hasSelection() ? "the selection holds only white space"
                    : "no word under the cursor: select with v first"));
        }
        int start = range[0];
        int end = range[1];
        String name = label.name();
        Optional<Span> same = s.document().spans().stream()
                .filter(x -> x.start() == start && x.end() == end && x.label().equals(name)).findFirst();
        TuiState next = s.withCursor(s.cursor(), -1);
        if (same.isPresent() && !same.get().suggestion()) {
            return Step.of(next.withError(String.format(Locale.ROOT, "already labelled %s (%s)", name, same.get().id())));
        }
        if (same.isPresent()) {
            return accept(next, same.get());
        }
        String who = annotator;
        Instant when = clock.instant();
        String summary = String.format(Locale.ROOT, "label %d:%d %s", start, end, name);
        return Step.of(next, new Effect.Save(summary, doc -> doc.withSpan(
                new Span(doc.nextSpanId(), start, end, name, null, who, when, false))));
    }

    // ---------------------------------------------------------------- span actions

    private List<Span> spansUnderCursor(TuiState s, boolean suggestionsOnly) {
        List<Span> found = new ArrayList<>();
        int end = layout(s).endOfStop(s.cursor());
        for (Span span : s.document().spans()) {
            if (span.start() >= end) {
                break;
            }
            if (span.end() > s.cursor() && (!suggestionsOnly || span.suggestion())) {
                found.add(span);
            }
        }
        // innermost first: the one drawn on top is the one most likely meant
        found.sort(Span.ORDER.reversed());
        return found;
    }

    private Step pick(TuiState s, Action action, List<Span> spans) {
        if (spans.isEmpty()) {
            boolean suggestions = action == Action.ACCEPT || action == Action.REJECT || action == Action.ACCEPT_ALL;
            return Step.of(s.withError(suggestions ? "no suggestion under the cursor" : "no span under the cursor"));
        }
        if (spans.size() == 1) {
            return act(s, action, spans.get(0));
        }
        List<String> ids = spans.stream().limit(9).map(Span::id).toList();
        return Step.of(s.withMode(Mode.CHOOSE, "", action, ids));
    }

    private Step act(TuiState s, Action action, Span span) {
        String id = span.id();
        return switch (action) {
            case DELETE -> Step.of(s.normal(), new Effect.Save("delete " + id + " " + span.label(),
                    doc -> doc.withoutSpans(List.of(existing(doc, id).id()))));
            case RELABEL -> Step.of(s.withMode(Mode.RELABEL, "", Action.RELABEL, List.of(id)));
            case NOTE -> Step.of(s.withMode(Mode.NOTE, span.note() == null ? "" : span.note(), Action.NOTE, List.of(id)));
            case ACCEPT -> accept(s.normal(), span);
            case REJECT -> Step.of(s.normal(), new Effect.Save("reject " + id + " " + span.label(),
                    doc -> doc.withoutSpans(List.of(existing(doc, id).id()))));
            case ACCEPT_ALL -> acceptAll(s.normal(), span.label());
            case NONE -> Step.of(s.normal());
        };
    }

    private Step accept(TuiState s, Span span) {
        String id = span.id();
        String who = annotator;
        Instant when = clock.instant();
        return Step.of(s, new Effect.Save("accept " + id + " " + span.label(),
                doc -> doc.withSpanReplaced(existing(doc, id).withSuggestion(false).withAnnotator(who, when))));
    }

    private Step acceptAll(TuiState s, String label) {
        String who = annotator;
        Instant when = clock.instant();
        return Step.of(s, new Effect.Save("accept all suggestions of " + label, doc -> {
            AnnotatedDocument.Builder builder = AnnotatedDocument.builder(doc.document()).labelSets(doc.labelSets());
            for (Span span : doc.spans()) {
                builder.span(span.suggestion() && span.label().equals(label)
                        ? span.withSuggestion(false).withAnnotator(who, when) : span);
            }
            doc.relations().forEach(builder::relation);
            return builder.build();
        }));
    }

    private static Span existing(AnnotatedDocument doc, String id) {
        return doc.span(id).orElseThrow(() -> new IllegalArgumentException(
                "span " + id + " is gone (the file was changed by someone else)"));
    }

    private Step choose(TuiState s, Key key) {
        if (key.type() == Key.Type.ESCAPE || key.is('q')) {
            return Step.of(s.normal().withMessage("cancelled"));
        }
        if (key.type() == Key.Type.CHAR && key.codePoint() >= '1' && key.codePoint() <= '9') {
            int index = key.codePoint() - '1';
            if (index < s.candidates().size()) {
                Optional<Span> span = s.document().span(s.candidates().get(index));
                if (span.isPresent()) {
                    return act(s.normal(), s.action(), span.get());
                }
            }
        }
        return Step.of(s.withError("press the number of a span, or Esc to cancel"));
    }

    private Step relabel(TuiState s, Key key) {
        if (key.type() == Key.Type.ESCAPE) {
            return Step.of(s.normal().withMessage("cancelled"));
        }
        if (key.type() == Key.Type.TAB || key.type() == Key.Type.BACK_TAB) {
            TuiState next = s.withActiveSet(s.activeSet() + (key.type() == Key.Type.TAB ? 1 : -1));
            return Step.of(next.withMessage("label set: " + next.activeLabelSet().map(LabelSet::name).orElse("")));
        }
        Optional<Label> label = key.type() == Key.Type.CHAR ? labelForKey(s, key.codePoint()) : Optional.empty();
        if (label.isEmpty()) {
            return Step.of(s.withError("press a label key (1-9 or a hotkey), Tab for the next set, Esc to cancel"));
        }
        String id = s.candidates().get(0);
        String name = label.get().name();
        return Step.of(s.normal(), new Effect.Save("relabel " + id + " as " + name,
                doc -> doc.withSpanReplaced(existing(doc, id).withLabel(name))));
    }

    // ---------------------------------------------------------------- prompts: search and note

    private Step prompt(TuiState s, Key key, boolean searching) {
        switch (key.type()) {
            case ESCAPE:
                return Step.of(s.normal().withMessage("cancelled"));
            case BACKSPACE:
                String in = s.input();
                return Step.of(s.withInput(in.isEmpty() ? in : in.substring(0, in.offsetByCodePoints(in.length(), -1))));
            case ENTER:
                return searching ? search(s.normal(), s.input()) : saveNote(s);
            case TAB:
                return Step.of(s.withInput(s.input() + ' '));
            default:
                break;
        }
        if (key.is(ctrl('u'))) {
            return Step.of(s.withInput(""));
        }
        if (key.isPrintable() && s.input().length() < 1000) {
            return Step.of(s.withInput(s.input() + Character.toString(key.codePoint())));
        }
        return Step.of(s);
    }

    private Step saveNote(TuiState s) {
        String id = s.candidates().get(0);
        String note = s.input().strip();
        String summary = (note.isEmpty() ? "remove note of " : "note ") + id;
        return Step.of(s.normal(), new Effect.Save(summary,
                doc -> doc.withSpanReplaced(existing(doc, id).withNote(note.isEmpty() ? null : note))));
    }

    /** Selects the next match of {@code query} after the cursor, wrapping around; smart case. */
    private Step search(TuiState s, String query) {
        if (query.isEmpty()) {
            return Step.of(s);
        }
        TuiState next = s.withLastSearch(query);
        boolean ignoreCase = query.equals(query.toLowerCase(Locale.ROOT));
        Pattern pattern = Pattern.compile(Pattern.quote(query),
                ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        CodePointText text = s.document().text();
        if (text.isEmpty()) {
            return Step.of(next.withError("not found: " + query));
        }
        Matcher m = pattern.matcher(text.string());
        int from = text.toCharIndex(Math.min(text.length(), s.cursor() + 1));
        boolean found = m.find(from);
        boolean wrapped = false;
        if (!found) {
            found = m.find(0);
            wrapped = true;
        }
        while (found && (m.end() == m.start() || insidePair(text.string(), m.start()) || insidePair(text.string(), m.end()))) {
            found = m.find();
        }
        if (!found) {
            return Step.of(next.withError("not found: " + query));
        }
        Layout layout = layout(next);
        int start = text.toCodePointIndex(m.start());
        int end = text.toCodePointIndex(m.end());
        TuiState selected = next.withCursor(layout.stopAt(end - 1), layout.stopAt(start));
        return Step.of(selected.withMessage((wrapped ? "search wrapped: " : "found: ") + query));
    }

    private static boolean insidePair(String s, int charIndex) {
        return charIndex > 0 && charIndex < s.length() && Character.isLowSurrogate(s.charAt(charIndex))
                && Character.isHighSurrogate(s.charAt(charIndex - 1));
    }

    // ---------------------------------------------------------------- help

    private Step help(TuiState s, Key key) {
        int lines = Help.lines(s).size();
        int page = Math.max(1, s.textRows() - 1);
        int top = s.helpTop();
        if (key.type() == Key.Type.DOWN || key.is('j')) {
            top++;
        } else if (key.type() == Key.Type.UP || key.is('k')) {
            top--;
        } else if (key.type() == Key.Type.PAGE_DOWN || key.is(' ')) {
            top += page;
        } else if (key.type() == Key.Type.PAGE_UP) {
            top -= page;
        } else {
            return Step.of(s.normal().withHelpTop(0));
        }
        return Step.of(s.withHelpTop(Math.max(0, Math.min(top, lines - s.textRows()))));
    }
}
