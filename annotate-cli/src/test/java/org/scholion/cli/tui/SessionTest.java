package org.scholion.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.tui.TuiState.Mode;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.store.Snapshot;

/** Scripted key presses through the controller and the file, checked on disk and on screen. */
class SessionTest {
    //                            0         1         2         3
    //                            0123456789012345678901234567890123456789
    private static final String TEXT = "Alice met Bob in Paris. Bob left Paris.\n";

    @TempDir
    Path dir;

    private static void type(Session session, String keys) {
        session.pressAll(Key.typed(keys));
    }

    private static List<Span> spans(AnnotationFile file) throws Exception {
        return file.read().spans();
    }

    @Test
    void labelsTheSelectionWithTheNthLabelAndSavesAtOnce() throws Exception {
        AnnotationFile file = Fixtures.file(dir, TEXT);
        Session session = Fixtures.session(file, 80, 24, false);

        type(session, "vllll1");

        assertThat(spans(file)).containsExactly(new Span("s1", 0, 5, "PERSON", null, "alice", Fixtures.NOW, false));
        assertThat(Fixtures.screen(session, false).get(0)).isEqualTo("[Alice] met Bob in Paris. Bob left Paris.");
        assertThat(session.state().hasSelection()).isFalse();
        assertThat(session.state().message()).isEqualTo("saved: label 0:5 PERSON");
    }

    @Test
    void labelKeyWithoutSelectionLabelsTheWordUnderTheCursor() throws Exception {
        AnnotationFile file = Fixtures.file(dir, TEXT);
        Session session = Fixtures.session(file, 80, 24, true);

        type(session, "wwl"); // on the 'o' of Bob
        type(session, "p"); // PERSON's own hotkey

        assertThat(spans(file))
                .extracting(Span::start, Span::end, Span::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(10, 13, "PERSON"));
    }

    @Test
    void overlappingSpansAreBracketedInsideEachOtherAndDeletedThroughAChooser() throws Exception {
        AnnotationFile file = Fixtures.file(dir, TEXT);
        Session session = Fixtures.session(file, 80, 24, false);
        session.press(Key.TAB); // sourcing
        type(session, "vwwll3"); // "Alice met Bob" as CLAIM
        session.press(Key.TAB); // entities again
        type(session, "gp"); // "Alice" as PERSON

        assertThat(spans(file)).extracting(Span::label).containsExactly("CLAIM", "PERSON");
        assertThat(Fixtures.screen(session, false).get(0)).startsWith("[[Alice] met Bob] in Paris.");

        type(session, "x");
        assertThat(session.state().mode()).isEqualTo(Mode.CHOOSE);
        List<String> screen = Fixtures.screen(session, false);
        assertThat(screen.get(20)).contains("1  PERSON s2 0:5").contains("\u201CAlice\u201D");
        assertThat(screen.get(21)).contains("2  CLAIM s1 0:13");
        assertThat(screen.get(22)).startsWith("delete which span? press 1-2");

        type(session, "1");
        assertThat(spans(file)).extracting(Span::id).containsExactly("s1");
        assertThat(Fixtures.screen(session, false).get(0)).startsWith("[Alice met Bob] in Paris.");
    }

    @Test
    void undoAndRedoGoThroughTheFileHistory() throws Exception {
        AnnotationFile file = Fixtures.file(dir, TEXT);
        Session session = Fixtures.session(file, 80, 24, false);
        type(session, "p"); // Alice
        type(session, "ww3"); // Bob... as LOCATION
        assertThat(spans(file)).hasSize(2);

        type(session, "u");
        assertThat(spans(file)).extracting(Span::label).containsExactly("PERSON");
        assertThat(session.state().message()).isEqualTo("undone: label 10:13 LOCATION");
        type(session, "u");
        assertThat(spans(file)).isEmpty();
        session.press(Key.ctrl('r'));
        assertThat(spans(file)).extracting(Span::label).containsExactly("PERSON");
        Snapshot snapshot = file.load();
        assertThat(snapshot.history().undo()).hasSize(1);
        assertThat(snapshot.history().redo()).hasSize(1);
        assertThat(Fixtures.screen(session, false).get(0)).startsWith("[Alice] met Bob in");

        type(session, "uu");
        assertThat(session.state().error()).isTrue();
        assertThat(session.state().message()).contains("nothing to undo");
    }

