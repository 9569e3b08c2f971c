package org.scholion.viewer;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.Format;
import org.scholion.export.html.HtmlPage;

/**
 * Every request of the viewer: a fixed set of routes, anything else 404. Paths are matched
 * against known documents only, so no request ever names a file; encoded slashes, dot segments,
 * backslashes and control characters are refused before matching.
 */
final class Routes implements HttpHandler {
    static final int MAX_TARGET = 2048;
    static final int MAX_HEADER_BYTES = 8192;
    static final int MAX_HEADERS = 48;
    static final ExportOptions OPTIONS = ExportOptions.DEFAULT;
    /** Formats the viewer offers as downloads, in button order. */
    static final List<Format> DOWNLOADS = List.of(Format.CSV, Format.JSONLD, Format.DOCX, Format.PDF, Format.HTML);
    /** The policy of every answer: a page's assets come from the viewer itself, nothing is inline. */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    // The viewer's addresses: /assets/<name> for the page's own files; under /doc/<id>/ the page,
    // its version, its label colours and its downloads, which the page names relative to itself.
    private static final String ASSETS = "assets";
    private static final String STYLESHEET = "scholion.css";
    private static final String SCRIPT = "scholion.js";
    private static final String VERSION = "version";
    private static final String CHANGES = "changes";
    private static final String TEXT_SLICES = "text";
    private static final String DATA = "data";
    private static final String LABEL_STYLES = "labels.css";
    private static final String DOWNLOAD = "download";
    private static final String CORPUS_STYLESHEET = "corpus.css";
    private static final String CORPUS_SCRIPT = "corpus.js";
    private static final String SEARCH = "search";
    private static final String CORPUS = "corpus";
    static final String STYLESHEET_PATH = "/" + ASSETS + "/" + STYLESHEET;
    static final String CORPUS_STYLESHEET_PATH = "/" + ASSETS + "/" + CORPUS_STYLESHEET;
    static final String CORPUS_SCRIPT_PATH = "/" + ASSETS + "/" + CORPUS_SCRIPT;
    /** The longest text a search may look for, in characters. */
    static final int MAX_QUERY = 200;
    /**
     * The system property giving the length of text, in code points, above which a page carries
     * only its first slice of text and fetches the others as they come near the view.
     */
    static final String LAZY_ABOVE = "scholion.viewer.lazyAbove";
    /** The system property giving how many code points of text a slice of such a page holds at least. */
    static final String SLICE = "scholion.viewer.slice";

