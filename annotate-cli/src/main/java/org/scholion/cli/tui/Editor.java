package org.scholion.cli.tui;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.scholion.cli.tui.TuiState.Action;
import org.scholion.cli.tui.TuiState.Mode;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.Span;

/**
 * The terminal annotator's controller: what each key does to the {@link TuiState}, and which
 * {@link Effect}s (saves, undo, quit) it asks for. It does no I/O, so tests can drive it key by key.
 */
public final class Editor {
    private final String annotator;
    private final Clock clock;
    private final boolean bracketed;
    private final boolean corpus;

    private final Motions motions = new Motions();
    private final SpanActions actions;
    private final Prompts prompts;
    private final SpanDetails details;

    private String cachedString;
    private int[] cachedCodePoints;
    private boolean[] cachedJoined;
    private ScreenLayout cachedLayout;
    private List<Span> cachedLayoutSpans;

    /**
     * @param annotator who is recorded on new spans
     * @param clock     when they are made
     * @param bracketed whether spans are drawn with brackets (no colour), which take cells
     */
    public Editor(String annotator, Clock clock, boolean bracketed) {
        this(annotator, clock, bracketed, false);
    }

    /**
     * @param corpus whether a corpus is open ({@code annotate tui DIR}): then the keys for documents
     *               ({@code N P D O}) are bound, and label hotkeys on those keys give way
     */
    public Editor(String annotator, Clock clock, boolean bracketed, boolean corpus) {
        this.annotator = annotator;
        this.clock = clock;
        this.bracketed = bracketed;
        this.corpus = corpus;
        this.actions = new SpanActions(annotator, clock, this::layout);
        this.details = new SpanDetails(actions);
        this.prompts = new Prompts(actions, details, this::layout);
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

    /** Whether the keys for documents of a corpus are bound. */
    public boolean corpus() {
        return corpus;
    }

    /** Who is recorded on new spans and on status changes. */
    public String annotator() {
        return annotator;
    }

    public Clock clock() {
        return clock;
    }

    /** The code points of the document's text (cached while the text stays the same). */
    int[] codePoints(AnnotatedDocument doc) {
        String s = doc.document().text();
        if (s != cachedString) {
            cachedString = s;
            cachedCodePoints = s.codePoints().toArray();
            cachedJoined = Graphemes.joined(s, cachedCodePoints);
            cachedLayout = null;
        }
        return cachedCodePoints;
    }

    /** The document wrapped to the state's window width. */
    ScreenLayout layout(TuiState s) {
        int[] cps = codePoints(s.document());
        List<Span> spans = bracketed ? s.document().spans() : null;
        if (cachedLayout == null || cachedLayout.width != s.width() || cachedLayoutSpans != spans) {
            cachedLayout = ScreenLayout.of(cps, cachedJoined, s.width(), spans);
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
        ScreenLayout layout = layout(next);
        next = next.withCursor(layout.stopAt(next.cursor()), next.anchor() >= 0 ? layout.stopAt(next.anchor()) : -1);
        if (next.mode() != Mode.NORMAL && next.mode() != Mode.SEARCH && next.mode() != Mode.HELP) {
            // spans (or, in a choice, relations) that another program removed; an attribute's name is no id
            List<String> ids =
                    next.mode() == Mode.ATTRIBUTE_VALUE ? next.candidates().subList(0, 1) : next.candidates();
            boolean gone = ids.stream()
                    .anyMatch(id -> doc.span(id).isEmpty() && doc.relation(id).isEmpty());
            if (gone) {
                next = next.normal();
            }
        }
        return scroll(next);
    }

    public Step handle(TuiState s, Key key) {
        Step step = switch (s.mode()) {
            case NORMAL -> normal(s.withMessage(""), key);
            case SEARCH, NOTE, ATTRIBUTE_NAME, ATTRIBUTE_VALUE, LINK, RELATION_TYPE -> prompts.prompt(s, key);
            case RELATE -> relating(s.withMessage(""), key);
            case CHOOSE -> actions.choose(s, key);
            case RELABEL -> actions.relabel(s, key);
            case HELP -> help(s, key);
        };
        return new Step(scroll(step.state()), step.effects());
    }

    private TuiState scroll(TuiState s) {
        return Motions.scroll(s, layout(s));
    }

    /** A key in normal mode: a command of the {@link Bindings} table, else a label's hotkey. */
    private Step normal(TuiState before, Key key) {
        int goal = before.goalColumn();
        TuiState s = before.withGoalColumn(-1);
        ScreenLayout layout = layout(s);
        Bindings.Command command = Bindings.command(key, corpus).orElse(null);
        if (command == null) {
            Optional<Label> label = key.type() == Key.Type.CHAR
                    ? SpanActions.labelForKey(s, key.codePoint(), corpus)
                    : Optional.empty();
            return label.isPresent() ? actions.label(s, label.get()) : Step.of(s);
        }
        return switch (command) {
            case LEFT -> move(s, layout.previousStop(s.cursor()));
            case RIGHT -> move(s, layout.nextStop(s.cursor()));
            case UP -> Step.of(motions.vertical(s, layout, -1, goal));
            case DOWN -> Step.of(motions.vertical(s, layout, 1, goal));
            case PREVIOUS_PAGE -> Step.of(motions.page(s, layout, -1, goal));
            case NEXT_PAGE -> Step.of(motions.page(s, layout, 1, goal));
            case ROW_START -> move(s, layout.stopAt(layout.rowStart(layout.rowOf(s.cursor()))));
            case ROW_END -> move(s, layout.stopAtColumn(layout.rowOf(s.cursor()), Integer.MAX_VALUE));
            case NEXT_WORD -> move(s, Motions.nextWord(s, layout));
            case PREVIOUS_WORD -> move(s, Motions.previousWord(s, layout));
            case NEXT_SENTENCE -> move(s, motions.nextSentence(s, layout));
            case PREVIOUS_SENTENCE -> move(s, motions.previousSentence(s, layout));
            case DOCUMENT_START -> move(s, layout.stopAt(0));
            case DOCUMENT_END -> move(s, layout.lastStop());
            case NEXT_SPAN -> move(s, Motions.nextSpan(s, layout, true));
            case PREVIOUS_SPAN -> move(s, Motions.nextSpan(s, layout, false));
            case SELECT ->
                Step.of(
                        s.hasSelection()
                                ? s.withCursor(s.cursor(), -1)
                                : s.withCursor(s.cursor(), s.cursor())
                                        .withMessage("selecting: move to extend, a label key labels, Esc cancels"));
            case CANCEL -> Step.of(s.withCursor(s.cursor(), -1));
            case SEARCH -> Step.of(s.withMode(Mode.SEARCH, "", Action.NONE, List.of()));
            case SEARCH_AGAIN ->
                s.lastSearch().isEmpty()
                        ? Step.of(s.withError("no search yet: press / to search"))
                        : prompts.search(s, s.lastSearch());
            case LABEL_NTH, LABEL_HOTKEY ->
                SpanActions.labelForKey(s, key.codePoint(), corpus)
                        .map(label -> actions.label(s, label))
                        .orElse(Step.of(s));
            case NEXT_SET -> switchSet(s, 1);
            case PREVIOUS_SET -> switchSet(s, -1);
            case DELETE -> actions.delete(s);
            case RELABEL -> actions.pick(s, Action.RELABEL, actions.spansUnderCursor(s, false));
            case NOTE -> actions.pick(s, Action.NOTE, actions.spansUnderCursor(s, false));
            case ATTRIBUTE -> actions.pick(s, Action.ATTRIBUTE, actions.spansUnderCursor(s, false));
            case LINK -> actions.pick(s, Action.LINK, actions.spansUnderCursor(s, false));
            case RELATE -> actions.pick(s, Action.RELATE, actions.spansUnderCursor(s, false));
            case ACCEPT -> actions.pick(s, Action.ACCEPT, actions.spansUnderCursor(s, true));
            case REJECT -> actions.pick(s, Action.REJECT, actions.spansUnderCursor(s, true));
            case ACCEPT_ALL -> actions.pick(s, Action.ACCEPT_ALL, actions.spansUnderCursor(s, true));
            case UNDO -> Step.of(s, new Effect.Undo());
            case REDO -> Step.of(s, new Effect.Redo());
            case REDRAW -> Step.of(s, new Effect.Redraw());
            case HELP ->
                Step.of(s.withMode(Mode.HELP, "", Action.NONE, List.of()).withHelpTop(0));
            case QUIT -> Step.of(s, new Effect.Quit());
            case NEXT_DOCUMENT -> Step.of(s, new Effect.OpenDocument(1));
            case PREVIOUS_DOCUMENT -> Step.of(s, new Effect.OpenDocument(-1));
            case MARK_DONE -> Step.of(s, new Effect.MarkDone());
            case DOCUMENT_LIST -> Step.of(s, new Effect.ShowList());
            case LIST_UP,
                    LIST_DOWN,
                    LIST_PAGE_UP,
                    LIST_PAGE_DOWN,
                    LIST_FIRST,
                    LIST_LAST,
                    LIST_FILTER,
                    LIST_OPEN,
                    LIST_REDRAW,
                    LIST_QUIT -> Step.of(s); // keys of the document list, not of the editor
        };
    }

    /** A key while relating: the motions of normal mode move to the target; the rest is {@link SpanDetails}'. */
    private Step relating(TuiState s, Key key) {
        Bindings.Command command = Bindings.command(key, corpus).orElse(null);
        boolean motion = command != null
                && Bindings.all().stream().anyMatch(b -> b.command() == command && b.group() == Bindings.Group.MOVE);
        if (motion) {
            Step moved = normal(s, key);
            Optional<Span> target = details.target(moved.state());
            return Step.of(moved.state()
                    .withMessage(target.map(t ->
                                    "to " + t.label() + " " + t.id() + "? a number picks the type, Enter types one")
                            .orElse("move to the target span")));
        }
        return details.relating(s, key);
    }

    private Step move(TuiState s, int cursor) {
        return Step.of(s.withCursor(cursor, s.anchor()));
    }

    private Step switchSet(TuiState s, int delta) {
        if (s.document().labelSets().isEmpty()) {
            return Step.of(s.withError("the document has no label sets"));
        }
        TuiState next = s.withActiveSet(s.activeSet() + delta);
        return Step.of(next.withMessage(
                "label set: " + next.activeLabelSet().orElseThrow().name()));
    }

    // ---------------------------------------------------------------- help

    private Step help(TuiState s, Key key) {
        int lines = Help.lines(s, corpus).size();
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
