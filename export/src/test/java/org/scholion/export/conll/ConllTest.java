package org.scholion.export.conll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.core.text.Tokens;
import org.scholion.export.ExportOptions;
import org.scholion.export.Format;
import org.scholion.export.GoldenFiles;
import org.scholion.export.interchange.DocumentWriter;
import org.scholion.export.interchange.Interchange;
import org.scholion.export.interchange.Loss;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;

class ConllTest {
    private static final Pattern SPAN_ID = Pattern.compile("^span (\\S+) ");

    @TempDir
    Path dir;

    static String write(AnnotatedDocument doc, ConllOptions options, LossReport losses) throws Exception {
        StringWriter out = new StringWriter();
        new ConllWriter(options).write(doc, ExportOptions.DEFAULT, losses, out);
        return out.toString();
    }

    static List<AnnotatedDocument> read(Path file, ConllOptions options, LossReport losses) throws ScholionException {
        List<AnnotatedDocument> docs = new ArrayList<>();
        new ConllReader(options).read(file, ReadOptions.defaults("imported"), losses, docs::add);
        return docs;
    }

    @Test
    void writesTheConll2003ExampleInEachScheme() throws Exception {
        for (Scheme scheme : Scheme.values()) {
            LossReport losses = new LossReport();
            String out = write(TokenDocuments.eu(), ConllOptions.DEFAULT.withScheme(scheme), losses);
            GoldenFiles.check("conll-eu", "eu." + scheme.id() + ".conll", out.getBytes(StandardCharsets.UTF_8));
            assertThat(losses.losses()).extracting(Loss::kind).containsExactly("document texts kept only as tokens");
        }
    }

    @Test
    void readsTheFourColumnsOfConll2003WithTheNerTagLast() throws Exception {
        Path file = Path.of("src/test/resources/conll/conll2003-train-start.txt");
        LossReport losses = new LossReport();
        List<AnnotatedDocument> docs = read(file, ConllOptions.DEFAULT, losses);
        assertThat(docs).hasSize(2);
        AnnotatedDocument eu = docs.get(0);
        assertThat(eu.document().id()).isEqualTo("conll2003-train-start-1");
        assertThat(eu.document().text()).isEqualTo("EU rejects German call to boycott British lamb .\nPeter Blackburn");
        assertThat(eu.spans())
                .extracting(s -> s.label() + ":" + eu.textOf(s))
                .containsExactly("ORG:EU", "MISC:German", "MISC:British", "PER:Peter Blackburn");
        assertThat(eu.labelSets())
                .singleElement()
                .satisfies(set -> assertThat(set.name()).isEqualTo("imported"));
        // the second document is in IOB1 (I- starts a span after O): conlleval reads it, iob2 reports each such tag
        AnnotatedDocument un = docs.get(1);
        assertThat(un.spans())
                .extracting(s -> s.label() + ":" + un.textOf(s))
                .containsExactly("ORG:U.N.", "PER:Ekeus", "LOC:Baghdad");
        assertThat(losses.losses()).extracting(Loss::line).containsExactly(18, 20, 23);
        assertThat(losses.summary()).containsExactly("conll: tags not valid iob2 read as conlleval reads them: 3");
        assertThat(losses.losses().get(0).detail())
                .isEqualTo("'I-ORG' after the start of the sentence is read as" + " 'B-ORG' in iob2");
    }

    @Test
    void readsConllevalsWayAndReportsPerScheme() throws Exception {
        Path file = dir.resolve("odd.conll");
        Files.writeString(file, "a\tB-X\nb\tI-Y\nc\tO\nd\tI-X\ne\tE-X\nf\tS-X\ng\tB-X\n\nh\tI-X\ni\tB-X\n");
        LossReport iob2 = new LossReport();
        AnnotatedDocument doc = read(file, ConllOptions.DEFAULT, iob2).get(0);
        assertThat(doc.spans())
                .extracting(s -> s.label() + ":" + doc.textOf(s))
                .containsExactly("X:a", "Y:b", "X:d e", "X:f", "X:g", "X:h", "X:i");
        assertThat(iob2.losses()).extracting(Loss::line).containsExactly(2, 4, 5, 6, 9);
        LossReport bioes = new LossReport();
        read(file, ConllOptions.DEFAULT.withScheme(Scheme.BIOES), bioes);
        assertThat(bioes.losses()).extracting(Loss::line).containsExactly(1, 2, 4, 7, 9, 10);
        LossReport iob1 = new LossReport();
        read(file, ConllOptions.DEFAULT.withScheme(Scheme.IOB1), iob1);
        // g and i follow a span of their label directly: B- is right there in iob1
        assertThat(iob1.losses()).extracting(Loss::line).containsExactly(1, 5, 6);
    }

