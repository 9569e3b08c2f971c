package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholion.cli.CommandTesting.p;
import static org.scholion.cli.CommandTesting.read;
import static org.scholion.cli.CommandTesting.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.core.testing.RequiredTools;

/**
 * Real git: two clones of one repository, concurrent edits of one annotation file, and a pull with
 * the merge driver that {@code annotate git-setup} registers (run as this JVM's class path). Skipped
 * without git, unless {@code SCHOLION_REQUIRE_TOOLS=1}.
 */
class GitMergeDriverTest {
    @TempDir
    Path dir;

    Path one;
    Path two;
    static final String FILE = "sample.scholion.json";

    record Git(int code, String out) {}

    private Git git(Path where, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", where.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("HOME", dir.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_AUTHOR_NAME", "tester");
        env.put("GIT_AUTHOR_EMAIL", "tester@example.org");
        env.put("GIT_COMMITTER_NAME", "tester");
        env.put("GIT_COMMITTER_EMAIL", "tester@example.org");
        Process process = pb.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("git " + cmd).isTrue();
        return new Git(process.exitValue(), out);
    }

    private void ok(Path where, String... args) throws Exception {
        Git g = git(where, args);
        assertThat(g.code())
                .as("git " + String.join(" ", args) + ": " + g.out())
                .isZero();
    }

    private static String driverCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' org.scholion.cli.Annotate";
    }

    @BeforeEach
    void twoClonesWithTheDriver() throws Exception {
        RequiredTools.onPath("git");
        ok(dir, "init", "-q", "--bare", "-b", "main", "origin.git");
        ok(dir, "clone", "-q", "origin.git", "one");
        one = dir.resolve("one");
        ok(one, "checkout", "-q", "-b", "main");
        CommandTesting.sample(one);
        run("add", p(one.resolve(FILE)), "-l", "PERSON", "--at", "0:3");
        run("add", p(one.resolve(FILE)), "-l", "LOCATION", "--at", "25:30");
        CommandTesting.Result setup = run("git-setup", "-C", p(one), "--command", driverCommand());
        assertThat(setup.code()).as(setup.err()).isZero();
        assertThat(Files.readString(one.resolve(".gitattributes"))).isEqualTo("*.scholion.json merge=scholion\n");
        assertThat(Files.readString(one.resolve(".gitignore"))).isEqualTo(".*.lock\n");
        assertThat(run("git-setup", "-C", p(one), "--command", driverCommand()).out())
                .contains("already has");
        ok(one, "add", ".gitattributes", ".gitignore", FILE);
        ok(one, "commit", "-q", "-m", "base");
        ok(one, "push", "-q", "origin", "main");
        ok(dir, "clone", "-q", "-b", "main", "origin.git", "two");
        two = dir.resolve("two");
        assertThat(run("git-setup", "-C", p(two), "--command", driverCommand()).code())
                .isZero();
        assertThat(git(two, "status", "--porcelain").out()).isEmpty();
    }

    @Test
    void concurrentAdditionsAndARemovalMergeByMeaningOnPull() throws Exception {
        run("add", p(one.resolve(FILE)), "-l", "GROUP", "--at", "4:9"); // s3 in one
        ok(one, "commit", "-q", "-am", "one adds the family");
        ok(one, "push", "-q", "origin", "main");
        run("add", p(two.resolve(FILE)), "-l", "PERSON", "--at", "35:41"); // s3 in two as well
        run("rm", p(two.resolve(FILE)), "s2");
        ok(two, "commit", "-q", "-am", "two adds Macron, removes Paris");
        Git pull = git(two, "pull", "--no-rebase", "--no-edit", "-q", "origin", "main");
        assertThat(pull.code()).as(pull.out()).isZero();
        AnnotatedDocument merged = read(two.resolve(FILE));
        assertThat(merged.spans())
                .extracting(s -> s.label() + " " + s.start() + ":" + s.end() + (s.suggestion() ? "?" : ""))
                .containsExactly("PERSON 0:3", "GROUP 4:9", "PERSON 35:41");
        assertThat(merged.spans()).extracting(Span::id).doesNotHaveDuplicates();
        assertThat(git(two, "status", "--porcelain").out()).isEmpty();
        assertThat(git(two, "log", "--oneline").out().lines()).hasSize(4);
    }

    @Test
    void editsOfTheSameSpanOnBothSidesAreAConflictThatKeepsBoth() throws Exception {
        run("edit", p(one.resolve(FILE)), "s1", "--label", "GROUP");
        ok(one, "commit", "-q", "-am", "one relabels");
        ok(one, "push", "-q", "origin", "main");
        run("edit", p(two.resolve(FILE)), "s1", "--label", "ORGANIZATION");
        ok(two, "commit", "-q", "-am", "two relabels");
        Git pull = git(two, "pull", "--no-rebase", "--no-edit", "origin", "main");
        assertThat(pull.code()).isNotZero();
        assertThat(pull.out()).contains("conflict: " + FILE + ": span s1 was edited differently on both sides");
        AnnotatedDocument merged = read(two.resolve(FILE));
        assertThat(merged.spans())
                .filteredOn(Span::suggestion)
                .extracting(Span::label)
                .containsExactlyInAnyOrder("ORGANIZATION", "GROUP");
        assertThat(git(two, "status", "--porcelain").out()).contains("UU " + FILE);
    }
}
