package org.scholion.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Fixtures;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;

/**
 * The reader makes spans and relations straight from the token stream: it must agree with the
 * slow way.
 */
class StreamingReadTest {
    private static final String VALID =
            new String(AnnotationFile.toBytes(Snapshot.of(Fixtures.sample())), StandardCharsets.UTF_8);

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
        String alsoNoFormat = badSpan.replace("\"format\" : \"scholion/2\",", "");
        assertThat(error(alsoNoFormat).problem()).isEqualTo("not a Scholion annotation file: no \"format\" member");
    }

    @Test
    void theFirstSpanInTheFileThatFailsIsReportedWhetherItCannotBeMadeOrAdded() {
        String unknownLabel = VALID.replaceFirst("\"label\" : \"QUOTE\"", "\"label\" : \"NOPE\"");
        String notAString = VALID.replaceFirst("\"label\" : \"PERSON\"", "\"label\" : 7");
        String both = unknownLabel.replaceFirst("\"label\" : \"PERSON\"", "\"label\" : 7");
        assertThat(error(unknownLabel).problem()).isEqualTo("span s1 has unknown label 'NOPE' (in spans[0])");
        assertThat(error(notAString).problem())
                .isEqualTo("span member \"label\" must be a string, not 7 (in spans[2])");
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
        assertThat(read.history().undo().get(0).removedRelations())
                .extracting(Relation::id)
                .containsExactly("r1");
    }

    @Test
    void historyProblemsKeepTheirMessages() throws Exception {
        AnnotatedDocument before = Fixtures.sample();
        AnnotatedDocument after = before.withSpan(Span.of("s9", 0, 4, "PERSON"));
        Snapshot snapshot = new Snapshot(after, History.EMPTY.record(Change.between(before, after, "add")));
        String json = new String(AnnotationFile.toBytes(snapshot), StandardCharsets.UTF_8);
        int history = json.indexOf("\"history\"");
        String tail = json.substring(history);
        assertThat(error(json.substring(0, history) + tail.replace("\"start\" : 0", "\"start\" : -1"))
                        .problem())
                .isEqualTo("span -1:4 starts before the text (in history)");
        assertThat(error(json.substring(0, history) + tail.replace("\"label\" : \"PERSON\"", "\"label\" : [1]"))
                        .problem())
                .isEqualTo("span member \"label\" must be a string, not an array (in history)");
        assertThat(error(json.substring(0, history) + tail.replace("\"added\" : {", "\"added\" : {\"nota\" : 1,"))
                        .problem())
                .isEqualTo("unknown member 'nota' in change part (in history)");
        assertThat(error(json.substring(0, history) + tail.replace("\"spans\" : [", "\"spans\" : [ 7,"))
                        .problem())
                .isEqualTo("span must be a JSON object (in history)");
        assertThat(error(json.substring(0, history)
                                + tail.replace("\"summary\" : \"add\"", "\"summary\" : 1")
                                        .replace("\"start\" : 0", "\"start\" : -1"))
                        .problem())
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
