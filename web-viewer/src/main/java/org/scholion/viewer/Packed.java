package org.scholion.viewer;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A body the viewer keeps gzip-compressed in memory (a page, a slice of its text, its data block),
 * and how long it is unpacked: a large page is many times smaller so, and most browsers take it
 * as it is kept.
 */
record Packed(byte[] gzip, long length) {

    /** Sends it as it is kept to a browser that accepts gzip; unpacked while sent to any other. */
    void send(HttpExchange exchange, String type) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("Vary", "Accept-Encoding");
        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        boolean packed = accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
        long sent = packed ? gzip.length : length;
        if (packed) {
            headers.set("Content-Encoding", "gzip");
        }
        if (exchange.getRequestMethod().equals("HEAD")) {
            headers.set("Content-Length", Long.toString(sent));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, sent);
        try (OutputStream out = exchange.getResponseBody()) {
            if (packed) {
                out.write(gzip);
            } else {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip), 1 << 16)) {
                    in.transferTo(out);
                }
            }
        }
    }

    /** Markup compressed as it is written; once closed, {@link #packed} (and added to {@code done}, if given). */
    static final class Packing extends FilterOutputStream {
        private final ByteArrayOutputStream bytes;
        private final List<Packed> done;
        private long count;
        private Packed packed;

        Packing(List<Packed> done) {
            this(new ByteArrayOutputStream(1 << 16), done);
        }

        private Packing(ByteArrayOutputStream bytes, List<Packed> done) {
            super(fastGzip(bytes));
            this.bytes = bytes;
            this.done = done;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            if (packed != null) {
                return;
            }
            super.close();
            packed = new Packed(bytes.toByteArray(), count);
            if (done != null) {
                done.add(packed);
            }
        }

        Packed packed() {
            return packed;
        }

        private static OutputStream fastGzip(ByteArrayOutputStream bytes) {
            try {
                return new FastGzip(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("a stream in memory cannot fail", e);
            }
        }
    }

    /** Compresses at the fastest level: the page is made on every change, and loopback is fast. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
