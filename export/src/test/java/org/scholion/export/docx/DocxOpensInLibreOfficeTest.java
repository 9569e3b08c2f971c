package org.scholion.export.docx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.export.ExportOptions;

/** A real client opens the DOCX brief: LibreOffice converts it to PDF with its text and page numbers. */
class DocxOpensInLibreOfficeTest {

    @Test
    void libreOfficeConvertsTheHostileBriefToPdf(@TempDir Path dir) throws Exception {
        Path soffice = ExternalTools.require("soffice");
        Path docx = dir.resolve("hostile.docx");
        try (OutputStream out = Files.newOutputStream(docx)) {
            new DocxExporter().export(HostileDocument.build(), ExportOptions.DEFAULT, out);
        }
        Path pdf = ExternalTools.sofficeConvert(soffice, docx, "pdf", dir);
        assertThat(pdf).exists();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("Legend", "Annotations", HostileDocument.GREEK, "<script>alert('x')</script>")
                    .contains("Page 1 of " + doc.getNumberOfPages());
        }
    }
}
