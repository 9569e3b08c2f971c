package org.scholion.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scholion.core.ScholionException;
import org.scholion.core.ingest.SourceImporter;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.LabelSet;

/**
 * Every file of the bad-input corpus ({@code src/test/resources/bad-input}, described in its
 * README) gives exactly its expected outcome from {@code expected.tsv}: a load that keeps every
 * invariant, or one clean line naming file, position and problem. A refused annotation file is
 * never overwritten by any edit, undo or redo. {@code -Dgolden.update=true} rewrites
 * {@code expected.tsv} and the README table from what the code does now: review the diff.
 */
class BadInputCorpusTest {
    static final Path CORPUS = Path.of("src", "test", "resources", "bad-input");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final Map<String, String> ACTUAL = new LinkedHashMap<>();

    @TempDir
    static Path scratch;

    record Case(String file, String reader, String description) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("cases.tsv"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                String[] cells = line.split("\t", 3);
                cases.add(new Case(cells[0], cells[1], cells[2]));
            }
        }
        return cases;
    }

    static Map<String, String> expected() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(CORPUS.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] cells = line.split("\t", 2);
                expected.put(cells[0], cells[1]);
            }
        }
        return expected;
    }

    static Stream<Arguments> corpus() throws IOException {
        return cases().stream().map(Arguments::of);
    }

    @Test
    void theCorpusHasAtLeastFortyCasesAndEveryFileIsListed() throws IOException {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> !List.of("README.md", "cases.tsv", "expected.tsv", "make-corpus.py")
                            .contains(n))
                    .sorted()
                    .toList();
            assertThat(names)
                    .containsExactlyInAnyOrderElementsOf(
                            cases.stream().map(Case::file).toList());
        }
        if (!UPDATE) {
            assertThat(expected().keySet())
                    .containsExactlyElementsOf(cases.stream().map(Case::file).toList());
            String readme = Files.readString(CORPUS.resolve("README.md"), StandardCharsets.UTF_8);
            cases.forEach(c -> assertThat(readme).contains("`" + c.file() + "`"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void givesItsExpectedOutcome(Case c) throws Exception {
        byte[] bytes = Files.readAllBytes(CORPUS.resolve(c.file()));
        String outcome = assertTimeoutPreemptively(
                Duration.ofSeconds(60), () -> outcome(c, bytes), c.file() + " took more than 60 s");
        synchronized (ACTUAL) {
            ACTUAL.put(c.file(), outcome);
        }
        if (!UPDATE) {
            assertThat(outcome).isEqualTo(expected().get(c.file()));
        }
        if (c.reader().equals("annotation") && !outcome.startsWith("OK")) {
            neverOverwritten(c, bytes);
        }
    }

    private String outcome(Case c, byte[] bytes) throws Exception {
        try {
            return switch (c.reader()) {
                case "annotation" -> {
                    Snapshot snapshot = AnnotationFile.parse(new ByteArrayInputStream(bytes), c.file());
                    Invariants.check(snapshot);
                    AnnotatedDocument doc = snapshot.document();
                    yield String.format(
                            Locale.ROOT,
                            "OK: %d code points, %d spans, %d relations",
                            doc.text().length(),
                            doc.spans().size(),
                            doc.relations().size());
                }
                case "labelset" -> {
                    LabelSet set = LabelSetFile.parse(new ByteArrayInputStream(bytes), c.file());
                    yield "OK: label set " + set.name() + " with "
                            + set.labels().size() + " labels";
                }
                case "source" -> {
                    Path dir = Files.createTempDirectory(scratch, "source");
                    Path file = Files.write(dir.resolve(c.file()), bytes);
                    try {
                        Document doc = SourceImporter.importFile(file);
                        String strict = strictUtf8(bytes);
                        if (strict != null && doc.mediaType().equals("text/plain")) {
                            assertThat(doc.text())
                                    .as("UTF-8 text is kept exactly")
                                    .isEqualTo(strict);
                        }
                        yield String.format(
                                Locale.ROOT,
                                "OK: %s, %d code points, charset %s, sha256 %s",
                                doc.mediaType(),
                                doc.text().codePointCount(0, doc.text().length()),
                                doc.metadata().getOrDefault("charset", "-"),
                                doc.sha256().substring(0, 12));
                    } catch (ScholionException e) {
                        throw new ScholionException(
                                c.file(), e.line(), e.column(), e.problem().replace(file.toString(), c.file()), e);
                    }
                }
                default -> throw new IllegalArgumentException("unknown reader " + c.reader());
            };
        } catch (ScholionException e) {
            assertThat(e.getMessage()).startsWith(c.file() + ":");
            if (c.reader().equals("annotation")) {
                CleanErrors.check(e, c.file());
            } else {
                assertThat(e.getMessage()).doesNotContain("\n", "\r", "Exception");
            }
            return e.getMessage();
        }
    }

    /** Edits, undo and redo of a refused file all fail and leave its bytes and folder as they were. */
    private void neverOverwritten(Case c, byte[] bytes) throws Exception {
        Path dir = Files.createTempDirectory(scratch, "edit");
        Path file = Files.write(dir.resolve(c.file()), bytes);
        AnnotationFile annotations = AnnotationFile.at(file);
        assertThatThrownBy(() -> annotations.update(
                        "edit",
                        d -> d.withoutSpans(d.spans().stream().map(s -> s.id()).toList())))
                .isInstanceOf(ScholionException.class);
        assertThatThrownBy(() -> annotations.undo(1)).isInstanceOf(ScholionException.class);
        assertThatThrownBy(() -> annotations.redo(1)).isInstanceOf(ScholionException.class);
        assertThatThrownBy(() -> annotations.create(null, false)).isInstanceOf(ScholionException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".tmp"))
                            .toList())
                    .as("no half-written temporary file is left")
                    .isEmpty();
        }
    }

    private static String strictUtf8(byte[] bytes) {
        if (bytes.length >= 2
                && ((bytes[0] & 0xFF) == 0xFF || (bytes[0] & 0xFF) == 0xFE || (bytes[0] & 0xFF) == 0xEF)) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @AfterAll
    static void rewriteWhenAsked() throws IOException {
        if (!UPDATE || ACTUAL.isEmpty()) {
            return;
        }
        List<Case> cases = cases();
        StringBuilder tsv =
                new StringBuilder("# file\texpected outcome (rewritten by -Dgolden.update=true; review the diff)\n");
        StringBuilder table = new StringBuilder();
        for (Case c : cases) {
            String outcome = ACTUAL.get(c.file());
            if (outcome == null) {
                return; // a partial run must not drop cases
            }
            tsv.append(c.file()).append('\t').append(outcome).append('\n');
            table.append("| `")
                    .append(c.file())
                    .append("` | ")
                    .append(c.reader())
                    .append(" | ")
                    .append(cell(c.description()))
                    .append(" | ")
                    .append(cell(outcome))
                    .append(" |\n");
        }
        Files.writeString(CORPUS.resolve("expected.tsv"), tsv, StandardCharsets.UTF_8);
        String readme = Files.readString(CORPUS.resolve("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("| case |");
        int end = readme.indexOf("\n\n", start);
        String header = "| case | reader | what it is | expected outcome |\n|---|---|---|---|\n";
        Files.writeString(
                CORPUS.resolve("README.md"),
                readme.substring(0, start) + header + table + (end < 0 ? "" : readme.substring(end + 1)),
                StandardCharsets.UTF_8);
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("`", "'");
    }
}
