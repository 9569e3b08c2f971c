package org.scholion.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.store.Snapshot;

class SeedsTest {
    private static final Set<String> RESERVED_KEYS = Set.of(
            "h", "j", "k", "l", "w", "b", "g", "G", "v", "n", "u", "x", "e", "c", "q", "a", "r", "A", "?", "/", "(",
            ")", "[", "]", "t", "@", ">");

    @Test
    void propagandaHasTheFourteenSemEvalTechniques() {
        LabelSet set = Seeds.labelSet("propaganda").orElseThrow();
        assertThat(set.labels())
                .extracting(Label::name)
                .containsExactly(
                        "Appeal_to_Authority",
                        "Appeal_to_fear-prejudice",
                        "Bandwagon,Reductio_ad_hitlerum",
                        "Black-and-White_Fallacy",
                        "Causal_Oversimplification",
                        "Doubt",
                        "Exaggeration,Minimisation",
                        "Flag-Waving",
                        "Loaded_Language",
                        "Name_Calling,Labeling",
                        "Repetition",
                        "Slogans",
                        "Thought-terminating_Cliches",
                        "Whataboutism,Straw_Men,Red_Herring");
    }

    @Test
    void entitiesAndSourcingHaveTheirLabels() {
        assertThat(Seeds.labelSet("entities").orElseThrow().labels())
                .extracting(Label::name)
                .containsExactly("PERSON", "ORGANIZATION", "LOCATION", "GROUP", "EVENT", "DATE");
        assertThat(Seeds.labelSet("sourcing").orElseThrow().labels())
                .extracting(Label::name)
                .containsExactly("QUOTE", "ATTRIBUTION", "CLAIM", "OPINION");
        assertThat(Seeds.labelSet("nope")).isEmpty();
    }

    @Test
    void everyLabelHasADescriptionADistinctColourAndAFreeHotkey() {
        for (LabelSet set : Seeds.labelSets()) {
            Set<String> colours = new HashSet<>();
            for (Label label : set.labels()) {
                assertThat(label.description()).as(label.name()).isNotBlank();
                assertThat(colours.add(label.color()))
                        .as("colour of %s is unique in %s", label.name(), set.name())
                        .isTrue();
                assertThat(label.key()).as(label.name()).isNotNull();
                assertThat(RESERVED_KEYS).as("hotkey of %s", label.name()).doesNotContain(label.key());
                assertThat(label.key()).as(label.name()).doesNotMatch("\\d");
            }
        }
    }

    @Test
    void theArticleIsKeptByteForByte() throws Exception {
        Path shared = Path.of("../../shared/seeds/coalition-of-the-willing.txt");
        Path local = Path.of("coalition-of-the-willing.txt");
        assertThat(Seeds.articleText()).isEqualTo(Files.readString(local));
        if (Files.exists(shared)) {
            assertThat(Files.readAllBytes(local)).isEqualTo(Files.readAllBytes(shared));
        }
    }

    @Test
    void theReferenceAnnotationLoadsAndDescribesItself() {
        AnnotatedDocument doc = Seeds.referenceAnnotation();
        assertThat(doc.document().text()).isEqualTo(Seeds.articleText());
        assertThat(doc.document().title())
                .isEqualTo("Coalition of the Willing meets Zelensky in Paris as Trump phones in");
        assertThat(doc.document().language()).isEqualTo("en");
        assertThat(doc.document().iri()).isEqualTo("urn:scholion:doc:coalition-of-the-willing");
        assertThat(doc.labelSets()).extracting(LabelSet::name).containsExactly("propaganda", "entities", "sourcing");
        assertThat(doc.labelSets()).isEqualTo(Seeds.labelSets());
    }

    @Test
    void theReferenceAnnotationKeepsItsCounts() {
        AnnotatedDocument doc = Seeds.referenceAnnotation();
        Map<String, Long> perSet = doc.spans().stream()
                .collect(Collectors.groupingBy(
                        s -> doc.labelSetOf(s.label()).orElseThrow().name(), Collectors.counting()));
        assertThat(perSet)
                .containsExactlyInAnyOrderEntriesOf(Map.of("propaganda", 18L, "entities", 99L, "sourcing", 64L));
        assertThat(doc.relations()).hasSize(46);
        assertThat(doc.relations().stream()
                        .filter(r -> r.type().equals("said-by"))
                        .count())
                .isEqualTo(10);
        assertThat(doc.spans().stream().filter(s -> s.label().equals("QUOTE")).count())
                .isEqualTo(10);
    }

    @Test
    void everySpanCoversTrimmedTextAndEveryPropagandaSpanExplainsItself() {
        AnnotatedDocument doc = Seeds.referenceAnnotation();
        String text = Seeds.articleText();
        for (Span span : doc.spans()) {
            String covered =
                    text.substring(text.offsetByCodePoints(0, span.start()), text.offsetByCodePoints(0, span.end()));
            assertThat(covered).as(span.id()).isEqualTo(doc.textOf(span)).isEqualTo(covered.strip());
            assertThat(span.annotator()).isEqualTo("scholion-seed");
            if (doc.labelSetOf(span.label()).orElseThrow().name().equals("propaganda")) {
                assertThat(span.note()).as("note of %s", span.id()).isNotBlank();
            }
        }
    }

    @Test
    void theReferenceAnnotationHasNestedAndOverlappingSpans() {
        List<Span> spans = Seeds.referenceAnnotation().spans();
        long overlapping = 0;
        for (int i = 0; i < spans.size(); i++) {
            for (int j = i + 1; j < spans.size(); j++) {
                if (spans.get(i).overlaps(spans.get(j))) {
                    overlapping++;
                }
            }
        }
        assertThat(overlapping).isGreaterThan(100);
        AnnotatedDocument doc = Seeds.referenceAnnotation();
        assertThat(doc.spans())
                .anySatisfy(outer -> assertThat(doc.spans()).anySatisfy(inner -> {
                    assertThat(inner).isNotEqualTo(outer);
                    assertThat(outer.covers(inner.start(), inner.end())).isTrue();
                    assertThat(doc.labelSetOf(outer.label())).isNotEqualTo(doc.labelSetOf(inner.label()));
                }));
    }

    @Test
    void theReferenceFileIsInCanonicalForm() throws Exception {
        byte[] onDisk = Files.readAllBytes(Path.of("coalition-of-the-willing.scholion.json"));
        AnnotatedDocument doc = Seeds.referenceAnnotation();
        assertThat(new String(AnnotationFile.toBytes(Snapshot.of(doc)), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(onDisk, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void labelSetsComeFromNamesOrFiles(@TempDir Path dir) throws Exception {
        assertThat(Seeds.labelSetOrFile("entities").name()).isEqualTo("entities");
        Path custom = dir.resolve("mine.json");
        Files.writeString(custom, "{\"name\": \"mine\", \"labels\": [{\"name\": \"HERO\", \"color\": \"#112233\"}]}");
        assertThat(Seeds.labelSetOrFile(custom.toString()).labels())
                .extracting(Label::name)
                .containsExactly("HERO");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"name\": \"bad\",\n \"labels\": [{\"name\": \"X\"}]}");
        assertThatThrownBy(() -> Seeds.labelSetOrFile(bad.toString()))
                .isInstanceOf(ScholionException.class)
                .hasMessage(bad + ":2:13: label has no \"color\" (in labels[0])");
        assertThatThrownBy(() -> Seeds.labelSetOrFile("nonsense"))
                .hasMessage(
                        "nonsense: is neither a built-in label set (propaganda, entities, sourcing) nor a label-set file");
    }
}
