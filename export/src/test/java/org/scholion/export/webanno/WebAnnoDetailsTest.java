package org.scholion.export.webanno;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.export.interchange.HostileDetails;
import org.scholion.export.interchange.InterchangeFixtures;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;

/** Span attributes and links as features of the span layer, relation attributes of the relation layer. */
class WebAnnoDetailsTest {
    @TempDir
    Path dir;

    private List<AnnotatedDocument> roundTrip(AnnotatedDocument doc, ReadOptions options, LossReport reading)
            throws Exception {
        Path file = dir.resolve(doc.document().id() + ".tsv");
        Files.writeString(file, WebAnnoTest.write(doc, new LossReport()), StandardCharsets.UTF_8);
        List<AnnotatedDocument> back = new ArrayList<>();
        new WebAnnoReader(WebAnnoOptions.DEFAULT).read(file, options, reading, back::add);
        return back;
    }

    @Test
    void declaresOneFeaturePerAttributeNameAndALinksFeature() throws Exception {
        LossReport writing = new LossReport();
        String tsv = WebAnnoTest.write(HostileDetails.document(), writing);
        assertThat(tsv)
                .contains("#T_SP=webanno.custom.Span|label|note|certainty|negated|quote|speaker|links\n")
                .contains("#T_RL=webanno.custom.Relation|type|confidence|quote|BT_webanno.custom.Span\n")
                // s1: the prefix expanded; no value is a star
                .contains("\tPERSON\t*\tlow\ttrue\t*\t*\t" + InterchangeFixtures.WIKIDATA + "Q42\t")
                .contains("a\\;b=c\\|d\\te\\nf \uD83D\uDE00 ")
                .contains(" \\[1\\] \\_ \\* \\-> \\\\ \\\\n \"q\" <x> ,");
        assertThat(writing.summary()).noneMatch(l -> l.contains("attributes") || l.contains("links"));
    }

    @Test
    void roundTripKeepsHostileAttributesAndLinks() throws Exception {
        AnnotatedDocument doc = HostileDetails.document();
        LossReport reading = new LossReport();
        AnnotatedDocument back = roundTrip(doc, new ReadOptions(doc.labelSets(), "imported", null), reading)
                .get(0);
        assertThat(reading.isEmpty()).isTrue();
        assertThat(HostileDetails.details(back, false)).isEqualTo(HostileDetails.details(doc, true));
        assertThat(back.relations())
                .extracting(Relation::type, Relation::attributes)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("said-by", Map.of("confidence", "high")),
                        org.assertj.core.groups.Tuple.tuple("near", Map.of("quote", HostileDetails.VALUE)));

        // without the label sets: links come back as absolute IRIs, no prefix is made up
        AnnotatedDocument bare = roundTrip(doc, ReadOptions.defaults("imported"), new LossReport())
                .get(0);
        assertThat(bare.prefixes()).isEmpty();
        assertThat(bare.spans())
                .flatExtracting(s -> s.links())
                .contains(InterchangeFixtures.WIKIDATA + "Q42", "https://sws.geonames.org/2988507");
    }

    @Test
    void attributesWhoseNamesAreNoFeatureNamesAreReported() throws Exception {
        AnnotatedDocument doc = InterchangeFixtures.tricky();
        AnnotatedDocument odd = doc.withSpanReplaced(doc.span("s1")
                .orElseThrow()
                .withAttribute("two words", "x")
                .withAttribute("note", "y")
                .withAttribute("ok", "z"));
        LossReport writing = new LossReport();
        String tsv = WebAnnoTest.write(odd, writing);
        assertThat(tsv).contains("#T_SP=webanno.custom.Span|label|note|ok\n");
        assertThat(writing.summary())
                .contains("webanno: span attributes whose names are no feature names not written: 2");
    }

    @Test
    void readsForeignFeaturesAsAttributesAndIdentifiersAsLinks() throws Exception {
        Path file = dir.resolve("ne.tsv");
        Files.writeString(
                file,
                "#FORMAT=WebAnno TSV 3.3\n"
                        + "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value|certainty\n\n\n"
                        + "#Text=Adams wrote .\n"
                        + "1-1\t0-5\tAdams\thttp://www.wikidata.org/entity/Q42\tPER\tlow\\;ish\n"
                        + "1-2\t6-11\twrote\tQ1\tOTH\t*\n"
                        + "1-3\t12-13\t.\t_\t_\t_\n",
                StandardCharsets.UTF_8);
        LabelSet known =
                LabelSet.of("k", Label.of("PER", "#112233")).withPrefix("wikidata", InterchangeFixtures.WIKIDATA);
        LossReport losses = new LossReport();
        List<AnnotatedDocument> docs = new ArrayList<>();
        new WebAnnoReader(WebAnnoOptions.DEFAULT)
                .read(file, new ReadOptions(List.of(known), "imported", null), losses, docs::add);
        AnnotatedDocument doc = docs.get(0);
        assertThat(doc.spans().get(0).links()).containsExactly("wikidata:Q42");
        assertThat(doc.spans().get(0).attributes()).containsExactly(Map.entry("certainty", "low;ish"));
        assertThat(doc.spans().get(1).attributes()).isEmpty();
        assertThat(losses.summary()).containsExactly("webanno: links that are not IRIs not imported: 1");
    }
}
