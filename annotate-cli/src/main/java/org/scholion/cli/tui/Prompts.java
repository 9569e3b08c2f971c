package org.scholion.cli.tui;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scholion.cli.tui.Editor.Step;
import org.scholion.cli.tui.TuiState.Mode;
import org.scholion.core.text.CodePointText;

/**
 * The one-line prompts on the status line (search, note, attribute name and value, link, relation
 * type) and the search itself.
 */
final class Prompts {
    private final SpanActions actions;
    private final SpanDetails details;
    private final Function<TuiState, ScreenLayout> layouts;

    Prompts(SpanActions actions, SpanDetails details, Function<TuiState, ScreenLayout> layouts) {
        this.actions = actions;
        this.details = details;
        this.layouts = layouts;
    }

    /** A key typed at the prompt of the state's mode. */
    Step prompt(TuiState s, Key key) {
        boolean searching = s.mode() == Mode.SEARCH;
        boolean free = searching || s.mode() == Mode.NOTE;
        switch (key.type()) {
            case ESCAPE:
                return Step.of(s.normal().withMessage("cancelled"));
            case BACKSPACE:
                String in = s.input();
                return Step.of(
                        s.withInput(in.isEmpty() ? in : in.substring(0, in.offsetByCodePoints(in.length(), -1))));
            case ENTER:
                return searching ? search(s.normal(), s.input()) : free ? actions.saveNote(s) : details.enter(s);
            case TAB:
                return free ? Step.of(s.withInput(s.input() + ' ')) : SpanDetails.complete(s);
            default:
                break;
        }
        if (key.equals(Key.ctrl('u'))) {
            return Step.of(s.withInput(""));
        }
        if (key.isPrintable() && s.input().length() < 1000) {
            return Step.of(s.withInput(s.input() + Character.toString(key.codePoint())));
        }
        return Step.of(s);
    }

    /** Selects the next match of {@code query} after the cursor, wrapping around; smart case. */
    Step search(TuiState s, String query) {
        if (query.isEmpty()) {
            return Step.of(s);
        }
        TuiState next = s.withLastSearch(query);
        boolean ignoreCase = query.equals(query.toLowerCase(Locale.ROOT));
        Pattern pattern =
                Pattern.compile(Pattern.quote(query), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
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
        while (found
                && (m.end() == m.start()
                        || insidePair(text.string(), m.start())
                        || insidePair(text.string(), m.end()))) {
            found = m.find();
        }
        if (!found) {
            return Step.of(next.withError("not found: " + query));
        }
        ScreenLayout layout = layouts.apply(next);
        int start = text.toCodePointIndex(m.start());
        int end = text.toCodePointIndex(m.end());
        TuiState selected = next.withCursor(layout.stopAt(end - 1), layout.stopAt(start));
        return Step.of(selected.withMessage((wrapped ? "search wrapped: " : "found: ") + query));
    }

    private static boolean insidePair(String s, int charIndex) {
        return charIndex > 0
                && charIndex < s.length()
                && Character.isLowSurrogate(s.charAt(charIndex))
                && Character.isHighSurrogate(s.charAt(charIndex - 1));
    }
}
