package org.scholion.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.testing.RequiredTools;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.Format;
import org.scholion.seeds.Seeds;

/**
 * The viewer in a real headless Chromium, one browser session for every check: toggles, selection,
 * tooltips, the live update after an edit by another writer, hostile text staying inert in the
 * viewer and in the standalone file, and a phone-sized window. Skips where Chromium is absent
 * unless {@code SCHOLION_REQUIRE_TOOLS=1}. {@code -Dviewer.screenshot=FILE} also saves a screenshot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ViewerBrowserTest {
    /** How many markers in the text carry another number than their entry in the list. */
    private static final String MARKERS_NOT_NUMBERED_AS_THEIR_ENTRIES =
            "var n = new Map(); document.querySelectorAll('li.en').forEach(function (li) {"
                    + " n.set(li.dataset.s, li.dataset.n); });"
                    + " return Array.from(document.querySelectorAll('#text .mk')).filter(function (mk) {"
                    + " var id = mk.getAttribute('href').slice(3); return n.has(id) && n.get(id) !== mk.textContent;"
                    + " }).length";

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    Path folder;
    Path seedFile;
    Viewer viewer;
    WebDriver driver;
    JavascriptExecutor js;

    @BeforeAll
    void start() throws Exception {
        RequiredTools.executables(
                "Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "): install the Debian packages chromium and chromium-driver",
                CHROMIUM,
                CHROMEDRIVER);
        folder = Files.createTempDirectory("scholion-browser");
        seedFile = Samples.seed(folder);
        viewer = Viewer.start(
                List.of(
                        seedFile,
                        Samples.hostile(folder),
                        Samples.lines(folder, "lf", "\n"),
                        Samples.lines(folder, "crlf", "\r\n"),
                        Samples.lines(folder, "cr", "\r")),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
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
    void stop() throws IOException {
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

    private String labelClass(String label) {
        return (String) js.executeScript(
                "return document.querySelector('input[data-label-toggle=\"' + arguments[0] + '\"]').closest('.lg')"
                        + ".querySelector('.sw').classList[1]",
                label);
    }

    /** The page's own errors and policy violations: there must be none. */
    private void assertQuietConsole() {
        List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
        assertThat(entries)
                .filteredOn(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .filteredOn(e -> !e.getMessage().contains("favicon.ico"))
                .as("browser console")
                .isEmpty();
    }

    private void assertNoAlert() {
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    @Order(1)
    void loadsTheSeedArticleWithEverySpan() throws Exception {
        long start = System.nanoTime();
        open(viewer.documentUris().get(0).toString());
        long wall = (System.nanoTime() - start) / 1_000_000;
        Object interactive = js.executeScript(
                "var n = performance.getEntriesByType('navigation')[0]; return [n.domInteractive, n.loadEventEnd];");
        System.out.println("seed page interactive (domInteractive, loadEventEnd ms): " + interactive
                + "; driver.get to ready: " + wall + " ms");
        assertThat(count("li.en")).isEqualTo(181);
        assertThat(count(".mk")).isEqualTo(181);
        assertThat(count(".relations li")).isEqualTo(46);
        assertThat(driver.findElement(By.id("shown")).getText()).isEqualTo("181");
        // the relations in words, made by the script from the data block as the brief's table has them
        Object rels =
                js.executeScript("return Array.from(document.querySelectorAll('.en .rels li'), e => e.textContent)");
        assertThat((List<?>) rels)
                .hasSize(92)
                .allSatisfy(r -> assertThat(String.valueOf(r))
                        .matches("(said-by|attributed-to) #\\d+ \\(.+\\)|#\\d+ \\(.+\\) (said-by|attributed-to) this"));
        String fill = (String)
                js.executeScript("return getComputedStyle(document.querySelector('.fr.f, .fr .f')).backgroundColor");
        assertThat(fill).as("label colours come from labels.css").isNotEqualTo("rgba(0, 0, 0, 0)");
        assertQuietConsole();
        String screenshot = System.getProperty("viewer.screenshot", "");
        if (!screenshot.isEmpty()) {
            ChromeDriver chrome = (ChromeDriver) driver;
            chrome.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
            Files.write(Path.of(screenshot), chrome.getScreenshotAs(OutputType.BYTES));
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    @Order(2)
    void togglingALabelHidesItsHighlightsAndTogglingItBackRestoresThem() {
        String location = labelClass("LOCATION");
        String inText = "#text .fr." + location + ", #text .fr ." + location;
        long before = count(inText);
        assertThat(before).isGreaterThanOrEqualTo(42);
        WebElement box = driver.findElement(By.cssSelector("input[data-label-toggle=\"LOCATION\"]"));
        box.click();
        assertThat(count(inText)).isZero();
        assertThat(count("li.en[data-label=\"LOCATION\"]:not([hidden])")).isZero();
        assertThat(count(".mk." + location + ":not([hidden])")).isZero();
        assertThat(driver.findElement(By.id("shown")).getAttribute("textContent"))
                .isEqualTo("139 of 181");
        WebElement set = driver.findElement(By.cssSelector("input[data-set-toggle=\"entities\"]"));
        assertThat((Boolean) js.executeScript("return arguments[0].indeterminate", set))
                .isTrue();
        box.click();
        assertThat(count(inText)).isEqualTo(before);

        set.click();
        assertThat(count("li.en[data-set=\"entities\"]:not([hidden])")).isZero();
        set.click();
        assertThat(count("li.en:not([hidden])")).isEqualTo(181);
    }

    @Test
    @Order(3)
    void theFilterBoxAndASelectionWorkWithMouseAndKeyboard() {
        WebElement filter = driver.findElement(By.id("q"));
        filter.sendKeys("zelensky");
        assertThat(count("li.en:not([hidden])")).isBetween(1L, 20L);
        filter.clear();
        filter.sendKeys(" ");
        js.executeScript(
                "var q = document.getElementById('q'); q.value = ''; q.dispatchEvent(new Event('input', {bubbles: true}));");
        assertThat(count("li.en:not([hidden])")).isEqualTo(181);

        WebElement fragment = driver.findElement(By.cssSelector(".fr[data-s~=\"s5\"]"));
        fragment.click();
        assertThat(count("li.en.sel")).isEqualTo(1);
        assertThat(count(".fr.hit")).isGreaterThanOrEqualTo(1);

        WebElement marker = driver.findElement(By.cssSelector(".mk[href=\"#e-s4\"]"));
        js.executeScript("arguments[0].focus()", marker);
        WebElement tip = driver.findElement(By.id("tip"));
        assertThat(tip.isDisplayed()).isTrue();
        assertThat(tip.getText())
                .contains("Name_Calling,Labeling")
                .contains("code points 23\u201331")
                .contains("scholion-seed");
    }

    @Test
    @Order(4)
    void showsASpanAddedByAnotherWriterWithinTwoSeconds() throws Exception {
        open(viewer.documentUris().get(0).toString());
        js.executeScript("document.querySelector('input[data-label-toggle=\"LOCATION\"]').click()");
        long begin = System.nanoTime();
        AnnotationFile.at(seedFile)
                .update(
                        "add a span",
                        doc -> doc.withSpan(new Span(
                                doc.nextSpanId(), 1, 3, "PERSON", "added while watching", "tester", null, false)));
        long written = System.nanoTime();
        // LOCATION is off, so the count reads "N of 182" and LOCATION's rows are not drawn
        new WebDriverWait(driver, Duration.ofMillis(2500), Duration.ofMillis(20))
                .until(d -> String.valueOf(js.executeScript("return document.getElementById('shown').textContent"))
                        .endsWith(" of 182"));
        System.out.println("live update: the file write took " + (written - begin) / 1_000_000
                + " ms, the page showed the new span " + (System.nanoTime() - written) / 1_000_000 + " ms later");
        assertThat(driver.findElement(By.cssSelector(".list")).getText()).contains("added while watching");
        String location = labelClass("LOCATION");
        assertThat(count("#text .fr." + location + ", #text .fr ." + location))
                .as("the label stays off across the update")
                .isZero();
        assertThat(driver.findElement(By.id("live")).getText()).startsWith("Live");
        assertQuietConsole();
    }

    @Test
    @Order(5)
    void hostileTextStaysTextInTheViewer() {
        open(viewer.documentUris().get(1).toString());
        assertNoAlert();
        String text = driver.findElement(By.id("text")).getText();
        assertThat(text).contains(Samples.SCRIPT).contains(Samples.IMG);
        assertThat(driver.getTitle()).startsWith("Title " + Samples.SCRIPT + Samples.IMG);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Title " + Samples.SCRIPT + Samples.IMG);
        assertThat(driver.findElement(By.cssSelector(".legend")).getText()).contains("<img src=x onerror=alert(3)>");
        assertThat(count("img")).isZero();
        assertThat(count("script:not([type])")).isEqualTo(1);
        js.executeScript("arguments[0].focus()", driver.findElement(By.cssSelector(".mk[href=\"#e-s3\"]")));
        assertThat(driver.findElement(By.id("tip")).getText()).contains(Samples.SCRIPT);
        assertNoAlert();
        assertQuietConsole();
    }

    @Test
    @Order(6)
    void theStandaloneFileWorksOfflineUnderItsOwnPolicy() throws Exception {
        Path html = folder.resolve("hostile.html");
        try (OutputStream out = Files.newOutputStream(html)) {
            Exporters.of(Format.HTML).export(Samples.hostile(), ExportOptions.DEFAULT, out);
        }
        open(html.toUri().toString());
        assertNoAlert();
        assertThat(driver.findElement(By.id("text")).getText())
                .contains(Samples.SCRIPT)
                .contains(Samples.IMG);
        assertThat(count("img")).isZero();
        String fill = (String)
                js.executeScript("return getComputedStyle(document.querySelector('.fr.f, .fr .f')).backgroundColor");
        assertThat(fill).as("the inline style ran under its hash").isNotEqualTo("rgba(0, 0, 0, 0)");
        driver.findElement(By.cssSelector("input[data-label-toggle=\"PERSON\"]"))
                .click();
        assertThat(driver.findElement(By.id("shown")).getAttribute("textContent"))
                .as("the inline script ran under its hash")
                .isEqualTo("2 of 3");
        assertQuietConsole();
    }

    @Test
    @Order(7)
    void aLargeDocumentDrawsOnlyTheRowsInViewAndFindsAnySpan() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append("Sentence ")
                    .append(i)
                    .append(" says something worth a label.")
                    .append(i % 7 == 6 ? "\n\n" : " ");
        }
        String s = text.toString();
        org.scholion.core.model.AnnotatedDocument.Builder builder = org.scholion.core.model.AnnotatedDocument.builder(
                        org.scholion.core.model.Document.of("large", s))
                .labelSet(Seeds.labelSet("entities").orElseThrow());
        for (int i = 0; i < 3000; i++) {
            int start = s.indexOf("Sentence " + i + " ");
            builder.span(Span.of("s" + i, start, start + 12, i % 2 == 0 ? "PERSON" : "LOCATION"));
        }
        Path html = folder.resolve("large.html");
        try (OutputStream out = Files.newOutputStream(html)) {
            Exporters.of(Format.HTML).export(builder.build(), ExportOptions.DEFAULT, out);
        }
        open(html.toUri().toString());
        assertThat(driver.findElement(By.id("shown")).getAttribute("textContent"))
                .isEqualTo("3000");
        assertThat(count("li.en")).as("rows drawn at first").isBetween(200L, 400L);
        assertThat(count(".mk")).isEqualTo(3000);
        // the map draws each label's ticks as runs of covered pixels: the same pixels as a tick
        // per span, which this draws from the data block on a canvas of its own
        assertThat(js.executeScript("var c = document.getElementById('map');"
                        + "var d = JSON.parse(document.getElementById('data').textContent);"
                        + "var r = document.createElement('canvas'); r.width = c.width; r.height = c.height;"
                        + "var g = r.getContext('2d'), length = Math.max(1, d.length);"
                        + "d.rows.forEach(function (label, i) { g.fillStyle = '#f1f0eb'; g.fillRect(0, i * 7, 1000, 6); });"
                        + "d.spans.forEach(function (s) { g.fillStyle = d.labels[s[1]][3];"
                        + "  g.fillRect(Math.floor(s[2] * 1000 / length), d.rows.indexOf(s[1]) * 7,"
                        + "    Math.max(3, Math.floor((s[3] - s[2]) * 1000 / length)), 6); });"
                        + "var a = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "var b = g.getImageData(0, 0, c.width, c.height).data;"
                        + "for (var i = 0; i < a.length; i++) { if (a[i] !== b[i]) { return 'differs at byte ' + i; } }"
                        + "return a.length > 0 && d.spans.length === 3000 ? 'same' : 'empty';"))
                .isEqualTo("same");

        js.executeScript("document.querySelector('.fr[data-s=\"s2999\"]').click()");
        assertThat(count("li.en.sel[data-s=\"s2999\"]"))
                .as("a click far down draws and selects its row")
                .isEqualTo(1);
        assertThat(count("li.en")).isLessThan(600);
        WebElement earlier = driver.findElement(By.cssSelector("#before button"));
        long before = count("li.en");
        js.executeScript("arguments[0].click()", earlier);
        assertThat(count("li.en")).isGreaterThan(before);

        driver.findElement(By.cssSelector("input[data-label-toggle=\"LOCATION\"]"))
                .click();
        assertThat(driver.findElement(By.id("shown")).getAttribute("textContent"))
                .isEqualTo("1500 of 3000");
        assertThat(count("li.en[data-label=\"LOCATION\"]")).isZero();
        assertThat(count(".mk:not([hidden])")).isEqualTo(1500);

        driver.findElement(By.cssSelector("input[data-label-toggle=\"LOCATION\"]"))
                .click();
        // the map is one canvas: a click at the start of its first row selects that label's first span
        js.executeScript(
                "var c = document.getElementById('map'), r = c.getBoundingClientRect();"
                        + "c.dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: r.left + 1, clientY: r.top + 2}));");
        assertThat(count("li.en.sel[data-s=\"s0\"], li.en.sel[data-s=\"s1\"]")).isEqualTo(1);
        assertQuietConsole();
    }

    @Test
    @Order(8)
    void readsOnAPhoneWithoutSidewaysScrolling() {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            open(viewer.documentUris().get(0).toString());
            Long overflow = (Long) js.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Object wide = js.executeScript("var w = document.documentElement.clientWidth, out = [];"
                    + "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
                    + " if (r.right > w + 1 && out.length < 8) { out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right)); } });"
                    + "return out.join(', ');");
            assertThat(overflow).as("wider than the screen: %s", wide).isLessThanOrEqualTo(0L);
            Long textLeft = (Long)
                    js.executeScript("return Math.round(document.getElementById('text').getBoundingClientRect().top)");
            Long legendTop = (Long) js.executeScript(
                    "return Math.round(document.querySelector('.legend').getBoundingClientRect().top)");
            assertThat(textLeft)
                    .as("the text comes before the legend on a phone")
                    .isLessThan(legendTop);
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    /**
     * The top of the first character of each needle in the text, in page coordinates (each is
     * scrolled into view first, so a piece of a long paragraph is laid out before it is measured).
     */
    private List<Double> tops(List<String> needles) {
        Object result = js.executeScript("""
                var root = document.getElementById('text'), walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                var nodes = [], text = '';
                for (var n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, text.length]); text += n.data; }
                return arguments[0].map(function (needle) {
                  var at = text.indexOf(needle);
                  if (at < 0) { return -1; }
                  var i = nodes.length - 1;
                  while (nodes[i][1] > at) { i--; }
                  nodes[i][0].parentElement.scrollIntoView({block: 'center'});
                  var range = document.createRange();
                  range.setStart(nodes[i][0], at - nodes[i][1]);
                  range.setEnd(nodes[i][0], at - nodes[i][1] + 1);
                  return range.getBoundingClientRect().top + window.scrollY;
                });""", needles);
        List<Double> tops = new ArrayList<>();
        for (Object top : (List<?>) result) {
            tops.add(((Number) top).doubleValue());
        }
        assertThat(tops)
                .as("every needle is in the text: %s", needles)
                .allSatisfy(t -> assertThat(t).isNotNegative());
        return tops;
    }

    /** Lines of one paragraph one line height apart, the paragraph gap larger, across the pieces of a long one. */
    private void assertLinesFollowEachOther(String what) {
        double lineHeight = ((Number) js.executeScript(
                        "return parseFloat(getComputedStyle(document.querySelector('#text p')).lineHeight)"))
                .doubleValue();
        List<Double> top = tops(List.of("Line one", "Line two", "Line three", "New paragraph"));
        assertThat(top.get(1) - top.get(0))
                .as("%s: Line two under Line one", what)
                .isCloseTo(lineHeight, within(1.5));
        assertThat(top.get(2) - top.get(1))
                .as("%s: Line three under Line two", what)
                .isCloseTo(lineHeight, within(1.5));
        assertThat(top.get(3) - top.get(2))
                .as("%s: the paragraph gap", what)
                .isGreaterThan(lineHeight + 5)
                .isLessThan(2 * lineHeight);
        List<String> longLines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            longLines.add(String.format(java.util.Locale.ROOT, "Long %02d", i));
        }
        List<Double> longTops = tops(longLines);
        for (int i = 1; i < longTops.size(); i++) {
            assertThat(longTops.get(i) - longTops.get(i - 1))
                    .as("%s: %s under %s", what, longLines.get(i), longLines.get(i - 1))
                    .isCloseTo(lineHeight, within(1.5));
        }
    }

    @Test
    @Order(9)
    void linesOfAParagraphFollowEachOtherAndABlankLineIsAParagraphGap() throws Exception {
        List<java.net.URI> uris = viewer.documentUris();
        Map<String, String> terminators = Map.of("lf", "\n", "crlf", "\r\n", "cr", "\r");
        for (int i = 2; i < 5; i++) {
            String id = uris.get(i).getPath().split("/")[2];
            open(uris.get(i).toString());
            assertThat(count("#text p.cont"))
                    .as("the long paragraph goes out in pieces")
                    .isPositive();
            assertLinesFollowEachOther("served " + id);
            Path html = folder.resolve(id + ".html");
            try (OutputStream out = Files.newOutputStream(html)) {
                Exporters.of(Format.HTML).export(Samples.lines(id, terminators.get(id)), ExportOptions.DEFAULT, out);
            }
            open(html.toUri().toString());
            assertLinesFollowEachOther("standalone " + id);
        }
        // printed, as a reader would keep it: pdftotext sees no empty line inside a paragraph
        String pdf = ((PrintsPage) driver).print(new PrintOptions()).getContent();
        Path printed = Files.write(folder.resolve("cr.pdf"), Base64.getDecoder().decode(pdf));
        Process pdftotext = new ProcessBuilder("pdftotext", "-layout", printed.toString(), "-")
                .redirectErrorStream(true)
                .start();
        List<String> lines = new String(pdftotext.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(pdftotext.waitFor()).isZero();
        int one = indexOf(lines, "Line one");
        int longer = indexOf(lines, "Long 00");
        assertThat(List.of(indexOf(lines, "Line two"), indexOf(lines, "Line three"), indexOf(lines, "Long 01")))
                .as("printed:%n%s", String.join("\n", lines))
                .containsExactly(one + 1, one + 2, longer + 1);
        assertThat(indexOf(lines, "New paragraph"))
                .as("printed:%n%s", String.join("\n", lines))
                .isBetween(one + 3, one + 4);
    }

    private static int indexOf(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(start)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    @Order(10)
    void followsAnAddedSpanInPlaceWithoutLoadingThePageAnew() throws Exception {
        Path own = Files.createDirectories(folder.resolve("in-place"));
        Path file = Samples.seed(own);
        try (Viewer live = Viewer.start(List.of(file), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            open(live.documentUris().get(0).toString());
            // marks that a page swapped or loaded anew would lose: one on the window, one on an unchanged paragraph
            js.executeScript(
                    "window.scholionMark = 'kept'; document.querySelector('#text').lastElementChild.scholionMark = 'kept';");
            String count = "return document.querySelector('input[data-label-toggle=\"PERSON\"]').closest('.lg')"
                    + ".querySelector('.cnt').textContent";
            long persons = Long.parseLong(String.valueOf(js.executeScript(count)));
            js.executeScript("document.querySelector('input[data-label-toggle=\"LOCATION\"]').click()");
            String pageLoads = "return performance.getEntriesByType('resource').filter(function (e) {"
                    + " return e.name === location.href; }).length";
            long loadsBefore = (Long) js.executeScript(pageLoads);
            AnnotationFile.at(file)
                    .update(
                            "add a span",
                            doc -> doc.withSpan(new Span(
                                    doc.nextSpanId(), 1, 3, "PERSON", "added in place", "tester", null, false)));
            new WebDriverWait(driver, Duration.ofMillis(2500), Duration.ofMillis(20))
                    .until(d -> count("#text .mk[href=\"#e-s182\"]") == 1);
            assertThat(js.executeScript("return window.scholionMark")).isEqualTo("kept");
            assertThat(js.executeScript("return document.querySelector('#text').lastElementChild.scholionMark"))
                    .as("an unchanged paragraph is the same element")
                    .isEqualTo("kept");
            assertThat((Long) js.executeScript(pageLoads))
                    .as("the page was not fetched again")
                    .isEqualTo(loadsBefore);
            assertThat(String.valueOf(js.executeScript("return document.getElementById('shown').textContent")))
                    .endsWith(" of 182");
            assertThat(Long.parseLong(String.valueOf(js.executeScript(count)))).isEqualTo(persons + 1);
            assertThat(driver.findElement(By.cssSelector(".list")).getText()).contains("added in place");
            // every marker carries its entry's new number, in the changed paragraph and elsewhere
            Object wrong = js.executeScript(MARKERS_NOT_NUMBERED_AS_THEIR_ENTRIES);
            assertThat(wrong).isEqualTo(0L);
            String location = labelClass("LOCATION");
            assertThat(count("#text .fr." + location + ", #text .fr ." + location))
                    .as("the label stays off in the new paragraph too")
                    .isZero();

            // a change of the title is more than spans: the page is drawn anew
            AnnotationFile.at(file).update("retitle", doc -> {
                var retitled = org.scholion.core.model.AnnotatedDocument.builder(
                                doc.document().withTitle("Retitled in place"))
                        .labelSets(doc.labelSets());
                doc.spans().forEach(retitled::span);
                doc.relations().forEach(retitled::relation);
                return retitled.build();
            });
            new WebDriverWait(driver, Duration.ofMillis(2500), Duration.ofMillis(20))
                    .until(d -> "Retitled in place"
                            .equals(js.executeScript(
                                    "var h = document.querySelector('h1'); return h ? h.textContent : null")));
            assertQuietConsole();
        }
    }

    private boolean inText(String words) {
        return (Boolean) js.executeScript(
                "return document.getElementById('text').textContent.indexOf(arguments[0]) >= 0", words);
    }

    private void waitFor(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(5), Duration.ofMillis(20))
                .withMessage(what)
                .until(d -> condition.getAsBoolean());
    }

    @Test
    @Order(11)
    void aLargeDocumentLoadsItsTextAsItComesIntoViewAndFollowsChanges() throws Exception {
        Path own = Files.createDirectories(folder.resolve("lazy"));
        Path file = Samples.large(own, "large", 400);
        try (Viewer lazy = ViewerHttpTest.startLazy(List.of(file), 20_000, 6_000)) {
            open(lazy.documentUris().get(0).toString());
            // what the page of the test before logged once its viewer had gone is not this page's
            driver.manage().logs().get(LogType.BROWSER);
            js.executeScript("window.scholionMark = 'kept'");
            long holders = count("#text > .slice");
            assertThat(holders).as("placeholders").isGreaterThanOrEqualTo(5);
            // the first slice is on the page and in view; the list and the count know every span
            WebElement first = driver.findElement(By.cssSelector("#text > p"));
            assertThat(first.getText()).contains("Paragraph 000");
            assertThat((Boolean) js.executeScript(
                            "var r = arguments[0].getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0",
                            first))
                    .isTrue();
            assertThat(driver.findElement(By.id("shown")).getAttribute("textContent"))
                    .isEqualTo("480");
            assertThat(inText("Paragraph 399")).isFalse();
            assertThat((Long) js.executeScript(
                            "return document.querySelector('#text > .slice').getBoundingClientRect().height"))
                    .as("a placeholder stands for its text's height")
                    .isGreaterThan(1000L);

            // scrolling to the first placeholder fills it, and only what is near
            String next = (String) js.executeScript("return document.querySelector('#text > .slice').dataset.slice");
            js.executeScript("document.querySelector('#text > .slice').scrollIntoView({block: 'start'})");
            waitFor(
                    "slice " + next + " loads when scrolled to",
                    () -> count("#text > .slice[data-slice=\"" + next + "\"]") == 0);
            assertThat(count("#text > .slice[data-slice=\"" + holders + "\"]"))
                    .as("the last slice, far away, is still a placeholder")
                    .isEqualTo(1);

            // a span far away, picked from the list: its slice is fetched, then it is selected and shown
            assertThat(inText("Paragraph 250")).isFalse();
            WebElement filter = driver.findElement(By.id("q"));
            filter.sendKeys("Paragraph 250");
            driver.findElement(By.cssSelector("li.en[data-s=\"p250\"] button.go"))
                    .click();
            waitFor("the far span is drawn and selected", () -> count("#text .fr.hit[data-s~=\"p250\"]") > 0);
            waitFor("the far span is in view", () -> (Boolean)
                    js.executeScript("var r = document.querySelector('#text .fr.hit').getBoundingClientRect();"
                            + " return r.top >= 0 && r.bottom <= innerHeight"));
            js.executeScript(
                    "var q = document.getElementById('q'); q.value = ''; q.dispatchEvent(new Event('input', {bubbles: true}));");
            assertThat(driver.findElement(By.id("shown")).getAttribute("textContent"))
                    .isEqualTo("480");
            assertThat(count("#text > .slice[data-slice=\"" + holders + "\"]"))
                    .as("the last slice is still not fetched")
                    .isEqualTo(1);

            // a change in a slice on the page appears in place; one in a slice not fetched yet shows once it is
            org.scholion.core.text.CodePointText points =
                    Samples.large("large", 400).text();
            String text = points.string();
            int near = points.toCodePointIndex(text.indexOf("document long", text.indexOf("Paragraph 250")));
            int far = points.toCodePointIndex(text.indexOf("document long", text.indexOf("Paragraph 399")));
            AnnotationFile.at(file)
                    .update(
                            "add a span",
                            doc -> doc.withSpan(new Span(
                                            "near", near, near + 13, "PERSON", "added near", "tester", null, false))
                                    .withSpan(new Span(
                                            "far", far, far + 13, "PERSON", "added far", "tester", null, false)));
            waitFor("the new span in a slice on the page", () -> count("#text .fr[data-s~=\"near\"]") == 1);
            assertThat(count("#text .mk[href=\"#e-near\"]")).isEqualTo(1);
            assertThat(driver.findElement(By.id("shown")).getAttribute("textContent"))
                    .isEqualTo("482");
            assertThat(count("#text > .slice[data-slice=\"" + holders + "\"]")).isEqualTo(1);
            js.executeScript("window.scrollTo(0, document.documentElement.scrollHeight)");
            waitFor(
                    "the last slice loads at the end of the page",
                    () -> count("#text > .slice") == 0 || count("#text > .slice[data-slice=\"" + holders + "\"]") == 0);
            waitFor("the change in it shows", () -> count("#text .fr[data-s~=\"far\"]") == 1);
            Object wrong = js.executeScript(MARKERS_NOT_NUMBERED_AS_THEIR_ENTRIES);
            assertThat(wrong).as("markers carry their entries' numbers").isEqualTo(0L);
            assertThat(js.executeScript("return window.scholionMark"))
                    .as("the page was not loaded anew")
                    .isEqualTo("kept");
            assertQuietConsole();
        }
    }
}
