package org.scholion.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Fixtures;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;

/** scholion/1 files load as they are, stay as they are until edited, and are then written as scholion/2. */
class FormatVersionsTest {
    /** The seed article as the first release wrote it: a scholion/1 file kept as it was. */
    private static final Path SEED = Path.of("src", "test", "resources", "fixtures", "seed-scholion-1.scholion.json");

    @TempDir
    Path dir;

    @Test
    void theSeedIsScholion1AndLoadsUnchangedUntilEdited() throws Exception {
        byte[] original = Files.readAllBytes(SEED);
        assertThat(new String(original, StandardCharsets.UTF_8)).contains("\"format\" : \"scholion/1\"");
        Path copy = dir.resolve("seed.scholion.json");
        Files.write(copy, original);
        AnnotationFile file = AnnotationFile.at(copy);
        AnnotatedDocument doc = file.read();
        assertThat(doc.spans()).isNotEmpty();
        file.update("nothing", d -> d);
        assertThat(Files.readAllBytes(copy))
                .as("an edit that changes nothing writes nothing")
                .isEqualTo(original);

        Span first = doc.spans().get(0);
        file.update("note", d -> d.withSpanReplaced(first.withNote("checked")));
        String written = Files.readString(copy);
        assertThat(written).startsWith("{\n  \"format\" : \"scholion/2\",");
        assertThat(file.read().spans()).hasSameSizeAs(doc.spans());
    }

    @Test
    void upgradeRewritesAScholion1FileOnceAndKeepsEverything() throws Exception {
        Path copy = dir.resolve("seed.scholion.json");
        Files.copy(SEED, copy);
        AnnotationFile file = AnnotationFile.at(copy);
        Snapshot before = file.load();
        assertThat(file.upgrade()).isTrue();
        assertThat(Files.readString(copy))
                .contains("\"format\" : \"scholion/2\"")
                .doesNotContain("scholion/1");
        Snapshot after = file.load();
        assertThat(after.document()).isEqualTo(before.document());
        assertThat(after.history()).isEqualTo(before.history());
        byte[] upgraded = Files.readAllBytes(copy);
        assertThat(file.upgrade()).as("a second upgrade has nothing to do").isFalse();
        assertThat(Files.readAllBytes(copy)).isEqualTo(upgraded);
    }

    @Test
    void attributesLinksAndDeclarationsRoundTripAndAreWrittenOnlyWhenPresent() throws Exception {
        LabelSet entities = new LabelSet(
                "entities",
                Fixtures.ENTITIES.labels(),
                List.of("certainty"),
                Map.of("wikidata", "http://www.wikidata.org/entity/"));
        AnnotatedDocument doc = Fixtures.sample().withLabelSet(entities);
        doc = doc.withSpanReplaced(doc.span("s3")
                .orElseThrow()
                .withAttribute("certainty", "low")
                .withLink("wikidata:Q3052772")
                .withLink("https://example.org/zoe"));
        doc = doc.withSpanReplaced(doc.span("s1").orElseThrow().withAttribute("tone", "a;b=c\\d\n\"q\""));
        Relation r = doc.relation("r1").orElseThrow().withAttribute("confidence", "high");
        doc = doc.withoutRelations(List.of("r1")).withRelation(r);
        AnnotationFile file = AnnotationFile.at(dir.resolve("v2.scholion.json"));
        file.create(doc, false);
        file.update(
                "undoable", d -> d.withSpanReplaced(d.span("s3").orElseThrow().withoutLink("https://example.org/zoe")));
        Snapshot read = file.load();
        assertThat(read.document().span("s3").orElseThrow().links()).containsExactly("wikidata:Q3052772");
        assertThat(file.undo(1).document()).isEqualTo(doc);
        assertThat(file.read()).isEqualTo(doc);
        String json = Files.readString(file.path());
        assertThat(json)
                .contains(
                        "\"attributes\" : [\n        \"certainty\"\n      ],",
                        "\"prefixes\" : {",
                        "\"links\" : [\n        \"wikidata:Q3052772\",\n        \"https://example.org/zoe\"\n      ]",
                        "\"confidence\" : \"high\"");
        // a span without any writes neither member
        String s2 = json.substring(json.indexOf("\"id\" : \"s2\""), json.indexOf("}", json.indexOf("\"id\" : \"s2\"")));
        assertThat(s2).doesNotContain("attributes", "links");
    }
}
