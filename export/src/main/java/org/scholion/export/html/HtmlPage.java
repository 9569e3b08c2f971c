package org.scholion.export.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.text.Sha256;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporter;
import org.scholion.export.Exporters;
import org.scholion.export.Format;
import org.scholion.export.brief.Brief;
import org.scholion.export.brief.Tint;

/**
 * The one Scholion page, drawn from a {@link Brief}: standalone (inline CSS and script, JSON-LD
 * embedded, a hash-based Content-Security-Policy, works from {@code file://}) or served by the
 * viewer (assets and label colours from the server at addresses it chooses, live updates, download
 * buttons). The text and its highlights are markup that reads without JavaScript; the annotations
 * list, the relations and the map are drawn by the script from one JSON data block, only as far as
 * they are in view, so a document of tens of thousands of spans opens in about the time a short one does.
 */
public final class HtmlPage {
    /** The page's behaviour, inline in the standalone file and served by the viewer. */
    public static final String SCRIPT = resource("scholion.js");
    /** The page's design, inline in the standalone file and served by the viewer. */
    public static final String STYLESHEET = resource("scholion.css");

    private HtmlPage() {}

    /**
     * What a page served by the viewer has where the standalone file has inline parts: the
     * addresses (as the page should write them) of the {@link #STYLESHEET}, the {@link #labelStyles
     * label colours}, the {@link #SCRIPT}, the JSON-LD, the viewer's home, the document's version
     * (polled for live updates) and its downloads in button order; the file's current version; any
     * problem reading the file; and, for a large document, how the page carries only the first slice
     * of its text ({@code lazy}, null for a page that carries all of it).
     */
    public record Served(
            String stylesheet,
            String labelStyles,
            String script,
            String jsonLd,
            String home,
            String live,
            Map<Format, String> downloads,
            String version,
            String problem,
            Lazy lazy) {
        public Served {
            Objects.requireNonNull(stylesheet, "stylesheet");
            Objects.requireNonNull(labelStyles, "labelStyles");
            Objects.requireNonNull(script, "script");
            Objects.requireNonNull(jsonLd, "jsonLd");
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(live, "live");
            downloads = Collections.unmodifiableMap(new LinkedHashMap<>(downloads));
            Objects.requireNonNull(version, "version");
            if (!version.matches("[0-9A-Za-z_-]{1,64}")) {
                throw new IllegalArgumentException("version '" + version + "' must be 1 to 64 letters, digits, - or _");
            }
        }

        /** The same page carrying all of its text. */
        public Served whole() {
            return lazy == null
                    ? this
                    : new Served(
                            stylesheet, labelStyles, script, jsonLd, home, live, downloads, version, problem, null);
        }
    }

    /**
     * How a served page carries only the first slice of its text: each further slice is a placeholder
     * the script fills, as it comes near the view or holds a span being selected, from {@code address}
     * followed by the page's version, {@code /} and the slice's number (see docs/viewer.md). A slice is
     * a run of whole pieces of the text ({@code <p>} elements) and ends at the first piece boundary
     * after {@code slice} code points of text. The page's data block (the spans, labels and
     * relations the script shows) is fetched from {@code data} rather than carried in the page.
     */
    public record Lazy(String address, int slice, String data) {
        public Lazy {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(data, "data");
            if (slice < 1) {
                throw new IllegalArgumentException("a slice of " + slice + " code points must hold at least one");
            }
        }
    }

    /** Where a page that carries only the first slice of its text puts the others, and its data block. */
    public interface Slices {
        /** The stream for slice {@code number} (1, 2, ...); the page closes it once the slice is written. */
        OutputStream open(int number) throws IOException;

        /** The stream for the data block's JSON; the page closes it once the JSON is written. */
        OutputStream data() throws IOException;
    }

    /** The JSON-LD export, streamed into the page's data block through {@link ScriptSafeStream}. */
    record JsonLdBlock(Exporter exporter, AnnotatedDocument document, ExportOptions options) {
        void writeTo(OutputStream out) throws IOException, ExportException {
            ScriptSafeStream safe = new ScriptSafeStream(out);
            exporter.export(document, options, safe);
            safe.finish();
        }
    }

