package org.scholion.cli.tui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.scholion.cli.tui.TuiState.Mode;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.team.Merge;
import org.scholion.core.text.CodePointText;
import org.scholion.core.text.Fragment;
import org.scholion.core.text.Segmentation;

/**
 * Draws a {@link TuiState} as the lines of a window, without a terminal: the wrapped text with
 * spans in their label colours (innermost span as a background tint, enclosing spans underlined,
 * suggestions in italic label colour), the selection in reverse video, a status line and a legend.
 * Without colour, spans are underlined and bracketed ({@code [..]}, suggestions {@code {..}}).
 */
public final class ScreenRenderer {
    private static final AttributedStyle BAR = AttributedStyle.DEFAULT.inverse();

    private final boolean color;
    private List<Span> countedSpans;
    private Map<String, int[]> counts;

    public ScreenRenderer(boolean color) {
        this.color = color;
    }

    /** A drawn window: one line per row and where the terminal cursor goes. */
    public record Screen(List<AttributedString> lines, int cursorRow, int cursorColumn) {
        public Screen {
            lines = List.copyOf(lines);
        }

        /** The lines without styles, trailing blanks removed: what a person reads. */
        public List<String> text() {
            return lines.stream().map(l -> l.toString().stripTrailing()).toList();
        }
    }

    public Screen render(TuiState s, Editor editor) {
        return render(s, editor.layout(s), editor.corpus());
    }

    Screen render(TuiState s, ScreenLayout layout) {
        return render(s, layout, false);
    }

    /** Draws the state; {@code corpus}: the help and the legend as when a corpus is open. */
    Screen render(TuiState s, ScreenLayout layout, boolean corpus) {
        List<AttributedString> lines = new ArrayList<>(s.height());
        int textRows = s.textRows();
        int topRow = layout.rowOf(s.top());
        int cursorRow = 0;
        int cursorColumn = 0;
        if (s.mode() == Mode.HELP) {
            List<String> help = Help.lines(s, corpus);
            for (int i = 0; i < textRows; i++) {
                int line = s.helpTop() + i;
                lines.add(new AttributedString(line < help.size() ? ScreenCells.fit(help.get(line), s.width()) : ""));
            }
        } else {
            drawText(s, layout, topRow, textRows, lines);
            cursorRow = Math.max(0, Math.min(textRows - 1, layout.rowOf(s.cursor()) - topRow));
            cursorColumn = layout.columnOf(s.cursor());
            if (s.mode() == Mode.CHOOSE) {
                drawChoices(s, lines);
            }
        }
        String status = status(s);
        lines.add(bar(status, s.width(), s.error()));
        if (s.mode().prompts()) {
            cursorRow = textRows;
            cursorColumn = Math.min(s.width() - 1, ScreenCells.width(ScreenCells.fit(status, s.width() - 1)));
        }
        lines.add(legend(s, corpus));
        if (lines.size() > s.height()) {
            // a window too small for text, status and legend keeps the status line
            List<AttributedString> kept = new ArrayList<>(lines.subList(0, Math.max(0, s.height() - 2)));
            kept.add(lines.get(textRows));
            if (s.height() > 1) {
                kept.add(lines.get(textRows + 1));
            }
            lines = kept.subList(kept.size() - s.height(), kept.size());
            cursorRow = Math.min(cursorRow, s.height() - 1);
        }
        return new Screen(lines, cursorRow, Math.min(cursorColumn, s.width() - 1));
    }

    // ---------------------------------------------------------------- text

