package org.scholion.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scholion.core.ScholionException;
import org.scholion.core.model.Document;
import org.scholion.core.store.AnnotationFile;

/**
 * Sources made to hurt: broken encodings, binaries named as text, a DOCX decompression bomb, empty
 * files, a 50 MB text, right-to-left text, and lone surrogates smuggled in through JSON escapes.
 * Each gives a document or one line naming the file and the problem; none runs out of memory.
 */
class HostileSourceTest {
    @TempDir
    Path dir;

    @Test
    void invalidUtf8IsRefusedWithItsPosition() throws Exception {
        Path file = write(
                "broken.txt",
                concat(
                        "Zoë said\nhi ".getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xC3, 0x28},
                        " there".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> SourceImporter.importFile(file))
                .isInstanceOf(ScholionException.class)
                .hasMessage(file + ":2:4: is UTF-8 with an invalid byte 0xC3 at byte 13; fix or re-save it as UTF-8");
    }

    @Test
    void binaryGivenAsTextIsRefused() throws Exception {
        byte[] elf = concat(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}, new byte[256]);
        Path file = write("program.txt", elf);
        ScholionException e = refused(file);
        assertThat(e.getMessage()).startsWith(file + ": ").doesNotContain("\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zeros", "text"})
    void docxDecompressionBombIsRefusedQuicklyWithoutRunningOutOfMemory(String filling) throws Exception {
        Path bomb = dir.resolve("bomb-" + filling + ".docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] block = new byte[1 << 20];
            if (filling.equals("text")) {
                // well-formed WordprocessingML whose one paragraph is 200 MB long: a parser that trusts it builds it
                // all
                java.util.Arrays.fill(block, (byte) 'a');
                zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas."
                                + "openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>")
                        .getBytes(StandardCharsets.UTF_8));
            }
            for (int i = 0; i < 200; i++) {
                zip.write(block);
            }
            if (filling.equals("text")) {
                zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).as("small on disk").isLessThan(1 << 20);
        Probe probe = probe(bomb, "256m");
        System.out.printf(
                java.util.Locale.ROOT,
                "HostileSourceTest: bomb of %s (%,d bytes zipped, 200 MB inflated)" + " refused in %.1f s: %s%n",
                filling,
                Files.size(bomb),
                probe.seconds,
                probe.out);
        assertThat(probe.seconds).as("refused quickly").isLessThan(60);
        assertThat(probe.err).as("no stack trace, no OutOfMemoryError").isEmpty();
        assertThat(probe.out)
                .isEqualTo("ERROR " + bomb + ": looks like a decompression bomb: its "
                        + String.format(java.util.Locale.ROOT, "%,d", Files.size(bomb))
                        + " bytes inflate to more than 20,480,000 bytes (in word/document.xml); refused"
                                .replace(
                                        "20,480,000",
                                        String.format(java.util.Locale.ROOT, "%,d", 100 * Files.size(bomb))));
        assertThat(probe.exit).isEqualTo(1);
    }

    @Test
    void fiftyMegabyteTextImportsWithinLimitsInBoundedTimeAndMemory() throws Exception {
        Path big = dir.resolve("big.txt");
        String line = "Ein Satz mit Umlauten äöü, ein Emoji 😀 und ein Wort שלום.\n";
        byte[] unit = line.getBytes(StandardCharsets.UTF_8);
        int copies = (50 << 20) / unit.length;
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(big), 1 << 20)) {
            for (int i = 0; i < copies; i++) {
                out.write(unit);
            }
        }
        assertThat(Files.size(big)).isGreaterThanOrEqualTo(50L * 1000 * 1000);
        Probe probe = probe(big, "768m");
        assertThat(probe.err).isEmpty();
        assertThat(probe.out).startsWith("OK ");
        String[] parts = probe.out.split(" ");
        assertThat(Long.parseLong(parts[1])).isEqualTo((long) copies * line.codePointCount(0, line.length()));
        System.out.printf(
                java.util.Locale.ROOT,
                "HostileSourceTest: 50 MB text imported in %s ms, heap %s MB"
                        + " after import, %.1f s with JVM start%n",
                parts[2],
                parts[3].strip(),
                probe.seconds);
        assertThat(probe.seconds).as("reasonable time on a loaded machine").isLessThan(120);
    }

    @Test
    void textOverTheLimitIsRefused() throws Exception {
        Path file = write("long.txt", "abc ".repeat(1000).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SourceImporter.importFile(file, new ImportOptions(1 << 20, 1000)))
                .hasMessage(file + ": has more than 1000 characters of text");
    }

    @Test
    void emptyFilesGiveAnEmptyTextOrOneLine() throws Exception {
        for (String name : List.of("empty.txt", "empty.docx", "empty.html", "empty.pdf", "empty.odt", "empty.rtf")) {
            Path file = write(name, new byte[0]);
            try {
                Document doc = SourceImporter.importFile(file);
                assertThat(doc.text()).as(name).isEmpty();
            } catch (ScholionException e) {
                assertThat(e.getMessage()).as(name).isEqualTo(file + ": is empty");
            }
        }
    }

    @Test
    void rightToLeftTextComesThroughExactly() throws Exception {
        String text = "\u202Bمرحبا\u202C بالعالم، قال «زيد».\r\nשלום עולם, 123 ABC.\n\u200Fעברית\u200E";
        Path file = write("rtl.txt", text.getBytes(StandardCharsets.UTF_8));
        Document doc = SourceImporter.importFile(file);
        assertThat(doc.text()).isEqualTo(text);
        assertThat(doc.metadata()).containsEntry("charset", "UTF-8");
    }

    @Test
    void loneSurrogatesFromJsonEscapesAreRefusedWithPosition() {
        String json = "{\n  \"format\" : \"scholion/1\",\n  \"document\" : {\n    \"id\" : \"d\",\n"
                + "    \"text\" : \"ok \\ud800 not ok\"\n  }\n}\n";
        assertThatThrownBy(() -> AnnotationFile.parse(
                        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "d.scholion.json"))
                .isInstanceOf(ScholionException.class)
                .hasMessage("d.scholion.json:5:14: \"text\" has a lone surrogate U+D800 at code point 3 "
                        + "(half of a \\u escape pair)");
    }

    private record Probe(String out, String err, int exit, double seconds) {}

    private static Probe probe(Path file, String heap) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                ImportProbe.class.getName(),
                file.toString()));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        var out = p.getInputStream();
        var err = p.getErrorStream();
        boolean done = p.waitFor(180, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("import of " + file + " did not finish in 180 s");
        }
        return new Probe(
                new String(out.readAllBytes(), StandardCharsets.UTF_8).strip(),
                new String(err.readAllBytes(), StandardCharsets.UTF_8).strip(),
                p.exitValue(),
                (System.nanoTime() - start) / 1e9);
    }

    private ScholionException refused(Path file) {
        try {
            SourceImporter.importFile(file);
        } catch (ScholionException e) {
            return e;
        }
        throw new AssertionError(file + " was imported");
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
