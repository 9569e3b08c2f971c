package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.store.AnnotationFile;
import org.scholion.seeds.Seeds;
import picocli.CommandLine;

/** Runs {@code annotate} in this JVM with captured output, and makes small annotation files to run it on. */
final class CommandTesting {
    /**
     * Zoë, a family emoji (a ZWJ sequence of five code points), "émile" with a combining accent,
     * CRLF line ends, a flag (two regional indicators), and "Macron" twice.
     */
    static final String TEXT = "Zo\u00EB \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67 met e\u0301mile\r\n"
            + "in Paris \uD83C\uDDEB\uD83C\uDDF7. Macron spoke; Macron left.\r\n";

    static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");

    private CommandTesting() {}

    /** What a run printed and returned. */
    record Result(int code, String out, String err) {
        Result printsNoStackTrace() {
            assertThat(err).doesNotContain("\tat ").doesNotContain("Exception");
            return this;
        }
    }

    static Result run(String... args) {
        return run(Map.of("SCHOLION_ANNOTATOR", "tester"), args);
    }

    static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Annotate root = new Annotate(env, Clock.fixed(NOW.plusMillis(789), ZoneOffset.UTC), false);
        CommandLine cli = Annotate.configure(Annotate.withSubcommands(root, args));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    /** An annotation file of {@link #TEXT} with the {@code entities} label set and no spans. */
    static Path sample(Path folder) throws ScholionException {
        Path file = folder.resolve("sample.scholion.json");
        AnnotationFile.at(file)
                .create(
                        AnnotatedDocument.of(
                                Document.of("sample", TEXT),
                                List.of(Seeds.labelSet("entities").orElseThrow())),
                        false);
        return file;
    }

    static String p(Path path) {
        return path.toString();
    }

    static byte[] bytes(Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    static AnnotatedDocument read(Path file) throws ScholionException {
        return AnnotationFile.at(file).read();
    }
}
