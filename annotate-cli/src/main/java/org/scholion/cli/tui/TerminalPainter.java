package org.scholion.cli.tui;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;

/**
 * Puts drawn rows on a terminal without trusting the terminal to agree about widths. Terminals
 * disagree about emoji (a flag, a ZWJ family, a skin-tone modifier), so nothing here depends on
 * where the terminal thinks a row or a glyph ended: auto-wrap is off, so a row the terminal finds
 * too long is clipped instead of spilling into the next; every changed row is addressed absolutely
 * (row, column 1), cleared to its end and drawn; after any glyph that is not plain ASCII the
 * cursor is moved to the column where the next glyph belongs. A glyph drawn narrower than measured
 * leaves a gap, one drawn wider is overdrawn by its neighbour within its own row; rows never
 * touch each other.
 */
final class TerminalPainter {
    private static final String AUTO_WRAP_OFF = "\u001B[?7l";
    private static final String AUTO_WRAP_ON = "\u001B[?7h";

    private final Terminal terminal;
    private final PrintWriter out;
    private List<AttributedString> shown = List.of();
    private boolean clear = true;

    TerminalPainter(Terminal terminal) {
        this.terminal = terminal;
        this.out = terminal.writer();
    }

    /** Takes the screen over: auto-wrap off (terminfo's rmam, else the DEC private mode, as tmux's entries lack it). */
    void start() {
        if (!terminal.puts(Capability.exit_am_mode)) {
            out.write(AUTO_WRAP_OFF);
        }
        clear = true;
    }

    /** Gives the screen back: auto-wrap on again. */
    void finish() {
        if (!terminal.puts(Capability.enter_am_mode)) {
            out.write(AUTO_WRAP_ON);
        }
        terminal.flush();
    }

    /** Clears the window and paints every row next time (after a resize, or Ctrl-L). */
    void invalidate() {
        clear = true;
    }

    /** Paints the rows that changed since the last call and puts the cursor at {@code (row, column)}. */
    void paint(List<AttributedString> rows, int cursorRow, int cursorColumn) {
        terminal.puts(Capability.cursor_invisible);
        if (clear) {
            terminal.puts(Capability.exit_attribute_mode);
            terminal.puts(Capability.clear_screen);
            shown = List.of();
            clear = false;
        }
        for (int r = 0; r < rows.size(); r++) {
            AttributedString row = rows.get(r);
            if (r < shown.size() && row.equals(shown.get(r))) {
                continue;
            }
            paintRow(r, row);
        }
        shown = new ArrayList<>(rows);
        terminal.puts(Capability.cursor_address, cursorRow, cursorColumn);
        terminal.puts(Capability.cursor_normal);
        terminal.flush();
    }

    private void paintRow(int r, AttributedString row) {
        terminal.puts(Capability.cursor_address, r, 0);
        terminal.puts(Capability.exit_attribute_mode);
        terminal.puts(Capability.clr_eol);
        String text = row.toString();
        int[] starts = Graphemes.starts(text);
        int from = 0;
        int column = 0;
        boolean moved = false;
        for (int c = 0; c + 1 < starts.length; c++) {
            int start = starts[c];
            int end = starts[c + 1];
            if (moved) {
                // the terminal may have drawn the glyph before with another width: go where this one belongs
                out.write(row.subSequence(from, start).toAnsi(terminal));
                terminal.puts(Capability.cursor_address, r, column);
                from = start;
            }
            moved = !(end - start == 1 && text.charAt(start) >= 0x20 && text.charAt(start) < 0x7F);
            column += ScreenCells.width(text.subSequence(start, end));
        }
        out.write(row.subSequence(from, text.length()).toAnsi(terminal));
    }
}
