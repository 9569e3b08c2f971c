package org.scholion.export.docx;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes a brief's package: every part of the small skeleton POI built (styles, chart, footer,
 * properties, relationships, content types) as it is, except that the main document gets the
 * streamed text and table rows where the skeleton holds placeholders, and the comments part is
 * streamed whole. Memory stays that of the skeleton, whatever the number of spans.
 */
final class WordPackage {
    /** Text of the paragraph that stands for the streamed text. */
    static final String TEXT_MARK = "scholion:streamed-text";
    /** Text of the table row that stands for the streamed rows of the annotations table. */
    static final String ROWS_MARK = "scholion:streamed-rows";

    private static final String TEXT_PARAGRAPH = "<w:p><w:r><w:t>" + TEXT_MARK + "</w:t></w:r></w:p>";
    private static final String ROWS_ROW = "<w:tr><w:tc><w:p><w:r><w:t>" + ROWS_MARK + "</w:t></w:r></w:p></w:tc></w:tr>";

    private WordPackage() {
    }

    /**
     * Writes the package to {@code out}, which stays open.
     *
     * @param skeleton the package POI wrote, with placeholders
     * @param documentPart the main document's name in the package ({@code word/document.xml})
     * @param commentsPart the comments part's name
     * @param rows whether the skeleton holds the placeholder row of the annotations table
     */
    static void write(byte[] skeleton, String documentPart, String commentsPart, boolean rows, WordBody body,
                      OutputStream out) throws IOException {
        Map<String, ZipEntry> entries = new LinkedHashMap<>();
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(skeleton))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), e);
                bytes.put(e.getName(), in.readAllBytes());
            }
        }
        if (!bytes.containsKey(documentPart) || !bytes.containsKey(commentsPart)) {
            throw new IllegalStateException("the skeleton has no " + documentPart + " or no " + commentsPart
                    + ": it holds " + bytes.keySet());
        }
        try (ZipOutputStream zip = new ZipOutputStream(new KeepOpen(out))) {
            WordXml x = new WordXml(zip);
            for (Map.Entry<String, byte[]> part : bytes.entrySet()) {
                String name = part.getKey();
                if (name.equals(commentsPart)) {
                    continue; // written after the document: its order is the order spans end in the text
                }
                if (name.equals(documentPart)) {
                    zip.putNextEntry(entry(entries.get(name)));
                    document(new String(part.getValue(), StandardCharsets.UTF_8), rows, body, x);
                    x.flush();
                    zip.closeEntry();
                    zip.putNextEntry(entry(entries.get(commentsPart)));
                    body.comments(x);
                    x.flush();
                    zip.closeEntry();
                } else {
                    zip.putNextEntry(entry(entries.get(name)));
                    zip.write(part.getValue());
                    zip.closeEntry();
                }
            }
        }
    }

    private static void document(String skeleton, boolean rows, WordBody body, WordXml x) throws IOException {
        // the last occurrence: everything the user wrote (title, facts, legend) comes before the text
        int text = skeleton.lastIndexOf(TEXT_PARAGRAPH);
        int row = rows ? skeleton.lastIndexOf(ROWS_ROW) : skeleton.length();
        if (text < 0 || row < text + TEXT_PARAGRAPH.length()) {
            throw new IllegalStateException("the skeleton document has no placeholder for the text or the table rows");
        }
        x.raw(skeleton.substring(0, text));
        body.text(x);
        x.raw(skeleton.substring(text + TEXT_PARAGRAPH.length(), row));
        if (rows) {
            body.rows(x);
            x.raw(skeleton.substring(row + ROWS_ROW.length()));
        }
    }

    /** A fresh entry of the same name and time (the compressed size is the new one's). */
    private static ZipEntry entry(ZipEntry old) {
        ZipEntry e = new ZipEntry(old.getName());
        if (old.getTime() != -1) {
            e.setTime(old.getTime());
        }
        return e;
    }

    /** Closing the ZIP stream finishes the package but leaves the caller's stream open. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
