package org.scholion.cli.tui;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.scholion.cli.tui.Editor.Step;
import org.scholion.cli.tui.TuiState.Action;
import org.scholion.cli.tui.TuiState.Mode;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;

/**
 * What the annotator does to spans: label the selection or the word under the cursor, and delete,
 * relabel, note, accept or reject the span under the cursor (after a choice when there are
 * several). Each change is an {@link Effect.Save} of an edit that the session applies to the file.
 */
final class SpanActions {
    /** Characters a label's hotkey may not be: the table's keys. */
    static final String RESERVED = Bindings.reserved(false);
    /** The same while a corpus is open, whose keys ({@code N P D O}) come first. */
    static final String RESERVED_IN_CORPUS = Bindings.reserved(true);

    private final String annotator;
    private final Clock clock;
    private final Function<TuiState, ScreenLayout> layouts;

    SpanActions(String annotator, Clock clock, Function<TuiState, ScreenLayout> layouts) {
        this.annotator = annotator;
        this.clock = clock;
        this.layouts = layouts;
    }

    /** The label a key applies in the active set: 1–9 by position, or the label's own hotkey. */
    static Optional<Label> labelForKey(TuiState s, int c) {
        return labelForKey(s, c, false);
    }

    /** The label a key applies in the active set, with the hotkeys left free when {@code corpus} is open. */
    static Optional<Label> labelForKey(TuiState s, int c, boolean corpus) {
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
            Optional<String> hotkey = hotkey(label, corpus);
            if (hotkey.isPresent() && hotkey.get().codePointAt(0) == c) {
                return Optional.of(label);
            }
        }
        return Optional.empty();
    }

    /** The label's hotkey, unless it clashes with a reserved key. */
    static Optional<String> hotkey(Label label) {
        return hotkey(label, false);
    }

    /** The label's hotkey, unless it clashes with a key reserved in this mode. */
    static Optional<String> hotkey(Label label, boolean corpus) {
        String key = label.key();
        if (key == null
                || (corpus ? RESERVED_IN_CORPUS : RESERVED).contains(key)
                || Character.isISOControl(key.codePointAt(0))) {
            return Optional.empty();
        }
        return Optional.of(key);
    }

    /** The selected range {@code [start, end)}, or the word under the cursor; null if neither. */
    int[] target(TuiState s, ScreenLayout layout) {
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
        return Motions.wordAt(layout.cps, s.cursor());
    }

    Step label(TuiState s, Label label) {
        ScreenLayout layout = layouts.apply(s);
        int[] range = target(s, layout);
        if (range == null) {
            return Step.of(s.withError(
                    s.hasSelection()
                            ? "the selection holds only white space"
                            : "no word under the cursor: select with v first"));
        }
        int start = range[0];
        int end = range[1];
        String name = label.name();
        Optional<Span> same = s.document().spans().stream()
                .filter(x -> x.start() == start && x.end() == end && x.label().equals(name))
                .findFirst();
        TuiState next = s.withCursor(s.cursor(), -1);
        if (same.isPresent() && !same.get().suggestion()) {
            return Step.of(next.withError(String.format(
                    Locale.ROOT, "already labelled %s (%s)", name, same.get().id())));
        }
        if (same.isPresent()) {
            return accept(next, same.get());
        }
        String who = annotator;
        Instant when = clock.instant();
        String summary = String.format(Locale.ROOT, "label %d:%d %s", start, end, name);
        return Step.of(
                next,
                new Effect.Save(
                        summary,
                        doc -> doc.withSpan(new Span(doc.nextSpanId(), start, end, name, null, who, when, false))));
    }

    // ---------------------------------------------------------------- span actions

    List<Span> spansUnderCursor(TuiState s, boolean suggestionsOnly) {
        List<Span> found = new ArrayList<>();
        int end = layouts.apply(s).endOfStop(s.cursor());
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

    Step pick(TuiState s, Action action, List<Span> spans) {
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
            case DELETE ->
                Step.of(
                        s.normal(),
                        new Effect.Save(
                                "delete " + id + " " + span.label(),
                                doc -> doc.withoutSpans(
                                        List.of(existing(doc, id).id()))));
            case RELABEL -> Step.of(s.withMode(Mode.RELABEL, "", Action.RELABEL, List.of(id)));
            case NOTE ->
                Step.of(s.withMode(Mode.NOTE, span.note() == null ? "" : span.note(), Action.NOTE, List.of(id)));
            case ACCEPT -> accept(s.normal(), span);
            case REJECT ->
                Step.of(
                        s.normal(),
                        new Effect.Save(
                                "reject " + id + " " + span.label(),
                                doc -> doc.withoutSpans(
                                        List.of(existing(doc, id).id()))));
            case ACCEPT_ALL -> acceptAll(s.normal(), span.label());
            case ATTRIBUTE, LINK, RELATE -> SpanDetails.start(s.normal(), action, span);
            case NONE -> Step.of(s.normal());
        };
    }

    /**
     * {@code x}: deletes the span under the cursor; when spans there have relations, first offers
     * the spans and their relations to choose from (deleting a span also drops its relations).
     */
    Step delete(TuiState s) {
        List<Span> spans = spansUnderCursor(s, false);
        List<String> choices = new ArrayList<>();
        spans.forEach(span -> choices.add(span.id()));
        for (Span span : spans) {
            for (Relation r : s.document().relationsOf(span.id())) {
                if (!choices.contains(r.id())) {
                    choices.add(r.id());
                }
            }
        }
        if (choices.size() == spans.size()) {
            return pick(s, Action.DELETE, spans);
        }
        return Step.of(s.withMode(
                Mode.CHOOSE, "", Action.DELETE, choices.stream().limit(9).toList()));
    }

    private static Step deleteRelation(TuiState s, Relation relation) {
        String id = relation.id();
        return Step.of(
                s,
                new Effect.Save(
                        String.format(
                                Locale.ROOT,
                                "delete relation %s %s %s %s",
                                id,
                                relation.from(),
                                relation.type(),
                                relation.to()),
                        doc -> {
                            if (doc.relation(id).isEmpty()) {
                                throw new IllegalArgumentException(
                                        "relation " + id + " is gone (the file was changed by someone else)");
                            }
                            return doc.withoutRelations(List.of(id));
                        }));
    }

    Step accept(TuiState s, Span span) {
        String id = span.id();
        String who = annotator;
        Instant when = clock.instant();
        return Step.of(
                s,
                new Effect.Save(
                        "accept " + id + " " + span.label(),
                        doc -> doc.withSpanReplaced(
                                existing(doc, id).withSuggestion(false).withAnnotator(who, when))));
    }

    private Step acceptAll(TuiState s, String label) {
        String who = annotator;
        Instant when = clock.instant();
        return Step.of(s, new Effect.Save("accept all suggestions of " + label, doc -> {
            AnnotatedDocument.Builder builder =
                    AnnotatedDocument.builder(doc.document()).labelSets(doc.labelSets());
            for (Span span : doc.spans()) {
                builder.span(
                        span.suggestion() && span.label().equals(label)
                                ? span.withSuggestion(false).withAnnotator(who, when)
                                : span);
            }
            doc.relations().forEach(builder::relation);
            return builder.build();
        }));
    }

    private static Span existing(AnnotatedDocument doc, String id) {
        return doc.span(id)
                .orElseThrow(() ->
                        new IllegalArgumentException("span " + id + " is gone (the file was changed by someone else)"));
    }

    Step choose(TuiState s, Key key) {
        if (key.type() == Key.Type.ESCAPE || key.is('q')) {
            return Step.of(s.normal().withMessage("cancelled"));
        }
        if (key.type() == Key.Type.CHAR && key.codePoint() >= '1' && key.codePoint() <= '9') {
            int index = key.codePoint() - '1';
            if (index < s.candidates().size()) {
                String id = s.candidates().get(index);
                Optional<Span> span = s.document().span(id);
                if (span.isPresent()) {
                    return act(s.normal(), s.action(), span.get());
                }
                Optional<Relation> relation = s.document().relation(id);
                if (relation.isPresent() && s.action() == Action.DELETE) {
                    return deleteRelation(s.normal(), relation.get());
                }
            }
        }
        return Step.of(s.withError("press the number of a span, or Esc to cancel"));
    }

    Step relabel(TuiState s, Key key) {
        if (key.type() == Key.Type.ESCAPE) {
            return Step.of(s.normal().withMessage("cancelled"));
        }
        if (key.type() == Key.Type.TAB || key.type() == Key.Type.BACK_TAB) {
            TuiState next = s.withActiveSet(s.activeSet() + (key.type() == Key.Type.TAB ? 1 : -1));
            return Step.of(next.withMessage(
                    "label set: " + next.activeLabelSet().map(LabelSet::name).orElse("")));
        }
        Optional<Label> label = key.type() == Key.Type.CHAR ? labelForKey(s, key.codePoint()) : Optional.empty();
        if (label.isEmpty()) {
            return Step.of(s.withError("press a label key (1-9 or a hotkey), Tab for the next set, Esc to cancel"));
        }
        String id = s.candidates().get(0);
        String name = label.get().name();
        return Step.of(
                s.normal(),
                new Effect.Save(
                        "relabel " + id + " as " + name,
                        doc -> doc.withSpanReplaced(existing(doc, id).withLabel(name))));
    }

    Step saveNote(TuiState s) {
        String id = s.candidates().get(0);
        String note = s.input().strip();
        String summary = (note.isEmpty() ? "remove note of " : "note ") + id;
        return Step.of(
                s.normal(),
                new Effect.Save(
                        summary,
                        doc -> doc.withSpanReplaced(existing(doc, id).withNote(note.isEmpty() ? null : note))));
    }
}
