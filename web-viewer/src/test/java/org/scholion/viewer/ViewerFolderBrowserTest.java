package org.scholion.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.scholion.core.corpus.Status;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.testing.RequiredTools;
import org.scholion.seeds.Seeds;

/**
 * The viewer over a folder in a real headless Chromium: the index with its bars and statistics, a
 * search whose result opens the document at the span, hostile text staying text in the results,
 * and a file written into the folder appearing on the open index without a reload. Skips where
 * Chromium is absent unless {@code SCHOLION_REQUIRE_TOOLS=1}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ViewerFolderBrowserTest {
    Path folder;
    Viewer viewer;
    WebDriver driver;
    JavascriptExecutor js;

    @BeforeAll
    void start() throws Exception {
        RequiredTools.executables(
                "Chromium or chromedriver is missing (" + ViewerBrowserTest.CHROMIUM + ", "
                        + ViewerBrowserTest.CHROMEDRIVER
                        + "): install the Debian packages chromium and chromium-driver",
                ViewerBrowserTest.CHROMIUM,
                ViewerBrowserTest.CHROMEDRIVER);
        folder = Files.createTempDirectory("scholion-folder-browser");
        Path corpus = Files.createDirectories(folder.resolve("corpus"));
        Samples.seed(corpus);
        Samples.hostile(corpus);
        Path lines = Samples.lines(Files.createDirectories(corpus.resolve("sub")), "lf", "\n");
        Status.set(AnnotationFile.at(lines), Status.Stage.REVIEWED, "reviewer", Instant.parse("2026-01-02T03:04:05Z"));
        Files.writeString(corpus.resolve("broken.scholion.json"), "{ not json", StandardCharsets.UTF_8);
        viewer = Viewer.serve(List.of(corpus.toString()), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Path home = Files.createDirectories(folder.resolve("home"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ViewerBrowserTest.CHROMEDRIVER.toFile())
                .withEnvironment(Map.of("HOME", home.toString()))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ViewerBrowserTest.CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--window-size=1280,900",
                "--user-data-dir=" + Files.createDirectories(folder.resolve("profile")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
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

    private void open(String url) {
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "true".equals(js.executeScript("return document.documentElement.dataset.ready || null")));
    }

    private long count(String selector) {
        return (Long) js.executeScript("return document.querySelectorAll(arguments[0]).length", selector);
    }

    private double width(String selector) {
        return ((Number) js.executeScript(
                        "return document.querySelector(arguments[0]).getBoundingClientRect().width", selector))
                .doubleValue();
    }

    /** The page's own errors and policy violations (an inline style the policy refused would show here). */
    private void assertQuietConsole() {
        List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
        assertThat(entries)
                .filteredOn(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .filteredOn(e -> !e.getMessage().contains("favicon.ico"))
                .as("browser console")
                .isEmpty();
    }

    private void search(String words) {
        WebElement box = driver.findElement(By.id("sq"));
        box.clear();
        box.sendKeys(words);
        driver.findElement(By.cssSelector("#search button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> String.valueOf(js.executeScript("return document.getElementById('found').textContent"))
                        .contains("found in"));
    }

    @Test
    @Order(1)
    void theIndexShowsEveryDocumentItsStatusBarsAndTheStatistics() {
        open(viewer.uri().toString());
        assertThat(count("li.doc")).isEqualTo(4);
        assertThat(count("li.doc a[href^=\"/doc/\"]")).isEqualTo(3);
        WebElement broken = driver.findElement(By.cssSelector("li.doc.failed"));
        assertThat(broken.getText())
                .contains("unreadable")
                .contains("broken.scholion.json")
                .contains("malformed JSON");
        assertThat(driver.findElement(By.cssSelector("li.doc[data-slug=\"lf\"] .status"))
                        .getText())
                .isEqualTo("reviewed");
        assertThat(driver.findElement(By.cssSelector(".stats .totals")).getText())
                .isEqualTo("3 documents \u00b7 185 spans \u00b7 47 relations \u00b7 1 unreadable");
        assertThat(driver.findElement(By.cssSelector(".stages")).getText())
                .contains("todo")
                .contains("reviewed");
        // the bar of the hostile document: two spans of one label, one of the other, drawn two to one
        String hostile = "li.doc[data-slug=\"hostile\"] .bar rect";
        double first = width(hostile + ":nth-of-type(1)");
        double second = width(hostile + ":nth-of-type(2)");
        assertThat(first + second).isCloseTo(width("li.doc[data-slug=\"hostile\"] .bar"), within(1.0));
        assertThat(first / second).isCloseTo(2.0, within(0.05));
        String fill = (String) js.executeScript(
                "return getComputedStyle(arguments[0]).fill",
                driver.findElement(By.cssSelector(hostile + ":nth-of-type(2)")));
        assertThat(fill).isEqualTo("rgb(68, 119, 170)");
        assertThat(count("img")).isZero();
        assertQuietConsole();
    }

    @Test
    @Order(2)
    void aSearchFindsSpansAcrossTheCorpusAndItsResultOpensTheSpan() {
        open(viewer.uri().toString());
        search("zelensky");
        long hits = count("#results li");
        assertThat(hits).isPositive();
        WebElement link = driver.findElement(By.cssSelector("#results li a"));
        String href = link.getAttribute("href");
        assertThat(href).startsWith(viewer.uri() + "doc/" + Seeds.ARTICLE_ID + "/#e-s");
        assertThat(link.findElement(By.tagName("mark")).getText()).containsIgnoringCase("zelensky");
        String span = href.substring(href.indexOf("#e-") + 3);
        link.click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "true".equals(js.executeScript("return document.documentElement.dataset.ready || null"))
                        && count("li.en.sel") == 1);
        assertThat(driver.getCurrentUrl()).isEqualTo(href);
        assertThat(driver.findElement(By.cssSelector("li.en.sel")).getAttribute("id"))
                .isEqualTo("e-" + span);
        assertQuietConsole();
    }

    @Test
    @Order(3)
    void hostileTextInResultsStaysText() {
        open(viewer.uri().toString());
        search(Samples.SCRIPT);
        assertThat(count("#results li")).isEqualTo(1);
        assertThat(driver.findElement(By.cssSelector("#results mark")).getText())
                .isEqualTo(Samples.SCRIPT);
        assertThat(driver.findElement(By.cssSelector("#results .meta")).getText())
                .startsWith("Title " + Samples.SCRIPT + Samples.IMG);
        assertThat(count("#results script, #results img")).isZero();
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        search("no such words anywhere");
        assertThat(driver.findElement(By.id("found")).getText()).startsWith("No span found in 3 documents");
        assertQuietConsole();
    }

    @Test
    @Order(4)
    void aFileWrittenIntoTheFolderAppearsOnTheOpenIndex() throws Exception {
        open(viewer.uri().toString());
        js.executeScript("window.sameScholionPage = true");
        Path fresh = folder.resolve("corpus").resolve("later").resolve("fresh.scholion.json");
        Files.createDirectories(fresh.getParent());
        long begin = System.nanoTime();
        AnnotationFile.at(fresh)
                .create(
                        AnnotatedDocument.of(
                                        new Document(
                                                "fresh",
                                                "Written while watching",
                                                null,
                                                "text/plain",
                                                "en",
                                                Map.of(),
                                                "Ada Lovelace wrote the first program."),
                                        List.of(Seeds.labelSet("entities").orElseThrow()))
                                .withSpan(Span.of("s1", 0, 12, "PERSON")),
                        false);
        new WebDriverWait(driver, Duration.ofSeconds(5), Duration.ofMillis(20))
                .until(d -> count("li.doc[data-slug=\"fresh\"]") == 1);
        System.out.println("folder view: a new file showed on the index " + (System.nanoTime() - begin) / 1_000_000
                + " ms after it was written");
        assertThat((Boolean) js.executeScript("return window.sameScholionPage === true"))
                .as("no reload")
                .isTrue();
        assertThat(driver.findElement(By.cssSelector("li.doc[data-slug=\"fresh\"] a"))
                        .getText())
                .isEqualTo("Written while watching");
        assertThat(driver.findElement(By.cssSelector(".stats .totals")).getText())
                .startsWith("4 documents \u00b7 186 spans");
        assertThat(driver.findElement(By.id("live")).getText()).startsWith("Live");
        search("lovelace");
        assertThat(count("#results li")).isEqualTo(1);
        driver.findElement(By.cssSelector("#results li a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> count("li.en.sel") == 1);
        assertThat(driver.getCurrentUrl()).endsWith("/doc/fresh/#e-s1");
        assertQuietConsole();
    }
}