    @Test
    void validFilesOfEachSchemeReadBackWithoutLoss() throws Exception {
        for (Scheme scheme : Scheme.values()) {
            ConllOptions options = ConllOptions.DEFAULT.withScheme(scheme);
            Path file = dir.resolve("eu-" + scheme.id() + ".conll");
            Files.writeString(file, write(TokenDocuments.eu(), options, new LossReport()));
            LossReport losses = new LossReport();
            AnnotatedDocument doc = read(file, options, losses).get(0);
            assertThat(losses.losses()).as(scheme.id()).isEmpty();
            assertThat(doc.spans())
                    .extracting(s -> s.label() + ":" + doc.textOf(s))
                    .containsExactly("ORG:EU", "MISC:German", "MISC:British", "PER:Peter Blackburn");
        }
    }

    @Test
    void iob1WritesBOnlyBetweenTouchingSpansOfOneLabel() throws Exception {
        AnnotatedDocument doc = AnnotatedDocument.builder(org.scholion.core.model.Document.of("d", "a b c d"))
                .labelSet(org.scholion.core.model.LabelSet.of(
                        "s",
                        org.scholion.core.model.Label.of("X", "#112233"),
                        org.scholion.core.model.Label.of("Y", "#112233")))
                .span(Span.of("s1", 0, 1, "X"))
                .span(Span.of("s2", 2, 5, "X"))
                .span(Span.of("s3", 6, 7, "Y"))
                .build();
        String out = write(doc, ConllOptions.DEFAULT.withScheme(Scheme.IOB1), new LossReport());
        assertThat(out).isEqualTo("-DOCSTART-\tO\n\na\tI-X\nb\tB-X\nc\tI-X\nd\tI-Y\n\n");
        assertThat(write(doc, ConllOptions.DEFAULT.withScheme(Scheme.BIOES), new LossReport()))
                .isEqualTo("-DOCSTART-\tO\n\na\tS-X\nb\tB-X\nc\tE-X\nd\tS-Y\n\n");
    }

    @Test
    void roundTripKeepsEverySpanTheReportDoesNotName() throws Exception {
        AnnotatedDocument original = TokenDocuments.mixed();
        for (Scheme scheme : Scheme.values()) {
            ConllOptions options = ConllOptions.DEFAULT.withScheme(scheme);
            LossReport written = new LossReport();
            DocumentWriter writer = new ConllWriter(options);
            Path folder = dir.resolve(scheme.id());
            try (DocumentWriter.Batch batch = writer.open(
                    folder, ExportOptions.builder().includeSuggestions(true).build(), written)) {
                batch.write(original);
                batch.write(TokenDocuments.eu());
            }
            Path file = folder.resolve(ConllWriter.CORPUS_FILE);
            assertThat(Files.list(folder)).containsExactly(file);
            LossReport read = new LossReport();
            List<AnnotatedDocument> docs = read(file, options, read);
            assertThat(read.losses()).as(scheme.id()).isEmpty();
            assertThat(docs).hasSize(2);
            assertThat(labelledTokens(docs.get(0), docs.get(0).spans()))
                    .as(scheme.id())
                    .containsExactlyInAnyOrderElementsOf(expected(original, written));
            // the tokens themselves come back, one sentence a line
            assertThat(docs.get(0).document().text().split("\n"))
                    .hasSize(Tokens.of(original.text()).sentences().size());
        }
    }

