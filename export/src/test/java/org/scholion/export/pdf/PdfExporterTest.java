package org.scholion.export.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.text.Fragment;
import org.scholion.core.text.Line;
import org.scholion.export.BriefOptions;
import org.scholion.export.ExportOptions;
import org.scholion.export.PageSize;
import org.scholion.export.brief.Brief;
import org.scholion.export.docx.ExternalTools;
import org.scholion.export.docx.HostileDocument;
import org.scholion.export.docx.LinkedDocument;
import org.scholion.seeds.Seeds;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

class PdfExporterTest {

    static byte[] export(AnnotatedDocument doc, ExportOptions options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfExporter().export(doc, options, out);
        Path folder = Path.of("target", "briefs");
        Files.createDirectories(folder);
        Files.write(folder.resolve(doc.document().id() + ".pdf"), out.toByteArray());
        return out.toByteArray();
    }

    @Test
    void seedBriefHasAllTextInOrderEmbeddedFontsBookmarksAndInfo() throws Exception {
        AnnotatedDocument seed = Seeds.referenceAnnotation();
        byte[] pdf = export(seed, ExportOptions.DEFAULT);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertInOrder(text, bodyText(Brief.of(seed, ExportOptions.DEFAULT)));
            assertThat(text)
                    .contains("Page 1 of " + doc.getNumberOfPages())
                    .contains("Page " + doc.getNumberOfPages() + " of " + doc.getNumberOfPages());
            assertThat(text).contains("Spans per label", "LOCATION", "Appeal_to_fear-prejudice");
            assertThat(fonts(doc))
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(f.isEmbedded())
                            .as("font %s embedded", f.getName())
                            .isTrue());
            assertThat(bookmarks(doc)).containsExactly("Legend", "Text", "Annotations");
            PDDocumentInformation info = doc.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo(seed.document().title());
            assertThat(info.getAuthor()).isEqualTo("scholion-seed");
            assertThat(info.getSubject()).contains("propaganda", "entities", "sourcing");
            assertThat(info.getKeywords()).contains("CLAIM", "LOCATION");
            assertThat(doc.getDocumentCatalog().getMetadata()).isNotNull();
            assertThat(doc.getPage(0).getMediaBox().getWidth())
                    .isEqualTo(595.28f, org.assertj.core.data.Offset.offset(0.1f));
            // a marker links to its row and the row back to the marker
            assertThat(doc.getPages().get(1).getAnnotations()).isNotEmpty();
        }
    }

    @Test
    void seedAndHostileBriefsArePdfA1b() throws Exception {
        assertCompliant(export(Seeds.referenceAnnotation(), ExportOptions.DEFAULT));
        assertCompliant(export(HostileDocument.build(), ExportOptions.DEFAULT));
    }

    @Test
    void tableShowsAttributesAndLinksWhoseAnnotationsOpenTheExpandedIris() throws Exception {
        byte[] pdf = export(LinkedDocument.build(), ExportOptions.DEFAULT);
        assertCompliant(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String flat = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(flat)
                    .contains(
                            "Attributesandlinks",
                            "certainty=high",
                            "wikidata:Q3052772",
                            "wikidata:Q61053",
                            "speaker=" + LinkedDocument.HOSTILE_VALUE.replace(" ", ""),
                            LinkedDocument.HOSTILE_IRI,
                            "geonames:2988507",
                            "urn:isbn:0451450523");
            Set<String> uris = new LinkedHashSet<>();
            for (PDPage page : doc.getPages()) {
                for (PDAnnotation a : page.getAnnotations()) {
                    if (a instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                        uris.add(uri.getURI());
                    }
                }
            }
            assertThat(uris)
                    .containsExactly(
                            LinkedDocument.WIKIDATA + "Q3052772",
                            LinkedDocument.WIKIDATA + "Q61053",
                            LinkedDocument.HOSTILE_IRI,
                            LinkedDocument.GEONAMES + "2988507",
                            "urn:isbn:0451450523");
        }
    }

    @Test
    void letterWithoutTable() throws Exception {
        byte[] pdf = export(
                Seeds.referenceAnnotation(),
                ExportOptions.builder()
                        .brief(new BriefOptions(PageSize.LETTER, false, false))
                        .build());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(612f);
            assertThat(bookmarks(doc)).containsExactly("Legend", "Text");
            assertThat(new PDFTextStripper().getText(doc)).doesNotContain("Relations");
        }
    }

    @Test
    void hostileBriefKeepsScriptsAndSaysWhatItReplaced() throws Exception {
        AnnotatedDocument hostile = HostileDocument.build();
        byte[] pdf = export(hostile, ExportOptions.DEFAULT);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            String flat = text.replaceAll("\\s+", "");
            assertThat(flat)
                    .contains(
                            "<script>alert('x')</script>",
                            "\"><imgsrc=xonerror=alert(1)>",
                            HostileDocument.CYRILLIC.replace(" ", ""),
                            HostileDocument.GREEK.replace(" ", ""),
                            "abcdefg",
                            "Zu\u0308rich".replace(" ", ""));
            assertThat(flat).contains(HostileDocument.LONG_WORD.substring(0, 30));
            assertThat(text).contains("control characters were removed");
            // CJK has no embedded font here: replaced visibly, and counted
            assertThat(text).contains(Glyphs.REPLACEMENT).containsPattern("\\d+ characters? that no embedded font");
            assertThat(fonts(doc)).allSatisfy(f -> assertThat(f.isEmbedded()).isTrue());
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Hostile <input> & “quotes” — NUL title");
        }
    }

    @Test
    void cyrillicAndGreekComeBackFromPdftotext(@TempDir Path dir) throws Exception {
        Path pdftotext = ExternalTools.require("pdftotext");
        Path pdf = dir.resolve("hostile.pdf");
        Files.write(pdf, export(HostileDocument.build(), ExportOptions.DEFAULT));
        String text = ExternalTools.run(List.of(pdftotext.toString(), "-enc", "UTF-8", pdf.toString(), "-"), null, 60);
        String flat = text.replaceAll("\\s+", " ");
        assertThat(flat)
                .contains(HostileDocument.CYRILLIC.replace("булок", "").strip().split(" ")[0]);
        for (String word : (HostileDocument.CYRILLIC + " " + HostileDocument.GREEK).split(" ")) {
            assertThat(flat).contains(word);
        }
    }

    @Test
    void briefsWrittenAtOnceShareTheFontsWithoutMixingThem() throws Exception {
        // the fonts are parsed once per process and shared: briefs in flight together must not
        // see each other's glyphs (bag and corpus exports write several at once)
        new PdfExporter().prepare();
        List<AnnotatedDocument> docs = List.of(Seeds.referenceAnnotation(), HostileDocument.build());
        List<String> alone = new ArrayList<>();
        for (AnnotatedDocument d : docs) {
            alone.add(text(export(d, ExportOptions.DEFAULT)));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> together = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                AnnotatedDocument d = docs.get(i % 2);
                together.add(pool.submit(() -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    new PdfExporter().export(d, ExportOptions.DEFAULT, out);
                    return text(out.toByteArray());
                }));
            }
            for (int i = 0; i < together.size(); i++) {
                assertThat(together.get(i).get()).isEqualTo(alone.get(i % 2));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(fonts(doc)).allSatisfy(f -> assertThat(f.isEmbedded()).isTrue());
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void documentWithoutSpansStillMakesAnArchivalBrief() throws Exception {
        AnnotatedDocument empty =
                AnnotatedDocument.of(org.scholion.core.model.Document.of("empty", ""), Seeds.labelSets());
        byte[] pdf = export(empty, ExportOptions.DEFAULT);
        assertCompliant(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("No spans were exported.", "Page 1 of");
            assertThat(bookmarks(doc)).containsExactly("Legend", "Text", "Annotations");
        }
    }

    @Test
    void tikaReadsTextAndMetadata() throws Exception {
        byte[] pdf = export(HostileDocument.build(), ExportOptions.DEFAULT);
        org.apache.tika.metadata.Metadata metadata = new org.apache.tika.metadata.Metadata();
        org.apache.tika.sax.BodyContentHandler handler = new org.apache.tika.sax.BodyContentHandler(-1);
        new org.apache.tika.parser.AutoDetectParser()
                .parse(new ByteArrayInputStream(pdf), handler, metadata, new org.apache.tika.parser.ParseContext());
        assertThat(metadata.get("dc:title")).isEqualTo("Hostile <input> & “quotes” — NUL title");
        assertThat(metadata.get("pdfa:PDFVersion")).isEqualTo("A-1b");
        assertThat(handler.toString().replaceAll("\\s+", " ")).contains(HostileDocument.CYRILLIC, "<script>");
    }

    /** The text of the brief's paragraphs, as the reader should meet it. */
    static String bodyText(Brief brief) {
        StringBuilder b = new StringBuilder();
        for (Line line : brief.lines()) {
            for (Fragment f : line.fragments()) {
                b.append(f.text());
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** Every non-space character of {@code expected} appears in {@code actual}, in order (markers may sit between). */
    static void assertInOrder(String actual, String expected) {
        String a = actual.replaceAll("\\s+", "");
        String e = expected.replaceAll("\\s+", "");
        // the text begins after its heading (the table quotes the same words later)
        int at = a.indexOf("Text" + e.substring(0, 2));
        assertThat(at).as("start of the text found").isGreaterThanOrEqualTo(0);
        int j = 0;
        int i = at;
        for (; i < a.length() && j < e.length(); i++) {
            if (a.charAt(i) == e.charAt(j)) {
                j++;
            }
        }
        assertThat(j)
                .as(
                        "characters of the text found in order, up to: %s",
                        e.substring(Math.max(0, j - 40), Math.min(e.length(), j + 40)))
                .isEqualTo(e.length());
        // and not merely scattered: between first and last, little more than the text and its markers
        assertThat(i - at).isLessThan(e.length() * 3 / 2);
    }

    static List<PDFont> fonts(PDDocument doc) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            collect(page.getResources(), fonts, 0);
        }
        return fonts;
    }

    private static void collect(PDResources resources, List<PDFont> fonts, int depth) throws IOException {
        if (resources == null || depth > 5) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form) {
                collect(form.getResources(), fonts, depth + 1);
            }
        }
    }

    static List<String> bookmarks(PDDocument doc) {
        List<String> titles = new ArrayList<>();
        for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
            titles.add(item.getTitle());
        }
        return titles;
    }

    static void assertCompliant(byte[] pdf) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser =
                Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_1_B)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_1_B, false);
            ValidationResult result = validator.validate(parser);
            String failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage())
                    .distinct()
                    .collect(Collectors.joining("\n"));
            assertThat(result.isCompliant())
                    .as("PDF/A-1b failures:\n%s", failures)
                    .isTrue();
        }
    }
}