    private void drawText(TuiState s, ScreenLayout layout, int topRow, int textRows, List<AttributedString> out) {
        AnnotatedDocument doc = s.document();
        int lastRow = Math.min(layout.rows() - 1, topRow + textRows - 1);
        int from = layout.rowStart(topRow);
        int to = layout.rowEnd(lastRow);
        List<List<Span>> coverage = coverage(doc, from, to);
        Map<String, Integer> rgb = new HashMap<>();
        for (Label label : doc.labels()) {
            rgb.put(label.name(), label.rgb());
        }
        int selFrom = -1;
        int selTo = -1;
        if (s.hasSelection()) {
            selFrom = Math.min(s.anchor(), s.cursor());
            selTo = layout.endOfStop(Math.max(s.anchor(), s.cursor()));
        }
        int cursorEnd = layout.endOfStop(s.cursor());
        for (int r = topRow; r < topRow + textRows; r++) {
            if (r > lastRow) {
                out.add(AttributedString.EMPTY);
                continue;
            }
            AttributedStringBuilder b = new AttributedStringBuilder(s.width() + 16);
            int start = layout.rowStart(r);
            int end = layout.rowEnd(r);
            if (start == end && s.cursor() == start && s.mode() != Mode.HELP) {
                b.append(" ", AttributedStyle.DEFAULT.inverse()); // the cursor on an empty line
            }
            for (int k = start; k < end; k++) {
                List<Span> spans = coverage.get(k - from);
                if (!color) {
                    for (Span span : spans) {
                        if (span.start() == k) {
                            b.append(span.suggestion() ? "{" : "[", AttributedStyle.DEFAULT);
                        }
                    }
                }
                AttributedStyle style = style(spans, rgb);
                if (k >= selFrom && k < selTo) {
                    style = style.inverse();
                }
                if (k >= s.cursor() && k < cursorEnd) {
                    style = (k >= selFrom && k < selTo ? style.inverseOff() : style.inverse()).bold();
                }
                b.append(ScreenCells.glyph(layout.cps[k]), style);
                if (!color) {
                    for (int i = spans.size() - 1; i >= 0; i--) {
                        Span span = spans.get(i);
                        if (span.end() == k + 1) {
                            b.append(span.suggestion() ? "}" : "]", AttributedStyle.DEFAULT);
                        }
                    }
                }
            }
            out.add(b.toAttributedString());
        }
    }

    /** For each code point of {@code [from, to)}, the spans covering it, outer to inner. */
    static List<List<Span>> coverage(AnnotatedDocument doc, int from, int to) {
        if (to <= from) {
            return List.of();
        }
        List<Span> clipped = new ArrayList<>();
        Map<String, Span> byId = new HashMap<>();
        for (Span span : doc.spans()) {
            if (span.start() >= to) {
                break;
            }
            if (span.end() > from) {
                clipped.add(span.withRange(Math.max(span.start(), from) - from, Math.min(span.end(), to) - from));
                byId.put(span.id(), span);
            }
        }
        CodePointText window = CodePointText.of(doc.text().slice(from, to));
        List<List<Span>> coverage = new ArrayList<>(to - from);
        for (Fragment fragment : Segmentation.of(window, clipped)) {
            List<Span> spans;
            if (fragment.spans().isEmpty()) {
                spans = List.of();
            } else {
                List<Span> original = new ArrayList<>(fragment.spans().size());
                fragment.spans().forEach(x -> original.add(byId.get(x.id())));
                original.sort(Span.ORDER); // clipping can reorder spans that started before the window
                spans = Collections.unmodifiableList(original);
            }
            for (int i = fragment.start(); i < fragment.end(); i++) {
                coverage.add(spans);
            }
        }
        return coverage;
    }

    private AttributedStyle style(List<Span> spans, Map<String, Integer> rgb) {
        AttributedStyle style = AttributedStyle.DEFAULT;
        if (spans.isEmpty()) {
            return style;
        }
        Span inner = spans.get(spans.size() - 1);
        if (!color) {
            style = style.underline();
            return inner.suggestion() ? style.italic() : style;
        }
        Span tinted = null;
        for (int i = spans.size() - 1; i >= 0 && tinted == null; i--) {
            if (!spans.get(i).suggestion()) {
                tinted = spans.get(i);
            }
        }
        if (tinted != null) {
            style = style.backgroundRgb(tint(rgb.getOrDefault(tinted.label(), 0x888888)))
                    .foregroundRgb(0x000000);
        }
        if (inner.suggestion()) {
            style = style.italic();
            if (tinted == null) {
                style = style.foregroundRgb(rgb.getOrDefault(inner.label(), 0x888888));
            }
        }
        if (spans.size() > 1) {
            style = style.underline();
        }
        return style;
    }

    /** The label colour lightened so that black text on it stays readable. */
    static int tint(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        r = r + (255 - r) * 45 / 100;
        g = g + (255 - g) * 45 / 100;
        b = b + (255 - b) * 45 / 100;
        return (r << 16) | (g << 8) | b;
    }

    private void drawChoices(TuiState s, List<AttributedString> lines) {
        int n = s.candidates().size();
        int first = Math.max(0, lines.size() - n);
        for (int i = 0; i < n && first + i < lines.size(); i++) {
            String id = s.candidates().get(i);
            Span span = s.document().span(id).orElse(null);
            Relation relation = s.document().relation(id).orElse(null);
            String line;
            if (span != null) {
                line = String.format(
                        Locale.ROOT,
                        " %d  %s %s %d:%d%s  %s ",
                        i + 1,
                        span.label(),
                        span.id(),
                        span.start(),
                        span.end(),
                        span.suggestion() ? " suggested" : "",
                        quote(s.document(), span, 40));
            } else if (relation != null) {
                line = String.format(
                        Locale.ROOT,
                        " %d  relation %s: %s %s %s ",
                        i + 1,
                        relation.id(),
                        relation.from(),
                        relation.type(),
                        relation.to());
            } else {
                line = (i + 1) + " (gone)";
            }
            lines.set(first + i, bar(line, s.width(), false));
        }
    }