    @Test
    void reportsWhatTheFlatLayerCannotHold() throws Exception {
        LossReport losses = new LossReport();
        write(TokenDocuments.mixed(), ConllOptions.DEFAULT, losses);
        assertThat(losses.summary())
                .containsExactly(
                        "conll: nested spans not written: 5",
                        "conll: crossing spans not written: 2",
                        "conll: spans snapped to token boundaries: 2",
                        "conll: document texts kept only as tokens: 1",
                        "conll: notes not written: 10",
                        "conll: documents with span attributions not written: 1",
                        "conll: relations not written: 5",
                        "conll: span ids not kept (spans are numbered in order): 12");
        assertThat(losses.losses())
                .filteredOn(l -> l.kind().equals("crossing spans not written"))
                .extracting(Loss::detail)
                .first()
                .asString()
                .startsWith("span s4 Émotion");
    }

    @Test
    void reportsTheIdEachWrittenSpanComesBackAs() throws Exception {
        AnnotatedDocument original = TokenDocuments.mixed();
        LossReport written = new LossReport();
        String file = write(original, ConllOptions.DEFAULT, written);
        Path path = dir.resolve("renumbered.conll");
        Files.writeString(path, file, StandardCharsets.UTF_8);
        AnnotatedDocument back =
                read(path, ConllOptions.DEFAULT, new LossReport()).get(0);
        java.util.Map<String, String> backId = new java.util.HashMap<>();
        Pattern renumbered = Pattern.compile("^span (\\S+) comes back as (s\\d+)");
        written.losses().stream()
                .filter(l -> l.kind().startsWith("span ids not kept"))
                .forEach(l -> {
                    Matcher m = renumbered.matcher(l.detail());
                    assertThat(m.find()).as(l.detail()).isTrue();
                    backId.put(m.group(1), m.group(2));
                });
        assertThat(backId).isNotEmpty();
        Set<String> unwritten = new HashSet<>();
        written.losses().stream()
                .filter(l -> l.kind().startsWith("nested")
                        || l.kind().startsWith("crossing")
                        || l.kind().startsWith("spans on white space"))
                .forEach(l -> unwritten.add(l.detail().split(" ")[1]));
        for (Span s : original.spans()) {
            if (!unwritten.contains(s.id())) {
                String id = backId.getOrDefault(s.id(), s.id());
                assertThat(back.spans())
                        .as(s.id() + " as " + id)
                        .anySatisfy(b -> assertThat(b.id() + " " + b.label()).isEqualTo(id + " " + s.label()));
            }
        }
    }

    @Test
    void splitsASpanAcrossASentenceBreak() throws Exception {
        AnnotatedDocument doc = AnnotatedDocument.builder(org.scholion.core.model.Document.of("d", "One two.\nThree"))
                .labelSet(org.scholion.core.model.LabelSet.of("s", org.scholion.core.model.Label.of("X", "#112233")))
                .span(Span.of("s1", 4, 14, "X"))
                .build();
        LossReport losses = new LossReport();
        assertThat(write(doc, ConllOptions.DEFAULT, losses))
                .isEqualTo("-DOCSTART-\tO\n\nOne\tO\ntwo\tB-X\n.\tI-X\n\nThree\tB-X\n\n");
        assertThat(losses.losses())
                .extracting(Loss::detail)
                .contains("span s1 X 4:14 'two. Three' is written as 2" + " spans, one per sentence");
    }

    @Test
    void writesOnlyTheChosenLabelSet() throws Exception {
        String out = write(TokenDocuments.mixed(), ConllOptions.DEFAULT.withLabelSet("extra"), new LossReport());
        assertThat(out).contains("שלום\tB-Greeting\n", "\tB-x|y [z]\n").doesNotContain("Quote", "Émotion");
        assertThatThrownBy(() ->
                        write(TokenDocuments.mixed(), ConllOptions.DEFAULT.withLabelSet("nope"), new LossReport()))
                .hasMessage("mixed-doc: has no label set 'nope' to write as the CoNLL layer");
    }

