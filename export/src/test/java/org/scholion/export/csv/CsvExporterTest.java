package org.scholion.export.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.export.CsvOptions;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.Format;
import org.scholion.export.GoldenFiles;
import org.scholion.export.jsonld.TestDocuments;
import org.scholion.seeds.Seeds;

class CsvExporterTest {
    private static final ExportOptions RAW =
            ExportOptions.builder().csv(new CsvOptions(true, false)).build();
    /** Reads what RFC 4180 allows, header first; separate from the writing format on purpose. */
    private static final CSVFormat READ =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private static byte[] export(AnnotatedDocument doc, ExportOptions options) throws IOException, ExportException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvExporter().export(doc, options, out);
        return out.toByteArray();
    }

    private static byte[] relations(AnnotatedDocument doc, ExportOptions options) throws IOException, ExportException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExporter.exportRelations(doc, options, out);
        return out.toByteArray();
    }

    private static List<CSVRecord> parse(byte[] csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)), READ)) {
            assertThat(parser.getHeaderNames()).isIn(CsvExporter.COLUMNS, CsvExporter.RELATION_COLUMNS);
            return parser.getRecords();
        }
    }

    @Test
    void seedReferenceMatchesGoldenFiles() throws Exception {
        AnnotatedDocument seed = Seeds.referenceAnnotation();
        GoldenFiles.check("seed-reference", "coalition-of-the-willing.csv", export(seed, ExportOptions.DEFAULT));
        GoldenFiles.check(
                "seed-reference", "coalition-of-the-willing.relations.csv", relations(seed, ExportOptions.DEFAULT));
    }

    @Test
    void trickyDocumentMatchesGoldenFiles() throws Exception {
        AnnotatedDocument tricky = TestDocuments.tricky();
        GoldenFiles.check("tricky", "tricky-doc.csv", export(tricky, ExportOptions.DEFAULT));
        GoldenFiles.check("tricky", "tricky-doc.raw.csv", export(tricky, RAW));
        GoldenFiles.check("tricky", "tricky-doc.relations.csv", relations(tricky, ExportOptions.DEFAULT));
    }

    @Test
    void rawRowsParseBackToTheSpansExactly() throws Exception {
        for (AnnotatedDocument doc : List.of(Seeds.referenceAnnotation(), TestDocuments.tricky())) {
            List<CSVRecord> rows = parse(export(doc, RAW));
            assertThat(rows).hasSize(doc.spans().size());
            for (int i = 0; i < rows.size(); i++) {
                CSVRecord row = rows.get(i);
                Span span = doc.spans().get(i);
                assertThat(row.get("document_id")).isEqualTo(doc.document().id());
                assertThat(row.get("span_id")).isEqualTo(span.id());
                assertThat(row.get("label")).isEqualTo(span.label());
                assertThat(Integer.parseInt(row.get("start"))).isEqualTo(span.start());
                assertThat(Integer.parseInt(row.get("end"))).isEqualTo(span.end());
                // the offsets are code points: the text column is exactly that slice of the document
                int from = doc.text().toCharIndex(Integer.parseInt(row.get("start")));
                int to = doc.text().toCharIndex(Integer.parseInt(row.get("end")));
                assertThat(row.get("text")).isEqualTo(doc.text().string().substring(from, to));
                assertThat(row.get("note")).isEqualTo(span.note() == null ? "" : span.note());
                assertThat(row.get("annotator")).isEqualTo(span.annotator() == null ? "" : span.annotator());
                assertThat(row.get("created"))
                        .isEqualTo(span.created() == null ? "" : DateTimeFormatter.ISO_INSTANT.format(span.created()));
            }
        }
    }

    @Test
    void guardedRowsDifferFromRawOnlyByTheQuotePrefix() throws Exception {
        AnnotatedDocument tricky = TestDocuments.tricky();
        List<CSVRecord> raw = parse(export(tricky, RAW));
        List<CSVRecord> guarded = parse(export(tricky, ExportOptions.DEFAULT));
        int prefixed = 0;
        for (int i = 0; i < raw.size(); i++) {
            for (int c = 0; c < CsvExporter.COLUMNS.size(); c++) {
                String value = raw.get(i).get(c);
                String cell = guarded.get(i).get(c);
                boolean dangerous = !value.isEmpty() && "=+-@\t\r\n".indexOf(value.charAt(0)) >= 0;
                assertThat(cell).isEqualTo(dangerous ? "'" + value : value);
                prefixed += dangerous ? 1 : 0;
            }
        }
        // label =Formula x4, text =1+2 -minus +plus @at TAB, notes =HYPERLINK -1 +1 TAB, annotators =cmd @bob
        assertThat(prefixed).isEqualTo(4 + 5 + 4 + 2);
        assertThat(guarded)
                .allSatisfy(row -> row.forEach(cell -> assertThat(cell)
                        .doesNotStartWith("=")
                        .doesNotStartWith("+")
                        .doesNotStartWith("@")));
    }

    @Test
    void writesCrlfRecordsUtf8WithoutBomUnlessExcelIsAsked() throws Exception {
        byte[] csv = export(TestDocuments.tricky(), ExportOptions.DEFAULT);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("document_id,span_id,label,start,end,text,note,annotator,created,attributes,links\r\n");
        assertThat(csv[0]).isEqualTo((byte) 'd');
        assertThat(text).endsWith("\r\n");
        byte[] excel = export(
                TestDocuments.tricky(),
                ExportOptions.builder().csv(new CsvOptions(false, true)).build());
        assertThat(excel).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(excel, 3, excel.length - 3, StandardCharsets.UTF_8))
                .isEqualTo(text);
        byte[] excelRelations = relations(
                TestDocuments.tricky(),
                ExportOptions.builder().csv(new CsvOptions(false, true)).build());
        assertThat(excelRelations).startsWith(0xEF, 0xBB, 0xBF);
        // a bare LF only ever appears inside a quoted cell: count records with a real reader
        assertThat(parse(csv)).hasSize(TestDocuments.tricky().spans().size());
    }

    @Test
    void ordersRowsByStartThenOuterFirstThenId() throws Exception {
        AnnotatedDocument tricky = TestDocuments.tricky();
        List<String> ids =
                parse(export(tricky, RAW)).stream().map(r -> r.get("span_id")).toList();
        List<Span> sorted = new ArrayList<>(tricky.spans());
        sorted.sort(Span.ORDER);
        assertThat(ids).isEqualTo(sorted.stream().map(Span::id).toList());
        assertThat(ids).containsSubsequence("s2", "s11").startsWith("s1");
    }

    /** Random attributes with every character the cell escapes, and links, come back from a raw export exactly. */
    @Test
    void attributeAndLinkCellsParseBack() throws Exception {
        long seed = Long.getLong("test.seed", System.nanoTime());
        System.out.println("CsvExporterTest seed " + seed + " (replay with -Dtest.seed=" + seed + ")");
        java.util.Random random = new java.util.Random(seed);
        String alphabet = "ab;=\\ ,\"\t\né😀";
        AnnotatedDocument doc = TestDocuments.tricky();
        for (Span span : doc.spans()) {
            java.util.Map<String, String> attributes = new java.util.TreeMap<>();
            for (int a = random.nextInt(4); a > 0; a--) {
                attributes.put(
                        "n"
                                + word(
                                        random,
                                        alphabet.replace("=", "")
                                                .replace("\t", "")
                                                .replace("\n", "")),
                        word(random, alphabet) + "v");
            }
            doc = doc.withSpanReplaced(span.withAttributes(attributes)
                    .withLinks(
                            random.nextBoolean()
                                    ? List.of()
                                    : List.of("urn:x:" + random.nextInt(9), "https://e.org/")));
        }
        List<CSVRecord> rows = parse(export(doc, RAW));
        for (int i = 0; i < rows.size(); i++) {
            Span span = doc.spans().get(i);
            assertThat(AttributeCells.parse(rows.get(i).get("attributes")))
                    .as("seed %d", seed)
                    .isEqualTo(span.attributes());
            String links = rows.get(i).get("links");
            assertThat(links.isEmpty() ? List.of() : List.of(links.split(" "))).isEqualTo(span.links());
        }
        assertThat(AttributeCells.format(java.util.Map.of("a;b", "c=d\\e"))).isEqualTo("a\\;b=c\\=d\\\\e");
    }

    private static String word(java.util.Random random, String alphabet) {
        StringBuilder b = new StringBuilder();
        int[] points = alphabet.codePoints().toArray();
        for (int i = random.nextInt(6); i > 0; i--) {
            b.appendCodePoint(points[random.nextInt(points.length)]);
        }
        return b.toString().strip();
    }

    @Test
    void relationsParseBack() throws Exception {
        AnnotatedDocument seed = Seeds.referenceAnnotation();
        List<CSVRecord> rows = parse(relations(seed, ExportOptions.DEFAULT));
        assertThat(rows).hasSize(seed.relations().size());
        for (int i = 0; i < rows.size(); i++) {
            Relation relation = seed.relations().get(i);
            assertThat(rows.get(i).toList())
                    .containsExactly(
                            seed.document().id(), relation.id(), relation.type(), relation.from(), relation.to(), "");
        }
    }

    @Test
    void appliesTheSelectionToSpansAndRelations() throws Exception {
        AnnotatedDocument tricky = TestDocuments.tricky();
        ExportOptions options = RAW.toBuilder().labels(Set.of("Quote")).build();
        assertThat(parse(export(tricky, options)))
                .extracting(r -> r.get("span_id"))
                .containsExactly("s1", "s12", "s10", "x:1");
        assertThat(parse(relations(tricky, options))).isEmpty();
    }

    @Test
    void keepsNulAndControlCharactersInsideCellsAndWritesAnEmptyDocumentAsItsHeader() throws Exception {
        String text = "a\u0000b\u0001c\u007Fd";
        org.scholion.core.model.Document document = org.scholion.core.model.Document.of("ctl", text);
        org.scholion.core.model.LabelSet set =
                org.scholion.core.model.LabelSet.of("set", org.scholion.core.model.Label.of("L", "#000000"));
        AnnotatedDocument doc = AnnotatedDocument.of(document, List.of(set)).withSpan(Span.of("s1", 0, 7, "L"));
        assertThat(parse(export(doc, RAW)))
                .singleElement()
                .satisfies(row -> assertThat(row.get("text")).isEqualTo(text));
        AnnotatedDocument empty = AnnotatedDocument.of(document, List.of(set));
        assertThat(new String(export(empty, ExportOptions.DEFAULT), StandardCharsets.UTF_8))
                .isEqualTo(String.join(",", CsvExporter.COLUMNS) + "\r\n");
    }

    @Test
    void isByteIdenticalWhenExportedTwice() throws Exception {
        assertThat(export(Seeds.referenceAnnotation(), ExportOptions.DEFAULT))
                .isEqualTo(export(Seeds.referenceAnnotation(), ExportOptions.DEFAULT));
    }

    @Test
    void writesTheRelationsFileBesideTheSpans(@TempDir Path folder) throws Exception {
        AnnotatedDocument seed = Seeds.referenceAnnotation();
        List<Path> written = Exporters.writeFiles(seed, Format.CSV, ExportOptions.DEFAULT, folder);
        assertThat(written)
                .extracting(p -> p.getFileName().toString())
                .containsExactly("coalition-of-the-willing.csv", "coalition-of-the-willing.relations.csv");
        assertThat(Files.readAllBytes(written.get(0))).isEqualTo(export(seed, ExportOptions.DEFAULT));
        assertThat(Files.readAllBytes(written.get(1))).isEqualTo(relations(seed, ExportOptions.DEFAULT));
    }

    @Test
    void doesNotCloseTheCallersStream() throws Exception {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new CsvExporter().export(TestDocuments.tricky(), ExportOptions.DEFAULT, out);
        assertThat(closed[0]).isFalse();
        assertThat(out.size()).isPositive();
    }
}
