package dev.pulse.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.pulse.analyze.Sentiment;
import dev.pulse.store.Entry;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Opens a rendered site in headless Chromium (Debian packages chromium and chromium-driver, see
 * scripts/install-browser.sh) at phone and desktop widths: no horizontal overflow, the stylesheet
 * applies under the CSP, every link resolves. Screenshots go to target/screenshots/. Skipped only
 * when /usr/bin/chromium or /usr/bin/chromedriver is missing.
 */
class SiteBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir static Path site;
  @TempDir static Path profile;
  static HttpServer server;
  static String base;
  static ChromeDriver driver;
  static Entry featured;
  /** Selenium warns that it has no CDP bindings for this Chromium; the test uses WebDriver only. */
  static final java.util.logging.Logger CDP_LOG =
      java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");
  static final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "headless Chromium not installed (run scripts/install-browser.sh)");
    List<Entry> entries = new ArrayList<>(TestEntries.sample());
    entries.add(TestEntries.entry("https://long.example/" + "x".repeat(300), "Long Words Weekly",
        "Supercalifragilisticexpialidocious-" + "antidisestablishmentarianism".repeat(4),
        "A summary with an unbroken token " + "https://very.long.example/" + "path/".repeat(40)
            + " that must wrap on a phone.",
        "Technology", Sentiment.NEUTRAL, List.of("wrapping"), TestEntries.hoursAgo(40)));
    new SiteRenderer(TestEntries.settings(), EntryVectors.hashedWords()).write(entries, site);
    featured = entries.get(0);
    server = serve(site);
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    driver = chrome();
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  static ChromeDriver chrome() {
    CDP_LOG.setLevel(java.util.logging.Level.SEVERE);
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--hide-scrollbars",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    return new ChromeDriver(service, options);
  }

  static HttpServer serve(Path root) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.createContext("/", exchange -> {
      Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      byte[] body = Files.readAllBytes(file);
      String name = file.getFileName().toString();
      exchange.getResponseHeaders().set("Content-Type",
          name.endsWith(".css") ? "text/css" : name.endsWith(".json") ? "application/feed+json"
              : name.endsWith(".atom") ? "application/atom+xml" : "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    s.start();
    return s;
  }

  static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  static long number(String script) {
    return ((Number) js(script)).longValue();
  }

  void open(String path, int width) {
    driver.manage().window().setSize(new Dimension(width, 900));
    driver.get(base + path);
  }

  void screenshot(String name, int width) throws IOException {
    long height = number("return document.documentElement.scrollHeight");
    driver.manage().window().setSize(new Dimension(width, (int) Math.min(height + 120, 8000)));
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + "-" + width + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  String pathOf(String page) {
    return page.equals("entry") ? "entries/" + featured.id() + ".html"
        : page.equals("category") ? "categories/technology.html" : "index.html";
  }

  @ParameterizedTest(name = "{0} at {1} px")
  @CsvSource({"index, 375", "index, 1280", "entry, 375", "entry, 1280", "category, 375",
      "category, 1280"})
  void pageFitsTheViewportWithoutHorizontalScrolling(String page, int width) throws IOException {
    open(pathOf(page), width);

    long inner = number("return window.innerWidth");
    assertThat(inner).isBetween(width - 20L, (long) width);
    assertThat(number("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(inner);
    screenshot(page, width);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"index", "entry"})
  void stylesheetAppliesUnderTheContentSecurityPolicy(String page) {
    open(pathOf(page), 1280);

    assertThat(js("return getComputedStyle(document.querySelector('.masthead')).borderTopWidth"))
        .isEqualTo("4px");
  }

  @Test
  void entryPageShowsItsSectionsInTheBrowser() {
    open(pathOf("entry"), 375);

    assertThat(driver.findElement(org.openqa.selenium.By.cssSelector("h1")).getText())
        .isEqualTo(featured.title());
    assertThat(driver.findElements(org.openqa.selenium.By.cssSelector(".related .card")))
        .hasSizeBetween(3, 5);
    assertThat(driver.findElement(org.openqa.selenium.By.cssSelector(".story .badge")).getText())
        .contains("Positive");
  }

  @Test
  void linksBetweenPagesResolve() throws Exception {
    Set<String> checked = new LinkedHashSet<>();
    for (String page : List.of("index", "entry", "category")) {
      open(pathOf(page), 1280);
      @SuppressWarnings("unchecked")
      List<String> hrefs = (List<String>) js(
          "return Array.from(document.querySelectorAll('a[href], link[href]')).map(a => a.href)");
      for (String href : hrefs) {
        String url = href.replaceAll("#.*$", "");
        if (!url.startsWith(base) || !checked.add(url)) {
          continue;
        }
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).as(page + " -> " + url).isEqualTo(200);
      }
    }
    assertThat(checked).anyMatch(u -> u.contains("/entries/"))
        .anyMatch(u -> u.contains("/categories/")).anyMatch(u -> u.contains("/topics/"));
  }

  @Test
  void theSiteAlsoWorksOpenedFromDisk() {
    driver.manage().window().setSize(new Dimension(1280, 900));
    driver.get(site.resolve("entries/" + featured.id() + ".html").toUri().toString());

    assertThat(js("return getComputedStyle(document.querySelector('.masthead')).borderTopWidth"))
        .isEqualTo("4px");
    String next = (String) js("return document.querySelector('.related .card-title a').href");
    assertThat(Path.of(URI.create(next))).isRegularFile();
  }
}
