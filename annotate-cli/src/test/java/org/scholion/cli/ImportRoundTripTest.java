package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholion.cli.CommandTesting.p;
import static org.scholion.cli.CommandTesting.read;
import static org.scholion.cli.CommandTesting.run;
import static org.scholion.cli.CommandTesting.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.CommandTesting.Result;
import org.scholion.core.model.AnnotatedDocument;

/** Export as JSON-LD, import into a copy without spans: the spans and relations come back. */
class ImportRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void jsonLdExportImportsBackToTheSameSpans() throws Exception {
        Path file = sample(dir);
        run("add", p(file), "-l", "PERSON", "--text", "Macron", "--all", "--note", "twice");
        run("add", p(file), "-l", "GROUP", "--at", "4:9");
        run("add", p(file), "-l", "PERSON", "--at", "14:20");
        run("relate", p(file), "s1", "same-as", "s2");
        Result export = run("export", p(file), "--format", "jsonld", "-o", p(dir.resolve("out")));
        assertThat(export.code()).as(export.err()).isZero();
        Path copy = dir.resolve("copy.scholion.json");
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        run("rm", p(copy), "s1", "s2", "s3", "s4");
        Result imported = run("import", p(dir.resolve("out/sample.jsonld")), "--into", p(copy));
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.err()).isEmpty();
        assertThat(imported.out()).isEqualTo(copy + ": 4 spans, 1 relation\n");
        AnnotatedDocument original = read(file);
        AnnotatedDocument back = read(copy);
        assertThat(back.spans()).isEqualTo(original.spans());
        assertThat(back.relations()).isEqualTo(original.relations());
        assertThat(back.labelSets()).isEqualTo(original.labelSets());
        assertThat(run("undo", p(copy)).out()).isEqualTo("undone: import sample.jsonld\n");
        assertThat(read(copy).spans()).isEmpty();
    }
}