    // ---------------------------------------------------------------- status and legend

    private static String quote(AnnotatedDocument doc, Span span, int max) {
        return "\u201C" + ScreenCells.fit(ScreenCells.safe(doc.textOf(span)), max) + "\u201D";
    }

    /** The status line's text. */
    static String status(TuiState s) {
        AnnotatedDocument doc = s.document();
        switch (s.mode()) {
            case SEARCH:
                return "/" + ScreenCells.safe(s.input());
            case NOTE:
                return "note for " + s.candidates().get(0) + ": " + ScreenCells.safe(s.input());
            case CHOOSE:
                boolean relations =
                        s.candidates().stream().anyMatch(c -> doc.relation(c).isPresent());
                return s.action().verb() + (relations ? " which span or relation? press 1-" : " which span? press 1-")
                        + s.candidates().size() + ", Esc cancels" + (s.message().isEmpty() ? "" : " | " + s.message());
            case RELABEL:
                String id = s.candidates().get(0);
                return "relabel " + id + " " + doc.span(id).map(Span::label).orElse("?")
                        + " as? press a label key (Tab: next set, Esc cancels)"
                        + (s.message().isEmpty() ? "" : " | " + s.message());
            case HELP:
                return "help: j/k/PgDn scroll, any other key closes";
            case ATTRIBUTE_NAME:
                return "attribute of " + s.candidates().get(0) + " (Tab completes): " + ScreenCells.safe(s.input())
                        + hint(s);
            case ATTRIBUTE_VALUE:
                return ScreenCells.safe(s.candidates().get(1)) + " of "
                        + s.candidates().get(0) + " (empty removes): " + ScreenCells.safe(s.input()) + hint(s);
            case LINK:
                return "link " + s.candidates().get(0) + " to (PREFIX:ID or IRI): " + ScreenCells.safe(s.input())
                        + hint(s);
            case RELATION_TYPE:
                return "relation " + s.candidates().get(0) + " \u2192 "
                        + s.candidates().get(1) + " of type: " + ScreenCells.safe(s.input()) + hint(s);
            case RELATE:
                List<String> types = SpanDetails.relationTypes(doc);
                StringBuilder r = new StringBuilder("relate " + s.candidates().get(0) + " \u2192 ");
                for (int i = 0; i < types.size() && i < 9; i++) {
                    r.append(i + 1).append(' ').append(types.get(i)).append(' ');
                }
                r.append("Enter: type, Esc cancels");
                return r + (s.message().isEmpty() ? "" : " | " + ScreenCells.safe(s.message()));
            default:
                break;
        }
        StringBuilder left = new StringBuilder();
        left.append(ScreenCells.safe(s.fileName()))
                .append(' ')
                .append(s.cursor())
                .append('/')
                .append(doc.text().length());
        if (s.hasSelection()) {
            int from = Math.min(s.anchor(), s.cursor());
            int to = Math.max(s.anchor(), s.cursor()) + 1;
            left.append(" sel ").append(from).append(':').append(to);
        }
        StringBuilder spans = new StringBuilder();
        List<Span> here = doc.spansAt(s.cursor());
        for (int i = here.size() - 1; i >= 0; i--) {
            Span span = here.get(i);
            spans.append(span.label()).append(span.suggestion() ? "? " : " ").append(span.id());
            List<String> proposers = span.suggestion() ? Merge.proposers(span) : List.of();
            if (!proposers.isEmpty()) { // a merge records who proposed what the others did not
                spans.append(" suggested by ").append(ScreenCells.safe(String.join(", ", proposers)));
            }
            if (span.note() != null) {
                spans.append(" \u201C").append(ScreenCells.safe(span.note())).append('\u201D');
            }
            span.attributes()
                    .forEach((name, value) -> spans.append(' ')
                            .append(ScreenCells.safe(name))
                            .append('=')
                            .append(ScreenCells.safe(value)));
            span.links().forEach(link -> spans.append(' ').append(ScreenCells.safe(link)));
            SpanDetails.relationsOf(doc, span.id())
                    .forEach(r -> spans.append(' ').append(ScreenCells.safe(r)));
            if (i > 0) {
                spans.append(" < ");
            }
        }
        // the position always shows; the message comes next; the spans get what is left
        int width = s.width();
        String message = ScreenCells.safe(s.message());
        int leftWidth = ScreenCells.width(left);
        if (!message.isEmpty()) {
            message = ScreenCells.fit(message, Math.max(width / 2, width - leftWidth - 3));
        }
        int spanBudget = width - leftWidth - 3 - (message.isEmpty() ? 0 : ScreenCells.width(message) + 3);
        StringBuilder b = new StringBuilder(left);
        if (spans.length() > 0 && spanBudget >= 6) {
            b.append(" | ").append(ScreenCells.fit(spans.toString(), spanBudget));
        }
        if (!message.isEmpty()) {
            b.append(" | ").append(message);
        }
        return b.toString();
    }

