package org.scholion.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Fixtures;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.RandomTexts;

/**
 * The reader makes spans and relations straight from the token stream, reads canonical times
 * without a formatter and hashes the text in chunks: each must agree with the slow way.
 */
class StreamingReadTest {
    private static final String VALID = new String(AnnotationFile.toBytes(Snapshot.of(Fixtures.sample())),
            StandardCharsets.UTF_8);

    @Test
    void canonicalTimesReadAsInstantParseReadsThem() {
        long seed = RandomTexts.seed();
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            // years 1000 to 9999, the four-digit years of the fast path
            long second = -30_610_224_000L + Math.floorMod(random.nextLong(), 253_402_300_800L + 30_610_224_000L);
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            String written = Instant.ofEpochSecond(second, nanos).toString();
            assertThat(JsonCodec.canonicalTime(written)).as("seed %d: %s", seed, written)
                    .isNotNull().isEqualTo(slow(written));
        }
    }

    @Test
    void timesOutsideTheCanonicalFormAreLeftToInstantParse() {
        for (String odd : List.of("2026-02-29T10:00:00Z", "2024-02-29T10:00:00Z", "2026-04-31T10:00:00Z",
                "2026-11-24T24:00:00Z", "2026-11-24T23:59:60Z", "2026-11-24T10:00:00.Z", "2026-11-24t10:00:00z",
                "2026-11-24T10:00:00+01:00", "2026-13-01T10:00:00Z", "2026-00-10T10:00:00Z", "0999-11-24T10:00:00Z",
                "+12026-11-24T10:00:00Z", "2026-11-24T10:00:00.1234567891Z", "2026-11-24T1a:00:00Z", "yesterday")) {
            Instant fast = JsonCodec.canonicalTime(odd);
            if (fast != null) {
                assertThat(fast).as(odd).isEqualTo(slow(odd));
            }
        }
        assertThat(JsonCodec.canonicalTime("2024-02-29T10:00:00Z")).isEqualTo(Instant.parse("2024-02-29T10:00:00Z"));
        assertThat(JsonCodec.canonicalTime("2026-02-29T10:00:00Z")).isNull();
        assertThat(JsonCodec.canonicalTime("2026-11-24T23:59:60Z")).isNull();
    }

    private static Instant slow(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void labelsAndAnnotatorsAreSharedBetweenSpans() throws Exception {
        Snapshot read = AnnotationFileTest.parse(VALID);
        List<Span> spans = read.document().spans();
        for (Span a : spans) {
            for (Span b : spans) {
                if (a.label().equals(b.label())) {
                    assertThat(a.label()).isSameAs(b.label());
                }
            }
        }
        assertThat(read.document()).isEqualTo(Fixtures.sample());
    }

    @Test
    void aBadSpanWaitsForTheWholeFileToParse() {
        String badSpan = VALID.replaceFirst("\"label\" : \"PERSON\"", "\"label\" : \"PERSON\", \"nota\" : 1");
        assertThat(error(badSpan).problem()).isEqualTo("unknown member 'nota' in span (in spans[2])");
        String alsoTruncated = badSpan.substring(0, badSpan.length() - 3);
        assertThat(error(alsoTruncated).problem()).startsWith("malformed JSON");
        String alsoNoFormat = badSpan.replace("\"format\" : \"scholion/1\",", "");
        assertThat(error(alsoNoFormat).problem()).isEqualTo("not a Scholion annotation file: no \"format\" member");
    }

    @Test
    void theFirstSpanInTheFileThatFailsIsReportedWhetherItCannotBeMadeOrAdded() {
        String unknownLabel = VALID.replaceFirst("\"label\" : \"QUOTE\"", "\"label\" : \"NOPE\"");
        String notAString = VALID.replaceFirst("\"label\" : \"PERSON\"", "\"label\" : 7");
        String both = unknownLabel.replaceFirst("\"label\" : \"PERSON\"", "\"label\" : 7");
        assertThat(error(unknownLabel).problem()).isEqualTo("span s1 has unknown label 'NOPE' (in spans[0])");
        assertThat(error(notAString).problem()).isEqualTo("span member \"label\" must be a string, not 7 (in spans[2])");
        assertThat(error(both).problem()).isEqualTo("span s1 has unknown label 'NOPE' (in spans[0])");
        String badFirst = VALID.replaceFirst("\"label\" : \"QUOTE\"", "\"label\" : 7")
                .replaceFirst("\"label\" : \"PERSON\"", "\"label\" : \"NOPE\"");
        assertThat(error(badFirst).problem()).isEqualTo("span member \"label\" must be a string, not 7 (in spans[0])");
        assertThat(error(badFirst).line()).isEqualTo(error(unknownLabel).line());
    }

    @Test
    void historyChangesReadBackWithTheirSpansAndRelations() throws Exception {
        AnnotatedDocument before = Fixtures.sample();
        AnnotatedDocument after = before.withoutSpans(List.of("s1")).withSpan(Span.of("s9", 0, 4, "PERSON"));
        Change change = Change.between(before, after, "edit");
        Snapshot snapshot = new Snapshot(after, History.EMPTY.record(change).record(change.inverse()));
        Snapshot read = AnnotationFileTest.parse(new String(AnnotationFile.toBytes(snapshot), StandardCharsets.UTF_8));
        assertThat(read.history()).isEqualTo(snapshot.history());
        assertThat(read.history().undo().get(0).removedRelations()).extracting(Relation::id).containsExactly("r1");
    }

    @Test
    void historyProblemsKeepTheirMessages() throws Exception {
        AnnotatedDocument before = Fixtures.sample();
        AnnotatedDocument after = before.withSpan(Span.of("s9", 0, 4, "PERSON"));
        Snapshot snapshot = new Snapshot(after, History.EMPTY.record(Change.between(before, after, "add")));
        String json = new String(AnnotationFile.toBytes(snapshot), StandardCharsets.UTF_8);
        int history = json.indexOf("\"history\"");
        String tail = json.substring(history);
        assertThat(error(json.substring(0, history) + tail.replace("\"start\" : 0", "\"start\" : -1")).problem())
                .isEqualTo("span -1:4 starts before the text (in history)");
        assertThat(error(json.substring(0, history) + tail.replace("\"label\" : \"PERSON\"", "\"label\" : [1]"))
                .problem()).isEqualTo("span member \"label\" must be a string, not an array (in history)");
        assertThat(error(json.substring(0, history) + tail.replace("\"added\" : {", "\"added\" : {\"nota\" : 1,"))
                .problem()).isEqualTo("unknown member 'nota' in change part (in history)");
        assertThat(error(json.substring(0, history) + tail.replace("\"spans\" : [", "\"spans\" : [ 7,")).problem())
                .isEqualTo("span must be a JSON object (in history)");
        assertThat(error(json.substring(0, history) + tail.replace("\"summary\" : \"add\"", "\"summary\" : 1")
                .replace("\"start\" : 0", "\"start\" : -1")).problem())
                .as("a change's parts are checked before its summary")
                .isEqualTo("span -1:4 starts before the text (in history)");
    }

    private static ScholionException error(String json) {
        try {
            AnnotationFileTest.parse(json);
        } catch (ScholionException e) {
            return e;
        }
        throw new AssertionError("expected an error for " + json);
    }
}
