package org.scholion.export.docx;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An Open Packaging Conventions package (a DOCX, or the workbook inside its chart) written part by
 * part into a ZIP stream. Every entry carries the same fixed time, so the same parts always give
 * the same bytes; closing finishes the ZIP but leaves the caller's stream open.
 */
final class WordPackage implements AutoCloseable {
    /**
     * The time of every entry, stored as a DOS date and time, which know no time zone: two seconds
     * after the earliest they can say, because the JDK takes 1980-01-01 00:00:00 itself for "before
     * 1980" and then adds an extended timestamp computed in the local time zone.
     */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0, 2);

    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    static final String RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    /** Writes one part's XML. */
    @FunctionalInterface
    interface Part {
        void write(WordXml x) throws IOException;
    }

    private final ZipOutputStream zip;
    private final WordXml x;

    WordPackage(OutputStream out) {
        this.zip = new ZipOutputStream(new KeepOpen(out));
        this.x = new WordXml(zip);
    }

    /** Writes the part {@code name} (without a leading slash). */
    WordPackage part(String name, Part part) throws IOException {
        zip.putNextEntry(entry(name));
        part.write(x);
        x.flush();
        zip.closeEntry();
        return this;
    }

    /** Writes a part that is already bytes (an embedded package). */
    WordPackage part(String name, byte[] bytes) throws IOException {
        zip.putNextEntry(entry(name));
        zip.write(bytes);
        zip.closeEntry();
        return this;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ENTRY_TIME);
        return e;
    }

    /**
     * {@code [Content_Types].xml}: XML, relationships and {@code extraDefaults} by extension, and
     * each part that is not plain XML by name.
     *
     * @param extraDefaults content type by extension, beside {@code xml} and {@code rels}
     * @param overrides content type by part name (with its leading slash)
     */
    static void contentTypes(WordXml x, Map<String, String> extraDefaults, Map<String, String> overrides)
            throws IOException {
        x.raw(DECLARATION)
                .raw("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .raw("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
                        + "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>");
        for (Map.Entry<String, String> d : extraDefaults.entrySet()) {
            x.raw("<Default Extension=\"")
                    .attr(d.getKey())
                    .raw("\" ContentType=\"")
                    .attr(d.getValue())
                    .raw("\"/>");
        }
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            x.raw("<Override PartName=\"")
                    .attr(o.getKey())
                    .raw("\" ContentType=\"")
                    .attr(o.getValue())
                    .raw("\"/>");
        }
        x.raw("</Types>");
    }

    /**
     * One relationship of a part: its id, its type (a full URI) and its target, relative to the part
     * or, when {@code external}, an absolute IRI outside the package (a hyperlink).
     */
    record Relationship(String id, String type, String target, boolean external) {
        Relationship(String id, String type, String target) {
            this(id, type, target, false);
        }

        Relationship {
            if (id == null
                    || id.isEmpty()
                    || type == null
                    || !type.contains(":")
                    || target == null
                    || target.isEmpty()) {
                throw new IllegalArgumentException(
                        "a relationship needs an id, a type URI and a target, not " + id + ", " + type + ", " + target);
            }
        }

        /** A relationship of one of the Office document types ({@link #RELATIONSHIP} + {@code type}). */
        static Relationship office(String id, String type, String target) {
            return new Relationship(id, RELATIONSHIP + type, target);
        }

        /** A hyperlink to {@code iri}, outside the package. */
        static Relationship hyperlink(String id, String iri) {
            return new Relationship(id, RELATIONSHIP + "hyperlink", iri, true);
        }
    }

    /** A relationships part. */
    static void relationships(WordXml x, List<Relationship> relationships) throws IOException {
        x.raw(DECLARATION)
                .raw("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (Relationship r : relationships) {
            x.raw("<Relationship Id=\"")
                    .attr(r.id())
                    .raw("\" Type=\"")
                    .attr(r.type())
                    .raw("\" Target=\"")
                    .attr(r.target())
                    .raw(r.external() ? "\" TargetMode=\"External\"/>" : "\"/>");
        }
        x.raw("</Relationships>");
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