    @Test
    void oneDocumentIsNamedAfterIt() throws Exception {
        DocumentWriter writer = Interchange.writer(Format.CONLL);
        DocumentWriter.Batch batch = writer.open(dir, ExportOptions.DEFAULT, new LossReport());
        batch.write(TokenDocuments.eu());
        assertThat(batch.files()).isEmpty();
        assertThat(Files.list(dir))
                .hasSize(1)
                .allSatisfy(p -> assertThat(p.getFileName().toString()).endsWith(".tmp"));
        batch.close();
        assertThat(batch.files()).containsExactly(dir.resolve("eu.conll"));
        assertThat(Interchange.detect(dir.resolve("eu.conll"))).contains(Format.CONLL);
    }

    /** For each span the report does not name as not written: its label and its tokens, per sentence. */
    private static List<String> expected(AnnotatedDocument doc, LossReport losses) {
        Set<String> dropped = new HashSet<>();
        for (Loss loss : losses.losses()) {
            Matcher m = SPAN_ID.matcher(loss.detail());
            if ((loss.kind().startsWith("nested")
                            || loss.kind().startsWith("crossing")
                            || loss.kind().contains("white space"))
                    && m.find()) {
                dropped.add(m.group(1));
            }
        }
        return labelledTokens(
                doc, doc.spans().stream().filter(s -> !dropped.contains(s.id())).toList());
    }

    private static List<String> labelledTokens(AnnotatedDocument doc, List<Span> spans) {
        CodePointText text = doc.text();
        List<String> result = new ArrayList<>();
        List<Tokens.Sentence> sentences = Tokens.of(text).sentences();
        for (Span span : spans) {
            for (Tokens.Sentence sentence : sentences) {
                List<String> words = new ArrayList<>();
                for (Tokens.Token token : sentence.tokens()) {
                    if (token.start() < span.end() && span.start() < token.end()) {
                        words.add(text.slice(token.start(), token.end()));
                    }
                }
                if (!words.isEmpty()) {
                    result.add(span.label() + ":" + String.join(" ", words));
                }
            }
        }
        return result;
    }

    @Test
    void hostileFilesGiveOneLineWithFileAndLineAndNoDocument() throws IOException {
        check(
                "truncated.conll",
                "EU\tB-ORG\nrejects",
                "truncated.conll:2: expected a token and a tag, found one" + " column 'rejects'");
        check(
                "badtag.conll",
                "EU\tB-ORG\nrejects\tX-ORG\n",
                "badtag.conll:2: tag 'X-ORG' is not O, nor B-, I-, E- or" + " S- and a label");
        check(
                "notype.conll",
                "-DOCSTART-\tO\n\nEU\tB-\n",
                "notype.conll:3: tag 'B-' is not O, nor B-, I-, E- or S-" + " and a label");
        check(
                "spaced.conll",
                "EU\tB- ORG\n",
                "spaced.conll:1: tag 'B- ORG': label name ' ORG' must not start or end" + " with white space");
        Path utf8 = dir.resolve("utf8.conll");
        Files.write(
                utf8, new byte[] {'E', 'U', '\t', 'O', '\n', 'a', '\t', 'O', '\n', (byte) 0xC3, '(', '\t', 'O', '\n'});
        expect(utf8, "utf8.conll:3: is not valid UTF-8");
        check(
                "huge.conll",
                "EU\tO\n" + "x".repeat(TextLines_MAX + 10) + "\tO\n",
                "huge.conll:2: line is longer than" + " 4,194,304 characters");
    }

    private static final int TextLines_MAX = org.scholion.export.interchange.TextLines.DEFAULT_MAX_LINE;

    private void check(String name, String content, String message) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        expect(file, message);
    }

    private void expect(Path file, String message) {
        List<AnnotatedDocument> docs = new ArrayList<>();
        assertThatThrownBy(() -> new ConllReader(ConllOptions.DEFAULT)
                        .read(file, ReadOptions.defaults("x"), new LossReport(), docs::add))
                .isInstanceOf(ScholionException.class)
                .hasMessage(dir.resolve(message.substring(0, message.indexOf(':')))
                        + message.substring(message.indexOf(':')));
        assertThat(docs).isEmpty();
    }
}
