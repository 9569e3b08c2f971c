package org.scholion.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.ScholionException;
import org.scholion.core.model.Document;

class SourceImporterTest {
    @TempDir
    Path dir;

    @Test
    void plainUtf8TextIsKeptExactly() throws Exception {
        String text = "\nOn Thursday “Zoë\u0301” 😀 said:\r\n  two  spaces\tand a tab\n";
        Path file = write("my article.txt", text.getBytes(StandardCharsets.UTF_8));
        Document doc = SourceImporter.importFile(file);
        assertThat(doc.text()).isEqualTo(text);
        assertThat(doc.id()).isEqualTo("my-article");
        assertThat(doc.mediaType()).isEqualTo("text/plain");
        assertThat(doc.metadata()).containsEntry("charset", "UTF-8").containsEntry("source", "my article.txt");
    }

    @Test
    void byteOrderMarksChooseTheCharsetAndAreDropped() throws Exception {
        byte[] utf8 =
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "héllo".getBytes(StandardCharsets.UTF_8));
        assertThat(SourceImporter.importFile(write("a.txt", utf8)).text()).isEqualTo("héllo");
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "Ωmega 😀".getBytes(StandardCharsets.UTF_16LE));
        Document doc = SourceImporter.importFile(write("b.txt", utf16));
        assertThat(doc.text()).isEqualTo("Ωmega 😀");
        assertThat(doc.metadata()).containsEntry("charset", "UTF-16LE");
    }

    @Test
    void textThatIsNotUtf8IsDecodedWithADetectedCharset() throws Exception {
        String text = "Crème brûlée à la française, déjà vu, garçon, naïve, œuvre. ".repeat(5);
        Document doc = SourceImporter.importFile(write("latin.txt", text.getBytes(Charset.forName("windows-1252"))));
        assertThat(doc.text()).isEqualTo(text);
        assertThat(doc.metadata().get("charset")).isNotEqualTo("UTF-8");
    }

    @Test
    void binaryFilesAreRefused() throws Exception {
        Path file = write("data.txt", new byte[] {'a', 0, 1, 2, 'b'});
        assertThatThrownBy(() -> SourceImporter.importFile(file))
                .isInstanceOf(ScholionException.class)
                .hasMessage(file + ": looks like a binary file, not text (it has NUL bytes)");
    }

    @Test
    void missingFilesAndFoldersGetOneLine() {
        Path missing = dir.resolve("nope.txt");
        assertThatThrownBy(() -> SourceImporter.importFile(missing)).hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> SourceImporter.importFile(dir)).hasMessage(dir + ": is a folder, not a file");
    }

    @Test
    void filesOverTheLimitAreRefused() throws Exception {
        Path file = write("big.txt", "x".repeat(2000).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SourceImporter.importFile(file, new ImportOptions(1000, 1000)))
                .hasMessage(file + ": is 2,000 bytes, more than the import limit of 1,000 bytes");
    }

    /** Tika reports {@code <br>} as a plain line feed, like any source line break, so it folds to a space. */
    @Test
    void htmlKeepsParagraphsTitleAndLanguage() throws Exception {
        String html = """
                <!DOCTYPE html><html lang="fr"><head><title>Le titre</title><style>p{}</style>
                <script>var x = 1;</script></head><body>
                <h1>Grand   titre</h1><p>Premier
                paragraphe, <b>gras</b> et <i>italique</i>.</p>
                <p>Deuxième 😀<br>ligne</p><ul><li>un</li><li>deux</li></ul></body></html>""";
        Document doc = SourceImporter.importFile(write("page.html", html.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.text())
                .isEqualTo(
                        "Grand titre\n\nPremier paragraphe, gras et italique.\n\nDeuxième 😀 ligne" + "\n\nun\n\ndeux");
        assertThat(doc.title()).isEqualTo("Le titre");
        assertThat(doc.mediaType()).isEqualTo("text/html");
    }

    @Test
    void docxKeepsParagraphsAndMetadata() throws Exception {
        Path file = dir.resolve("brief.docx");
        try (XWPFDocument docx = new XWPFDocument();
                OutputStream out = Files.newOutputStream(file)) {
            docx.createParagraph().createRun().setText("First paragraph with Ωμέγα and Жук.");
            docx.createParagraph().createRun().setText("Second 😀 paragraph.");
            docx.getProperties().getCoreProperties().setTitle("A DOCX title");
            docx.getProperties().getCoreProperties().setCreator("Ada");
            docx.write(out);
        }
        Document doc = SourceImporter.importFile(file);
        assertThat(doc.text()).isEqualTo("First paragraph with Ωμέγα and Жук.\n\nSecond 😀 paragraph.");
        assertThat(doc.title()).isEqualTo("A DOCX title");
        assertThat(doc.metadata()).containsEntry("author", "Ada");
    }

    @Test
    void pdfTextComesThrough() throws Exception {
        Path file = dir.resolve("report.pdf");
        try (OutputStream out = Files.newOutputStream(file)) {
            com.lowagie.text.Document pdf = new com.lowagie.text.Document();
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle("A PDF title");
            pdf.open();
            pdf.add(new Paragraph("The first paragraph of the report."));
            pdf.add(new Paragraph("The second paragraph."));
            pdf.close();
        }
        Document doc = SourceImporter.importFile(file);
        assertThat(doc.text()).contains("The first paragraph of the report.").contains("The second paragraph.");
        assertThat(doc.title()).isEqualTo("A PDF title");
        assertThat(doc.mediaType()).isEqualTo("application/pdf");
    }

    @Test
    void rtfTextComesThrough() throws Exception {
        String rtf = "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times;}}\\f0 First para.\\par Second para with "
                + "caf\\'e9.\\par}";
        Document doc = SourceImporter.importFile(write("note.rtf", rtf.getBytes(StandardCharsets.US_ASCII)));
        assertThat(doc.text()).contains("First para.").contains("Second para with café.");
        assertThat(doc.mediaType()).isEqualTo("application/rtf");
    }

    @Test
    void odtTextComesThrough() throws Exception {
        Path file = dir.resolve("letter.odt");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            stored(zip, "mimetype", "application/vnd.oasis.opendocument.text");
            deflated(zip, "META-INF/manifest.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                     <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                     <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                    </manifest:manifest>""");
            deflated(zip, "content.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                      xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                     <office:body><office:text>
                      <text:p>Dear reader, ünïcödé 😀.</text:p><text:p>Second paragraph.</text:p>
                     </office:text></office:body></office:document-content>""");
        }
        Document doc = SourceImporter.importFile(file);
        assertThat(doc.text()).isEqualTo("Dear reader, ünïcödé 😀.\n\nSecond paragraph.");
        assertThat(doc.mediaType()).isEqualTo("application/vnd.oasis.opendocument.text");
    }

    @Test
    void epubTextComesThrough() throws Exception {
        Path file = dir.resolve("book.epub");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            stored(zip, "mimetype", "application/epub+zip");
            deflated(zip, "META-INF/container.xml", """
                    <?xml version="1.0"?>
                    <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                      <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
                    </container>""");
            deflated(zip, "OEBPS/content.opf", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
                      <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                        <dc:identifier id="id">urn:uuid:1</dc:identifier><dc:title>An EPUB title</dc:title>
                        <dc:language>en</dc:language></metadata>
                      <manifest><item id="c1" href="chapter1.xhtml" media-type="application/xhtml+xml"/></manifest>
                      <spine><itemref idref="c1"/></spine>
                    </package>""");
            deflated(zip, "OEBPS/chapter1.xhtml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Chapter</title></head>
                    <body><p>Chapter one begins.</p><p>It goes on 😀.</p></body></html>""");
        }
        Document doc = SourceImporter.importFile(file);
        assertThat(doc.text()).contains("Chapter one begins.\n\nIt goes on 😀.");
        assertThat(doc.mediaType()).isEqualTo("application/epub+zip");
    }

    @Test
    void idsComeFromFileNames() {
        assertThat(SourceImporter.idFrom(Path.of("/x/Coalition of the Willing.scholion.json")))
                .isEqualTo("Coalition-of-the-Willing");
        assertThat(SourceImporter.idFrom(Path.of(".hidden"))).isEqualTo("hidden");
        assertThat(SourceImporter.idFrom(Path.of("статья.txt"))).isEqualTo("статья");
        assertThat(SourceImporter.idFrom(Path.of("???.txt"))).isEqualTo("document");
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static void stored(ZipOutputStream zip, String name, String content) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void deflated(ZipOutputStream zip, String name, String content) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
