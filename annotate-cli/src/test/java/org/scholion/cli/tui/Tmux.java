package org.scholion.cli.tui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.scholion.core.testing.RequiredTools;

/**
 * A private tmux server running the annotator ({@link TuiMain}) in one window: keys go in with
 * send-keys, the screen comes back with capture-pane. Without tmux the test is skipped, or fails
 * when SCHOLION_REQUIRE_TOOLS=1 (as in CI).
 */
final class Tmux implements AutoCloseable {
    private static final String WINDOW = "tui";

    private final String socket = "scholion-tui-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    private Tmux() {}

    /** Skips the calling test when tmux is missing, unless SCHOLION_REQUIRE_TOOLS=1 makes that a failure. */
    static void assumeAvailable() {
        RequiredTools.onPath("tmux");
    }

    /**
     * Starts {@code TuiMain FILE args...} in {@code dir} in a window of {@code columns} x {@code rows};
     * when the annotator ends, the window shows {@code EXIT=<code>}.
     */
    static Tmux annotate(Path dir, String file, int columns, int rows, String... args) throws Exception {
        assumeAvailable();
        Path script = dir.resolve("run-" + System.nanoTime() + ".sh");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder command = new StringBuilder("cd '" + dir + "'\n" + "SCHOLION_ANNOTATOR=tmux-tester '" + java
                + "' -cp '" + System.getProperty("java.class.path") + "' org.scholion.cli.tui.TuiMain '" + file + "'");
        for (String arg : args) {
            command.append(" '").append(arg).append('\'');
        }
        command.append(" 2>&1\necho \"EXIT=$?\"\nsleep 60\n");
        Files.writeString(script, command, StandardCharsets.UTF_8);
        Tmux tmux = new Tmux();
        tmux.run(
                "new-session",
                "-d",
                "-s",
                WINDOW,
                "-x",
                Integer.toString(columns),
                "-y",
                Integer.toString(rows),
                "sh '" + script + "'");
        return tmux;
    }

    /** Sends tmux key names (e.g. {@code C-l}, {@code Enter}, {@code PageDown}). */
    void keys(String... names) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", WINDOW));
        args.addAll(List.of(names));
        run(args.toArray(String[]::new));
    }

    /** Types the text literally. */
    void type(String text) throws Exception {
        run("send-keys", "-t", WINDOW, "-l", text);
    }

    void resize(int columns, int rows) throws Exception {
        run("resize-window", "-t", WINDOW, "-x", Integer.toString(columns), "-y", Integer.toString(rows));
    }

    /** The window's rows as text. */
    List<String> screen() throws Exception {
        return run("capture-pane", "-p", "-t", WINDOW);
    }

    /** The window's rows with their colours and attributes as escape sequences. */
    List<String> styledScreen() throws Exception {
        return run("capture-pane", "-p", "-e", "-t", WINDOW);
    }

    /** The screen once {@code ready} holds for it; fails after 30 s showing the last screen. */
    List<String> waitFor(Predicate<List<String>> ready) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> screen = List.of();
        while (System.nanoTime() < until) {
            screen = screen();
            if (ready.test(screen)) {
                return screen;
            }
            Thread.sleep(150);
        }
        throw new AssertionError("the screen never got ready:\n" + String.join("\n", screen));
    }

    /** The screen once it contains {@code text}. */
    List<String> waitFor(String text) throws Exception {
        return waitFor(s -> String.join("\n", s).contains(text));
    }

    @Override
    public void close() throws Exception {
        run("kill-server");
    }

    private List<String> run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tmux " + String.join(" ", args) + " hung");
        }
        return new ArrayList<>(out.lines().toList());
    }
}
