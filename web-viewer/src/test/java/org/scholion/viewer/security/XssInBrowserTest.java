package org.scholion.viewer.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.testing.RequiredTools;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.Format;
import org.scholion.viewer.Viewer;

/**
 * Script payloads in the text, title, label names and descriptions, notes, annotator, metadata and
 * {@code javascript:} IRIs, opened in a real headless Chromium (served by the viewer, and as the
 * standalone HTML export from disk), with every span hovered and clicked: no payload runs. Each
 * payload would set {@code window.__pwned} or raise an alert if it did. Skips without Chromium
 * unless {@code SCHOLION_REQUIRE_TOOLS=1}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XssInBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static final String JS_LINK = "javascript:window.__pwned=('link')";
    static final String QUOTE_LINK = "wd:x'onmouseover='window.__pwned=(1)'";
    static final String AMP_LINK = "https://example.org/?a=1&lt;script&gt;'";

    Path folder;
    Viewer viewer;
    WebDriver driver;
    JavascriptExecutor js;
    AnnotatedDocument doc;

    static AnnotatedDocument payloads() {
        String text = "Hello <script>window.__pwned='text'</script> and \"><svg onload=\"window.__pwned='svg'\"> "
                + "then <img src=x onerror=\"window.__pwned='img'\"> and {{constructor.constructor('window.__pwned=1')()}}"
                + " and ${window.__pwned='tpl'} and </textarea><script>alert('ta')</script> end 😀 Zoë.";
        Document d = new Document(
                "xss",
                "<img src=x onerror=\"window.__pwned='title'\"></title><script>alert('t')</script>",
                "javascript:window.__pwned='doc-iri'",
                "text/plain",
                "en",
                Map.of("source", "<script>window.__pwned='meta'</script>", "author", "\"><svg/onload=alert('a')>"),
                text);
        LabelSet set = new LabelSet(
                "x",
                List.of(
                        new Label(
                                "<img src=x onerror=\"window.__pwned='label'\">",
                                "#CC3311",
                                "</script><script>window.__pwned='desc'</script>",
                                "k",
                                "javascript:window.__pwned='label-iri'"),
                        new Label(
                                "'-alert('q')-'",
                                "#4477AA",
                                "<iframe srcdoc=\"<script>parent.__pwned='srcdoc'</script>\">",
                                null,
                                "javascript:alert('iri2')")),
                List.of(),
                // a prefix may be called javascript: its links still expand to an https IRI
                Map.of("javascript", "https://example.org/js/", "wd", "https://example.org/entity/"));
        Instant when = Instant.parse("2026-11-24T10:00:00Z");
        String l1 = set.labels().get(0).name();
        String l2 = set.labels().get(1).name();
        int script = text.indexOf("<script>");
        int img = text.indexOf("<img");
        return AnnotatedDocument.of(d, List.of(set))
                .withSpan(new Span(
                        "s1",
                        0,
                        5,
                        l1,
                        "<img src=x onerror=\"window.__pwned='note'\">",
                        "<script>window.__pwned='annotator'</script>",
                        when,
                        false))
                .withSpan(new Span(
                        "s2",
                        script,
                        script + 41,
                        l2,
                        "\"><iframe src=\"javascript:parent.__pwned='note2'\">",
                        "'\"><b onmouseover=\"window.__pwned='who'\">x</b>",
                        when,
                        true))
                .withSpan(new Span("s3", img, img + 20, l1, "javascript:window.__pwned='note3'", null, null, false)
                        .withAttribute(
                                "<script>alert('name')</script>", "<img src=x onerror=\"window.__pwned='attr'\">")
                        .withLink(JS_LINK)
                        .withLink(QUOTE_LINK)
                        .withLink(AMP_LINK))
                .withRelation(new Relation("r1", "said-by", "s2", "s1"));
    }

    @BeforeAll
    void start() throws Exception {
        RequiredTools.executables(
                "Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "): install the Debian packages chromium and chromium-driver",
                CHROMIUM,
                CHROMEDRIVER);
        folder = Files.createTempDirectory("scholion-xss");
        doc = payloads();
        Path file = folder.resolve("xss.scholion.json");
        AnnotationFile.at(file).create(doc, false);
        viewer = Viewer.start(List.of(file), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Path home = Files.createDirectories(folder.resolve("home"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .withEnvironment(Map.of("HOME", home.toString()))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                "--user-data-dir=" + Files.createDirectories(folder.resolve("profile")));
        driver = new ChromeDriver(service, options);
        js = (JavascriptExecutor) driver;
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (viewer != null) {
            viewer.close();
        }
    }

    @Test
    void noPayloadRunsInTheViewer() {
        for (var uri : List.of(viewer.uri(), viewer.documentUris().get(0))) {
            attack(uri.toString());
        }
    }

    @Test
    void noPayloadRunsInTheStandaloneHtml() throws Exception {
        Path html = folder.resolve("xss.html");
        try (OutputStream out = Files.newOutputStream(html)) {
            Exporters.of(Format.HTML)
                    .export(
                            doc,
                            ExportOptions.builder().includeSuggestions(true).build(),
                            out);
        }
        attack(html.toUri().toString());
    }

    @Test
    void linksAreTextWithSafeTargetsInTheViewerAndTheStandaloneHtml() throws Exception {
        Path html = folder.resolve("links.html");
        try (OutputStream out = Files.newOutputStream(html)) {
            Exporters.of(Format.HTML).export(doc, ExportOptions.DEFAULT, out);
        }
        for (String url :
                List.of(viewer.documentUris().get(0).toString(), html.toUri().toString())) {
            driver.get(url);
            new WebDriverWait(driver, Duration.ofSeconds(15))
                    .until(d -> "complete".equals(js.executeScript("return document.readyState")));
            @SuppressWarnings("unchecked")
            List<List<String>> links = (List<List<String>>) js.executeScript("""
                    return Array.from(document.querySelectorAll('#e-s3 .attrs a')).map(a =>
                      [a.textContent, a.getAttribute('href'), a.rel, a.children.length + ''])""");
            assertThat(links)
                    .as("links of s3 in %s", url)
                    .containsExactly(
                            List.of(
                                    JS_LINK,
                                    "https://example.org/js/window.__pwned=('link')",
                                    "noopener noreferrer",
                                    "0"),
                            List.of(
                                    QUOTE_LINK,
                                    "https://example.org/entity/x'onmouseover='window.__pwned=(1)'",
                                    "noopener noreferrer",
                                    "0"),
                            List.of(AMP_LINK, AMP_LINK, "noopener noreferrer", "0"));
            String attributes =
                    (String) js.executeScript("return document.querySelector('#e-s3 .attrs .attr').textContent");
            assertThat(attributes)
                    .isEqualTo("<script>alert('name')</script>=<img src=x onerror=\"window.__pwned='attr'\">");
            assertThat(js.executeScript("return document.querySelectorAll('#e-s3 .attrs *').length"))
                    .isEqualTo(4L);
            assertThat(js.executeScript("return window.__pwned === undefined ? null : String(window.__pwned)"))
                    .isNull();
        }
    }

    /** The check itself can fail: a page that does run a payload is caught. */
    @Test
    void theCanaryCatchesAPayloadThatRuns() throws Exception {
        Path page = folder.resolve("vulnerable.html");
        Files.writeString(
                page,
                "<!DOCTYPE html><html><body><p>&lt;script&gt;window.__pwned='text'&lt;/script&gt;</p>"
                        + "<img src=x onerror=\"window.__pwned='canary'\"></body></html>");
        assertThatThrownBy(() -> attack(page.toUri().toString()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a payload ran");
    }

    private void attack(String url) {
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> "complete".equals(js.executeScript("return document.readyState")));
        // hover, focus and click everything a reader could, so that tooltips, notes and dialogs render
        js.executeScript("""
                for (const el of document.querySelectorAll('body *')) {
                  for (const type of ['mouseover', 'mouseenter', 'focus', 'click', 'dblclick']) {
                    try { el.dispatchEvent(new MouseEvent(type, {bubbles: true})); } catch (e) {}
                  }
                }""");
        sleep(300);
        assertNoAlert(url);
        assertThat(js.executeScript("return window.__pwned === undefined ? null : String(window.__pwned)"))
                .as("a payload ran in %s", url)
                .isNull();
        Long javascriptLinks = (Long) js.executeScript(
                "return document.querySelectorAll('[href^=\"javascript:\" i], [src^=\"javascript:\" i], "
                        + "iframe, [onerror], [onload], [onmouseover]').length");
        assertThat(javascriptLinks)
                .as("no javascript: link, iframe or inline handler made from data in %s", url)
                .isZero();
        String visible = (String) js.executeScript("return document.body.innerText");
        assertThat(visible).as("the payloads show as text").contains("<script>window.__pwned='text'</script>");
    }

    private void assertNoAlert(String url) {
        try {
            String text = driver.switchTo().alert().getText();
            driver.switchTo().alert().dismiss();
            throw new AssertionError("an alert ran in " + url + ": " + text);
        } catch (NoAlertPresentException expected) {
            // good
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
