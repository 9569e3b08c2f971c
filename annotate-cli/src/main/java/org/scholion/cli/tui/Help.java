package org.scholion.cli.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scholion.core.model.Label;

/** The key reference shown by {@code ?}; docs/tui.md lists the same keys. */
final class Help {
    private static final List<String[]> KEYS = List.of(
            new String[] {"", "Move"},
            new String[] {"arrows, h j k l", "left, down, up, right"},
            new String[] {"w  b", "next / previous word"},
            new String[] {")  (", "next / previous sentence"},
            new String[] {"PgDn PgUp, ^F ^B", "next / previous page"},
            new String[] {"Home  End", "start / end of the screen row"},
            new String[] {"g  G", "start / end of the document"},
            new String[] {"]  [", "next / previous span"},
            new String[] {"", "Select and label"},
            new String[] {"v", "start (or drop) a selection; moving extends it"},
            new String[] {"Esc", "cancel the selection, prompt or choice"},
            new String[] {"/ text Enter", "select the next match (lower case: any case)"},
            new String[] {"n", "select the next match again"},
            new String[] {"1-9", "label the selection (or the word under the cursor)"},
            new String[] {"", "  with the Nth label of the active label set"},
            new String[] {"label hotkey", "the same with the label's own key (see legend)"},
            new String[] {"Tab  Shift-Tab", "next / previous label set"},
            new String[] {"", "Spans under the cursor (a number picks one if several)"},
            new String[] {"x", "delete the span"},
            new String[] {"e", "relabel it: then press a label key"},
            new String[] {"c", "write or edit its note: Enter saves, Esc cancels"},
            new String[] {"a  r", "accept / reject the suggestion"},
            new String[] {"A", "accept all suggestions of its label"},
            new String[] {"", "File"},
            new String[] {"u  Ctrl-R", "undo / redo (the history is kept in the file)"},
            new String[] {"Ctrl-L", "redraw the screen"},
            new String[] {"?", "this help (j/k scroll, any other key closes)"},
            new String[] {"q", "quit (every change is already saved)"});

    private Help() {
    }

    /** Key and meaning, one pair per line; a blank key starts a heading. */
    static List<String[]> keys() {
        return KEYS;
    }

    /** The help as plain lines, ending with the labels of the active set and their keys. */
    static List<String> lines(TuiState state) {
        List<String> lines = new ArrayList<>();
        for (String[] k : KEYS) {
            if (k[0].isEmpty() && !k[1].startsWith(" ")) {
                lines.add(k[1] + ":");
            } else {
                lines.add(String.format(Locale.ROOT, "  %-17s%s", k[0], k[1]));
            }
        }
        state.activeLabelSet().ifPresent(set -> {
            lines.add("Labels of " + set.name() + " (Tab: next set):");
            List<Label> labels = set.labels();
            for (int i = 0; i < labels.size(); i++) {
                Label label = labels.get(i);
                String keys = (i < 9 ? Integer.toString(i + 1) : " ") + " "
                        + Editor.hotkey(label).orElse(" ");
                lines.add(String.format(Locale.ROOT, "  %-4s %s%s", keys, label.name(),
                        label.description() == null ? "" : " - " + Cells.safe(label.description())));
            }
        });
        return lines;
    }
}
