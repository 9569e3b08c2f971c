package org.scholion.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;

/**
 * The real annotator in a real pseudo-terminal: tmux runs {@link TuiMain} on the seed article at
 * 80x24, keys go in with send-keys, the screen comes back with capture-pane. Skipped without tmux,
 * unless SCHOLION_REQUIRE_TOOLS=1.
 */
class TmuxTest {
    @TempDir
    Path dir;

    private final String socket = "scholion-tui-test-" + ProcessHandle.current().pid();

    @Test
    void annotatesTheSeedArticleInTmux() throws Exception {
        Assumptions.assumeTrue(tmuxAvailable(), "tmux is not installed: skipping the pseudo-terminal test");
        AnnotationFile file = Fixtures.seed(dir);
        Path script = dir.resolve("run.sh");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(script, "cd '" + dir + "'\n"
                + "SCHOLION_ANNOTATOR=tmux-tester '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' org.scholion.cli.tui.TuiMain seed.scholion.json\n"
                + "echo \"EXIT=$?\"\nsleep 60\n", StandardCharsets.UTF_8);
        try {
            tmux("new-session", "-d", "-s", "tui", "-x", "80", "-y", "24", "sh '" + script + "'");
            List<String> start = waitForScreen(s -> String.join("\n", s).contains("seed.scholion.json 0/3925"));
            Files.writeString(Path.of("target", "tui-seed-80x24.txt"), String.join("\n", start) + "\n",
                    StandardCharsets.UTF_8);
            assertThat(start).hasSize(24);
            assertThat(start.get(1)).startsWith("On Thursday Ukraine\u2019s Dictator Vladimir Zelensky");
            assertThat(start.get(23)).startsWith("propaganda\u25B8 1U");
            // spans are drawn as coloured backgrounds (256-colour or RGB, whatever tmux's TERM offers)
            String styled = String.join("\n", tmux("capture-pane", "-p", "-e", "-t", "tui"));
            assertThat(styled).containsPattern("\\[[0-9;]*48;[25];");

            tmux("send-keys", "-t", "tui", "Tab");
            tmux("send-keys", "-t", "tui", "-l", "/peacekeeping force");
            tmux("send-keys", "-t", "tui", "Enter");
            tmux("send-keys", "-t", "tui", "-l", "5");
            List<String> labelled = waitForScreen(s -> String.join("\n", s).contains("saved: label"));
            assertThat(labelled.get(22)).contains("EVENT");

            tmux("resize-window", "-t", "tui", "-x", "60", "-y", "20");
            List<String> resized = waitForScreen(s -> s.size() == 20 && s.get(18).contains("EVENT"));
            for (String line : resized) {
                assertThat(line.length()).isLessThanOrEqualTo(60);
            }
            assertThat(resized.get(19)).startsWith("entities\u25B8 1p");

            tmux("send-keys", "-t", "tui", "-l", "q");
            waitForScreen(s -> String.join("\n", s).contains("EXIT=0"));
        } finally {
            tmux("kill-server");
        }
        AnnotatedDocument doc = file.read();
        Span added = doc.spans().stream().filter(s -> "tmux-tester".equals(s.annotator())).findFirst().orElseThrow();
        assertThat(doc.textOf(added)).isEqualTo("peacekeeping force");
        assertThat(added.label()).isEqualTo("EVENT");
        assertThat(doc.spans()).hasSize(182);
    }

    private boolean tmuxAvailable() {
        boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(p -> Files.isExecutable(Path.of(p, "tmux")));
        if (!found && "1".equals(System.getenv("SCHOLION_REQUIRE_TOOLS"))) {
            throw new AssertionError("tmux is required (SCHOLION_REQUIRE_TOOLS=1) but not on the PATH");
        }
        return found;
    }

    private List<String> waitForScreen(Predicate<List<String>> ready) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> screen = List.of();
        while (System.nanoTime() < until) {
            screen = tmux("capture-pane", "-p", "-t", "tui");
            if (ready.test(screen)) {
                return screen;
            }
            Thread.sleep(150);
        }
        throw new AssertionError("the screen never got ready:\n" + String.join("\n", screen));
    }

    private List<String> tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tmux " + String.join(" ", args) + " hung");
        }
        List<String> lines = new ArrayList<>(out.lines().toList());
        return lines;
    }
}
