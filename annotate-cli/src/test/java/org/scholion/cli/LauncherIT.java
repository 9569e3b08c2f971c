package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.Processes.Finished;

/** The {@code ./annotate} launcher and the runnable jar, as a user runs them. */
class LauncherIT {
    private static final Map<String, String> NO_BUILD = Map.of("SCHOLION_LAUNCHER_NO_BUILD", "1");
    private static final String SEED = "seeds/coalition-of-the-willing.scholion.json";

    @TempDir
    Path dir;

    private static ProcessBuilder launcher(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = Processes.ROOT.resolve("annotate").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return new ProcessBuilder(command).directory(Processes.ROOT.toFile());
    }

    @Test
    void launcherRunsTheBuiltCommandAndPassesExitCodesThrough() throws Exception {
        Finished first = Processes.run(launcher("--version"), NO_BUILD);
        // the first call after a build may prepare the class-data archive, and says so
        assertThat(first.err()).isIn("", "annotate: preparing class data for a fast start (once per build)\u2026\n");
        Finished version = Processes.run(launcher("--version"), NO_BUILD);
        assertThat(version.err()).isEmpty();
        assertThat(version.code()).isZero();
        assertThat(version.out()).isEqualTo("annotate (Scholion) 0.1.0\n");
        Finished ls = Processes.run(launcher("ls", SEED, "--format", "tsv"), NO_BUILD);
        assertThat(ls.code()).isZero();
        assertThat(ls.out().lines())
                .hasSize(182)
                .first()
                .isEqualTo("id\tlabel\tstart\tend\ttext\tsuggestion\tproposers\tattributes\tlinks");
        assertThat(ls.err()).isEmpty();
        Finished usage = Processes.run(launcher("add", SEED), NO_BUILD);
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("Try 'annotate add --help'");
    }

    @Test
    void aSourceOrPomNewerThanTheBuildMakesTheLauncherRebuild() throws Exception {
        Path jar = Processes.ROOT.resolve("annotate-cli/target/scholion-annotate-cli-0.1.0.jar");
        FileTime built = Files.getLastModifiedTime(jar);
        FileTime later = FileTime.fromMillis(built.toMillis() + 2_000);
        for (String changed : List.of("core/src/main/java/org/scholion/core/text/Tokens.java", "export/pom.xml")) {
            Path file = Processes.ROOT.resolve(changed);
            FileTime was = Files.getLastModifiedTime(file);
            Files.setLastModifiedTime(file, later);
            try {
                Finished stale = Processes.run(launcher("--version"), NO_BUILD);
                assertThat(stale.code()).as(changed).isEqualTo(1);
                assertThat(stale.err()).as(changed).contains("needs building");
            } finally {
                Files.setLastModifiedTime(file, was);
            }
        }
        assertThat(Processes.run(launcher("--version"), NO_BUILD).code()).isZero();
    }

    @Test
    void theReadmeCommandWritesEachFormatThatIsBuiltAndNamesTheOthers() throws Exception {
        Path out = dir.resolve("out");
        Finished export = Processes.run(launcher("export", SEED, "--format", "all", "-o", out.toString()), NO_BUILD);
        long written = export.out().lines().count();
        long failed = export.err()
                .lines()
                .filter(l -> l.startsWith("error: " + SEED + ": "))
                .count();
        assertThat(written + failed).as(export.out() + export.err()).isGreaterThanOrEqualTo(5);
        assertThat(export.code()).isEqualTo(failed == 0 ? 0 : 1);
        export.out().lines().forEach(path -> assertThat(Path.of(path)).isNotEmptyFile());
    }

    @Test
    void launcherPassesNonAsciiArgumentsIntactUnderTheCLocale() throws Exception {
        Path file = CommandTesting.sample(dir);
        ProcessBuilder add = launcher("add", file.toString(), "--label", "PERSON", "--text", "e\u0301mile\r\nin Paris");
        add.environment().remove("LC_ALL");
        add.environment().remove("LC_CTYPE");
        Finished r = Processes.run(add, Map.of("LANG", "C", "SCHOLION_LAUNCHER_NO_BUILD", "1"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(CommandTesting.read(file).span("s1").orElseThrow().start()).isEqualTo(14);
    }

    @Test
    void runnableJarWritesUtf8WhateverTheLocale() throws Exception {
        Finished ls = Processes.run(
                Processes.annotate(
                        "ls", Processes.ROOT.resolve(SEED).toString(), "--label", "LOCATION", "--format", "tsv"),
                Map.of("LC_ALL", "C", "LANG", "C"));
        assertThat(ls.code()).as(ls.err()).isZero();
        assertThat(ls.out()).contains("Ukraine").doesNotContain("?");
    }
}
