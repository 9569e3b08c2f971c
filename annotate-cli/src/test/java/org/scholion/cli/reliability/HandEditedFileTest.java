package org.scholion.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scholion.cli.Annotate;
import picocli.CommandLine;

/**
 * Every annotation file of core's bad-input corpus, handed to every command that reads or changes
 * a file: the files that must load are accepted by every reading command; the broken ones are
 * refused by every command with exit code 1 and exactly the one line the corpus expects (file,
 * position, problem), and stay byte for byte as they were, with no temporary file and no export
 * left behind.
 */
class HandEditedFileTest {
    private static final Path CORPUS = Path.of("..", "core", "src", "test", "resources", "bad-input");

    @TempDir
    Path dir;

    static Stream<Arguments> annotationCases() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(CORPUS.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] cells = line.split("\t", 2);
                if (cells[0].endsWith(".scholion.json")) {
                    expected.put(cells[0], cells[1]);
                }
            }
        }
        return expected.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("annotationCases")
    void everyCommandRefusesABrokenFileWithItsPositionAndNeverWritesIt(String name, String expected) throws Exception {
        Path file = dir.resolve(name);
        byte[] bytes = Files.readAllBytes(CORPUS.resolve(name));
        Files.write(file, bytes);
        Path out = Files.createDirectory(dir.resolve("out"));
        String f = file.toString();
        List<String[]> readers = List.of(
                new String[] {"ls", f},
                new String[] {"show", f, "--no-color"},
                new String[] {"stats", f},
                new String[] {"labels", f},
                new String[] {"export", f, "--format", "csv,jsonld", "-o", out.toString()});
        List<String[]> writers = List.of(
                new String[] {"add", f, "--label", "PERSON", "--at", "0:1"},
                new String[] {"rm", f, "s1"},
                new String[] {"edit", f, "s1", "--note", "x"},
                new String[] {"undo", f},
                new String[] {"redo", f},
                new String[] {"relate", f, "s1", "said-by", "s2"},
                new String[] {"labels", f, "add", "NEW", "--color", "#112233"},
                new String[] {"labels", f, "rm", "QUOTE"});
        if (expected.startsWith("OK")) {
            for (String[] args : readers) {
                Run r = run(args);
                assertThat(r.exit).as("%s on %s: %s", args[0], name, r.err).isZero();
            }
            return;
        }
        String line = "error: " + file + expected.substring(name.length());
        List<String> commands = new ArrayList<>();
        for (List<String[]> group : List.of(readers, writers)) {
            for (String[] args : group) {
                Run r = run(args);
                String what = String.join(" ", args).replace(dir.toString(), "DIR");
                assertThat(r.exit).as("exit code of %s", what).isEqualTo(1);
                assertThat(r.err).as("stderr of %s", what).isEqualTo(line + "\n");
                assertThat(Files.readAllBytes(file))
                        .as("%s left the file as it was", what)
                        .isEqualTo(bytes);
                commands.add(args[0]);
            }
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList())
                    .as("no temporary file")
                    .noneMatch(n -> n.endsWith(".tmp"));
        }
        try (Stream<Path> exported = Files.list(out)) {
            assertThat(exported.toList()).as("no export of a broken file").isEmpty();
        }
        assertThat(commands).hasSize(readers.size() + writers.size());
    }

    static Stream<Arguments> sourceCases() throws Exception {
        List<Arguments> cases = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            String[] cells = line.split("\t", 2);
            if (cells[0].startsWith("source-")) {
                cases.add(Arguments.of(cells[0], cells[1]));
            }
        }
        return cases.stream();
    }

    /** {@code annotate new} on every hostile source: a loadable file, or the corpus' one line and no file at all. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sourceCases")
    void newImportsAHostileSourceOrRefusesItWithoutLeavingAFile(String name, String expected) throws Exception {
        Path source = Files.write(dir.resolve(name), Files.readAllBytes(CORPUS.resolve(name)));
        Path target = dir.resolve("out.scholion.json");
        Run r = run("new", source.toString(), "-o", target.toString());
        if (expected.startsWith("OK")) {
            assertThat(r.exit).as(r.err).isZero();
            assertThat(org.scholion.core.store.AnnotationFile.at(target)
                            .read()
                            .document()
                            .sha256())
                    .startsWith(expected.substring(expected.lastIndexOf(' ') + 1));
        } else {
            assertThat(r.exit).isEqualTo(1);
            assertThat(r.err).isEqualTo("error: " + source + expected.substring(name.length()) + "\n");
            assertThat(target).doesNotExist();
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    record Run(int exit, String out, String err) {}

    /** Runs the command in this JVM as {@code main} would, with stdout and stderr captured. */
    private static Run run(String... args) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            Method commandLine = Annotate.class.getDeclaredMethod("commandLine", Annotate.class, String[].class);
            commandLine.setAccessible(true);
            CommandLine cli = (CommandLine) commandLine.invoke(null, new Annotate(), args);
            int exit = cli.execute(args);
            return new Run(
                    exit, capturedOut.toString(StandardCharsets.UTF_8), capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
