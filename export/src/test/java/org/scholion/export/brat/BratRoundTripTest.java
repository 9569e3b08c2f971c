package org.scholion.export.brat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.export.ExportOptions;
import org.scholion.export.interchange.DocumentWriter;
import org.scholion.export.interchange.InterchangeFixtures;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;

/** Model → brat → model gives the same document, except what the loss report names. */
class BratRoundTripTest {
    @TempDir
    Path dir;

    private AnnotatedDocument roundTrip(AnnotatedDocument doc, LossReport writing, LossReport reading)
            throws Exception {
        Path folder = Files.createTempDirectory(dir, "brat");
        DocumentWriter.Batch batch = new BratWriter()
                .open(folder, ExportOptions.builder().includeSuggestions(true).build(), writing);
        batch.write(doc);
        batch.close();
        List<AnnotatedDocument> back = new ArrayList<>();
        new BratReader()
                .read(
                        folder.resolve(doc.document().id() + ".txt"),
                        new ReadOptions(doc.labelSets(), "imported", null),
                        reading,
                        back::add);
        assertThat(back).hasSize(1);
        return back.get(0);
    }

    @Test
    void theTrickyDocumentComesBackTheSame() throws Exception {
        AnnotatedDocument doc = InterchangeFixtures.tricky();
        LossReport writing = new LossReport();
        LossReport reading = new LossReport();
        AnnotatedDocument back = roundTrip(doc, writing, reading);
        assertThat(back).isEqualTo(doc);
        assertThat(writing.summary())
                .containsExactly("brat: notes longer than a line kept as several AnnotatorNotes: 1");
        assertThat(reading.isEmpty()).isTrue();
    }

    @Test
    void attributesAndLinksComeBackAsAAndNLinesAndTheScholionNote() throws Exception {
        AnnotatedDocument doc = InterchangeFixtures.linked();
        LossReport writing = new LossReport();
        LossReport reading = new LossReport();
        Path folder = Files.createTempDirectory(dir, "brat");
        DocumentWriter.Batch batch = new BratWriter()
                .open(folder, ExportOptions.builder().includeSuggestions(true).build(), writing);
        batch.write(doc);
        batch.close();
        String ann = Files.readString(folder.resolve("tricky.ann"));
        assertThat(ann)
                .contains(
                        "A1\tcertainty T1 low\n",
                        "A2\tnegated T1 true\n",
                        "\tspeaker T3 a%20%3Cb%3Equoted%3C%2Fb%3E%20%3D%20100%25%20%22so%22%09said\n",
                        "N1\tReference T1 wikidata:Q42\tZo\u00EB\n",
                        "\tReference T3 wikidata:Q937\t",
                        "\tReference T9 geonames:2988507\t",
                        "links=https://example.org/people?id%3D3&x%3D'y'%20urn:isbn:0451450523");
        assertThat(Files.readString(folder.resolve("annotation.conf")))
                .contains("[attributes]\ncertainty\tArg:<ENTITY>, Value:high|low\n");
        assertThat(Files.readString(folder.resolve("tools.conf")))
                .contains(
                        "[normalization]\n",
                        "geonames\t<URL>:https://sws.geonames.org/, <URLBASE>:https://sws.geonames.org/%s\n",
                        "wikidata\t<URL>:" + InterchangeFixtures.WIKIDATA);
        assertThat(writing.summary())
                .containsExactly(
                        "brat: notes longer than a line kept as several AnnotatorNotes: 1",
                        "brat: attributes of relations not written: 1");

        // with the label sets: the document's own prefixes
        List<AnnotatedDocument> back = new ArrayList<>();
        new BratReader()
                .read(
                        folder.resolve("tricky.ann"),
                        new ReadOptions(doc.labelSets(), "imported", null),
                        reading,
                        back::add);
        AnnotatedDocument expected = withoutRelationAttributes(doc);
        // the full IRI under the wikidata base comes back in its short form
        Span s3 = expected.span("s3").orElseThrow();
        expected = expected.withSpanReplaced(
                s3.withLinks(List.of("wikidata:Q937", "https://example.org/people?id=3&x='y'", "urn:isbn:0451450523")));
        assertThat(back.get(0)).isEqualTo(expected);
        assertThat(reading.isEmpty()).isTrue();

        // without them: tools.conf declares the prefixes in the new label set
        back.clear();
        new BratReader().read(folder.resolve("tricky.ann"), ReadOptions.defaults("imported"), reading, back::add);
        assertThat(back.get(0).prefixes())
                .containsEntry("wikidata", InterchangeFixtures.WIKIDATA)
                .containsEntry("geonames", "https://sws.geonames.org/");
        assertThat(back.get(0).span("s1").orElseThrow().links()).containsExactly("wikidata:Q42");
        assertThat(back.get(0).span("s1").orElseThrow().attributes()).containsEntry("negated", "true");

        // without tools.conf either: the normalisations are reported
        Files.delete(folder.resolve("tools.conf"));
        LossReport bare = new LossReport();
        back.clear();
        new BratReader().read(folder.resolve("tricky.ann"), ReadOptions.defaults("imported"), bare, back::add);
        assertThat(back.get(0).span("s1").orElseThrow().links()).isEmpty();
        assertThat(bare.summary())
                .containsExactly("brat: normalisations to resources no label set declares not imported: 3");
    }