    @Test
    void searchSelectsTheNextMatchAndNRepeatsIt() throws Exception {
        AnnotationFile file = Fixtures.file(dir, TEXT);
        Session session = Fixtures.session(file, 80, 24, false);

        type(session, "/paris");
        assertThat(Fixtures.screen(session, false).get(22)).startsWith("/paris");
        session.press(Key.ENTER);
        assertThat(session.state().anchor()).isEqualTo(17);
        assertThat(session.state().cursor()).isEqualTo(21);
        type(session, "3");
        type(session, "nL"); // next match, LOCATION by hotkey
        type(session, "n");
        assertThat(session.state().message()).startsWith("search wrapped");
        assertThat(session.state().anchor()).isEqualTo(17);

        assertThat(spans(file))
                .extracting(Span::start, Span::end)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(17, 22), org.assertj.core.groups.Tuple.tuple(33, 38));
        assertThat(Fixtures.screen(session, false).get(0)).isEqualTo("Alice met Bob in [Paris]. Bob left [Paris].");

        type(session, "/Nowhere");
        session.press(Key.ENTER);
        assertThat(session.state().message()).isEqualTo("not found: Nowhere");
    }

    @Test
    void tabSwitchesTheActiveLabelSetShownInTheLegend() throws Exception {
        AnnotationFile file = Fixtures.file(dir, TEXT);
        Session session = Fixtures.session(file, 80, 24, false);
        assertThat(Fixtures.screen(session, false).get(23)).startsWith("entities\u25B8 1p PERSON 0 2o");

        session.press(Key.TAB);
        assertThat(Fixtures.screen(session, false).get(23))
                .isEqualTo("sourcing\u25B8 1Q QUOTE 0 2s ATTRIBUTION 0 3C CLAIM 0 4o OPINION 0");
        type(session, "o"); // OPINION now, not ORGANIZATION
        assertThat(spans(file)).extracting(Span::label).containsExactly("OPINION");
        session.press(Key.BACK_TAB);
        assertThat(session.state().activeLabelSet().orElseThrow().name()).isEqualTo("entities");
    }

    @Test
    void notesAreWrittenAndEditedInAOneLineEditor() throws Exception {
        AnnotationFile file = Fixtures.file(dir, TEXT);
        Session session = Fixtures.session(file, 80, 24, false);
        type(session, "/Paris");
        session.press(Key.ENTER);
        type(session, "L");

        type(session, "cthe capital");
        assertThat(Fixtures.screen(session, false).get(22)).isEqualTo("note for s1: the capital");
        session.press(Key.ENTER);
        assertThat(spans(file).get(0).note()).isEqualTo("the capital");
        assertThat(Fixtures.screen(session, false).get(22))
                .contains("LOCATION s1 \u201Cthe capital\u201D")
                .contains("saved: note s1");

        type(session, "c");
        assertThat(session.state().input()).isEqualTo("the capital");
        for (int i = 0; i < 7; i++) {
            session.press(Key.BACKSPACE);
        }
        type(session, "city");
        session.press(Key.ESCAPE);
        assertThat(spans(file).get(0).note()).isEqualTo("the capital");

        type(session, "c");
        session.press(Key.ctrl('u'));
        session.press(Key.ENTER);
        assertThat(spans(file).get(0).note()).isNull();
    }

    @Test
    void relabelAsksForALabelKey() throws Exception {
        AnnotationFile file = Fixtures.file(dir, TEXT);
        Session session = Fixtures.session(file, 80, 24, false);
        type(session, "p");
        type(session, "e");
        assertThat(Fixtures.screen(session, false).get(22)).startsWith("relabel s1 PERSON as?");
        type(session, "2");
        assertThat(spans(file)).extracting(Span::label).containsExactly("ORGANIZATION");
        type(session, "ex");
        assertThat(session.state().error()).isTrue();
        session.press(Key.ESCAPE);
        assertThat(session.state().mode()).isEqualTo(Mode.NORMAL);
    }

    @Test
    void suggestionsAreAcceptedRejectedAndAcceptedByLabel() throws Exception {
        AnnotationFile file = Fixtures.file(dir, TEXT);
        file.update(
                "suggest",
                doc -> Suggestions.add(doc, "PERSON", Pattern.compile("Bob"), "bot", Fixtures.NOW)
                        .document());
        file.update(
                "suggest",
                doc -> Suggestions.add(doc, "LOCATION", Pattern.compile("Paris"), "bot", Fixtures.NOW)
                        .document());
        Session session = Fixtures.session(file, 80, 24, true);
        AttributedString first = new ScreenRenderer(true)
                .render(session.state(), session.editor())
                .lines()
                .get(0);
        assertThat(first.styleAt(10)).isEqualTo(first.styleAt(10).italic()); // italic: not accepted yet
        assertThat(new ScreenRenderer(false)
                        .render(session.state(), session.editor())
                        .text()
                        .get(0))
                .isEqualTo("Alice met {Bob} in {Paris}. {Bob} left {Paris}.");

        type(session, "wwa"); // accept the first Bob
        type(session, "]r"); // jump to Paris and reject it
        type(session, "]A"); // jump to the second Bob: accept all PERSON suggestions... it was the last one
        type(session, "]A"); // the second Paris: accept all LOCATION suggestions

        AttributedString accepted = new ScreenRenderer(true)
                .render(session.state(), session.editor())
                .lines()
                .get(0);
        assertThat(accepted.styleAt(11)).isNotEqualTo(accepted.styleAt(11).italic()); // accepted: a tint, upright
        AnnotatedDocument doc = file.read();
        assertThat(doc.spans())
                .extracting(Span::start, Span::label, Span::suggestion, Span::annotator)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(10, "PERSON", false, "alice"),
                        org.assertj.core.groups.Tuple.tuple(24, "PERSON", false, "alice"),
                        org.assertj.core.groups.Tuple.tuple(33, "LOCATION", false, "alice"));
        type(session, "a");
        assertThat(session.state().message()).isEqualTo("no suggestion under the cursor");
    }

    @Test
    void labellingASuggestedRangeAcceptsTheSuggestion() throws Exception {
        AnnotationFile file = Fixtures.file(dir, TEXT);
        file.update(
                "suggest",
                doc -> Suggestions.add(doc, "PERSON", Pattern.compile("Alice"), "bot", Fixtures.NOW)
                        .document());
        Session session = Fixtures.session(file, 80, 24, false);
        type(session, "p");
        assertThat(spans(file)).singleElement().satisfies(s -> {
            assertThat(s.suggestion()).isFalse();
            assertThat(s.id()).isEqualTo("s1");
        });
        type(session, "p");
        assertThat(session.state().message()).isEqualTo("already labelled PERSON (s1)");
    }

    @Test
    void resizeRewrapsTheTextToTheNewWidth() throws Exception {
        AnnotationFile file = Fixtures.seed(dir);
        Session session = Fixtures.session(file, 80, 24, true);
        assertThat(Fixtures.screen(session, true).get(1))
                .isEqualTo("On Thursday Ukraine\u2019s Dictator Vladimir Zelensky met with a group of European");

        session.resize(40, 12);
        List<String> screen = Fixtures.screen(session, true);
        assertThat(screen).hasSize(12);
        assertThat(screen.get(1)).isEqualTo("On Thursday Ukraine\u2019s Dictator Vladimir");
        assertThat(screen.get(2)).isEqualTo("Zelensky met with a group of European");
        for (String line : screen) {
            assertThat(ScreenCells.width(line)).isLessThanOrEqualTo(40);
        }
        type(session, "G");
        screen = Fixtures.screen(session, true);
        assertThat(screen.get(10)).startsWith("seed.scholion.json 3924/3925");
    }

    @Test
    void wideCharactersWrapByDisplayWidthAndOffsetsStayCodePoints() throws Exception {
        AnnotationFile file = Fixtures.file(dir, "\uD83D\uDE00\uD83D\uDE00\u4E2D\u6587\u4E2D\u6587 ab\n");
        Session session = Fixtures.session(file, 5, 8, false);
        List<String> screen = Fixtures.screen(session, false);
        assertThat(screen.subList(0, 4))
                .containsExactly("\uD83D\uDE00\uD83D\uDE00", "\u4E2D\u6587", "\u4E2D\u6587", "ab");

        type(session, "vl1"); // both emoji
        type(session, "jp"); // the CJK word across two rows
        assertThat(spans(file))
                .extracting(Span::start, Span::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 2), org.assertj.core.groups.Tuple.tuple(2, 6));
        for (String line : Fixtures.screen(session, false)) {
            assertThat(ScreenCells.width(line)).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void controlCharactersInTheTextNeverReachTheTerminal() throws Exception {
        AnnotationFile file = Fixtures.file(dir, "a\u001B[31mb\u0000c\u0085d\n");
        Session session = Fixtures.session(file, 80, 24, true);
        AttributedString line = new ScreenRenderer(true)
                .render(session.state(), session.editor())
                .lines()
                .get(0);
        assertThat(line.toString()).isEqualTo("a\u241B[31mb\u2400c\u00B7d");
        assertThat(line.toAnsi(256, AttributedString.ForceMode.None)).doesNotContain("\u001B[31m");
    }

    @Test
    void hotkeysThatClashWithReservedKeysAreIgnored() throws Exception {
        AnnotationFile file = Fixtures.file(
                dir,
                TEXT,
                List.of(Fixtures.set(
                        "clash",
                        new Label("X", "#112233", null, "h", null),
                        new Label("Y", "#445566", null, "y", null))));
        Session session = Fixtures.session(file, 80, 24, false);
        type(session, "lh");
        assertThat(spans(file)).isEmpty();
        assertThat(session.state().cursor()).isZero();
        assertThat(Fixtures.screen(session, false).get(23)).isEqualTo("clash: 1 X 0 2y Y 0");
        type(session, "y");
        assertThat(spans(file)).extracting(Span::label).containsExactly("Y");
    }

    @Test
    void reloadsWhenAnotherProgramChangesTheFile() throws Exception {
        AnnotationFile file = Fixtures.file(dir, TEXT);
        Session session = Fixtures.session(file, 80, 24, false);
        assertThat(session.poll()).isFalse();

        AnnotationFile.at(file.path()).update("elsewhere", doc -> doc.withSpan(Span.of("s9", 17, 22, "LOCATION")));

        assertThat(session.poll()).isTrue();
        assertThat(session.state().document().spans()).extracting(Span::id).containsExactly("s9");
        assertThat(Fixtures.screen(session, false).get(22)).contains("reloaded");
        assertThat(session.poll()).isFalse();
    }

    @Test
    void helpListsEveryKeyAndTheActiveLabels() throws Exception {
        AnnotationFile file = Fixtures.file(dir, TEXT);
        Session session = Fixtures.session(file, 80, 60, false);
        type(session, "?");
        String help = String.join("\n", Fixtures.screen(session, false));
        for (String key : List.of(
                "h j k l",
                "w  b",
                ")  (",
                "PgDn",
                "g  G",
                "]  [",
                "v ",
                "Esc",
                "/ text Enter",
                "n ",
                "1-9",
                "Tab",
                "x ",
                "e ",
                "c ",
                "a  r",
                "A ",
                "u  Ctrl-R",
                "?",
                "q ")) {
            assertThat(help).contains(key);
        }
        assertThat(help).contains("Labels of entities").contains("1 p  PERSON - A named person");
        type(session, "x"); // any other key closes help without deleting anything
        assertThat(session.state().mode()).isEqualTo(Mode.NORMAL);
    }

    @Test
    void movesByWordSentenceAndSpan() throws Exception {
        AnnotationFile file = Fixtures.file(dir, "One two. Three four.\nFive six.\n");
        file.update("x", doc -> doc.withSpan(Span.of("s1", 4, 7, "PERSON")).withSpan(Span.of("s2", 21, 25, "DATE")));
        Session session = Fixtures.session(file, 80, 24, true);
        type(session, "w");
        assertThat(session.state().cursor()).isEqualTo(4);
        type(session, ")");
        assertThat(session.state().cursor()).isEqualTo(9);
        type(session, ")");
        assertThat(session.state().cursor()).isEqualTo(21);
        type(session, "(");
        assertThat(session.state().cursor()).isEqualTo(9);
        type(session, "b");
        assertThat(session.state().cursor()).isEqualTo(4);
        type(session, "]]");
        assertThat(session.state().cursor()).isEqualTo(21);
        type(session, "[");
        assertThat(session.state().cursor()).isEqualTo(4);
        type(session, "j");
        assertThat(session.state().cursor()).isEqualTo(25);
        session.press(Key.UP);
        assertThat(session.state().cursor()).isEqualTo(4);
        type(session, "G");
        assertThat(session.state().cursor()).isEqualTo(29);
    }

    @Test
    void pagesThroughALongDocument() throws Exception {
        AnnotationFile file = Fixtures.seed(dir);
        Session session = Fixtures.session(file, 80, 24, true);
        session.press(Key.PAGE_DOWN);
        int row = session.editor().layout(session.state()).rowOf(session.state().cursor());
        assertThat(row).isEqualTo(21);
        assertThat(Fixtures.screen(session, true).get(0)).isNotEmpty();
        session.press(Key.PAGE_UP);
        assertThat(session.editor()
                        .layout(session.state())
                        .rowOf(session.state().cursor()))
                .isZero();
    }

    @Test
    void quitEndsTheSession() throws Exception {
        Session session = Fixtures.session(Fixtures.file(dir, TEXT), 80, 24, false);
        assertThat(session.quit()).isFalse();
        type(session, "q");
        assertThat(session.quit()).isTrue();
    }

    @Test
    void anyWindowSizeGivesExactlyItsRowsWithinItsColumns() throws Exception {
        AnnotationFile file = Fixtures.file(dir, "Alice \uD83D\uDE00 met \u4E2D\u6587 Bob.\n\nParis\r\nend\n");
        file.update("x", doc -> doc.withSpan(Span.of("s1", 0, 5, "PERSON")));
        for (boolean color : new boolean[] {true, false}) {
            Session session = Fixtures.session(file, 80, 24, color);
            for (int width = 1; width <= 12; width++) {
                for (int height = 1; height <= 6; height++) {
                    session.resize(width, height);
                    type(session, "jw");
                    ScreenRenderer.Screen screen = new ScreenRenderer(color).render(session.state(), session.editor());
                    assertThat(screen.lines()).as(width + "x" + height).hasSize(height);
                    for (AttributedString line : screen.lines()) {
                        // a wide character alone in a 1-column window is the one allowed overflow
                        assertThat(line.columnLength())
                                .as(width + "x" + height + " " + line)
                                .isLessThanOrEqualTo(Math.max(width, 2));
                    }
                    assertThat(screen.cursorRow()).isBetween(0, height - 1);
                    assertThat(screen.cursorColumn()).isBetween(0, width - 1);
                }
            }
        }
    }

    @Test
    void upAndDownKeepTheirColumnAcrossShortLines() throws Exception {
        AnnotationFile file = Fixtures.file(dir, "Long first line here\nab\nAnother long line\n");
        Session session = Fixtures.session(file, 80, 24, true);
        type(session, "wwl"); // column 12, in "line"
        assertThat(session.state().cursor()).isEqualTo(12);
        type(session, "j");
        assertThat(session.state().cursor()).isEqualTo(22); // "ab" is short: its last letter
        type(session, "j");
        assertThat(session.state().cursor()).isEqualTo(36); // back to column 12
        type(session, "hj"); // another move sets a new goal: column 11, kept on the last row
        assertThat(session.state().goalColumn()).isEqualTo(11);
        assertThat(session.state().cursor()).isEqualTo(35);
    }

    @Test
    void relatesSpansByNumberListsTheirRelationsAndDeletesOneWithX() throws Exception {
        AnnotationFile file = Fixtures.file(dir, TEXT);
        file.update(
                "spans",
                doc -> doc.withSpan(Span.of("s1", 0, 5, "PERSON"))
                        .withSpan(Span.of("s2", 10, 13, "PERSON"))
                        .withSpan(Span.of("s3", 17, 22, "LOCATION"))
                        .withRelation(new org.scholion.core.model.Relation("r1", "met", "s1", "s2")));
        Session session = Fixtures.session(file, 100, 24, false);

        type(session, ">w"); // from Alice; w is a motion while relating: on "met"
        assertThat(session.state().mode()).isEqualTo(TuiState.Mode.RELATE);
        type(session, "w"); // on Bob
        assertThat(session.state().message()).isEqualTo("to PERSON s2? a number picks the type, Enter types one");
        assertThat(ScreenRenderer.status(session.state())).startsWith("relate s1 \u2192 1 met Enter: type");
        type(session, "w"); // on "in": no span there
        type(session, "1");
        assertThat(session.state().message()).startsWith("no other span under the cursor");
        type(session, "w1"); // Paris: the type numbered 1, "met"
        assertThat(file.read().relations())
                .extracting(r -> r.from() + " " + r.type() + " " + r.to())
                .containsExactly("s1 met s2", "s1 met s3");

        type(session, "g");
        assertThat(Fixtures.screen(session, false).get(22)).contains("PERSON s1 met\u2192s2 met\u2192s3");

        type(session, "x"); // the span or one of its two relations
        assertThat(session.state().mode()).isEqualTo(TuiState.Mode.CHOOSE);
        assertThat(Fixtures.screen(session, false).get(20)).contains("2  relation r1: s1 met s2");
        type(session, "2");
        assertThat(file.read().relations()).extracting(r -> r.id()).containsExactly("r2");
        assertThat(spans(file)).hasSize(3);

        type(session, "u");
        assertThat(file.read().relations()).extracting(r -> r.id()).containsExactly("r1", "r2");
        type(session, "u"); // and the relation made with >
        assertThat(file.read().relations()).extracting(r -> r.id()).containsExactly("r1");
    }

    @Test
    void attributeNamesCompleteFromTheDeclaredSetAndValuesAreChecked() throws Exception {
        org.scholion.core.model.LabelSet set = Fixtures.set(
                        "entities", org.scholion.core.model.Label.of("PERSON", "#4477AA"))
                .withAttributes(List.of("certainty", "speaker"));
        AnnotationFile file = Fixtures.file(dir, TEXT, List.of(set));
        file.update("spans", doc -> doc.withSpan(Span.of("s1", 0, 5, "PERSON")));
        Session session = Fixtures.session(file, 100, 24, false);

        type(session, "t");
        session.press(Key.TAB); // "certainty" and "speaker" share no prefix
        assertThat(session.state().message()).isEqualTo("certainty speaker");
        type(session, "s");
        session.press(Key.TAB);
        assertThat(session.state().input()).isEqualTo("speaker");
        session.press(Key.ENTER);
        type(session, "quoted");
        session.press(Key.ENTER);
        assertThat(spans(file).get(0).attributes()).containsExactly(java.util.Map.entry("speaker", "quoted"));
        assertThat(Fixtures.screen(session, false).get(22)).contains("PERSON s1 speaker=quoted");

        type(session, "tmood");
        session.press(Key.ENTER); // not declared: refused with the model's message, the prompt stays
        assertThat(session.state().mode()).isEqualTo(TuiState.Mode.ATTRIBUTE_NAME);
        assertThat(session.state().message()).contains("'mood'").contains("certainty, speaker");
        session.press(Key.ESCAPE);

        type(session, "tspeaker");
        session.press(Key.ENTER);
        assertThat(session.state().input()).isEqualTo("quoted"); // the value so far, to edit
        session.press(Key.ctrl('u'));
        session.press(Key.ENTER); // empty removes it
        assertThat(spans(file).get(0).attributes()).isEmpty();
        type(session, "u");
        assertThat(spans(file).get(0).attributes()).containsExactly(java.util.Map.entry("speaker", "quoted"));
    }
}
