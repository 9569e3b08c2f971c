package org.scholion.cli.tui;

import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.core.text.Tokens;

/**
 * Where the cursor goes: by cell, row, page, word, sentence and span, and the scrolling that keeps
 * it in view. Every result is a stop of the {@link ScreenLayout} (the start of a grapheme cluster).
 */
final class Motions {
    private String sentencesOf;
    private BreakIterator sentences;

    /** Up or down by rows, keeping to the goal column (the one the vertical moves started from). */
    TuiState vertical(TuiState s, ScreenLayout layout, int delta, int goal) {
        int column = goal >= 0 ? goal : layout.columnOf(s.cursor());
        int row = layout.rowOf(s.cursor());
        int target = Math.max(0, Math.min(layout.rows() - 1, row + delta));
        int cursor = target == row ? s.cursor() : layout.stopAtColumn(target, column);
        return s.withCursor(cursor, s.anchor()).withGoalColumn(column);
    }

    /** A page (the text rows less one) down or up; the view moves by as much. */
    TuiState page(TuiState s, ScreenLayout layout, int direction, int goal) {
        int column = goal >= 0 ? goal : layout.columnOf(s.cursor());
        int rows = Math.max(1, s.textRows() - 1) * direction;
        int row = layout.rowOf(s.cursor());
        int target = Math.max(0, Math.min(layout.rows() - 1, row + rows));
        int topRow = Math.max(0, Math.min(layout.rows() - 1, layout.rowOf(s.top()) + rows));
        int cursor = layout.stopAtColumn(target, column);
        return s.withCursor(cursor, s.anchor()).withTop(layout.rowStart(topRow)).withGoalColumn(column);
    }

    /** Keeps the cursor's row in view, and the view filled when the text allows. */
    static TuiState scroll(TuiState s, ScreenLayout layout) {
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

    // ---------------------------------------------------------------- words

    static boolean isWordChar(int cp) {
        return Tokens.isWordChar(cp);
    }

    static int nextWord(TuiState s, ScreenLayout layout) {
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

    static int previousWord(TuiState s, ScreenLayout layout) {
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
        while (start > 0
                && (isWordChar(cps[start - 1])
                        || (isHyphen(cps[start - 1]) && start > 1 && isWordChar(cps[start - 2])))) {
            start--;
        }
        int end = i + 1;
        while (end < cps.length
                && (isWordChar(cps[end]) || (isHyphen(cps[end]) && end + 1 < cps.length && isWordChar(cps[end + 1])))) {
            end++;
        }
        return new int[] {start, end};
    }

    private static boolean isHyphen(int cp) {
        return cp == '-' || cp == 0x2010 || cp == 0x2011;
    }

    // ---------------------------------------------------------------- sentences

    private BreakIterator sentences(TuiState s) {
        String text = s.document().document().text();
        if (sentences == null || text != sentencesOf) {
            sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
            sentences.setText(text);
            sentencesOf = text;
        }
        return sentences;
    }

    /** The first stop at or after code point {@code i} that is not white space. */
    private static int skipSpace(ScreenLayout layout, int i) {
        int[] cps = layout.cps;
        while (i < cps.length && Character.isWhitespace(cps[i])) {
            i++;
        }
        return i;
    }

    int nextSentence(TuiState s, ScreenLayout layout) {
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

    int previousSentence(TuiState s, ScreenLayout layout) {
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

    // ---------------------------------------------------------------- spans

    /** The start of the next (or previous) span after (before) the cursor; the cursor if none. */
    static int nextSpan(TuiState s, ScreenLayout layout, boolean forward) {
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
}
