package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholion.cli.CommandTesting.bytes;
import static org.scholion.cli.CommandTesting.p;
import static org.scholion.cli.CommandTesting.read;
import static org.scholion.cli.CommandTesting.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.CommandTesting.Result;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.LabelSet;

class NewCommandTest {
    @TempDir
    Path dir;

    @Test
    void importsPlainTextExactlyWithTheChosenLabelSets() throws Exception {
        Path source = dir.resolve("speech.txt");
        Files.writeString(source, CommandTesting.TEXT, StandardCharsets.UTF_8);
        Path out = dir.resolve("speech.scholion.json");
        Result r = run(
                "new",
                p(source),
                "-o",
                p(out),
                "--labels",
                "entities",
                "--labels",
                "sourcing",
                "--id",
                "speech-1",
                "--title",
                "A speech");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(out + "\n");
        AnnotatedDocument doc = read(out);
        assertThat(doc.document().text()).isEqualTo(CommandTesting.TEXT);
        assertThat(doc.document().id()).isEqualTo("speech-1");
        assertThat(doc.document().title()).isEqualTo("A speech");
        assertThat(doc.labelSets()).extracting(LabelSet::name).containsExactly("entities", "sourcing");
        assertThat(run("add", p(out), "-l", "QUOTE", "--text", "Macron spoke").out())
                .isEqualTo("s1\n");
    }

    @Test
    void withoutLabelsGetsEveryBuiltInSetAndRefusesToOverwriteWithoutForce() throws Exception {
        Path source = dir.resolve("a.txt");
        Files.writeString(source, "One line.\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("a.scholion.json");
        assertThat(run("new", p(source), "-o", p(out)).code()).isZero();
        assertThat(read(out).labelSets())
                .extracting(LabelSet::name)
                .containsExactly("propaganda", "entities", "sourcing");
        run("add", p(out), "-l", "PERSON", "--at", "0:3");
        byte[] before = bytes(out);
        Result again = run("new", p(source), "-o", p(out));
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err())
                .isEqualTo("error: " + out + ": already exists (use --force to overwrite it, or -o FILE)\n");
        assertThat(bytes(out)).isEqualTo(before);
        assertThat(run("new", p(source), "-o", p(out), "--force").code()).isZero();
        assertThat(read(out).spans()).isEmpty();
    }

    @Test
    void refusesAnUnknownLabelSetAndAMissingSource() throws Exception {
        Path source = dir.resolve("a.txt");
        Files.writeString(source, "text", StandardCharsets.UTF_8);
        Path out = dir.resolve("a.scholion.json");
        Result unknown = run("new", p(source), "-o", p(out), "--labels", "nope");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err())
                .isEqualTo(
                        "error: nope: is neither a built-in label set (propaganda, entities, sourcing) nor a label-set file\n");
        Result missing = run("new", p(dir.resolve("missing.txt")), "-o", p(out));
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("error: " + dir.resolve("missing.txt") + ": no such file\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void defaultOutputIsTheSourceStemHere() {
        assertThat(NewCommand.defaultOutput(Path.of("/tmp/x/report.final.pdf")))
                .isEqualTo(Path.of("report.final.scholion.json"));
        assertThat(NewCommand.defaultOutput(Path.of("notes"))).isEqualTo(Path.of("notes.scholion.json"));
    }
}
