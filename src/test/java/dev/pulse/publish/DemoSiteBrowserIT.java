package dev.pulse.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pulse.cli.PulseCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

/**
 * The site `pulse demo` ends with, opened in headless Chromium: the index and an entry page at
 * 375 and 1280 px fit without horizontal scrolling and show their sections, and the links between
 * pages resolve. Screenshots: target/screenshots/demo-*.png. Skipped only without Chromium.
 */
class DemoSiteBrowserIT {

  @TempDir static Path out;
  @TempDir static Path profile;
  static HeadlessChromium browser;
  static String entryPath;

  @BeforeAll
  static void renderDemo() throws Exception {
    assumeTrue(HeadlessChromium.available(),
        "headless Chromium not installed (run scripts/install-browser.sh)");
    StringWriter log = new StringWriter();
    int code = PulseCli.execute(new PrintWriter(log, true), new PrintWriter(log, true),
        "demo", "--out", out.toString());
    assertThat(code).as(log.toString()).isZero();
    Path site = out.resolve("site");
    assertThat(site.resolve("index.html")).isRegularFile();
    browser = new HeadlessChromium(site, profile);
    browser.open("index.html", 1280);
    entryPath = ((String) browser.js(
        "return document.querySelector('.stream .card-title a').getAttribute('href')"));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @ParameterizedTest(name = "{0} at {1} px")
  @CsvSource({"index, 375", "index, 1280", "entry, 375", "entry, 1280"})
  void demoPagesFitTheViewport(String page, int width) throws Exception {
    browser.open(page.equals("index") ? "index.html" : entryPath, width);

    long inner = browser.innerWidth();
    assertThat(inner).isBetween(width - 20L, (long) width);
    assertThat(browser.scrollWidth()).isLessThanOrEqualTo(inner);
    browser.screenshot("demo-" + page, width);
  }

  @Test
  void demoEntryPageShowsTheModelPagesElements() {
    browser.open(entryPath, 1280);

    var d = browser.driver();
    assertThat(d.findElement(By.cssSelector("h1")).getText()).isNotBlank();
    assertThat(d.findElement(By.cssSelector(".byline time")).getAttribute("datetime")).isNotBlank();
    assertThat(d.findElement(By.cssSelector(".story .badge")).getText())
        .containsAnyOf("Positive", "Neutral", "Negative");
    assertThat(d.findElement(By.cssSelector(".lede")).getText()).isNotBlank();
    assertThat(d.findElement(By.cssSelector(".provenance")).getText()).contains("Curated by Pulse");
    assertThat(d.findElements(By.cssSelector(".related .card"))).hasSizeBetween(3, 5);
    assertThat(d.findElement(By.cssSelector("#latest-h")).getText()).startsWith("LATEST FROM");
  }

  @Test
  void demoIndexHasCategoriesAndLinksThatResolve() throws Exception {
    Set<String> checked = new LinkedHashSet<>();
    for (String path : new String[] {"index.html", entryPath}) {
      browser.open(path, 1280);
      for (String href : browser.links()) {
        String url = href.replaceAll("#.*$", "");
        if (url.startsWith(browser.base) && checked.add(url)) {
          assertThat(browser.status(url)).as(path + " -> " + url).isEqualTo(200);
        }
      }
    }
    assertThat(checked).anyMatch(u -> u.contains("/categories/"))
        .anyMatch(u -> u.contains("/entries/"));
    try (var entries = Files.list(browser.site.resolve("entries"))) {
      assertThat(entries.count()).isGreaterThanOrEqualTo(12);
    }
  }
}
