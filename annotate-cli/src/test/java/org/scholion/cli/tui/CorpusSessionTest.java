package org.scholion.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.corpus.Corpus;
import org.scholion.core.corpus.Status;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.team.Merge;
import org.scholion.seeds.Seeds;

/**
 * {@code annotate tui DIR} without a terminal: the document list, choosing and filtering, N and P,
 * marking done, the in-progress status on the first change, and the proposers of merged suggestions.
 */
class CorpusSessionTest {
    @TempDir
    Path dir;

    @TempDir
    Path elsewhere;

    /** Three documents (one in a subfolder, one titled with emoji) and a broken file, as annotate tui DIR finds them. */
    private CorpusSession corpus() throws Exception {
        write("a.scholion.json", "Alpha", "Alice met Bob in Paris.\n", Map.of());
        write(
                "b.scholion.json",
                "Bravo \uD83C\uDDFA\uD83C\uDDE6 \uD83D\uDC4D\uD83C\uDFFD",
                "Olena \uD83C\uDDFA\uD83C\uDDE6 met Taras in Kyiv.\n",
                Map.of());
        write(
                "sub/c.scholion.json",
                "Charlie",
                "Carol left Rome.\n",
                Map.of(Status.KEY, "done", Status.BY, "bob", Status.AT, "2026-01-02T03:04:05Z"));
        Files.writeString(dir.resolve("broken.scholion.json"), "{\"format\": 1", StandardCharsets.UTF_8);
        return CorpusSession.open(
                Corpus.of(List.of(dir.toString())), dir, new Editor("alice", Fixtures.CLOCK, true, true), null, 80, 12);
    }

    private AnnotationFile write(String name, String title, String text, Map<String, String> meta) throws Exception {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        Document d = new Document(name.replaceAll("\\W", "-"), title, null, "text/plain", "en", meta, text);
        AnnotationFile file = AnnotationFile.at(path);
        file.create(AnnotatedDocument.of(d, List.of(Seeds.labelSet("entities").orElseThrow())), false);
        return file;
    }

    private static List<String> screen(CorpusSession session) {
        return session.render(new ScreenRenderer(false)).text();
    }

    private static void type(CorpusSession session, String keys) {
        Key.typed(keys).forEach(session::press);
    }

    @Test
    void theListShowsEachDocumentsStatusCountAndTitle() throws Exception {
        CorpusSession session = corpus();
        List<String> screen = screen(session);
        assertThat(screen).hasSize(12);
        assertThat(screen.get(0))
                .startsWith("  status")
                .contains("spans")
                .contains("title")
                .contains("file");
        assertThat(screen.get(1)).startsWith("> todo").contains("Alpha").endsWith("a.scholion.json");
        assertThat(screen.get(2))
                .startsWith("  todo")
                .contains("Bravo \uD83C\uDDFA\uD83C\uDDE6")
                .endsWith("b.scholion.json");
        assertThat(screen.get(3)).startsWith("  unreadable").contains("broken.scholion.json");
        assertThat(screen.get(4)).startsWith("  done").contains("Charlie").endsWith("sub/c.scholion.json");
        assertThat(screen.get(10)).startsWith("4 documents: 2 todo, 1 done, 1 unreadable");
        for (String line : screen) {
            assertThat(ScreenCells.width(line)).isLessThanOrEqualTo(80);
        }
    }

    @Test
    void theFilterNarrowsTheListAndEnterOpensTheChosenDocument() throws Exception {
        CorpusSession session = corpus();
        type(session, "/charl");
        assertThat(screen(session).get(10)).isEqualTo("/charl");
        assertThat(screen(session).get(1)).contains("Charlie");
        assertThat(screen(session).get(2)).isEmpty();
        session.press(Key.ENTER); // ends the filter
        assertThat(screen(session).get(10)).contains("filter \u201Ccharl\u201D: 1 shown");
        session.press(Key.ENTER); // opens
        assertThat(session.session()).isNotNull();
        assertThat(session.session().state().document().document().title()).isEqualTo("Charlie");
        assertThat(screen(session).get(10)).startsWith("[4/4] sub/c.scholion.json 0/17");

        type(session, "O"); // back to the list; the filter is kept, Esc clears it
        assertThat(session.session()).isNull();
        assertThat(screen(session).get(1)).startsWith("> done").contains("Charlie");
        type(session, "/");
        session.press(Key.ESCAPE);
        assertThat(screen(session).get(4)).startsWith("> done");

        type(session, "/charl");
        session.press(Key.ENTER);
        session.press(Key.ENTER);
        type(session, "P"); // N and P go through the corpus, not the filtered list
        assertThat(title(session)).startsWith("Bravo");
        type(session, "O"); // Bravo does not pass the filter: the list shows everything again
        assertThat(screen(session).get(2)).startsWith("> todo").contains("Bravo");
        assertThat(screen(session).get(10)).doesNotContain("filter");
        session.press(Key.DOWN);
        session.press(Key.ENTER);
        assertThat(screen(session).get(10)).contains("cannot open: ").contains("broken.scholion.json");
        assertThat(session.session()).isNull();
    }

    @Test
    void nAndPOpenTheNextAndPreviousDocumentSkippingUnreadableOnes() throws Exception {
        CorpusSession session = corpus();
        session.press(Key.ENTER);
        assertThat(title(session)).isEqualTo("Alpha");
        type(session, "N");
        assertThat(title(session)).startsWith("Bravo");
        assertThat(session.session().state().message()).isEqualTo("next document: b.scholion.json");
        type(session, "N");
        assertThat(title(session)).isEqualTo("Charlie"); // past the broken file
        type(session, "N");
        assertThat(title(session)).isEqualTo("Charlie");
        assertThat(session.session().state().error()).isTrue();
        assertThat(session.session().state().message()).startsWith("this is the last document of the corpus");
        type(session, "PP");
        assertThat(title(session)).isEqualTo("Alpha");
        type(session, "P");
        assertThat(session.session().state().message()).startsWith("this is the first document");
        type(session, "q");
        assertThat(session.quit()).isTrue();
    }

