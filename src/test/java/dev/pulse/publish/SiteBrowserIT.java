package dev.pulse.publish;

import dev.pulse.similar.EntryVectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pulse.analyze.Sentiment;
import dev.pulse.store.Entry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
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
import org.openqa.selenium.By;

/**
 * Opens a rendered site in headless Chromium at phone and desktop widths: no horizontal overflow,
 * the stylesheet applies under the CSP (over HTTP and file://), every link resolves. Screenshots
 * go to target/screenshots/. Skipped only when /usr/bin/chromium or /usr/bin/chromedriver is
 * missing (scripts/install-browser.sh installs them).
 */
class SiteBrowserIT {

  @TempDir static Path site;
  @TempDir static Path profile;
  static HeadlessChromium browser;
  static Entry featured;

  @BeforeAll
  static void start() throws IOException {
    assumeTrue(HeadlessChromium.available(),
        "headless Chromium not installed (run scripts/install-browser.sh)");
    List<Entry> entries = new ArrayList<>(TestEntries.sample());
    entries.add(TestEntries.entry("https://long.example/" + "x".repeat(300), "Long Words Weekly",
        "Supercalifragilisticexpialidocious-" + "antidisestablishmentarianism".repeat(4),
        "A summary with an unbroken token " + "https://very.long.example/" + "path/".repeat(40)
            + " that must wrap on a phone.",
        "Technology", Sentiment.NEUTRAL, List.of("wrapping"), TestEntries.hoursAgo(40)));
    new SiteRenderer(TestEntries.settings(), EntryVectors.hashedWords()).write(entries, site);
    featured = entries.get(0);
    browser = new HeadlessChromium(site, profile);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  static String pathOf(String page) {
    return page.equals("entry") ? "entries/" + featured.id() + ".html"
        : page.equals("category") ? "categories/technology.html" : "index.html";
  }

  @ParameterizedTest(name = "{0} at {1} px")
  @CsvSource({"index, 375", "index, 1280", "entry, 375", "entry, 1280", "category, 375",
      "category, 1280"})
  void pageFitsTheViewportWithoutHorizontalScrolling(String page, int width) throws IOException {
    browser.open(pathOf(page), width);

    long inner = browser.innerWidth();
    assertThat(inner).isBetween(width - 20L, (long) width);
    assertThat(browser.scrollWidth()).isLessThanOrEqualTo(inner);
    browser.screenshot(page, width);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"index", "entry"})
  void stylesheetAppliesUnderTheContentSecurityPolicy(String page) {
    browser.open(pathOf(page), 1280);

    assertThat(browser.js(
        "return getComputedStyle(document.querySelector('.masthead')).borderTopWidth"))
        .isEqualTo("4px");
  }

  @Test
  void entryPageShowsItsSectionsInTheBrowser() {
    browser.open(pathOf("entry"), 375);

    var driver = browser.driver();
    assertThat(driver.findElement(By.cssSelector("h1")).getText()).isEqualTo(featured.title());
    assertThat(driver.findElements(By.cssSelector(".related .card"))).hasSizeBetween(3, 5);
    assertThat(driver.findElement(By.cssSelector(".story .badge")).getText()).contains("Positive");
  }

  @Test
  void linksBetweenPagesResolve() throws Exception {
    Set<String> checked = new LinkedHashSet<>();
    for (String page : List.of("index", "entry", "category")) {
      browser.open(pathOf(page), 1280);
      for (String href : browser.links()) {
        String url = href.replaceAll("#.*$", "");
        if (url.startsWith(browser.base) && checked.add(url)) {
          assertThat(browser.status(url)).as(page + " -> " + url).isEqualTo(200);
        }
      }
    }
    assertThat(checked).anyMatch(u -> u.contains("/entries/"))
        .anyMatch(u -> u.contains("/categories/")).anyMatch(u -> u.contains("/topics/"));
  }

  @Test
  void theSiteAlsoWorksOpenedFromDisk() {
    browser.openFile(site.resolve("entries/" + featured.id() + ".html"), 1280);

    assertThat(browser.js(
        "return getComputedStyle(document.querySelector('.masthead')).borderTopWidth"))
        .isEqualTo("4px");
    String next = (String) browser.js("return document.querySelector('.related .card-title a').href");
    assertThat(Path.of(URI.create(next))).isRegularFile();
  }
}
