package org.scholion.export.labelstudio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholion.export.json.Interchanges.readAll;
import static org.scholion.export.json.Interchanges.writeAll;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.scholion.core.model.Span;
import org.scholion.export.ExportOptions;
import org.scholion.export.interchange.HostileDetails;
import org.scholion.export.interchange.InterchangeFixtures;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;
import org.scholion.export.json.Json;

/** Span attributes as per-region choices, links as a per-region text area, tied to the region by its id. */
class LabelStudioDetailsTest {
    @TempDir
    Path dir;

    private final ExportOptions all =
            ExportOptions.builder().includeSuggestions(true).build();

    @Test
    void writesPerRegionChoicesAndTextAreaWithTheRegionsId() throws Exception {
        LossReport writing = new LossReport();
        List<Path> files = writeAll(new LabelStudioWriter(), dir, all, writing, HostileDetails.document());
        JsonNode results = Json.MAPPER.readTree(files.get(0).toFile()).get(0).get("annotations");
        List<JsonNode> s1 = new ArrayList<>();
        results.forEach(a -> a.get("result").forEach(r -> {
            if ("s1".equals(r.path("id").asText())) {
                s1.add(r);
            }
        }));
        assertThat(s1)
                .extracting(
                        r -> r.get("type").asText() + " " + r.get("from_name").asText())
                .containsExactly("labels label", "choices certainty", "choices negated", "textarea links");
        assertThat(s1.get(1).get("value").get("choices").get(0).asText()).isEqualTo("low");
        assertThat(s1.get(3).get("value").get("text").get(0).asText()).isEqualTo(InterchangeFixtures.WIKIDATA + "Q42");
        assertThat(s1.get(3).get("value").get("start").asInt()).isZero();
        String config = Files.readString(files.get(1), StandardCharsets.UTF_8);
        assertThat(config)
                .contains(
                        "<Choices name=\"certainty\" toName=\"text\" perRegion=\"true\" choice=\"single\">\n"
                                + "    <Choice value=\"_\"/>\n    <Choice value=\"high\"/>\n    <Choice value=\"low\"/>\n"
                                + "  </Choices>",
                        "a;b=c|d&#9;e&#10;f ",
                        "&quot;q&quot; &lt;x&gt; ,\"/>",
                        "<TextArea name=\"links\" toName=\"text\" perRegion=\"true\"/>");
        assertThat(writing.summary())
                .containsExactly(
                        "labelstudio: relation attributes not written: 2",
                        "labelstudio: span times not written: 1",
                        "labelstudio: relations across annotations not written: 2");
    }

    @Test
    void roundTripKeepsHostileAttributesAndLinks() throws Exception {
        AnnotatedDocument doc = HostileDetails.document();
        List<Path> files = writeAll(new LabelStudioWriter(), dir, all, new LossReport(), doc);
        LossReport reading = new LossReport();
        List<AnnotatedDocument> back = new ArrayList<>();
        new LabelStudioReader()
                .read(files.get(0), new ReadOptions(doc.labelSets(), "imported", null), reading, back::add);
        assertThat(reading.isEmpty()).isTrue();
        for (Span span : doc.spans()) {
            Span again = back.get(0).span(span.id()).orElseThrow();
            assertThat(again.attributes()).as(span.id()).isEqualTo(span.attributes());
            assertThat(again.links()).as(span.id()).isEqualTo(HostileDetails.linksBack(span));
        }
        // without the label sets: absolute IRIs, no prefix made up
        back.clear();
        new LabelStudioReader().read(files.get(0), ReadOptions.defaults("imported"), new LossReport(), back::add);
        assertThat(back.get(0).span("e7").orElseThrow().links()).containsExactly("https://sws.geonames.org/2988507");
        assertThat(back.get(0).prefixes()).isEmpty();
    }

    @Test
    void readsForeignPerRegionResultsAndReportsWhatDoesNotFit() throws Exception {
        Path file = dir.resolve("foreign.json");
        Files.writeString(
                file,
                "[{\"data\": {\"text\": \"Ann met Bob\"}, \"annotations\": [{\"result\": ["
                        + "{\"id\": \"q\", \"type\": \"choices\", \"from_name\": \"sure\", \"to_name\": \"text\","
                        + " \"value\": {\"start\": 0, \"end\": 3, \"choices\": [\"yes\", \"no\"]}},"
                        + "{\"id\": \"q\", \"type\": \"labels\", \"from_name\": \"label\", \"to_name\": \"text\","
                        + " \"value\": {\"start\": 0, \"end\": 3, \"labels\": [\"P\"]}},"
                        + "{\"id\": \"q\", \"type\": \"textarea\", \"from_name\": \"comment\", \"to_name\": \"text\","
                        + " \"value\": {\"start\": 0, \"end\": 3, \"text\": [\"one\", \"two\"]}},"
                        + "{\"id\": \"q\", \"type\": \"textarea\", \"from_name\": \"links\", \"to_name\": \"text\","
                        + " \"value\": {\"start\": 0, \"end\": 3, \"text\": [\"http://www.wikidata.org/entity/Q1 Q2\"]}},"
                        + "{\"id\": \"whole\", \"type\": \"choices\", \"from_name\": \"good\", \"to_name\": \"text\","
                        + " \"value\": {\"choices\": [\"yes\"]}}"
                        + "]}]}]",
                StandardCharsets.UTF_8);
        LabelSet known =
                LabelSet.of("k", Label.of("P", "#112233")).withPrefix("wikidata", InterchangeFixtures.WIKIDATA);
        LossReport losses = new LossReport();
        AnnotatedDocument doc = readAll(new LabelStudioReader(), file, losses).get(0);
        assertThat(doc.spans()).hasSize(1);
        List<AnnotatedDocument> withSet = new ArrayList<>();
        new LabelStudioReader()
                .read(file, new ReadOptions(List.of(known), "imported", null), new LossReport(), withSet::add);
        Span span = withSet.get(0).spans().get(0);
        assertThat(span.attributes()).isEqualTo(Map.of("sure", "yes", "comment", "one\ntwo"));
        assertThat(span.links()).containsExactly("wikidata:Q1");
        assertThat(losses.summary())
                .containsExactly(
                        "labelstudio: second choices of a region not imported: 1",
                        "labelstudio: links that are not IRIs not imported: 1",
                        "labelstudio: results of other types not imported: 1");
    }
}
