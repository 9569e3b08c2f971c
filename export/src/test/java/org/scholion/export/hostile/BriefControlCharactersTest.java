package org.scholion.export.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.Format;

/**
 * NUL, other C0 controls and the noncharacter U+FFFE in the text, title, notes and label
 * descriptions: the DOCX and PDF briefs are still valid (read back by POI and PDFBox), hold none of
 * them, keep the text around them, and say that characters were removed.
 */
class BriefControlCharactersTest {
    /** What XML 1.0 forbids, raw or as a character reference. */
    private static final Pattern XML_FORBIDDEN = Pattern.compile(
            "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]|&#(?:x0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF])|0*(?:[0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]|6553[45]));");

    @Test
    void docxStaysValidAndSaysWhatWasRemoved() throws Exception {
        byte[] docx = export(Format.DOCX);
        int parts = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().endsWith(".xml") || e.getName().endsWith(".rels")) {
                    String xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(XML_FORBIDDEN.matcher(xml).find())
                            .as("forbidden character in %s", e.getName())
                            .isFalse();
                    parts++;
                }
            }
        }
        assertThat(parts).isGreaterThan(3);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            assertThat(text)
                    .contains("=SUM(A1:A9) said +Zoë", "<script>alert(1)</script>", "NUL[] BEL[]", "second line");
            assertThat(text).containsPattern("control characters? (was|were) removed");
            assertThat(doc.getProperties().getCoreProperties().getTitle()).doesNotContain("\u0000", "\u0007");
        }
    }

    @Test
    void pdfStaysValidAndSaysWhatWasRemoved() throws Exception {
        byte[] pdf = export(Format.PDF);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("said +Zoë", "<script>alert(1)</script>", "second line");
            assertThat(text).doesNotContain("\u0000", "\u0007", "\u001B");
            assertThat(text.replaceAll("\\s+", " ")).containsPattern("control characters? (was|were) removed");
            String title = doc.getDocumentInformation().getTitle();
            assertThat(title).doesNotContain("\u0000", "\u0007");
        }
    }

    private static byte[] export(Format format) throws Exception {
        AnnotatedDocument doc = HostileDocuments.formulasAndMarkup();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporters.of(format).export(doc, ExportOptions.DEFAULT, out);
        return out.toByteArray();
    }
}
