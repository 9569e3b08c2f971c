package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholion.cli.CommandTesting.bytes;
import static org.scholion.cli.CommandTesting.p;
import static org.scholion.cli.CommandTesting.run;
import static org.scholion.cli.CommandTesting.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.CommandTesting.Result;

class ErrorsTest {
    @TempDir
    Path dir;

    @Test
    void missingFileIsOneLineAndExitOne() {
        Path missing = dir.resolve("nope.scholion.json");
        for (String command : new String[] {"ls", "show", "stats", "labels", "undo"}) {
            Result r = run(command, p(missing));
            assertThat(r.code()).as(command).isEqualTo(1);
            assertThat(r.err()).as(command).isEqualTo("error: " + missing + ": no such file\n");
        }
        Result add = run("add", p(missing), "-l", "PERSON", "--at", "0:1");
        assertThat(add.err()).isEqualTo("error: " + missing + ": no such file\n");
        assertThat(missing).doesNotExist();
    }

    @Test
    void malformedFileNamesLineAndColumnAndIsLeftAlone() throws Exception {
        Path file = dir.resolve("bad.scholion.json");
        Files.writeString(
                file, "{\n  \"format\" : \"scholion/1\",\n  \"document\" : { \"id\" : }\n}\n", StandardCharsets.UTF_8);
        byte[] before = bytes(file);
        Result r = run("add", p(file), "-l", "PERSON", "--at", "0:1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).matches("error: \\Q" + file + "\\E:3:\\d+: malformed JSON: .*\n");
        r.printsNoStackTrace();
        assertThat(bytes(file)).isEqualTo(before);
    }

    @Test
    void textThatNoLongerMatchesItsHashIsRefused() throws Exception {
        Path file = sample(dir);
        String json = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, json.replace("Macron spoke", "Macron smiled"), StandardCharsets.UTF_8);
        byte[] before = bytes(file);
        Result r = run("add", p(file), "-l", "PERSON", "--at", "0:3");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).matches("error: \\Q" + file + "\\E:\\d+:\\d+: .*sha256.*\n");
        assertThat(bytes(file)).isEqualTo(before);
    }

    @Test
    void debugPrintsTheStackTrace() throws Exception {
        Path missing = dir.resolve("nope.scholion.json");
        Result r = run("ls", p(missing), "--debug");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
                .contains("ScholionException")
                .contains("\tat ")
                .endsWith("error: " + missing + ": no such file\n");
        assertThat(run("--debug", "ls", p(missing)).err()).contains("\tat ");
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrorsWithSuggestions() {
        Result r = run("lss", "x");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .contains("error: Unmatched arguments")
                .contains("ls")
                .contains("Try 'annotate --help'");
        Result option = run("ls", "x", "--colour");
        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err()).contains("Unknown option: '--colour'").contains("Try 'annotate ls --help'");
        Result nothing = run();
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err()).contains("Usage: annotate");
    }

    @Test
    void importOfBadJsonOrAMissingCollectionChangesNothing() throws Exception {
        Path file = sample(dir);
        Path collection = dir.resolve("sample.jsonld");
        Files.writeString(collection, "{\n  \"type\" : ", StandardCharsets.UTF_8);
        byte[] before = bytes(file);
        Result bad = run("import", p(collection), "--into", p(file));
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).matches("error: \\Q" + collection + "\\E:\\d+:\\d+: not valid JSON: .*\n");
        Path missing = dir.resolve("missing.jsonld");
        Result none = run("import", p(missing), "--into", p(file));
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).isEqualTo("error: " + missing + ": no such file\n");
        Result noTarget = run("import", p(collection), "--into", p(dir.resolve("nope.scholion.json")));
        assertThat(noTarget.err())
                .isEqualTo(
                        "error: " + dir.resolve("nope.scholion.json") + ": no such annotation file to import into\n");
        assertThat(bytes(file)).isEqualTo(before);
    }
}
