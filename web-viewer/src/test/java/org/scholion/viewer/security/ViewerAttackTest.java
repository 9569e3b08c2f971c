package org.scholion.viewer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.viewer.Viewer;

/**
 * The viewer under attack over raw sockets, so that nothing normalises the request first: path
 * traversal in every encoding towards a secret file planted beside the served one, methods other
 * than GET and HEAD, oversized addresses and headers, a foreign Host, floods of connections and
 * slow clients. Nothing leaks, the server stays up on loopback, and every test ends by itself.
 */
@Timeout(120)
class ViewerAttackTest {
    private static final String SECRET = "TOP-SECRET-7f3a9c";
    /** The one document's page (the index redirects to it). */
    private static final String PAGE = "/doc/doc/";

    private static Path folder;
    private static Viewer viewer;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        folder = Files.createTempDirectory("scholion-attack");
        Files.writeString(folder.resolve("secret.txt"), SECRET);
        Files.writeString(folder.resolve("passwd"), SECRET);
        Path file = folder.resolve("doc.scholion.json");
        AnnotationFile.at(file)
                .create(
                        AnnotatedDocument.of(
                                        Document.of("doc", "Some text to serve."),
                                        List.of(LabelSet.of("l", Label.of("PERSON", "#4477AA"))))
                                .withSpan(Span.of("s1", 0, 4, "PERSON")),
                        false);
        viewer = Viewer.start(List.of(file), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        port = viewer.uri().getPort();
        assertThat(viewer.uri().getHost()).isEqualTo("127.0.0.1");
    }

    @AfterAll
    static void stop() {
        if (viewer != null) {
            viewer.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/secret.txt",
                "/../secret.txt",
                "/doc/../../secret.txt",
                "/doc/doc/../../secret.txt",
                "/%2e%2e/secret.txt",
                "/%2E%2E%2Fsecret.txt",
                "/doc/doc/%2e%2e%2f%2e%2e%2fsecret.txt",
                "/..%5csecret.txt",
                "/..\\secret.txt",
                "/%252e%252e/secret.txt",
                "/%c0%ae%c0%ae/secret.txt",
                "/%c0%afsecret.txt",
                "/%e0%80%ae%e0%80%ae/secret.txt",
                "/%u002e%u002e/secret.txt",
                "/assets/../secret.txt",
                "/assets/..%2fsecret.txt",
                "/assets/%2e%2e/secret.txt",
                "//secret.txt",
                "/./secret.txt",
                "/doc/doc/..;/..;/secret.txt",
                "/doc/%00/../secret.txt",
                "/doc/doc%00.json",
                "/doc.scholion.json",
                "/doc/doc/download/../../../secret.txt",
                "/passwd",
                "/../../../../../../../../etc/passwd",
                "/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "/file:///etc/passwd",
                "http://127.0.0.1/../secret.txt",
                "/doc/doc/?file=../../secret.txt",
                "/%2fetc%2fpasswd",
                "/doc/\u2025/secret.txt"
            })
    void traversalInAnyEncodingNeverReachesAFile(String target) throws Exception {
        String response =
                request("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
        assertThat(response).doesNotContain(SECRET, "root:x:0:0", "\"format\" : \"scholion/1\"");
        int status = status(response);
        assertThat(status).as(firstLine(response)).isIn(-1, 200, 301, 400, 404, 414);
        if (status == 200) {
            // only a page of the served document may answer (a query string is ignored, never a file name)
            assertThat(response).contains("text to serve.");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "POST",
                "PUT",
                "DELETE",
                "PATCH",
                "OPTIONS",
                "TRACE",
                "CONNECT",
                "PROPFIND",
                "MKCOL",
                "FOO",
                "get"
            })
    void onlyGetAndHeadAreServed(String method) throws Exception {
        String target = method.equals("CONNECT") ? "127.0.0.1:" + port : "/";
        String response = request(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nX-Canary: echo-me\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");
        int status = status(response);
        assertThat(status).as(firstLine(response)).isIn(-1, 400, 405, 501);
        assertThat(response).as("TRACE must not echo the request").doesNotContain("echo-me");
    }

    @Test
    void oversizedAddressesAndHeadersAreRefusedAndTheServerStaysUp() throws Exception {
        String longTarget = "/" + "a".repeat(100_000);
        assertThat(status(request("GET " + longTarget + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")))
                .isIn(-1, 400, 414);
        String bigHeader = "X-Big: " + "b".repeat(1 << 20) + "\r\n";
        assertThat(status(request("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + bigHeader + "\r\n")))
                .isIn(-1, 400, 413, 431);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        assertThat(status(request("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + many + "\r\n")))
                .isIn(-1, 400, 431);
        assertThat(status(request("GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")))
                .as("DNS rebinding: a foreign Host gets nothing")
                .isIn(400, 403, 421);
        assertThat(status(request("GARBAGE\r\n\r\n"))).isIn(-1, 400);
        assertThat(status(get(PAGE))).isEqualTo(200);
    }

    @Test
    void aFloodOfConcurrentRequestsIsServedOrShedAndTheServerRecovers() throws Exception {
        int before = Thread.activeCount();
        ExecutorService clients = Executors.newFixedThreadPool(64);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String target = i % 2 == 0 ? "/assets/scholion.css" : PAGE;
            results.add(clients.submit(() -> status(get(target))));
        }
        int ok = 0;
        int shed = 0;
        for (Future<Integer> f : results) {
            int status = f.get(60, TimeUnit.SECONDS);
            if (status == 200) {
                ok++;
            } else {
                assertThat(status).isIn(-1, 503);
                shed++;
            }
        }
        clients.shutdown();
        // the clients' own 64 threads are not the server's: let them end before counting
        assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        System.out.printf("ViewerAttackTest: 400 concurrent requests: %d served, %d shed%n", ok, shed);
        assertThat(ok).isGreaterThan(0);
        assertThat(status(get(PAGE))).isEqualTo(200);
        assertThat(Thread.activeCount()).as("the server's threads are bounded").isLessThan(before + 40);
    }

    @Test
    void slowClientsHoldingConnectionsDoNotLockOthersOutForLong() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
                s.getOutputStream()
                        .write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().flush();
                slow.add(s);
            }
            long start = System.nanoTime();
            int status = -1;
            while (status != 200 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(45)) {
                status = status(get(PAGE));
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            System.out.println("ViewerAttackTest: with 100 slow clients connected, a normal request got " + status
                    + " after " + seconds + " s");
            assertThat(status).isEqualTo(200);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
        assertThat(status(get(PAGE))).isEqualTo(200);
    }

    private static String get(String target) {
        try {
            return request("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
        } catch (IOException e) {
            return "";
        }
    }

    /** Sends raw bytes and reads what comes back until the server closes or 15 s pass; "" when it closed first. */
    static String request(String raw) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException closedWhileSending) {
                // the server may refuse before reading everything
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0 && got.size() < (4 << 20); ) {
                    got.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // keep what came
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    static int status(String response) {
        if (!response.startsWith("HTTP/1.")) {
            return -1;
        }
        return Integer.parseInt(response.substring(9, 12));
    }

    private static String firstLine(String response) {
        int cut = response.indexOf('\r');
        return cut < 0 ? response : response.substring(0, cut);
    }
}
