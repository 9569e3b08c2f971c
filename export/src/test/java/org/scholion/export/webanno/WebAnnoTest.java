package org.scholion.export.webanno;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.core.text.Tokens;
import org.scholion.export.ExportOptions;
import org.scholion.export.Format;
import org.scholion.export.GoldenFiles;
import org.scholion.export.conll.TokenDocuments;
import org.scholion.export.interchange.DocumentWriter;
import org.scholion.export.interchange.Interchange;
import org.scholion.export.interchange.Loss;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;
import org.scholion.export.interchange.TextLines;

class WebAnnoTest {
    private static final Path SPEC = Path.of("src/test/resources/webanno");
    private static final LabelSet LABELS = LabelSet.of(
            "t",
            Label.of("A", "#112233"),
            Label.of("B", "#112233"),
            Label.of("C", "#112233"),
            Label.of("D", "#112233"),
            Label.of("Smile", "#112233"),
            Label.of("OTH", "#112233"));

    @TempDir
    Path dir;

    static String write(AnnotatedDocument doc, LossReport losses) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WebAnnoWriter(WebAnnoOptions.DEFAULT)
                .write(doc, ExportOptions.builder().includeSuggestions(true).build(), losses, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static AnnotatedDocument read(Path file, WebAnnoOptions options, LossReport losses) throws ScholionException {
        List<AnnotatedDocument> docs = new ArrayList<>();
        new WebAnnoReader(options).read(file, ReadOptions.defaults("imported"), losses, docs::add);
        assertThat(docs).hasSize(1);
        return docs.get(0);
    }

    private static AnnotatedDocument doc(String id, String text, List<Span> spans, List<Relation> relations) {
        AnnotatedDocument.Builder builder =
                AnnotatedDocument.builder(Document.of(id, text)).labelSet(LABELS);
        spans.forEach(builder::span);
        relations.forEach(builder::relation);
        return builder.build();
    }

    @Test
    void writesTheSpecsStackedRelationExample() throws Exception {
        // the spec's "Disambiguation IDs in relations" and INCEpTION's
        // testSingleStackedNonTokenRelationWithoutFeatureValue
        AnnotatedDocument doc = doc(
                "this-is-a-test",
                "This is a test .",
                List.of(
                        Span.of("s1", 0, 4, "A"),
                        Span.of("s2", 0, 4, "B"),
                        Span.of("s3", 15, 16, "C"),
                        Span.of("s4", 15, 16, "D")),
                List.of(new Relation("r1", "rel", "s1", "s3")));
        String out = write(doc, new LossReport());
        GoldenFiles.check("webanno-spec", "this-is-a-test.tsv", out.getBytes(StandardCharsets.UTF_8));
        assertThat(out)
                .contains(
                        "1-1\t0-4\tThis\tA[1]|B[2]\t*[1]|*[2]\t_\t_\t\n",
                        "1-5\t15-16\t.\tC[3]|D[4]\t*[3]|*[4]\trel\t1-1[1_3]\t\n");
    }

    @Test
    void writesUtf16OffsetsAsTheSpecsEmojiExample() throws Exception {
        AnnotatedDocument doc = doc("emoji", "I like it 😊 .", List.of(Span.of("s1", 10, 11, "Smile")), List.of());
        String out = write(doc, new LossReport());
        GoldenFiles.check("webanno-spec", "emoji.tsv", out.getBytes(StandardCharsets.UTF_8));
        assertThat(out)
                .contains(
                        "#Text=I like it 😊 .\n1-1\t0-1\tI\t_\t_\t\n",
                        "1-4\t10-12\t😊\tSmile\t*\t\n",
                        "1-5\t13-14\t.\t_\t_\t\n");
    }

    @Test
    void writesSubTokenRowsAsInceptionsPrefixExample() throws Exception {
        String out = write(doc("test", "Test", List.of(Span.of("s1", 0, 1, "OTH")), List.of()), new LossReport());
        GoldenFiles.check("webanno-spec", "subtoken.tsv", out.getBytes(StandardCharsets.UTF_8));
        assertThat(out)
                .isEqualTo("#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|label|note\n\n\n#Text=Test\n"
                        + "1-1\t0-4\tTest\t_\t_\t\n1-1.1\t0-1\tT\tOTH\t*\t\n");
    }

    @Test
    void readsTheSpecsRelationExample() throws Exception {
        LossReport losses = new LossReport();
        AnnotatedDocument doc = read(SPEC.resolve("spec-relation-disambiguation.tsv"), WebAnnoOptions.DEFAULT, losses);
        assertThat(doc.document().text()).isEqualTo("This is a test .");
        assertThat(doc.spans())
                .extracting(s -> s.id() + ":" + s.label() + ":" + doc.textOf(s))
                .containsExactly("s1:NamedEntity:This", "s2:NamedEntity:.");
        // the two stacked NamedEntity spans on '.' ([1] and [2]) are one span: a document holds one per place
        assertThat(doc.relations()).containsExactly(new Relation("r1", "Relation", "s1", "s2"));
        assertThat(losses.summary())
                .containsExactlyInAnyOrder(
                        "webanno: spans without a label value named after their layer: 1",
                        "webanno: spans at the same place with the same label merged: 1");
    }

    @Test
    void readsTheSpecsEmojiExampleInCodePoints() throws Exception {
        AnnotatedDocument doc = read(SPEC.resolve("spec-emoji.tsv"), WebAnnoOptions.DEFAULT, new LossReport());
        assertThat(doc.spans()).singleElement().satisfies(s -> {
            assertThat(s.start()).isEqualTo(10);
            assertThat(s.end()).isEqualTo(11);
            assertThat(doc.textOf(s)).isEqualTo("😊");
        });
    }

    @Test
    void readsTheSpecsDependencyExampleOverPartsOfSpeech() throws Exception {
        AnnotatedDocument doc = read(SPEC.resolve("spec-pos-dependency.tsv"), WebAnnoOptions.DEFAULT, new LossReport());
        assertThat(doc.spans())
                .extracting(s -> s.label() + ":" + doc.textOf(s))
                .containsExactly("NNP:Ms.", "NNP:Haag", "VBD:plays", "NNP:Elianti", ".:.");
        assertThat(doc.relations())
                .extracting(r -> r.type() + ":" + r.from() + "->" + r.to())
                .containsExactly("SUBJ:s3->s1", "SBJ:s3->s2", "P:s5->s3", "ROOT:s3->s3", "OBJ:s3->s4");
    }

    @Test
    void readsInceptionsSubTokenSuiteAndReportsZeroWidthSpans() throws Exception {
        LossReport losses = new LossReport();
        AnnotatedDocument doc = read(SPEC.resolve("inception-sub-multi-token.tsv"), WebAnnoOptions.DEFAULT, losses);
        assertThat(doc.spans())
                .extracting(s -> s.label() + "@" + s.start() + "-" + s.end())
                .containsExactlyInAnyOrder(
                        "2@0-13", "7@0-10", "1@0-6", "9@3-17", "6@3-13", "8@3-10", "4@7-11", "5@9-13", "3@9-11");
        assertThat(losses.losses())
                .extracting(Loss::kind, Loss::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("zero-width spans not carried", 11),
                        org.assertj.core.groups.Tuple.tuple("zero-width spans not carried", 14),
                        org.assertj.core.groups.Tuple.tuple("zero-width spans not carried", 15));
    }

    @Test
    void takesNamedEntitiesFromAnInceptionExportWithOtherLayersAndReportsTheRest() throws Exception {
        LossReport losses = new LossReport();
        Path file = SPEC.resolve("inception-layers.tsv");
        AnnotatedDocument doc = read(file, WebAnnoOptions.DEFAULT, losses);
        assertThat(doc.document().text()).isEqualTo("Ms. Haag plays\nElianti .      Next  one\twith tab \\ and \\n .");
        assertThat(doc.spans())
                .extracting(s -> s.label() + ":" + doc.textOf(s))
                .containsExactly("PER:Ms. Haag", "PERpart:Ms.", "OTH:Elianti", "OTH:Next");
        assertThat(doc.relations())
                .extracting(
                        r -> r.type() + ":" + doc.span(r.from()).orElseThrow().label() + "->"
                                + doc.span(r.to()).orElseThrow().label())
                .containsExactly("plays_with:PER->OTH");
        // the NamedEntity's identifier feature holds links: "Q1" is no IRI
        assertThat(losses.losses())
                .extracting(Loss::detail)
                .containsExactly(
                        "'Q1' is no absolute IRI (http, https or urn)",
                        "de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS|PosValue: 5 rows with values",
                        "de.tudarmstadt.ukp.dkpro.core.api.coref.type.CoreferenceLink|referenceType: 2 rows with values",
                        "de.tudarmstadt.ukp.dkpro.core.api.coref.type.CoreferenceLink|referenceRelation: 2 rows with values");
        assertThat(losses.losses())
                .extracting(Loss::kind)
                .containsExactly(
                        "links that are not IRIs not imported",
                        "columns not carried",
                        "columns not carried",
                        "columns not carried");
        // or the parts of speech, when asked for
        AnnotatedDocument pos = read(
                file,
                new WebAnnoOptions("de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS", null),
                new LossReport());
        assertThat(pos.spans()).extracting(Span::label).containsExactly("NNP", "NNP", "VBD", "NNP", ".");
        assertThat(pos.relations()).isEmpty();
        assertThatThrownBy(() -> read(file, new WebAnnoOptions("x.Y", null), new LossReport()))
                .hasMessageEndingWith("inception-layers.tsv: has no span layer 'x.Y' (it has"
                        + " de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS,"
                        + " de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity)");
    }

    @Test
    void escapesValuesAsTheSpecSays() {
        String hostile = "a\\b[1]|c_d->e;f\tg\nh*i\r-";
        assertThat(Escaping.escapeValue(hostile)).isEqualTo("a\\\\b\\[1\\]\\|c\\_d\\->e\\;f\\tg\\nh\\*i\\r-");
        assertThat(Escaping.unescapeValue(Escaping.escapeValue(hostile))).isEqualTo(hostile);
        assertThat(Escaping.splitStack(Escaping.escapeValue("x|y") + "[3]|z")).containsExactly("x\\|y[3]", "z");
        assertThat(Escaping.disambiguate("x\\|y[3]")).isEqualTo(new Escaping.Disambiguated("x\\|y", 3));
        assertThat(Escaping.disambiguate("x\\[3\\]").id()).isZero();
        String text = "tab\there \\ back\u0001ctl\rcr";
        assertThat(Escaping.escapeText(text)).isEqualTo("tab\\there \\\\ back\\\u0001ctl\\rcr");
        assertThat(Escaping.unescapeText(Escaping.escapeText(text))).isEqualTo(text);
    }

    @Test
    void roundTripKeepsTextOffsetsSpansAndRelationsExceptWhatTheReportNames() throws Exception {
        AnnotatedDocument original = TokenDocuments.mixed();
        LossReport written = new LossReport();
        DocumentWriter writer = Interchange.writer(Format.WEBANNO);
        List<Path> files;
        try (DocumentWriter.Batch batch = writer.open(
                dir, ExportOptions.builder().includeSuggestions(true).build(), written)) {
            batch.write(original);
            files = batch.files();
        }
        assertThat(files).containsExactly(dir.resolve("mixed-doc.tsv"));
        GoldenFiles.check("webanno-mixed", "mixed-doc.tsv", Files.readAllBytes(files.get(0)));
        assertThat(Interchange.detect(files.get(0))).contains(Format.WEBANNO);
        assertThat(written.summary())
                .containsExactly(
                        "webanno: documents whose text between sentences is not kept: 1",
                        "webanno: documents whose details are not written: 1",
                        "webanno: span ends in white space moved onto tokens: 1",
                        "webanno: span ids not kept (spans are numbered in row order): 18");
        LossReport read = new LossReport();
        AnnotatedDocument back = read(files.get(0), WebAnnoOptions.DEFAULT, read);
        assertThat(read.losses()).isEmpty();

        // the text: every sentence in place, the rest spaces, nothing after the last sentence
        CodePointText text = original.text();
        List<Tokens.Sentence> sentences = Tokens.of(text).sentences();
        int last = sentences.get(sentences.size() - 1).end();
        assertThat(back.text().length()).isEqualTo(last);
        for (Tokens.Sentence s : sentences) {
            assertThat(back.text().slice(s.start(), s.end())).isEqualTo(text.slice(s.start(), s.end()));
        }
        // the spans, moved where the report says
        Set<String> moved = new HashSet<>();
        Pattern id = Pattern.compile("^span (\\S+) ");
        written.losses().forEach(l -> {
            Matcher m = id.matcher(l.detail());
            if (l.kind().equals("span ends in white space moved onto tokens") && m.find()) {
                moved.add(m.group(1));
            }
        });
        List<Tokens.Token> tokens = Tokens.of(text).tokens();
        List<String> expected = new ArrayList<>();
        Map<String, String> keyOf = new java.util.HashMap<>();
        for (Span s : original.spans()) {
            int b = s.start();
            int e = s.end();
            if (moved.contains(s.id())) {
                b = tokens.stream()
                        .filter(t -> t.end() > s.start())
                        .findFirst()
                        .orElseThrow()
                        .start();
                b = Math.max(b, s.start());
                int lastStart = tokens.stream()
                        .filter(t -> t.start() < s.end())
                        .reduce((x, y) -> y)
                        .orElseThrow()
                        .end();
                e = Math.min(e, lastStart);
            }
            String key = b + "-" + e + ":" + s.label() + ":" + s.note();
            expected.add(key);
            keyOf.put(s.id(), key);
        }
        List<String> actual = new ArrayList<>();
        Map<String, String> backKey = new java.util.HashMap<>();
        for (Span s : back.spans()) {
            String key = s.start() + "-" + s.end() + ":" + s.label() + ":" + s.note();
            actual.add(key);
            backKey.put(s.id(), key);
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        // each span comes back under its own id, or under the one the report names
        Map<String, String> backId = new java.util.HashMap<>();
        Pattern renumbered = Pattern.compile("^span (\\S+) comes back as (s\\d+)$");
        written.losses().stream()
                .filter(l -> l.kind().startsWith("span ids not kept"))
                .forEach(l -> {
                    Matcher m = renumbered.matcher(l.detail());
                    assertThat(m.matches()).as(l.detail()).isTrue();
                    backId.put(m.group(1), m.group(2));
                });
        for (Span s : original.spans()) {
            assertThat(backKey.get(backId.getOrDefault(s.id(), s.id())))
                    .as(s.id())
                    .isEqualTo(keyOf.get(s.id()));
        }
        assertThat(back.relations())
                .extracting(r -> backKey.get(r.from()) + " " + r.type() + " " + backKey.get(r.to()))
                .containsExactlyInAnyOrderElementsOf(original.relations().stream()
                        .map(r -> keyOf.get(r.from()) + " " + r.type() + " " + keyOf.get(r.to()))
                        .toList());
        assertThat(back.labels())
                .extracting(Label::name)
                .containsExactlyInAnyOrderElementsOf(
                        original.spans().stream().map(Span::label).distinct().toList());
    }

    @Test
    void hostileFilesGiveOneLineWithFileAndLineAndNoDocument() throws IOException {
        String head = "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|label|note\n"
                + "#T_RL=webanno.custom.Relation|type|BT_webanno.custom.Span\n\n\n#Text=This is a test .\n";
        String good = "1-1\t0-4\tThis\tA\t*\t_\t_\t\n";
        check(
                "truncated.tsv",
                head + good + "1-2\t5-7\tis\t_",
                "truncated.tsv:8: has 4 fields; the header declares 7" + " (id, offsets, token and 4 columns)");
        check(
                "past.tsv",
                head + good + "1-2\t5-70\tis\t_\t_\t_\t_\t\n",
                "past.tsv:8: offsets 5-70 lie outside" + " their sentence (0-16)");
        check(
                "mismatch.tsv",
                head + good + "1-2\t5-7\tIS\t_\t_\t_\t_\t\n",
                "mismatch.tsv:8: token 'IS' does not" + " match the text at 5-7 ('is')");
        check(
                "unknown.tsv",
                head + good + "1-2\t5-7\tis\tB\t*\trel\t1-9\t\n",
                "unknown.tsv:8: the relation's source" + " 1-9 is no token with an annotation of webanno.custom.Span");
        check(
                "unknownid.tsv",
                head + good + "1-2\t5-7\tis\tB\t*\trel\t1-1[7_0]\t\n",
                "unknownid.tsv:8: the" + " relation's source [7] is no annotation of webanno.custom.Span");
        check(
                "badid.tsv",
                head + "1-x\t0-4\tThis\t_\t_\t_\t_\t\n",
                "badid.tsv:7: '1-x' is not a token id like 1-2" + " or 1-2.1");
        check(
                "noheader.tsv",
                "1-1\t0-4\tThis\n",
                "noheader.tsv:1: is not WebAnno TSV 3 (the first line must be" + " #FORMAT=WebAnno TSV 3.3)");
        check(
                "notext.tsv",
                "#FORMAT=WebAnno TSV 3.3\n\n\n" + "1-1\t0-4\tThis\t\n",
                "notext.tsv:4: a token row comes" + " before any #Text= line");
        check(
                "overlap.tsv",
                head + good + "\n#Text=again\n2-1\t3-8\tsagain\t_\t_\t_\t_\t\n",
                "overlap.tsv:10: the" + " sentence starts at offset 3, inside the text before it (which ends at 16)");
        check(
                "stack.tsv",
                head + "1-1\t0-4\tThis\tA|B\t*\t_\t_\t\n",
                "stack.tsv:7: the label column stacks 2 values," + " the note column 1");
        check(
                "pair.tsv",
                "#FORMAT=WebAnno TSV 3.3\n\n\n#Text=😊\n1-1\t0-1\tx\t\n",
                "pair.tsv:5: offsets 0-1 fall" + " inside a character (a UTF-16 surrogate pair)");
        Path utf8 = dir.resolve("utf8.tsv");
        byte[] start = (head + good).getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(start, start.length + 3);
        bad[start.length] = (byte) 0xFF;
        bad[start.length + 1] = 'x';
        bad[start.length + 2] = '\n';
        Files.write(utf8, bad);
        expect(utf8, "utf8.tsv:8: is not valid UTF-8");
        check(
                "huge.tsv",
                head + good + "1-2\t5-7\t" + "i".repeat(TextLines.DEFAULT_MAX_LINE) + "\n",
                "huge.tsv:8:" + " line is longer than 4,194,304 characters");
    }

    private void check(String name, String content, String message) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        expect(file, message);
    }

    private void expect(Path file, String message) {
        List<AnnotatedDocument> docs = new ArrayList<>();
        assertThatThrownBy(() -> new WebAnnoReader(WebAnnoOptions.DEFAULT)
                        .read(file, ReadOptions.defaults("x"), new LossReport(), docs::add))
                .isInstanceOf(ScholionException.class)
                .hasMessage(dir.resolve(message.substring(0, message.indexOf(':')))
                        + message.substring(message.indexOf(':')));
        assertThat(docs).isEmpty();
    }
}
