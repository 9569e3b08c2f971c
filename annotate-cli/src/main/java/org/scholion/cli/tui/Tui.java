package org.scholion.cli.tui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;
import org.scholion.core.ScholionException;
import org.scholion.core.corpus.Corpus;
import org.scholion.core.store.AnnotationFile;

/**
 * The terminal annotator's loop: reads keys from a JLine {@link Terminal}, hands them to a
 * {@link Session} (or, for a corpus, to its document list and sessions) and repaints the changed
 * rows ({@link TerminalPainter}); between keys it notices resizes and polls the
 * file for changes made by other programs.
 */
public final class Tui {
    /** How often the file on disk is checked for changes by others. */
    static final long POLL_MS = 500;
    /** How long one wait for a key lasts, so that resizes are noticed even without a signal. */
    private static final long TICK_MS = 100;

    private Tui() {}

    /**
     * How to run.
     *
     * @param annotator who is recorded on new spans
     * @param labelSet  the label set to start with; null for the first
     * @param color     true or false to force colour on or off; null to decide from the terminal and NO_COLOR
     */
    public record Options(String annotator, String labelSet, Boolean color) {
        public Options {
            if (annotator == null || annotator.isBlank()) {
                throw new IllegalArgumentException("annotator must not be blank");
            }
        }
    }

    /** Whether to draw in colour: not with NO_COLOR set, not on a dumb terminal or one without colours. */
    public static boolean colorFor(Terminal terminal, String noColorEnv) {
        if (noColorEnv != null && !noColorEnv.isEmpty()) {
            return false;
        }
        String type = terminal.getType();
        if (type == null || type.startsWith(Terminal.TYPE_DUMB)) {
            return false;
        }
        Integer colors = terminal.getNumericCapability(Capability.max_colors);
        return colors != null && colors >= 8;
    }

    /**
     * Runs the annotator on {@code file} until the user quits or the input ends.
     *
     * @return 0
     * @throws ScholionException if the file cannot be read at the start
     */
    public static int run(Terminal terminal, AnnotationFile file, Options options, Clock clock)
            throws ScholionException, IOException {
        boolean color = color(terminal, options);
        Size size = size(terminal);
        Editor editor = new Editor(options.annotator(), clock, !color);
        Session session = Session.open(file, editor, size.getColumns(), size.getRows());
        if (options.labelSet() != null) {
            session.activate(options.labelSet());
        }
        return loop(terminal, session, color);
    }

    /**
     * Runs the annotator on a corpus: its document list first, then the documents chosen, until
     * the user quits or the input ends. Reads every document once to list it.
     *
     * @param root the folder the list names documents relative to; null to name them as found
     * @return 0
     */
    public static int run(Terminal terminal, Corpus corpus, Path root, Options options, Clock clock)
            throws IOException {
        boolean color = color(terminal, options);
        Size size = size(terminal);
        Editor editor = new Editor(options.annotator(), clock, !color, true);
        CorpusSession pane =
                CorpusSession.open(corpus, root, editor, options.labelSet(), size.getColumns(), size.getRows());
        return loop(terminal, pane, color);
    }

    private static boolean color(Terminal terminal, Options options) {
        return options.color() != null ? options.color() : colorFor(terminal, System.getenv("NO_COLOR"));
    }

    private static int loop(Terminal terminal, Pane session, boolean color) throws IOException {
        Size size = size(terminal);
        ScreenRenderer renderer = new ScreenRenderer(color);
        AtomicBoolean resized = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        Terminal.SignalHandler oldWinch = terminal.handle(Terminal.Signal.WINCH, sig -> resized.set(true));
        Terminal.SignalHandler oldInt = terminal.handle(Terminal.Signal.INT, sig -> interrupted.set(true));
        // after Ctrl-Z and fg, JLine's reader reports the end of input, which would end the session
        Terminal.SignalHandler oldTstp = terminal.handle(Terminal.Signal.TSTP, Terminal.SignalHandler.SIG_IGN);
        Attributes saved = terminal.enterRawMode();
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.keypad_xmit);
        terminal.flush();
        TerminalPainter painter = new TerminalPainter(terminal);
        try {
            painter.start();
            KeyReader keys = new KeyReader(terminal);
            draw(painter, renderer, session);
            long lastPoll = System.nanoTime();
            while (!session.quit() && !interrupted.get()) {
                Key key = keys.read(TICK_MS);
                boolean dirty = false;
                if (key != null) {
                    session.press(key);
                    dirty = true;
                } else if (keys.atEnd()) {
                    break;
                }
                Size now = size(terminal);
                if (resized.getAndSet(false) || !now.equals(size)) {
                    size = now;
                    session.resize(size.getColumns(), size.getRows());
                    painter.invalidate();
                    dirty = true;
                }
                if (session.takeRedraw()) {
                    painter.invalidate();
                    dirty = true;
                }
                if (System.nanoTime() - lastPoll >= POLL_MS * 1_000_000L) {
                    lastPoll = System.nanoTime();
                    dirty |= session.poll();
                }
                if (dirty && !session.quit()) {
                    draw(painter, renderer, session);
                }
            }
        } finally {
            painter.finish();
            terminal.puts(Capability.keypad_local);
            terminal.puts(Capability.exit_ca_mode);
            terminal.setAttributes(saved);
            terminal.flush();
            terminal.handle(Terminal.Signal.WINCH, oldWinch);
            terminal.handle(Terminal.Signal.INT, oldInt);
            terminal.handle(Terminal.Signal.TSTP, oldTstp);
        }
        return 0;
    }

    private static void draw(TerminalPainter painter, ScreenRenderer renderer, Pane session) {
        ScreenRenderer.Screen screen = session.render(renderer);
        painter.paint(screen.lines(), screen.cursorRow(), screen.cursorColumn());
    }

    /** The window size, or 80x24 when the terminal does not know it. */
    private static Size size(Terminal terminal) {
        Size size = terminal.getSize();
        if (size == null || size.getColumns() <= 0 || size.getRows() <= 0) {
            return new Size(80, 24);
        }
        return new Size(size.getColumns(), size.getRows());
    }
}
