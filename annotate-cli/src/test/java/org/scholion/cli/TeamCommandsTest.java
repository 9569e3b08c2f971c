package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholion.cli.CommandTesting.p;
import static org.scholion.cli.CommandTesting.read;
import static org.scholion.cli.CommandTesting.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.CommandTesting.Result;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.core.team.Merge;

class TeamCommandsTest {
    @TempDir
    Path dir;

    Path alice;
    Path bob;

    /** Two annotators of the sample text: both mark Zoë; Alice the emoji, Bob Paris; they differ on "Macron". */
    @BeforeEach
    void twoAnnotators() throws Exception {
        Files.createDirectories(dir.resolve("alice"));
        Files.createDirectories(dir.resolve("bob"));
        alice = CommandTesting.sample(dir.resolve("alice"));
        bob = CommandTesting.sample(dir.resolve("bob"));
        Map<String, String> asAlice = Map.of("SCHOLION_ANNOTATOR", "alice");
        Map<String, String> asBob = Map.of("SCHOLION_ANNOTATOR", "bob");
        run(asAlice, "add", p(alice), "-l", "PERSON", "--at", "0:3");
        run(asAlice, "add", p(alice), "-l", "GROUP", "--at", "4:9");
        run(asAlice, "add", p(alice), "-l", "PERSON", "--at", "35:41");
        run(asBob, "add", p(bob), "-l", "PERSON", "--at", "0:3");
        run(asBob, "add", p(bob), "-l", "LOCATION", "--at", "25:30");
        run(asBob, "add", p(bob), "-l", "ORGANIZATION", "--at", "35:41");
    }

