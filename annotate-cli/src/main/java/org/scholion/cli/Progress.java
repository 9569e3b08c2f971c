package org.scholion.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar on standard error, drawn only when a person is watching a terminal. */
final class Progress {
    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final int total;
    private final boolean shown;
    private int done;

    Progress(PrintWriter err, int total, boolean shown) {
        this.err = err;
        this.total = total;
        this.shown = shown && total > 1;
    }

    /** Draws the bar for the step that is starting. */
    void step(String what) {
        if (!shown) {
            return;
        }
        int filled = total == 0 ? WIDTH : WIDTH * done / total;
        String name = what.length() > 40 ? "…" + what.substring(what.length() - 39) : what;
        err.printf(
                Locale.ROOT,
                "\r\u001B[K[%s%s] %d/%d %s",
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                done,
                total,
                Escapes.visible(name, false));
        err.flush();
    }

    void done() {
        done++;
    }

    /** Clears the bar, so that a line printed next starts clean. */
    void clear() {
        if (shown) {
            err.print("\r\u001B[K");
            err.flush();
        }
    }
}
