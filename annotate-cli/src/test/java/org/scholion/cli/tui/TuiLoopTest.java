package org.scholion.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;

/** The whole loop on a JLine terminal over in-memory streams: keys in, escape sequences out, file on disk. */
class TuiLoopTest {
    @TempDir
    Path dir;

    private static String plain(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8)
                .replaceAll("\u001B\\[[0-9;?]*[ -/]*[@-~]", "")
                .replaceAll("\u001B[()][0-9A-Za-z]|\u001B[=>78]", "");
    }

    @Test
    void keysFromTheTerminalLabelResizeAndQuit() throws Exception {
        AnnotationFile file = Fixtures.file(dir, "Alice met Bob in Paris. Bob left Paris.\n");
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys, 4096);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal terminal = TerminalBuilder.builder()
                .streams(in, out)
                .type("xterm-256color")
                .size(new Size(80, 24))
                .encoding(StandardCharsets.UTF_8)
                .build()) {
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return Tui.run(terminal, file, new Tui.Options("carol", null, false), Fixtures.CLOCK);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            waitFor(() -> plain(out).contains("doc.scholion.json 0/40")); // raw mode is on: no echo
            send(keys, "ww");
            send(keys, "p"); // Bob, by PERSON's hotkey
            send(keys, "\u001B[C\u001B[C\u001B[C\u001B[C\u001B[C"); // right x5 (CSI arrows)
            send(keys, "\u001BOC\u001BOC"); // right x2 (application keypad form): on "Paris"
            send(keys, "3");
            waitFor(() -> file.read().spans().size() == 2);
            waitFor(() -> plain(out).contains("saved: label 17:22 LOCATION")); // drawn before the resize
            terminal.setSize(new Size(30, 10));
            terminal.raise(Terminal.Signal.WINCH);
            send(keys, "\u001B"); // a lone Escape
            Thread.sleep(300);
            send(keys, "q");
            assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
        }
        assertThat(file.read().spans())
                .extracting(Span::start, Span::end, Span::label, Span::annotator)
                .containsExactly(tuple(10, 13, "PERSON", "carol"), tuple(17, 22, "LOCATION", "carol"));
        String screen = plain(out);
        assertThat(screen).contains("Bob]").contains("Paris]").contains("saved: label 17:22 LOCATION");
        assertThat(screen).doesNotContain("ww").contains("entities\u25B8 1p PER\u2026 1"); // rewrapped to 30 columns
        assertThat(screen).contains("Alice met [Bob] in [Paris].");
        String raw = out.toString(StandardCharsets.UTF_8);
        assertThat(raw).contains("\u001B[?1049h"); // the alternate screen, left again at the end
        assertThat(raw.substring(raw.lastIndexOf("\u001B[?1049"))).startsWith("\u001B[?1049l");
    }

    @Test
    void endOfInputEndsTheLoop() throws Exception {
        AnnotationFile file = Fixtures.file(dir, "Alice.\n");
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal terminal = TerminalBuilder.builder()
                .streams(in, out)
                .type("xterm-256color")
                .size(new Size(80, 24))
                .build()) {
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return Tui.run(terminal, file, new Tui.Options("carol", "sourcing", null), Fixtures.CLOCK);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            waitFor(() -> plain(out).contains("doc.scholion.json 0/"));
            send(keys, "1");
            waitFor(() -> file.read().spans().size() == 1);
            keys.close();
            assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
        }
        assertThat(file.read().spans()).extracting(Span::label).containsExactly("QUOTE");
        // colour on an xterm-256color terminal: label tints as 256-colour or RGB backgrounds
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("\u001B\\[[0-9;]*48;[25];");
    }

    /**
     * Every key the help lists, as the bytes a terminal sends, through the whole loop on a text
     * long enough to scroll: none may stop the annotator (Ctrl-L and scrolling once did).
     */
    @Test
    void everyKeyOfTheHelpKeepsTheAnnotatorRunning() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            text.append("Line ").append(i).append(": Alice met Bob in Paris. Bob left Paris.\n");
        }
        AnnotationFile file = Fixtures.file(dir, text.toString());
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys, 4096);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal terminal = TerminalBuilder.builder()
                .streams(in, out)
                .type("xterm-256color")
                .size(new Size(60, 12))
                .encoding(StandardCharsets.UTF_8)
                .build()) {
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return Tui.run(terminal, file, new Tui.Options("carol", null, true), Fixtures.CLOCK);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            waitFor(() -> plain(out).contains("doc.scholion.json 0/"));
            String[] presses = {
                "j",
                "\u000C",
                "j",
                "k",
                "l",
                "h",
                "\u001B[B",
                "\u001B[A",
                "\u001B[C",
                "\u001B[D",
                "\u001BOB",
                "\u001BOA",
                "w",
                "b",
                ")",
                "(",
                "\u001B[6~",
                "\u001B[5~",
                "\u0006",
                "\u0002",
                "\u0004",
                "\u0015",
                "\u001B[F",
                "\u001B[H",
                "\u001B[4~",
                "\u001B[1~",
                "G",
                "g",
                "j".repeat(15), // past the first page: the view scrolls
                "g",
                "v",
                "ll",
                "\u001B",
                "/Bob\r",
                "n",
                "1",
                "w",
                "p",
                "\t",
                "\u001B[Z",
                "\t",
                "\u001B[Z",
                "]",
                "[",
                "e",
                "3",
                "c",
                "met\u007F\u0015hi\r",
                "x",
                "u",
                "\u0012",
                "\u000C",
                "?",
                "j",
                "k",
                "\u001B[6~",
                "q"
            };
            for (String press : presses) {
                send(keys, press);
                assertThat(run)
                        .as(
                                "after %s",
                                press.codePoints()
                                        .mapToObj(c -> String.format(java.util.Locale.ROOT, "%02x", c))
                                        .toList())
                        .isNotDone();
            }
            send(keys, "q");
            assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
        }
        // the keys did their work on the file
        assertThat(file.read().spans()).extracting(Span::annotator).contains("carol");
    }

    private static void send(PipedOutputStream keys, String s) throws Exception {
        keys.write(s.getBytes(StandardCharsets.UTF_8));
        keys.flush();
        Thread.sleep(120);
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitFor(Check check) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!check.ok()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting");
            }
            Thread.sleep(50);
        }
    }

    @Test
    void colourIsOffWithNoColorOrOnADumbTerminal() throws Exception {
        try (Terminal xterm = TerminalBuilder.builder()
                        .streams(new java.io.ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
                        .type("xterm-256color")
                        .build();
                Terminal dumb = TerminalBuilder.builder()
                        .streams(new java.io.ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
                        .type("dumb")
                        .build()) {
            assertThat(Tui.colorFor(xterm, null)).isTrue();
            assertThat(Tui.colorFor(xterm, "")).isTrue();
            assertThat(Tui.colorFor(xterm, "1")).isFalse();
            assertThat(Tui.colorFor(dumb, null)).isFalse();
        }
    }
}