    @Test
    void agreeOfAFileWithItselfIsOneEverywhere() {
        Result r = run("agree", p(alice), p(alice), "--format", "tsv");
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("scope\tmetric\tvalue");
        assertThat(lines.subList(1, lines.size()))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).endsWith("\t1.0000"));
        assertThat(lines)
                .contains(
                        "overall\tcohen_kappa\t1.0000",
                        "PERSON\texact_f1\t1.0000",
                        "GROUP\tkrippendorff_alpha_u\t1.0000");
    }

    @Test
    void agreeTablesAndJsonCarryTheValuesAndReasons() throws Exception {
        Result table = run("agree", p(alice), p(bob));
        assertThat(table.code()).isZero();
        assertThat(table.out())
                .contains("compared over 1 document")
                .contains("SCOPE")
                .contains("EXACT_F1")
                .contains("n/a:")
                .contains("GROUP exact_precision: no spans in " + bob);
        Result json = run("agree", p(alice), p(bob), "--format", "json");
        JsonNode root = new ObjectMapper().readTree(json.out());
        JsonNode values = root.get("comparisons").get(0).get("values");
        assertThat(values.get(0).get("scope").asText()).isEqualTo("overall");
        // overall: 1 exact match of 3 and 3
        assertThat(values.findValues("metric").stream().map(JsonNode::asText)).contains("exact_f1", "cohen_kappa");
        for (JsonNode v : values) {
            if (v.get("scope").asText().equals("overall")
                    && v.get("metric").asText().equals("exact_f1")) {
                assertThat(v.get("value").asDouble()).isEqualTo(1 / 3.0);
            }
            assertThat(v.get("value").isNull()).isEqualTo(v.has("undefined"));
        }
    }

    @Test
    void agreeRefusesDifferentTextsWithOneLineAndPairsFoldersByText() throws Exception {
        Path other = dir.resolve("other.scholion.json");
        Path source = Files.writeString(dir.resolve("other.txt"), "another text");
        assertThat(run("new", p(source), "-o", p(other), "--labels", "entities").code())
                .isZero();
        Result refused = run("agree", p(alice), p(other));
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err())
                .startsWith("error: ")
                .contains(p(alice) + " and " + p(other) + " annotate different texts")
                .hasLineCount(1);
        Files.copy(other, dir.resolve("alice").resolve("other.scholion.json"));
        Result folders = run("agree", p(dir.resolve("alice")), p(dir.resolve("bob")), "--format", "tsv");
        assertThat(folders.code()).isZero();
        assertThat(folders.err()).contains("note: other").contains("is missing from " + dir.resolve("bob"));
        assertThat(folders.out()).contains("overall\texact_f1\t0.3333");
        Result mixed = run("agree", p(alice), p(dir.resolve("bob")));
        assertThat(mixed.code()).isEqualTo(2);
        Result one = run("agree", p(alice));
        assertThat(one.code()).isEqualTo(2);
    }

    @Test
    void agreeWalksFoldersRecursivelyAndGlobsAndReportsUnreadableFiles() throws Exception {
        // alice's file one folder deeper: still paired with bob's by its text
        Path deeper =
                Files.createDirectories(dir.resolve("team").resolve("alice").resolve("week1"));
        Files.move(alice, deeper.resolve("article.scholion.json"));
        Files.createDirectories(dir.resolve("team").resolve("bob"));
        Files.move(bob, dir.resolve("team").resolve("bob").resolve("renamed.scholion.json"));
        Result folders = run(
                "agree",
                p(dir.resolve("team").resolve("alice")),
                p(dir.resolve("team").resolve("bob")),
                "--format",
                "tsv");
        assertThat(folders.code()).isZero();
        assertThat(folders.err()).isEmpty();
        assertThat(folders.out()).contains("overall\texact_f1\t0.3333");
        Result globs = run(
                "agree",
                dir.resolve("team") + "/alice/**/*.scholion.json",
                dir.resolve("team") + "/bob/*.scholion.json",
                "--format",
                "tsv");
        assertThat(globs.code()).isZero();
        // the same values; only the names in the reasons (the globs as given) differ
        assertThat(globs.out()
                        .replace(dir.resolve("team") + "/alice/**/*.scholion.json", "A")
                        .replace(dir.resolve("team") + "/bob/*.scholion.json", "B"))
                .isEqualTo(folders.out()
                        .replace(p(dir.resolve("team").resolve("alice")), "A")
                        .replace(p(dir.resolve("team").resolve("bob")), "B"));
        // a broken file in a folder is reported on one line; the others are still compared
        Path broken = Files.writeString(dir.resolve("team").resolve("bob").resolve("broken.scholion.json"), "{");
        Result partly = run(
                "agree",
                p(dir.resolve("team").resolve("alice")),
                p(dir.resolve("team").resolve("bob")),
                "--format",
                "tsv");
        assertThat(partly.code()).isEqualTo(1);
        assertThat(partly.err()).startsWith("error: " + p(broken)).hasLineCount(1);
        assertThat(partly.out()).isEqualTo(folders.out());
        Result json = run(
                "agree",
                p(dir.resolve("team").resolve("alice")),
                p(dir.resolve("team").resolve("bob")),
                "--format",
                "json");
        assertThat(new ObjectMapper()
                        .readTree(json.out())
                        .get("problems")
                        .get(0)
                        .asText())
                .startsWith(p(broken));
        Result empty =
                run("agree", p(dir.resolve("team").resolve("alice")), p(Files.createDirectories(dir.resolve("none"))));
        assertThat(empty.code()).isEqualTo(1);
        assertThat(empty.err()).contains("holds no .scholion.json file").contains("no document is in every input");
    }

    @Test
    void agreeOfThreeGivesFleissAndEveryPair() {
        Result r = run("agree", p(alice), p(bob), p(alice), "--format", "tsv");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .startsWith("annotators\tscope\tmetric\tvalue\n")
                .contains("all\toverall\tfleiss_kappa\t")
                .contains(p(alice) + "+" + p(bob) + "\toverall\tcohen_kappa\t");
    }

    @Test
    void diffListsOnlyInEitherAndLabelConflicts() {
        Result r = run("diff", p(alice), p(bob), "--format", "tsv");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("""
                kind\ta_id\ta_label\ta_start\ta_end\tb_id\tb_label\tb_start\tb_end\ttext
                only-in-a\ts2\tGROUP\t4\t9\t\t\t\t\t\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67
                only-in-b\t\t\t\t\ts2\tLOCATION\t25\t30\tParis
                label-conflict\ts3\tPERSON\t35\t41\ts3\tORGANIZATION\t35\t41\tMacron
                """);
        Result shown = run("show", p(alice), "--diff", p(bob), "--no-color");
        assertThat(shown.code()).isZero();
        assertThat(shown.out())
                .contains("[only in A: \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67]")
                .contains("[only in B: Paris]")
                .contains("[label conflict: Macron]")
                .contains("Legend (3 spans)");
        Result colored = run("show", p(alice), "--diff", p(bob), "--color");
        assertThat(colored.out()).contains("\u001B[");
    }

    @Test
    void mergeSuggestsDisagreementsWithProposersAndAcceptRejectDecide() throws Exception {
        Path gold = dir.resolve("gold.scholion.json");
        Result merged = run("merge", p(alice), p(bob), "-o", p(gold));
        assertThat(merged.code()).isZero();
        assertThat(merged.out()).contains("1 accepted, 4 suggested");
        AnnotatedDocument doc = read(gold);
        assertThat(doc.document().metadata().get(Merge.MERGED_FROM)).startsWith("sample.scholion.json sha256:");
        Result ls = run("ls", p(gold), "--format", "tsv");
        assertThat(ls.out())
                .contains("s1\tPERSON\t0\t3\tZo\u00EB\tno\t\t\t\n")
                .contains("\tyes\talice\t\t\n")
                .contains("\tyes\tbob\t\t\n");
        JsonNode json = new ObjectMapper()
                .readTree(run("ls", p(gold), "--format", "json").out());
        assertThat(json.get(1).get("suggestion").asBoolean()).isTrue();
        assertThat(json.get(1).get("proposers").get(0).asText()).isEqualTo("alice");
        assertThat(run("ls", p(gold)).out()).contains("SUGGESTED BY").contains("alice?");

        assertThat(run("merge", p(alice), p(bob), "-o", p(gold)).code()).isEqualTo(1);
        assertThat(run("merge", p(alice), p(bob), "-o", p(gold), "--min-agree", "3")
                        .code())
                .isEqualTo(2);

        String first = doc.spans().stream()
                .filter(Span::suggestion)
                .findFirst()
                .orElseThrow()
                .id();
        Result accepted = run("accept", p(gold), first);
        assertThat(accepted.code()).isZero();
        assertThat(accepted.out()).isEqualTo("accepted 1 suggestion\n");
        assertThat(read(gold).span(first).orElseThrow().suggestion()).isFalse();
        assertThat(run("accept", p(gold), first).code()).isEqualTo(1);
        assertThat(run("accept", p(gold)).code()).isEqualTo(2);
        assertThat(run("reject", p(gold), "--all", "--label", "ORGANIZATION").out())
                .isEqualTo("rejected 1 suggestion\n");
        assertThat(run("reject", p(gold), "--all").out()).isEqualTo("rejected 2 suggestions\n");
        assertThat(read(gold).spans()).hasSize(2).noneMatch(Span::suggestion);
        assertThat(run("undo", p(gold)).code()).isZero();
        assertThat(read(gold).spans()).hasSize(4);
    }
}