    @Test
    void foreignAttributesAndNormalisationsAreRead() throws Exception {
        LabelSet set =
                LabelSet.of("x", Label.of("Person", "#112233")).withPrefix("wikidata", InterchangeFixtures.WIKIDATA);
        String text = "Douglas Adams wrote it.";
        String ann = "T1\tPerson 0 13\tDouglas Adams\nA1\tNegated T1\nA2\tConfidence T1 High\n"
                + "N1\tReference T1 Wikidata:Q42\tDouglas Adams\nN2\tReference T1 UniProt:P12345\tx\n";
        LossReport losses = new LossReport();
        AnnotatedDocument doc =
                BratReader.parse("d", text, ann, "d.ann", new ReadOptions(List.of(set), "imported", null), losses);
        Span span = doc.spans().get(0);
        assertThat(span.attributes())
                .containsExactly(java.util.Map.entry("Confidence", "High"), java.util.Map.entry("Negated", "true"));
        assertThat(span.links()).containsExactly("wikidata:Q42");
        assertThat(losses.summary())
                .containsExactly("brat: normalisations to resources no label set declares not imported: 1");
    }

    private static AnnotatedDocument withoutRelationAttributes(AnnotatedDocument doc) {
        AnnotatedDocument d = doc;
        for (Relation r : doc.relations()) {
            d = d.withoutRelations(List.of(r.id())).withRelation(new Relation(r.id(), r.type(), r.from(), r.to()));
        }
        return d;
    }

    @Test
    void aSpanAcrossALineEndIsWrittenAsFragmentsSplitThere() throws Exception {
        Path folder = Files.createTempDirectory(dir, "brat");
        DocumentWriter.Batch batch = new BratWriter()
                .open(folder, ExportOptions.builder().includeSuggestions(true).build(), new LossReport());
        batch.write(InterchangeFixtures.tricky());
        batch.close();
        String ann = Files.readString(folder.resolve("tricky.ann"));
        int[] s4 = InterchangeFixtures.range("e\u0301mile\r\nin Paris", 0);
        assertThat(ann)
                .contains("T4\tName_Calling%2CLabeling " + s4[0] + " " + (s4[0] + 6) + ";" + (s4[0] + 8) + " " + s4[1]
                        + "\te\u0301mile in Paris\n");
        assertThat(ann).contains("#2\tAnnotatorNotes T4\tfirst line\n#3\tAnnotatorNotes T4\tsecond line\n");
        assertThat(ann)
                .contains("\tBig%20Thing ")
                .contains("\tScholion T3\tannotator=alice created=2026-11-24T10:00:00Z\n")
                .contains("\tScholion T8\tannotator=bob%20smith\n")
                .contains("id=e7")
                .contains("\tScholion R2\tid=x9\n");
        assertThat(Files.readString(folder.resolve("visual.conf")))
                .contains("Name_Calling%2CLabeling | Name_Calling,Labeling\n");
    }

