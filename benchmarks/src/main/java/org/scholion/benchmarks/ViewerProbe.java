package org.scholion.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * How long a page takes to become interactive in headless Chromium, measured inside the page from
 * navigation start: the later of the load event, the first task the main thread runs after it,
 * and the last DOM change before 300 ms of quiet (a page that renders from fetched data is not
 * ready before that). Browser start-up is not counted. Prints one tab-separated line per run:
 * name, run, DOM interactive, DOMContentLoaded end, load end, interactive (ms), elements. No run
 * starts after {@code BUDGET_SECONDS}, so a slow page yields fewer runs rather than none.
 */
public final class ViewerProbe {
    private static final String MEASURE = """
            const done = arguments[arguments.length - 1];
            const nav = performance.getEntriesByType('navigation')[0];
            let lastChange = 0;
            const observer = new MutationObserver(() => { lastChange = performance.now(); });
            observer.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
            let firstTask = 0;
            setTimeout(() => { firstTask = performance.now(); }, 0);
            const began = performance.now();
            function check() {
              const now = performance.now();
              const quietSince = Math.max(lastChange, firstTask);
              // a large document's page fetches its spans: not ready before its script says so
              const fetched = !document.body || !document.body.dataset.source
                  || document.documentElement.dataset.ready === 'true';
              if ((firstTask > 0 && fetched && now - quietSince >= 300) || now - began > 20000) {
                observer.disconnect();
                requestAnimationFrame(() => setTimeout(() => done({
                  domInteractive: nav.domInteractive, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
                  interactive: Math.max(nav.loadEventEnd, firstTask, lastChange),
                  elements: document.getElementsByTagName('*').length,
                  dataFetches: performance.getEntriesByType('resource').filter(e => e.name.indexOf('/data/') >= 0).length}), 0));
              } else {
                setTimeout(check, 25);
              }
            }
            check();
            """;

    private ViewerProbe() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: ViewerProbe NAME URL RUNS [BUDGET_SECONDS]");
            System.exit(2);
        }
        String name = args[0];
        String url = args[1];
        int runs = Integer.parseInt(args[2]);
        long budgetEnd = System.nanoTime() + (long) ((args.length > 3 ? Double.parseDouble(args[3]) : 600) * 1e9);
        System.setProperty(
                "webdriver.chrome.driver", System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
        Path profile = Files.createTempDirectory("scholion-bench-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        ChromeDriver driver = new ChromeDriver(options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
            for (int run = 0; run <= runs && (run < 2 || System.nanoTime() < budgetEnd); run++) {
                driver.get("about:blank");
                driver.get(url);
                @SuppressWarnings("unchecked")
                Map<String, Object> t = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(MEASURE);
                if (run == 0) {
                    continue; // the first load warms the browser and the server
                }
                System.out.printf(
                        Locale.ROOT,
                        "%s\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%s\t%s%n",
                        name,
                        run,
                        number(t, "domInteractive"),
                        number(t, "dcl"),
                        number(t, "load"),
                        number(t, "interactive"),
                        t.get("elements"),
                        t.get("dataFetches"));
            }
        } finally {
            driver.quit();
            deleteTree(profile);
        }
    }

    private static double number(Map<String, Object> values, String key) {
        Object v = values.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // the browser may still be letting go of its profile; it is a temporary folder
        }
    }
}
