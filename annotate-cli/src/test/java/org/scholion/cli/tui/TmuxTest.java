package org.scholion.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void annotatesTheSeedArticleInTmux() throws Exception {
        AnnotationFile file = Fixtures.seed(dir);
        try (Tmux tmux = Tmux.annotate(dir, "seed.scholion.json", 80, 24)) {
            List<String> start = tmux.waitFor("seed.scholion.json 0/3925");
            Files.writeString(
                    Path.of("target", "tui-seed-80x24.txt"), String.join("\n", start) + "\n", StandardCharsets.UTF_8);
            assertThat(start).hasSize(24);
            assertThat(start.get(1)).startsWith("On Thursday Ukraine\u2019s Dictator Vladimir Zelensky");
            assertThat(start.get(23)).startsWith("propaganda\u25B8 1U");
            // spans are drawn as coloured backgrounds (256-colour or RGB, whatever tmux's TERM offers)
            assertThat(String.join("\n", tmux.styledScreen())).containsPattern("\\[[0-9;]*48;[25];");

            tmux.keys("Tab");
            tmux.type("/peacekeeping force");
            tmux.keys("Enter");
            tmux.type("5");
            List<String> labelled = tmux.waitFor("saved: label");
            assertThat(labelled.get(22)).contains("EVENT");

            tmux.resize(60, 20);
            List<String> resized = tmux.waitFor(s -> s.size() == 20 && s.get(18).contains("EVENT"));
            for (String line : resized) {
                assertThat(line.length()).isLessThanOrEqualTo(60);
            }
            assertThat(resized.get(19)).startsWith("entities\u25B8 1p");

            tmux.type("q");
            tmux.waitFor("EXIT=0");
        }
        AnnotatedDocument doc = file.read();
        Span added = doc.spans().stream()
                .filter(s -> "tmux-tester".equals(s.annotator()))
                .findFirst()
                .orElseThrow();
        assertThat(doc.textOf(added)).isEqualTo("peacekeeping force");
        assertThat(added.label()).isEqualTo("EVENT");
        assertThat(doc.spans()).hasSize(182);
    }

    /** Ctrl-L (redraw) and scrolling past the first page once stopped the annotator. */
    @Test
    void ctrlLRedrawsAndScrollingKeepsTheAnnotatorRunning() throws Exception {
        Fixtures.seed(dir);
        try (Tmux tmux = Tmux.annotate(dir, "seed.scholion.json", 80, 24)) {
            List<String> start = tmux.waitFor("seed.scholion.json 0/3925");
            tmux.keys("C-l");
            tmux.type("l");
            List<String> redrawn = tmux.waitFor("seed.scholion.json 1/3925");
            assertThat(redrawn.subList(0, 22)).isEqualTo(start.subList(0, 22));
            assertThat(String.join("\n", redrawn)).doesNotContain("error").doesNotContain("EXIT=");

            tmux.type("jjjjjjjjjjjjjjjjjjjjjjjjjjjjjj"); // 30 rows down: the view scrolls
            tmux.keys("PageDown");
            tmux.keys("C-l");
            tmux.keys("PageUp");
            tmux.type("G");
            List<String> end = tmux.waitFor("3924/3925");
            assertThat(String.join("\n", end)).doesNotContain("error").doesNotContain("EXIT=");
            assertThat(end.get(21)).isNotBlank(); // the last text row shows the end of the article

            tmux.type("q");
            tmux.waitFor("EXIT=0");
        }
    }

    /** An attribute and a relation made with t and >, then both undone with u, in a real terminal. */
    @Test
    void setsAnAttributeAndDrawsARelationThenUndoesBoth() throws Exception {
        AnnotationFile file = Fixtures.seed(dir);
        try (Tmux tmux = Tmux.annotate(dir, "seed.scholion.json", 80, 24)) {
            tmux.waitFor("seed.scholion.json 0/3925");
            tmux.type("/Emmanuel Macron");
            tmux.keys("Enter");
            tmux.waitFor("found: Emmanuel Macron");
            tmux.type("v"); // drop the selection; the cursor stays on Macron's last letter
            tmux.type("t");
            tmux.waitFor("set an attribute of which span?");
            tmux.type("1"); // the innermost: PERSON s39
            tmux.waitFor("attribute of s39");
            tmux.type("certainty");
            tmux.keys("Enter");
            tmux.waitFor("certainty of s39");
            tmux.type("high");
            tmux.keys("Enter");
            tmux.waitFor("saved: set certainty=high of s39");
            tmux.type("h"); // a motion clears the message: the details of the span show in full
            assertThat(tmux.waitFor("793/3925").get(22)).contains("PERSON s39 certainty=high");
            tmux.type("l");

            tmux.type(">");
            tmux.waitFor("relate which span?");
            tmux.type("1");
            tmux.waitFor("relate s39 \u2192 1 attributed-to 2 said-by Enter: type");
            tmux.type("bbbb"); // back to "French": GROUP s38
            tmux.waitFor("to GROUP s38?");
            tmux.keys("Enter");
            tmux.waitFor("relation s39 \u2192 s38 of type:");
            tmux.type("nationality");
            tmux.keys("Enter");
            tmux.waitFor("saved: relate s39 nationality s38");
            tmux.type("l");
            assertThat(tmux.waitFor("764/3925").get(22)).contains("GROUP s38 \u2190nationality s39");

            tmux.type("u");
            tmux.waitFor("undone: relate s39 nationality s38");
            tmux.type("u");
            tmux.waitFor("undone: set certainty=high of s39");
            tmux.type("q");
            tmux.waitFor("EXIT=0");
        }
        AnnotatedDocument doc = file.read();
        assertThat(doc.span("s39").orElseThrow().attributes()).isEmpty();
        assertThat(doc.relations()).hasSize(46).noneMatch(r -> r.type().equals("nationality"));
        assertThat(file.load().history().redo()).hasSize(2);
    }
}
