package org.scholion.cli.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scholion.core.model.Label;

/** The key reference shown by {@code ?}: the {@link Bindings} table, then the labels of the active set. */
final class Help {
    private Help() {}

    /** The help as plain lines, ending with the labels of the active set and their keys. */
    static List<String> lines(TuiState state) {
        return lines(state, false);
    }

    /** The help, with the keys for documents when a corpus is open. */
    static List<String> lines(TuiState state, boolean corpus) {
        List<String> lines = new ArrayList<>(Bindings.helpLines(corpus));
        state.activeLabelSet().ifPresent(set -> {
            lines.add("Labels of " + set.name() + " (Tab: next set):");
            List<Label> labels = set.labels();
            for (int i = 0; i < labels.size(); i++) {
                Label label = labels.get(i);
                String keys = (i < 9 ? Integer.toString(i + 1) : " ") + " "
                        + SpanActions.hotkey(label, corpus).orElse(" ");
                lines.add(String.format(
                        Locale.ROOT,
                        "  %-4s %s%s",
                        keys,
                        label.name(),
                        label.description() == null ? "" : " - " + ScreenCells.safe(label.description())));
            }
        });
        return lines;
    }
}