    /**
     * Writes the self-contained page to {@code out}, which is flushed but not closed; the JSON-LD is
     * streamed from its exporter into the page, so memory does not grow with the document. The same
     * input always gives the same bytes.
     */
    public static void standalone(AnnotatedDocument document, ExportOptions options, OutputStream out)
            throws IOException, ExportException {
        Brief brief = Brief.of(document, options);
        String style = STYLESHEET + labelStyles(brief.document());
        String policy = "default-src 'none'; script-src '" + sha256(SCRIPT) + "'; style-src '" + sha256(style)
                + "'; img-src data:; base-uri 'none'; form-action 'none'";
        StringBuilder head = new StringBuilder();
        // the policy holds only keywords and base64 hashes: nothing to escape
        head.append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(policy)
                .append("\">\n");
        head.append("<style>").append(style).append("</style>\n");
        Exporter jsonLd;
        try {
            jsonLd = Exporters.of(Format.JSONLD);
        } catch (RuntimeException e) {
            jsonLd = null; // a build without the JSON-LD exporter makes the page without its data block
        }
        new PageWriter(brief, null, out)
                .page(
                        head.toString(),
                        jsonLd == null ? null : new JsonLdBlock(jsonLd, document, options),
                        "<script>" + SCRIPT + "</script>\n");
    }

    /**
     * Writes the page as the viewer serves it to {@code out} (flushed, not closed): assets, label
     * colours, JSON-LD and downloads at the addresses {@code served} gives. The page has no inline
     * style or script, so a policy of {@code 'self'} lets it run.
     */
    public static void served(AnnotatedDocument document, ExportOptions options, Served served, OutputStream out)
            throws IOException {
        served(document, options, Objects.requireNonNull(served, "served").whole(), out, null);
    }

    /**
     * Writes the page as the viewer serves it, as {@link #served(AnnotatedDocument, ExportOptions,
     * Served, OutputStream)} does; when {@code served} is {@link Served#lazy() lazy}, the page carries
     * the first slice of the text and a placeholder for each further one, whose markup goes to the
     * stream {@code slices} opens for it, and the data block goes to its own stream too. Offsets and
     * pieces are the whole page's: the slices and the first one, put together in place of the
     * placeholders, are the text of the whole page.
     */
    public static void served(
            AnnotatedDocument document, ExportOptions options, Served served, OutputStream out, Slices slices)
            throws IOException {
        Objects.requireNonNull(served, "served");
        if ((served.lazy() == null) != (slices == null)) {
            throw new IllegalArgumentException("a lazy page needs somewhere to put its slices, and only a lazy page");
        }
        Brief brief = Brief.of(document, options);
        // the JSON-LD would double the page; the viewer offers it as a download instead
        String head = "<link rel=\"stylesheet\" href=\"" + escape(served.stylesheet()) + "\">\n"
                + "<link rel=\"stylesheet\" id=\"labels-css\" href=\"" + escape(served.labelStyles()) + "\">\n"
                + "<link rel=\"alternate\" type=\"application/ld+json\" href=\"" + escape(served.jsonLd()) + "\">\n";
        if (served.lazy() != null) {
            // the data block is the longest wait of a large page: ask for it before the text is parsed
            head += "<link rel=\"preload\" as=\"fetch\" crossorigin href=\""
                    + escape(served.lazy().data()) + "\">\n";
        }
        try {
            new PageWriter(brief, served, out)
                    .page(head, null, "<script src=\"" + escape(served.script()) + "\"></script>\n", slices);
        } catch (ExportException e) {
            throw new IllegalStateException("a served page embeds no JSON-LD", e);
        }
    }

    /**
     * What a page served for {@code before} needs to show {@code after} without loading anew, as
     * JSON (see docs/viewer.md): the spans and relations removed and added, the pieces of the text
     * that changed, and the header facts, legend and chart when they changed. Null when the page
     * must load anew: the text, title, labels or label sets changed, a label appeared in or left the
     * legend, or relations appeared or all went.
     */
    public static byte[] changes(
            AnnotatedDocument before,
            Served beforeServed,
            AnnotatedDocument after,
            Served afterServed,
            ExportOptions options)
            throws IOException {
        return PageChanges.of(before, beforeServed, after, afterServed, options);
    }

    /** The label colours of a document as CSS classes {@code c0}, {@code c1} ... in label order. */
    public static String labelStyles(AnnotatedDocument document) {
        StringBuilder css = new StringBuilder();
        List<Label> labels = document.labels();
        for (int i = 0; i < labels.size(); i++) {
            Tint tint = Tint.of(labels.get(i).color());
            css.append(".c")
                    .append(i)
                    .append("{--fill:")
                    .append(tint.fill())
                    .append(";--ink:")
                    .append(tint.text())
                    .append(";--line:")
                    .append(tint.line())
                    .append("}\n");
        }
        return css.toString();
    }

    /**
     * Text escaped for HTML content and quoted attribute values alike; NUL and other control
     * characters that HTML forbids become U+FFFD, one code point for one, so offsets still hold.
     */
    public static String escape(String text) {
        return Markup.escape(text);
    }

    static String sha256(String text) {
        return "sha256-" + Base64.getEncoder().encodeToString(Sha256.of(text));
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("page resource " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