    /** A prompt's message (completions, a refusal) after what is typed. */
    private static String hint(TuiState s) {
        return s.message().isEmpty() ? "" : "  | " + ScreenCells.safe(s.message());
    }

    private AttributedString bar(String text, int width, boolean error) {
        String shown = ScreenCells.fit(text, width);
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.append(shown, error ? BAR.bold() : BAR);
        int pad = width - ScreenCells.width(shown);
        if (pad > 0) {
            b.append(" ".repeat(pad), BAR);
        }
        return b.toAttributedString();
    }

    /** The legend: the active set, then each label's number, hotkey, name and count. */
    AttributedString legend(TuiState s) {
        return legend(s, false);
    }

    AttributedString legend(TuiState s, boolean corpus) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        LabelSet set = s.activeLabelSet().orElse(null);
        if (set == null) {
            return new AttributedString(ScreenCells.fit("no label sets", s.width()));
        }
        Map<String, int[]> counts = counts(s.document().spans());
        String head = set.name() + (s.document().labelSets().size() > 1 ? "\u25B8" : ":");
        int budget = s.width() - ScreenCells.width(head) - 1;
        List<Label> labels = set.labels();
        int longest = labels.stream().mapToInt(l -> l.name().length()).max().orElse(0);
        int nameWidth = longest;
        while (nameWidth > 4 && legendWidth(labels, counts, nameWidth, corpus) > budget) {
            nameWidth--;
        }
        b.append(head, AttributedStyle.BOLD);
        int used = ScreenCells.width(head);
        for (int i = 0; i < labels.size(); i++) {
            Label label = labels.get(i);
            String keys = legendKeys(i, label, corpus);
            String name = ScreenCells.fit(label.name(), nameWidth);
            String count = legendCount(counts.get(label.name()));
            int w = 1 + ScreenCells.width(keys) + 1 + ScreenCells.width(name) + 1 + ScreenCells.width(count);
            if (used + w > s.width() - 1) {
                if (used + 2 <= s.width()) {
                    b.append(" \u2026");
                }
                break;
            }
            b.append(" ").append(keys, AttributedStyle.BOLD).append(" ");
            AttributedStyle nameStyle = color
                    ? AttributedStyle.DEFAULT.backgroundRgb(tint(label.rgb())).foregroundRgb(0x000000)
                    : AttributedStyle.DEFAULT.underline();
            b.append(name, nameStyle).append(" ").append(count);
            used += w;
        }
        AttributedString legend = b.toAttributedString();
        // the last row stays clear of the last column, where some terminals scroll
        int room = Math.max(1, s.width() - 1);
        return legend.columnLength() > room ? legend.columnSubSequence(0, room) : legend;
    }

    /** Spans per label, accepted and suggested; kept while the spans stay the same. */
    private Map<String, int[]> counts(List<Span> spans) {
        if (spans != countedSpans) {
            Map<String, int[]> fresh = new HashMap<>();
            for (Span span : spans) {
                fresh.computeIfAbsent(span.label(), k -> new int[2])[span.suggestion() ? 1 : 0]++;
            }
            countedSpans = spans;
            counts = fresh;
        }
        return counts;
    }

    private static int legendWidth(List<Label> labels, Map<String, int[]> counts, int nameWidth, boolean corpus) {
        int w = 0;
        for (int i = 0; i < labels.size(); i++) {
            Label label = labels.get(i);
            w += 1
                    + ScreenCells.width(legendKeys(i, label, corpus))
                    + 1
                    + Math.min(nameWidth, ScreenCells.width(label.name()))
                    + 1
                    + ScreenCells.width(legendCount(counts.get(label.name())));
        }
        return w;
    }

    private static String legendKeys(int index, Label label, boolean corpus) {
        String hotkey = SpanActions.hotkey(label, corpus).orElse("");
        return index < 9 ? (index + 1) + hotkey : hotkey.isEmpty() ? "-" : hotkey;
    }

    private static String legendCount(int[] count) {
        if (count == null) {
            return "0";
        }
        return count[1] == 0 ? Integer.toString(count[0]) : count[0] + "+" + count[1] + "?";
    }
}
