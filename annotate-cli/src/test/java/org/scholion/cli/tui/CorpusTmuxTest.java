package org.scholion.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.corpus.Status;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.store.AnnotationFile;
import org.scholion.seeds.Seeds;

/**
 * {@code annotate tui DIR} in a real pseudo-terminal: tmux runs {@link TuiMain} on a generated folder
 * of three documents (one with flags and a skin-toned emoji), a document is chosen by filter, then
 * N, P, D and q. Skipped without tmux, unless SCHOLION_REQUIRE_TOOLS=1.
 */
class CorpusTmuxTest {
    @TempDir
    Path dir;

    private void write(String name, String title, String text) throws Exception {
        Path path = dir.resolve("corpus").resolve(name);
        Files.createDirectories(path.getParent());
        Document d = new Document(name.replaceAll("\\W", "-"), title, null, "text/plain", "en", Map.of(), text);
        AnnotationFile.at(path)
                .create(
                        AnnotatedDocument.of(
                                d, List.of(Seeds.labelSet("entities").orElseThrow())),
                        false);
    }

    @Test
    void picksADocumentAndStepsThroughTheCorpus() throws Exception {
        write("one.scholion.json", "First report", "Alice met Bob in Paris.\n");
        write(
                "two.scholion.json",
                "Second \uD83C\uDDFA\uD83C\uDDE6 report \uD83D\uDC4D\uD83C\uDFFD",
                "Olena \uD83C\uDDFA\uD83C\uDDE6 met Taras \uD83D\uDC4D\uD83C\uDFFD in Kyiv.\n");
        write("nested/three.scholion.json", "Third report", "Carol left Rome for Oslo.\n");
        try (Tmux tmux = Tmux.annotate(dir, "corpus", 80, 24)) {
            List<String> list = tmux.waitFor("3 documents: 3 todo");
            Files.writeString(
                    Path.of("target", "tui-corpus-80x24.txt"), String.join("\n", list) + "\n", StandardCharsets.UTF_8);
            assertThat(list.get(0)).startsWith("  status").contains("title");
            assertThat(list.get(1))
                    .startsWith("> todo")
                    .contains("Third report")
                    .endsWith("nested/three.scholion.json");
            assertThat(list.get(2))
                    .startsWith("  todo")
                    .contains("First report")
                    .endsWith("one.scholion.json");
            assertThat(list.get(3)).startsWith("  todo").contains("Second").endsWith("two.scholion.json");

            tmux.type("/first");
            tmux.keys("Enter", "Enter");
            List<String> first = tmux.waitFor("[2/3] one.scholion.json 0/24");
            assertThat(first.get(0)).startsWith("Alice met Bob in Paris.");
            tmux.type("ww1"); // Bob as PERSON: the document is now in progress
            tmux.waitFor("saved: label 10:13 PERSON");

            tmux.type("N");
            List<String> second = tmux.waitFor("[3/3] two.scholion.json 0/");
            assertThat(second.get(0)).startsWith("Olena \uD83C\uDDFA\uD83C\uDDE6 met Taras");
            tmux.type("D");
            tmux.waitFor("marked done");

            tmux.type("P");
            tmux.waitFor("[2/3] one.scholion.json 0/24");
            tmux.type("O");
            List<String> after = tmux.waitFor("3 documents: 1 todo, 1 in-progress, 1 done");
            assertThat(after.get(2)).startsWith("> in-progress").contains(" 1  First report");
            assertThat(after.get(3)).startsWith("  done").contains("Second");

            tmux.type("q");
            tmux.waitFor("EXIT=0");
        }
        assertThat(Status.of(AnnotationFile.at(dir.resolve("corpus/one.scholion.json"))
                        .read()))
                .isEqualTo(new Status(
                        Status.Stage.IN_PROGRESS,
                        "tmux-tester",
                        Status.of(AnnotationFile.at(dir.resolve("corpus/one.scholion.json"))
                                        .read())
                                .at()));
        assertThat(Status.of(AnnotationFile.at(dir.resolve("corpus/two.scholion.json"))
                                .read())
                        .stage())
                .isEqualTo(Status.Stage.DONE);
        assertThat(Status.of(AnnotationFile.at(dir.resolve("corpus/nested/three.scholion.json"))
                                .read())
                        .stage())
                .isEqualTo(Status.Stage.TODO);
    }
}
