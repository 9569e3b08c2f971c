package org.scholion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholion.cli.CommandTesting.bytes;
import static org.scholion.cli.CommandTesting.p;
import static org.scholion.cli.CommandTesting.read;
import static org.scholion.cli.CommandTesting.run;
import static org.scholion.cli.CommandTesting.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.cli.CommandTesting.Result;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;

class AttributesAndLinksCommandsTest {
    @TempDir
    Path dir;

    Path file;

    @BeforeEach
    void aFileWhoseEntitiesDeclareWikidata() throws Exception {
        file = sample(dir);
        AnnotationFile.at(file)
                .update(
                        "prefix",
                        doc -> doc.withLabelSet(doc.labelSet("entities")
                                .orElseThrow()
                                .withPrefix("wikidata", "http://www.wikidata.org/entity/")));
        run("add", p(file), "-l", "PERSON", "--at", "0:3");
    }

    @Test
    void addAndEditSetAndRemoveAttributesAndLinks() throws Exception {
        Result add = run(
                "add",
                p(file),
                "-l",
                "LOCATION",
                "--text",
                "Paris \uD83C\uDDEB\uD83C\uDDF7",
                "--attr",
                "certainty=low",
                "--attr",
                "note=a=b",
                "--link",
                "wikidata:Q90",
                "--link",
                "https://www.geonames.org/2988507");
        assertThat(add.code()).as(add.err()).isZero();
        Span paris = read(file).span("s2").orElseThrow();
        assertThat(paris.attributes()).isEqualTo(Map.of("certainty", "low", "note", "a=b"));
        assertThat(paris.links()).containsExactly("wikidata:Q90", "https://www.geonames.org/2988507");

        Result edit = run(
                "edit",
                p(file),
                "s2",
                "--unset",
                "note",
                "--attr",
                "certainty=high",
                "--unlink",
                "https://www.geonames.org/2988507");
        assertThat(edit.code()).as(edit.err()).isZero();
        paris = read(file).span("s2").orElseThrow();
        assertThat(paris.attributes()).isEqualTo(Map.of("certainty", "high"));
        assertThat(paris.links()).containsExactly("wikidata:Q90");
        assertThat(run("undo", p(file)).code()).isZero();
        assertThat(read(file).span("s2").orElseThrow().links()).hasSize(2);
    }

    @Test
    void refusalsChangeNothingAndSayWhy() throws Exception {
        byte[] before = bytes(file);
        Result prefix = run("edit", p(file), "s1", "--link", "geonames:2988507");
        assertThat(prefix.code()).isEqualTo(1);
        assertThat(prefix.err())
                .isEqualTo("error: " + file
                        + ": span s1 links to 'geonames:2988507', but no label set declares the prefix 'geonames'\n");
        Result iri = run("edit", p(file), "s1", "--link", "http://");
        assertThat(iri.err()).isEqualTo("error: " + file + ": link 'http://' of span s1 has no host\n");
        Result unset = run("edit", p(file), "s1", "--unset", "certainty");
        assertThat(unset.err()).isEqualTo("error: " + file + ": span s1 has no attribute 'certainty'\n");
        Result usage = run("edit", p(file), "s1", "--attr", "certainty");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("--attr takes NAME=VALUE, not 'certainty'");
        Result twice = run("add", p(file), "-l", "PERSON", "--at", "0:3");
        assertThat(twice.code()).isEqualTo(1);
        assertThat(twice.err()).isEqualTo("error: " + file + ": span s1 already labels 0:3 as PERSON\n");
        assertThat(bytes(file)).isEqualTo(before);
    }

    @Test
    void addAllSkipsPlacesAlreadyLabelledAndSaysSo() throws Exception {
        Result r = run("add", p(file), "-l", "PERSON", "--text", "Zo\u00EB", "--all");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("warning: " + file + ": span s1 already labels 0:3 as PERSON: skipped\n");
        assertThat(read(file).spans()).hasSize(1);
    }

