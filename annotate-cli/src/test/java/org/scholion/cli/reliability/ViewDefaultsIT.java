package org.scholion.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholion.core.store.AnnotationFile;
import org.scholion.seeds.Seeds;

/**
 * {@code annotate view} without options listens on loopback only: its address is 127.0.0.1, it
 * answers there, and the machine's other addresses refuse the connection. The process is stopped by
 * the test.
 */
class ViewDefaultsIT {
    @TempDir
    Path dir;

    @Test
    void theViewerListensOnLoopbackByDefault() throws Exception {
        Path file = dir.resolve("seed.scholion.json");
        AnnotationFile.at(file).create(Seeds.referenceAnnotation(), false);
        Process p = Cli.annotate("view", file.toString(), "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                        try {
                            return out.readLine();
                        } catch (java.io.IOException e) {
                            return null;
                        }
                    })
                    .get(2, TimeUnit.MINUTES);
            assertThat(line).startsWith("http://127.0.0.1:");
            URI uri = URI.create(line.strip());
            HttpURLConnection c = (HttpURLConnection)
                    uri.resolve("/assets/scholion.css").toURL().openConnection();
            assertThat(c.getResponseCode()).isEqualTo(200);
            c.disconnect();
            List<InetAddress> others = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                    .toList();
            for (InetAddress other : others) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(other, uri.getPort()), 2_000);
                    throw new AssertionError("the viewer answered on " + other.getHostAddress());
                } catch (ConnectException refused) {
                    // as it should
                }
            }
            System.out.println("ViewDefaultsIT: listening on " + line.strip() + "; refused on " + others);
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
