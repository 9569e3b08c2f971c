package org.scholion.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load on one URL: {@code N} GET requests from {@code C} concurrent clients over
 * keep-alive connections, stopping after {@code N} requests or {@code MAX_SECONDS}, whichever
 * comes first. The URL's redirects are followed once, before the load; an optional relative path
 * is then resolved against where they led (the viewer sends {@code /} to the document's page). Prints one tab-separated line: name, url, requests, concurrency, seconds,
 * requests per second, median and 99th-percentile latency in ms, non-200 answers, bytes per answer.
 */
public final class LoadGenerator {
    private LoadGenerator() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: LoadGenerator NAME URL REQUESTS CONCURRENCY [MAX_SECONDS [RELATIVE_PATH]]");
            System.exit(2);
        }
        String name = args[0];
        URI uri = URI.create(args[1]);
        int requests = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        double maxSeconds = args.length > 4 ? Double.parseDouble(args[4]) : 30;

        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        // one unmeasured request, so the first figure is not the server's class loading
        uri = client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
                .uri();
        if (args.length > 5) {
            uri = uri.resolve(args[5]);
            client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding());
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();

        AtomicInteger issued = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        long[] latencies = new long[requests];
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + (long) (maxSeconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                while (issued.getAndIncrement() < requests && System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<InputStream> response =
                                client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                        long n;
                        try (InputStream body = response.body()) {
                            n = body.transferTo(new CountingOutputStream());
                        }
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                        bytes.addAndGet(n);
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    }
                    latencies[done.getAndIncrement()] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        int count = done.get();
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%s\t%s\t%d\t%d\t%.2f\t%.1f\t%.2f\t%.2f\t%d\t%d%n",
                name,
                uri,
                count,
                concurrency,
                seconds,
                count / seconds,
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                failures.get(),
                count == 0 ? 0 : bytes.get() / count);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