    @Test
    void lsShowsAttributesAndLinksInEveryLayout() throws Exception {
        run(
                "edit",
                p(file),
                "s1",
                "--attr",
                "speaker=quoted; \"aside\"",
                "--attr",
                "certainty=low",
                "--link",
                "wikidata:Q3052772",
                "--link",
                "urn:isbn:0451450523");
        Result tsv = run("ls", p(file), "--format", "tsv");
        assertThat(tsv.out())
                .isEqualTo("id\tlabel\tstart\tend\ttext\tsuggestion\tproposers\tattributes\tlinks\n"
                        + "s1\tPERSON\t0\t3\tZo\u00EB\tno\t\tcertainty=low;speaker=quoted\\; \"aside\"\t"
                        + "wikidata:Q3052772 urn:isbn:0451450523\n");
        JsonNode json = new ObjectMapper()
                .readTree(run("ls", p(file), "--format", "json").out())
                .get(0);
        assertThat(json.get("attributes").get("speaker").asText()).isEqualTo("quoted; \"aside\"");
        assertThat(json.get("links").get(1).asText()).isEqualTo("urn:isbn:0451450523");
        assertThat(run("ls", p(file)).out()).isEqualTo("""
                ID  LABEL   START  END  ATTRIBUTES AND LINKS                      TEXT
                s1  PERSON      0    3  certainty=low speaker=quoted; "aside" w…  Zo\u00EB
                """);
    }

    @Test
    void upgradeRewritesScholion1FilesOnceAndReportsOthers() throws Exception {
        Path old = dir.resolve("old.scholion.json");
        String v1 = Files.readString(file).replace("\"scholion/2\"", "\"scholion/1\"");
        Files.writeString(old, v1);
        Path broken = dir.resolve("broken.scholion.json");
        Files.writeString(broken, "{");
        Result r = run("upgrade", p(old), p(broken));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(old + ": upgraded to scholion/2\n");
        assertThat(r.err()).startsWith("error: " + broken + ":");
        assertThat(Files.readString(old)).contains("\"format\" : \"scholion/2\"");
        assertThat(Files.readString(broken)).isEqualTo("{");
        Result again = run("upgrade", p(old));
        assertThat(again.code()).isZero();
        assertThat(again.out()).isEqualTo(old + ": already scholion/2\n");
    }

    /** Random attribute names and values with every character the escaping treats specially come back exactly. */
    @Test
    void tsvAttributeCellsParseBackToTheSameAttributes() {
        long seed = Long.getLong("test.seed", System.nanoTime());
        System.out.println("AttributesAndLinksCommandsTest seed " + seed + " (replay with -Dtest.seed=" + seed + ")");
        Random random = new Random(seed);
        String alphabet = "ab=;\\\t\n\r é😀";
        for (int round = 0; round < 2_000; round++) {
            Map<String, String> attributes = new TreeMap<>();
            int count = random.nextInt(4);
            for (int i = 0; i < count; i++) {
                attributes.put(
                        word(
                                                random,
                                                alphabet.replace("=", "")
                                                        .replace("\t", "")
                                                        .replace("\n", "")
                                                        .replace("\r", ""))
                                        .strip()
                                + "n",
                        word(random, alphabet) + "v");
            }
            String cell = Escapes.attributes(attributes);
            assertThat(cell).as("seed %d", seed).doesNotContain("\t", "\n", "\r");
            assertThat(Escapes.parseAttributes(cell))
                    .as("seed %d: %s", seed, cell)
                    .isEqualTo(attributes);
        }
        assertThat(Escapes.attributes(Map.of("a;b", "c=d\\e"))).isEqualTo("a\\;b=c\\=d\\\\e");
    }

    private static String word(Random random, String alphabet) {
        StringBuilder b = new StringBuilder();
        int[] points = alphabet.codePoints().toArray();
        for (int i = random.nextInt(6); i > 0; i--) {
            b.appendCodePoint(points[random.nextInt(points.length)]);
        }
        return b.toString();
    }
}
