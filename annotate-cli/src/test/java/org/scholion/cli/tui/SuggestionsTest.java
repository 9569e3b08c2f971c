package org.scholion.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.SuggestCommand;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.export.ExportOptions;
import picocli.CommandLine;

class SuggestionsTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int suggest(String... args) {
        CommandLine cmd = new CommandLine(new SuggestCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void patternMatchesBecomeSuggestionsAtCodePointOffsets() throws Exception {
        // the emoji is two chars in Java but one code point in the file
        AnnotationFile file = Fixtures.file(dir, "\uD83D\uDE00 Bob met bob and BOB.\n");
        int code = suggest(
                file.path().toString(), "--label", "PERSON", "--pattern", "bob", "--ignore-case", "--annotator", "bot");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .isEqualTo("added 3 suggestions of PERSON to " + file.path() + System.lineSeparator());
        List<Span> spans = file.read().spans();
        assertThat(spans)
                .extracting(Span::start, Span::end, Span::suggestion, Span::annotator)
                .containsExactly(tuple(2, 5, true, "bot"), tuple(10, 13, true, "bot"), tuple(18, 21, true, "bot"));
        assertThat(file.read().textOf(spans.get(0))).isEqualTo("Bob");
        assertThat(ExportOptions.DEFAULT.includes(file.read(), spans.get(0))).isFalse();
    }

    @Test
    void exactDuplicatesAreSkipped() throws Exception {
        AnnotationFile file = Fixtures.file(dir, "Bob met Bob.\n");
        file.update("x", doc -> doc.withSpan(Span.of("s1", 0, 3, "PERSON")));
        assertThat(suggest(file.path().toString(), "--label", "PERSON", "--pattern", "Bob"))
                .isZero();
        assertThat(out.toString()).contains("added 1 suggestion of PERSON").contains("(1 already there)");
        assertThat(suggest(file.path().toString(), "--label", "PERSON", "--pattern", "Bob"))
                .isZero();
        assertThat(out.toString()).contains("added 0 suggestions");
        assertThat(file.read().spans())
                .extracting(Span::id, Span::suggestion)
                .containsExactly(tuple("s1", false), tuple("s2", true));
    }

    @Test
    void termsMatchWholeWordsLongestFirst() throws Exception {
        AnnotationFile file = Fixtures.file(dir, "New York and York; Newark, yorkshire.\n");
        Path terms = dir.resolve("terms.txt");
        Files.writeString(terms, "\uFEFFYork\n\nNew York\n  \n", StandardCharsets.UTF_8);
        assertThat(suggest(file.path().toString(), "--label", "LOCATION", "--terms", terms.toString(), "-i"))
                .as(err.toString())
                .isZero();
        assertThat(file.read().spans()).extracting(Span::start, Span::end).containsExactly(tuple(0, 8), tuple(13, 17));
    }

    @Test
    void badInputGetsOneLineAndTheRightExitCode() throws Exception {
        AnnotationFile file = Fixtures.file(dir, "Bob.\n");
        assertThat(suggest(file.path().toString(), "--label", "NOPE", "--pattern", "Bob"))
                .isEqualTo(1);
        assertThat(err.toString())
                .startsWith("error: ")
                .contains("label 'NOPE' is not in")
                .doesNotContain("Exception")
                .hasLineCount(1);

        err.getBuffer().setLength(0);
        assertThat(suggest(file.path().toString(), "--label", "PERSON", "--pattern", "("))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--pattern: Unclosed group");

        err.getBuffer().setLength(0);
        assertThat(suggest(file.path().toString(), "--label", "PERSON")).isEqualTo(2);

        err.getBuffer().setLength(0);
        assertThat(suggest(dir.resolve("missing.scholion.json").toString(), "--label", "PERSON", "--pattern", "x"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("no such file").hasLineCount(1);

        err.getBuffer().setLength(0);
        Path empty = Files.writeString(dir.resolve("empty.txt"), "\n\n", StandardCharsets.UTF_8);
        assertThat(suggest(file.path().toString(), "--label", "PERSON", "--terms", empty.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("holds no terms");
        assertThat(file.read().spans()).isEmpty();
    }
}