    @Test
    void theFirstChangeMarksTheDocumentInProgressAndDMarksItDone() throws Exception {
        CorpusSession session = corpus();
        session.press(Key.ENTER);
        Path a = dir.resolve("a.scholion.json");
        type(session, "ww1"); // Bob as PERSON
        Status status = Status.of(AnnotationFile.at(a).read());
        assertThat(status).isEqualTo(new Status(Status.Stage.IN_PROGRESS, "alice", Fixtures.NOW));
        assertThat(session.session().state().message()).isEqualTo("saved: label 10:13 PERSON");
        assertThat(Status.of(session.session().state().document()).stage()).isEqualTo(Status.Stage.IN_PROGRESS);
        type(session, "u"); // undo leaves the status alone
        assertThat(Status.of(AnnotationFile.at(a).read()).stage()).isEqualTo(Status.Stage.IN_PROGRESS);
        type(session, "u"); // nothing more to undo: the status was not in the history
        assertThat(session.session().state().message()).contains("nothing to undo");

        type(session, "D");
        assertThat(Status.of(AnnotationFile.at(a).read()))
                .isEqualTo(new Status(Status.Stage.DONE, "alice", Fixtures.NOW));
        assertThat(session.session().state().message()).isEqualTo("marked done: N for the next document");
        type(session, "r1"); // a change to a done document leaves it done
        assertThat(Status.of(AnnotationFile.at(a).read()).stage()).isEqualTo(Status.Stage.DONE);

        type(session, "O");
        assertThat(screen(session).get(1)).startsWith("> done").contains(" 1  Alpha");
        assertThat(screen(session).get(10)).startsWith("4 documents: 1 todo, 2 done, 1 unreadable");
    }

    @Test
    void corpusKeysTakeOverLabelHotkeysOnlyWhenACorpusIsOpen() throws Exception {
        // entities has GROUP on N: a label in annotate tui FILE, the next document in annotate tui DIR
        AnnotationFile file = Fixtures.file(elsewhere, "Alice met Bob in Paris.\n");
        Session single = Fixtures.session(file, 80, 12, false);
        Key.typed("ND").forEach(single::press);
        assertThat(single.state().document().spans()).extracting(Span::label).containsExactly("GROUP");
        assertThat(Status.of(file.read()).stage()).isEqualTo(Status.Stage.IN_PROGRESS);
        assertThat(Fixtures.screen(single, false).get(11)).contains("4N GROUP");
        assertThat(Help.lines(single.state())).noneMatch(l -> l.contains("next / previous document"));

        CorpusSession corpus = corpus();
        corpus.press(Key.ENTER);
        int spans = corpus.session().state().document().spans().size();
        type(corpus, "N");
        assertThat(title(corpus)).startsWith("Bravo");
        assertThat(corpus.session().state().document().spans()).hasSize(0);
        assertThat(AnnotationFile.at(dir.resolve("a.scholion.json")).read().spans())
                .hasSize(spans);
        assertThat(screen(corpus).get(11)).contains("4 GROUP").doesNotContain("4N");
        assertThat(Help.lines(corpus.session().state(), true)).anyMatch(l -> l.contains("next / previous document"));
    }

    @Test
    void theStatusLineNamesWhoProposedAMergedSuggestion() throws Exception {
        String text = "Alice met Bob in Paris.\n";
        AnnotatedDocument empty = AnnotatedDocument.of(
                Document.of("doc", text), List.of(Seeds.labelSet("entities").orElseThrow()));
        AnnotatedDocument alice =
                empty.withSpan(Span.of("s1", 0, 5, "PERSON")).withSpan(Span.of("s2", 10, 13, "PERSON"));
        AnnotatedDocument bob =
                empty.withSpan(Span.of("s1", 0, 5, "PERSON")).withSpan(Span.of("s2", 17, 22, "LOCATION"));
        AnnotatedDocument carol =
                empty.withSpan(Span.of("s1", 0, 5, "PERSON")).withSpan(Span.of("s2", 10, 13, "PERSON"));
        AnnotatedDocument gold = Merge.of(
                List.of(
                        new Merge.Input("alice", "a", alice),
                        new Merge.Input("bob", "b", bob),
                        new Merge.Input("carol", "c", carol)),
                3);
        AnnotationFile file = AnnotationFile.at(elsewhere.resolve("gold.scholion.json"));
        file.create(gold, false);
        Session session = Fixtures.session(file, 80, 12, false);
        session.pressAll(Key.typed("ww"));
        assertThat(Fixtures.screen(session, false).get(10))
                .isEqualTo("gold.scholion.json 10/24 | PERSON? s2 suggested by alice, carol");
        session.pressAll(Key.typed("ww"));
        assertThat(Fixtures.screen(session, false).get(10))
                .isEqualTo("gold.scholion.json 17/24 | LOCATION? s3 suggested by bob");
        session.pressAll(Key.typed("g")); // accepted by all: no proposers shown
        assertThat(Fixtures.screen(session, false).get(10)).isEqualTo("gold.scholion.json 0/24 | PERSON s1");
    }

    private static String title(CorpusSession session) {
        return session.session().state().document().document().title();
    }
}
