package org.scholion.viewer;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.scholion.core.ScholionException;

/**
 * The embedded web viewer: serves annotated documents to a browser and follows their files on
 * disk, so a page updates within a second of {@code annotate add}. Start it with
 * {@link #start(List, InetSocketAddress)} and {@link #close()} it when done.
 */
public final class Viewer implements AutoCloseable {
    /** How often the files are looked at, in milliseconds. */
    static final long POLL_MILLIS = 200;

    private static final int THREADS = 4;
    private static final int QUEUE = 64;

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService poller;
    private final Shelf shelf;
    private final URI uri;

    private Viewer(
            HttpServer server, ThreadPoolExecutor workers, ScheduledExecutorService poller, Shelf shelf, URI uri) {
        this.server = server;
        this.workers = workers;
        this.poller = poller;
        this.shelf = shelf;
        this.uri = uri;
    }

    /**
     * Reads the annotation files and starts serving them at {@code address} (port 0 picks a free
     * port). Use a loopback address unless other machines must see the documents: the viewer has
     * no authentication.
     *
     * @throws ScholionException if a file cannot be read or the address cannot be bound
     */
    public static Viewer start(List<Path> annotationFiles, InetSocketAddress address) throws ScholionException {
        if (annotationFiles.isEmpty()) {
            throw new IllegalArgumentException("the viewer needs at least one annotation file");
        }
        return serve(Shelf.ofFiles(annotationFiles), address);
    }

    /**
     * Serves the annotation files that files, folders (searched recursively) and globs name, as
     * {@code annotate view DIR} does: the index lists every document with its status and counts,
     * offers a search over all of them and shows the corpus's statistics. The folders and globs are
     * listed again every second, so new files appear and removed ones go; a file that cannot be read
     * is listed with its problem and the others are served. Only the summaries of the documents are
     * kept, and the last few documents whose pages were asked for.
     *
     * @throws ScholionException if the address cannot be bound
     */
    public static Viewer serve(List<String> arguments, InetSocketAddress address) throws ScholionException {
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("the viewer needs at least one file, folder or glob");
        }
        return serve(Shelf.ofArguments(arguments), address);
    }

    private static Viewer serve(Shelf shelf, InetSocketAddress address) throws ScholionException {
        limitRequests();
        HttpServer server;
        try {
            server = HttpServer.create(address, 32);
        } catch (BindException e) {
            throw new ScholionException(
                    describe(address),
                    "cannot listen there: " + e.getMessage() + " (choose another --port, or 0 for any free port)",
                    e);
        } catch (IOException e) {
            throw new ScholionException(describe(address), "cannot listen there: " + e.getMessage(), e);
        }
        ThreadPoolExecutor workers = new ThreadPoolExecutor(
                THREADS,
                THREADS,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                daemons("scholion-viewer-"),
                new ThreadPoolExecutor.AbortPolicy());
        workers.allowCoreThreadTimeOut(true);
        server.setExecutor(workers);
        InetSocketAddress bound = server.getAddress();
        Routes routes = new Routes(shelf, isLoopback(bound.getAddress()));
        server.createContext("/", routes);
        server.start();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(daemons("scholion-watch-"));
        poller.scheduleWithFixedDelay(
                () -> {
                    try {
                        shelf.poll(System.nanoTime() / 1_000_000, file -> {
                            try {
                                routes.changed(file);
                            } catch (RuntimeException e) {
                                // a page that cannot be drawn is reported when it is asked for
                            }
                        });
                        routes.keepPagesOf(shelf.openFiles());
                        routes.index();
                    } catch (RuntimeException e) {
                        // the poller must go on; the next look may succeed
                        System.err.println("viewer: looking at the files failed: " + e);
                    }
                },
                POLL_MILLIS,
                POLL_MILLIS,
                TimeUnit.MILLISECONDS);
        return new Viewer(
                server, workers, poller, shelf, URI.create("http://" + hostOf(bound) + ":" + bound.getPort() + "/"));
    }

    /** The address of the index page, e.g. {@code http://127.0.0.1:8765/}. */
    public URI uri() {
        return uri;
    }

    /** The address of each document's page now, in the order of the files (named files) or of their paths (folders). */
    public List<URI> documentUris() {
        return shelf.snapshot().items().stream()
                .map(i -> uri.resolve("/doc/" + Addresses.encode(i.slug()) + "/"))
                .toList();
    }

    /** Whether an address is only reachable from this machine. */
    public static boolean isLoopback(InetAddress address) {
        return address.isLoopbackAddress();
    }

    /** Stops serving at once; the browser shows the page as stale. */
    @Override
    public void close() {
        poller.shutdownNow();
        server.stop(0);
        workers.shutdownNow();
    }

    private static String hostOf(InetSocketAddress address) {
        if (address.getAddress().isAnyLocalAddress()) {
            // listening on every interface: this machine reaches it through loopback
            return "127.0.0.1";
        }
        String host = address.getAddress().getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static String describe(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * The JDK server reads these once, when its first instance is made; a slow or endless request
     * must not hold one of the few worker threads, and headers stay small. Settings made by the
     * user win.
     */
    private static void limitRequests() {
        setIfAbsent("sun.net.httpserver.maxReqTime", "10");
        setIfAbsent("sun.net.httpserver.maxRspTime", "60");
        setIfAbsent("sun.net.httpserver.maxReqHeaders", "64");
        setIfAbsent("sun.net.httpserver.maxReqHeaderSize", "16384");
        setIfAbsent("sun.net.httpserver.idleInterval", "30");
        // small answers (the version poll) otherwise wait for delayed ACKs: 70 requests/s instead of thousands
        setIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