    @Test
    void linesBreaksAtASpanEdgeAreDroppedAndReported() throws Exception {
        String text = "one\ntwo\r\n\nthree";
        LabelSet set = LabelSet.of("x", Label.of("A", "#112233"));
        AnnotatedDocument doc = AnnotatedDocument.builder(Document.of("edges", text))
                .labelSets(List.of(set))
                .span(Span.of("s1", 0, 4, "A"))
                .span(Span.of("s2", 3, 4, "A"))
                .span(Span.of("s3", 4, 15, "A"))
                .relation(new Relation("r1", "r", "s1", "s2"))
                .build();
        LossReport writing = new LossReport();
        AnnotatedDocument back = roundTrip(doc, writing, new LossReport());
        assertThat(back.spans()).containsExactly(Span.of("s1", 0, 3, "A"), Span.of("s3", 4, 15, "A"));
        assertThat(back.relations()).isEmpty();
        assertThat(writing.summary())
                .containsExactly(
                        "brat: spans ending in a line break written without it: 1",
                        "brat: spans of line breaks only not written: 1",
                        "brat: relations of unwritten spans not written: 1");
    }

    /** Seeded: random texts full of line breaks, emoji and marks, random spans; replay with -Dtest.seed=N. */
    @Test
    void randomDocumentsComeBackTheSameUpToTheirReportedEdges() throws Exception {
        long seed = Long.getLong("test.seed", new Random().nextLong());
        System.out.println("BratRoundTripTest: seed " + seed + " (replay with -Dtest.seed=" + seed + ")");
        Random random = new Random(seed);
        String[] pieces = {
            "a",
            "b",
            " ",
            "\n",
            "\r\n",
            "\r",
            "\u2028",
            "\u0085",
            "\t",
            "e\u0301",
            "\uD83D\uDE00",
            "\u05E9",
            "\u0627",
            ",",
            "%",
            "\uD83C\uDDEB\uD83C\uDDF7"
        };
        LabelSet set = LabelSet.of(
                "random",
                Label.of("A,B", "#112233"),
                Label.of("x y", "#445566"),
                Label.of("100%", "#778899"),
                Label.of("\u00E9t\u00E9", "#AABBCC"));
        for (int round = 0; round < 60; round++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            CodePointText text = CodePointText.of(b.toString());
            AnnotatedDocument.Builder builder = AnnotatedDocument.builder(Document.of("r" + round, b.toString()))
                    .labelSets(List.of(set));
            List<Span> expected = new ArrayList<>();
            int spans = random.nextInt(8);
            // one span per offsets and label, also once the writer has trimmed white space off the edges
            java.util.Set<String> places = new java.util.HashSet<>();
            int made = 0;
            for (int attempt = 0; attempt < 20 * spans && made < spans; attempt++) {
                int start = random.nextInt(text.length());
                int end = start + 1 + random.nextInt(text.length() - start);
                int i = made + 1;
                String note = random.nextInt(3) == 0 ? "note " + i + (random.nextBoolean() ? "\tx" : "") : null;
                Span span = new Span(
                        "s" + i, start, end, set.labels().get(random.nextInt(4)).name(), note, null, null, false);
                List<int[]> parts = BratWriter.fragments(text, start, end);
                String trimmed = parts.isEmpty() ? "none" : parts.get(0)[0] + ":" + parts.get(parts.size() - 1)[1];
                if (places.contains(start + ":" + end + ":" + span.label())
                        || places.contains(trimmed + ":" + span.label())) {
                    continue;
                }
                places.add(start + ":" + end + ":" + span.label());
                places.add(trimmed + ":" + span.label());
                made++;
                builder.span(span);
                if (!parts.isEmpty()) {
                    expected.add(span.withRange(parts.get(0)[0], parts.get(parts.size() - 1)[1]));
                }
            }
            spans = made;
            Set<String> kept = new HashSet<>();
            expected.forEach(s -> kept.add(s.id()));
            List<Relation> relations = new ArrayList<>();
            if (spans >= 2) {
                Relation r = new Relation("r1", "links", "s1", "s2");
                builder.relation(r);
                if (kept.contains("s1") && kept.contains("s2")) {
                    relations.add(r);
                }
            }
            AnnotatedDocument doc = builder.build();
            LossReport writing = new LossReport();
            LossReport reading = new LossReport();
            AnnotatedDocument back = roundTrip(doc, writing, reading);
            expected.sort(Span.ORDER);
            assertThat(back.spans())
                    .as("seed %d round %d: %s", seed, round, doc.spans())
                    .isEqualTo(expected);
            assertThat(back.relations()).isEqualTo(relations);
            assertThat(back.document().text()).isEqualTo(doc.document().text());
            assertThat(reading.isEmpty()).isTrue();
            boolean changed = !expected.equals(doc.spans());
            assertThat(writing.isEmpty())
                    .as("seed %d round %d: losses reported exactly when spans changed", seed, round)
                    .isEqualTo(!changed);
        }
    }
}