    private static final String HTML = "text/html; charset=UTF-8";
    private static final String TEXT = "text/plain; charset=UTF-8";
    private static final String JSON = "application/json; charset=UTF-8";
    private static final byte[] CSS = HtmlPage.STYLESHEET.getBytes(StandardCharsets.UTF_8);
    private static final byte[] JS = HtmlPage.SCRIPT.getBytes(StandardCharsets.UTF_8);
    private static final byte[] CORPUS_CSS = resource(CORPUS_STYLESHEET);
    private static final byte[] CORPUS_JS = resource(CORPUS_SCRIPT);
    private static final String ASSET_TAG = "\""
            + WatchedFile.hash((HtmlPage.STYLESHEET
                            + HtmlPage.SCRIPT
                            + new String(CORPUS_CSS, StandardCharsets.UTF_8)
                            + new String(CORPUS_JS, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8))
            + "\"";

    private final Shelf shelf;
    private final boolean loopbackOnly;
    /** The length of text, in code points, above which a page carries only its first slice. */
    private final int lazyAbove;
    /** The code points of text a slice holds at least. */
    private final int slice;

    private final Map<String, Rendered> pages = new ConcurrentHashMap<>();
    private volatile Index index;

    /**
     * A page rendered for one state of a file, kept compressed, and when the page carries only the
     * first slice of its text, the further slices (slice {@code n} at {@code n - 1}) and its data
     * block (null otherwise).
     */
    private record Rendered(WatchedFile.State state, Packed page, List<Packed> slices, Packed data) {}

    /**
     * The last state of a file whose page was served, and how a page of the state before it
     * follows to it: {@code changes} is the JSON of {@link HtmlPage#changes}, null when a reload
     * is needed; {@code from} is null before the first change.
     */
    private record Seen(WatchedFile.State state, String from, byte[] changes) {}

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    /** The index rendered for one state of the shelf. */
    private record Index(Shelf.Snapshot snapshot, byte[] bytes) {}

    Routes(Shelf shelf, boolean loopbackOnly) {
        this.shelf = shelf;
        this.loopbackOnly = loopbackOnly;
        // read once per viewer, so a test can start a viewer of its own with other sizes
        this.lazyAbove = Math.max(0, Integer.getInteger(LAZY_ABOVE, 1 << 20));
        this.slice = Math.max(1, Integer.getInteger(SLICE, 100_000));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            secure(exchange.getResponseHeaders());
            try {
                route(exchange);
            } catch (OutOfMemoryError e) {
                System.err.println("viewer: " + exchange.getRequestURI().getRawPath()
                        + " needs more memory than the viewer has; start it with a larger heap,"
                        + " e.g. ANNOTATE_JAVA_OPTS=-Xmx2g");
                send(
                        exchange,
                        503,
                        TEXT,
                        "The viewer ran out of memory drawing this page; its console says what to do.\n"
                                .getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                // The page may be seen by others than the one who started the viewer: details go to its console.
                System.err.println("viewer: " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getRawPath() + " failed: " + e);
                send(
                        exchange,
                        500,
                        TEXT,
                        "The viewer failed to answer; its console says why.\n".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().toString();
        if (target.length() > MAX_TARGET) {
            plain(exchange, 414, "The address is longer than " + MAX_TARGET + " characters.");
            return;
        }
        if (!headersFit(exchange.getRequestHeaders())) {
            plain(exchange, 431, "The request headers are too large.");
            return;
        }
        if (loopbackOnly && !loopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
            // a page on another site that resolves its own name to 127.0.0.1 (DNS rebinding) gets nothing
            plain(exchange, 421, "This viewer answers only to 127.0.0.1, localhost or [::1].");
            return;
        }
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            plain(exchange, 405, "Only GET and HEAD are allowed.");
            return;
        }
        String path = exchange.getRequestURI().getRawPath();
        if (exchange.getRequestURI().getRawFragment() != null || path == null || !Addresses.safe(path)) {
            notFound(exchange);
            return;
        }
        List<String> segments = Addresses.segments(path);
        if (segments == null) {
            notFound(exchange);
            return;
        }
        if (segments.isEmpty()) {
            index(exchange);
        } else if (segments.size() == 2 && segments.get(0).equals(ASSETS)) {
            asset(exchange, segments.get(1));
        } else if (segments.size() == 1 && segments.get(0).equals(SEARCH) && !path.endsWith("/")) {
            search(exchange, exchange.getRequestURI().getRawQuery());
        } else if (segments.size() == 2
                && segments.get(0).equals(CORPUS)
                && segments.get(1).equals(VERSION)
                && !path.endsWith("/")) {
            String version = shelf.snapshot().version();
            noStore(exchange);
            exchange.getResponseHeaders().set("ETag", "\"" + version + "\"");
            send(exchange, 200, TEXT, (version + "\n").getBytes(StandardCharsets.UTF_8));
        } else if (segments.get(0).equals("doc") && segments.size() >= 2) {
            Optional<WatchedFile> file = shelf.file(segments.get(1));
            if (file.isEmpty()) {
                notFound(exchange);
            } else {
                document(exchange, file.get(), segments.subList(2, segments.size()), path.endsWith("/"));
            }
        } else {
            notFound(exchange);
        }
    }

    private void document(HttpExchange exchange, WatchedFile file, List<String> rest, boolean slash)
            throws IOException {
        WatchedFile.State state = file.state();
        String base = "/doc/" + Addresses.encode(file.slug()) + "/";
        if (rest.isEmpty() && !slash) {
            exchange.getResponseHeaders().set("Location", base);
            plain(exchange, 301, "See " + base);
        } else if (rest.isEmpty()) {
            noStore(exchange);
            rendered(file).page().send(exchange, HTML);
        } else if (rest.size() == 3 && rest.get(0).equals(TEXT_SLICES) && !slash) {
            textSlice(exchange, file, rest.get(1), rest.get(2));
        } else if (rest.size() == 2 && rest.get(0).equals(DATA) && !slash) {
            data(exchange, file, rest.get(1));
        } else if (rest.size() == 1 && rest.get(0).equals(VERSION) && !slash) {
            noStore(exchange);
            exchange.getResponseHeaders().set("ETag", "\"" + state.version() + "\"");
            send(exchange, 200, TEXT, (state.version() + "\n").getBytes(StandardCharsets.UTF_8));
        } else if (rest.size() == 2 && rest.get(0).equals(CHANGES) && !slash) {
            noStore(exchange);
            send(exchange, 200, JSON, changes(file, rest.get(1)));
        } else if (rest.size() == 1 && rest.get(0).equals(LABEL_STYLES) && !slash) {
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            send(
                    exchange,
                    200,
                    "text/css; charset=UTF-8",
                    HtmlPage.labelStyles(state.document()).getBytes(StandardCharsets.UTF_8));
        } else if (rest.size() == 2 && rest.get(0).equals(DOWNLOAD) && !slash) {
            download(exchange, state.document(), rest.get(1));
        } else {
            notFound(exchange);
        }
    }

    /**
     * How a page showing version {@code since} of a file follows to the current one: the changes
     * when {@code since} is the version just before it, {@code {"to": version}} when it is current,
     * and {@code {"reload": true, "to": version}} otherwise.
     */
    byte[] changes(WatchedFile file, String since) {
        Seen now = follow(file);
        String version = now.state().version();
        if (since.equals(version)) {
            return ("{\"to\":\"" + version + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        if (since.equals(now.from()) && now.changes() != null) {
            return now.changes();
        }
        return ("{\"reload\":true,\"to\":\"" + version + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Brings what the viewer remembers of a served file up to its current state, working out how
     * a page of the previous state follows; the poller calls this right after a change, so the
     * page's request finds the answer ready.
     */
    synchronized Seen follow(WatchedFile file) {
        WatchedFile.State state = file.state();
        Seen last = seen.get(file.slug());
        if (last != null && last.state() == state) {
            return last;
        }
        byte[] changes = null;
        if (last != null) {
            try {
                changes = HtmlPage.changes(
                        last.state().document(), served(last.state()), state.document(), served(state), OPTIONS);
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                // the page loads anew instead; two versions of a very large document may not fit side by side
                System.err.println("viewer: working out the changes of " + file.path() + " failed: " + e);
            }
        }
        Seen next = new Seen(state, last == null ? null : last.state().version(), changes);
        seen.put(file.slug(), next);
        return next;
    }

    /** Called by the poller when an open file changed. */
    void changed(WatchedFile file) {
        if (seen.containsKey(file.slug())) {
            rendered(file);
        }
    }

    /**
     * The page of a file's current state, rendered once per state and kept compressed (a page of
     * 200,000 spans is 66 MB of markup and about a tenth of that compressed), so the viewer holds
     * no large copy of it; the poller calls this right after a change.
     */
    private Rendered rendered(WatchedFile file) {
        WatchedFile.State state = follow(file).state();
        Rendered rendered = pages.get(file.slug());
        if (rendered == null || rendered.state() != state) {
            HtmlPage.Served served = served(state);
            List<Packed> slices = new ArrayList<>();
            List<Packed> data = new ArrayList<>();
            Packed.Packing page = new Packed.Packing(null);
            try (page) {
                if (served.lazy() == null) {
                    HtmlPage.served(state.document(), OPTIONS, served, page);
                } else {
                    HtmlPage.served(state.document(), OPTIONS, served, page, new HtmlPage.Slices() {
                        @Override
                        public OutputStream open(int number) {
                            return new Packed.Packing(slices);
                        }

                        @Override
                        public OutputStream data() {
                            return new Packed.Packing(data);
                        }
                    });
                }
            } catch (IOException e) {
                throw new UncheckedIOException("a page in memory cannot fail to write", e);
            }
            rendered = new Rendered(state, page.packed(), List.copyOf(slices), data.isEmpty() ? null : data.get(0));
            pages.put(file.slug(), rendered);
        }
        return rendered;
    }

    /**
     * Slice {@code number} of the text of a page that carries only its first, for the page of
     * version {@code version}; 204 without a body when that is not the current version (the page
     * follows the change, then asks again), 404 when there is no such slice.
     */
    private void textSlice(HttpExchange exchange, WatchedFile file, String version, String number) throws IOException {
        Rendered rendered = rendered(file);
        int n;
        try {
            n = number.matches("[1-9][0-9]{0,8}") ? Integer.parseInt(number) : 0;
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > rendered.slices().size()) {
            notFound(exchange);
            return;
        }
        if (!version.equals(rendered.state().version())) {
            // the page is following a change: it asks again for its new version (a 2xx, so no console error)
            noStore(exchange);
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        noStore(exchange);
        rendered.slices().get(n - 1).send(exchange, HTML);
    }

    /**
     * The data block of a page that carries only the first slice of its text, for the page of
     * version {@code version}: JSON, 204 when that is not the current version, 404 for a page that
     * carries its data block.
     */
    private void data(HttpExchange exchange, WatchedFile file, String version) throws IOException {
        Rendered rendered = rendered(file);
        if (rendered.data() == null) {
            notFound(exchange);
            return;
        }
        noStore(exchange);
        if (!version.equals(rendered.state().version())) {
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        rendered.data().send(exchange, JSON);
    }

    /** What the page of a file's state needs from the viewer: its addresses, relative to the page where they can be. */
    HtmlPage.Served served(WatchedFile.State state) {
        Map<Format, String> downloads = new LinkedHashMap<>();
        for (Format format : DOWNLOADS) {
            downloads.put(format, DOWNLOAD + "/" + format.extension());
        }
        return new HtmlPage.Served(
                asset(STYLESHEET),
                LABEL_STYLES + "?v=" + state.version(),
                asset(SCRIPT),
                DOWNLOAD + "/" + Format.JSONLD.extension(),
                "/",
                VERSION,
                downloads,
                state.version(),
                state.problem(),
                state.document().text().length() > lazyAbove
                        ? new HtmlPage.Lazy(TEXT_SLICES + "/", slice, DATA + "/" + state.version())
                        : null);
    }

    private static String asset(String name) {
        return "/" + ASSETS + "/" + name;
    }

    private void download(HttpExchange exchange, AnnotatedDocument document, String extension) throws IOException {
        Format format = DOWNLOADS.stream()
                .filter(f -> f.extension().equals(extension))
                .findFirst()
                .orElse(null);
        if (format == null) {
            notFound(exchange);
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 16);
        try {
            Exporters.of(format).export(document, OPTIONS, body);
        } catch (ExportException e) {
            boolean missing = String.valueOf(e.getMessage()).contains("not built yet");
            plain(
                    exchange,
                    missing ? 501 : 500,
                    (missing ? "This viewer cannot make " : "Could not make ") + format.name() + " yet: "
                            + e.getMessage());
            return;
        }
        String name = Exporters.fileName(document, format);
        noStore(exchange);
        exchange.getResponseHeaders().set("Content-Disposition", Addresses.contentDisposition(name));
        send(exchange, 200, format.mediaType(), body.toByteArray());
    }

    private void asset(HttpExchange exchange, String name) throws IOException {
        byte[] body;
        String type;
        if (name.equals(STYLESHEET)) {
            body = CSS;
            type = "text/css; charset=UTF-8";
        } else if (name.equals(SCRIPT)) {
            body = JS;
            type = "text/javascript; charset=UTF-8";
        } else if (name.equals(CORPUS_STYLESHEET)) {
            body = CORPUS_CSS;
            type = "text/css; charset=UTF-8";
        } else if (name.equals(CORPUS_SCRIPT)) {
            body = CORPUS_JS;
            type = "text/javascript; charset=UTF-8";
        } else {
            notFound(exchange);
            return;
        }
        Headers headers = exchange.getResponseHeaders();
        headers.set("Cache-Control", "no-cache");
        headers.set("ETag", ASSET_TAG);
        if (ASSET_TAG.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        send(exchange, 200, type, body);
    }

    private void index(HttpExchange exchange) throws IOException {
        Shelf.Snapshot snapshot = shelf.snapshot();
        if (!shelf.listsFolders() && snapshot.items().size() == 1) {
            String location = "/doc/" + Addresses.encode(snapshot.items().get(0).slug()) + "/";
            exchange.getResponseHeaders().set("Location", location);
            plain(exchange, 302, "See " + location);
            return;
        }
        noStore(exchange);
        send(exchange, 200, HTML, index());
    }

    /** The index of the shelf's current state, rendered once per state; the poller calls this after a change. */
    byte[] index() {
        Shelf.Snapshot snapshot = shelf.snapshot();
        Index rendered = index;
        if (rendered == null || rendered.snapshot() != snapshot) {
            rendered = new Index(snapshot, IndexPage.render(snapshot, shelf.listsFolders()));
            index = rendered;
        }
        return rendered.bytes();
    }

    /** Forgets the pages of documents that are no longer open. */
    void keepPagesOf(List<WatchedFile> open) {
        List<String> slugs = open.stream().map(WatchedFile::slug).toList();
        pages.keySet().retainAll(slugs);
        seen.keySet().retainAll(slugs);
    }

    private void search(HttpExchange exchange, String rawQuery) throws IOException {
        noStore(exchange);
        Map<String, String> parameters = Addresses.parameters(rawQuery);
        if (parameters == null) {
            send(exchange, 400, JSON, SearchAnswer.error("The search is not a well-formed query string."));
            return;
        }
        String words = blankToNull(parameters.get("q"));
        String label = blankToNull(parameters.get("label"));
        if (words == null && label == null) {
            send(exchange, 400, JSON, SearchAnswer.error("Say what to look for: q (text in a span) or label."));
            return;
        }
        if ((words != null && words.length() > MAX_QUERY) || (label != null && label.length() > MAX_QUERY)) {
            send(exchange, 400, JSON, SearchAnswer.error("Search for at most " + MAX_QUERY + " characters."));
            return;
        }
        send(exchange, 200, JSON, SearchAnswer.answer(shelf.snapshot(), words, label));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static byte[] resource(String name) {
        try (java.io.InputStream in = Routes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("viewer resource " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean headersFit(Headers headers) {
        int count = 0;
        int size = 0;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            for (String value : header.getValue()) {
                count++;
                size += header.getKey().length() + value.length() + 4;
            }
        }
        return count <= MAX_HEADERS && size <= MAX_HEADER_BYTES;
    }

    private static boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int close = name.indexOf(']');
            name = close < 0 ? name : name.substring(0, close + 1);
        } else if (name.indexOf(':') >= 0) {
            name = name.substring(0, name.indexOf(':'));
        }
        return name.equals("127.0.0.1") || name.equals("localhost") || name.equals("[::1]");
    }

    private static void secure(Headers headers) {
        headers.set("Content-Security-Policy", POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
    }

    private static void noStore(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        plain(exchange, 404, "Not found.");
    }

    private static void plain(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, TEXT, (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        if (exchange.getRequestMethod().equals("HEAD")) {
            headers.set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
