package dev.pulse.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pulse.cli.PulseCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
  @CsvSource({"index, 375", "index, 1280", "entry, 375", "entry, 1280", "about, 375"})
  void demoPagesFitTheViewport(String page, int width) throws Exception {
    browser.open(switch (page) {
      case "index" -> "index.html";
      case "about" -> "about.html";
      default -> entryPath;
    }, width);

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
    assertThat(d.findElement(By.cssSelector(".provenance")).getText())
        .contains("AI editor", "How this was made");
    assertThat(d.findElements(By.cssSelector(".related .card"))).hasSizeBetween(3, 5);
    assertThat(d.findElement(By.cssSelector("#latest-h")).getText()).startsWith("LATEST FROM");
  }

  /** The phone screen the test reads as "the first screen": 375 x 667 CSS px (iPhone 8). */
  static final int PHONE_SCREEN_HEIGHT = 667;

  @Test
  void onAPhoneTheFirstHeadlineIsInTheFirstScreen() {
    browser.open("index.html", 375);

    long bottom = browser.number(
        "return Math.ceil(document.querySelector('.stream .card-title').getBoundingClientRect()"
            + ".bottom + window.scrollY)");
    assertThat(bottom).isLessThanOrEqualTo(PHONE_SCREEN_HEIGHT);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"index, .stream, .side", "entry, .story, .entry-side",
      "category, .stream, .side", "topic, .stream, .side"})
  void atWideWidthTheRightColumnRunsDownThePage(String page, String main, String side) {
    browser.open(pathOf(page), 1280);

    long mainBottom = bottomOf(page.equals("entry") ? ".story, .related" : main);
    long sideBottom = bottomOf(side);
    long sideLeft = browser.number("return Math.round(document.querySelector('" + side
        + "').getBoundingClientRect().left)");
    long screen = browser.number("return window.innerHeight");
    assertThat(sideLeft).as("the side column is on the right").isGreaterThan(640);
    assertThat(sideBottom).as(page + ": side column ends no more than a screen above the main")
        .isGreaterThanOrEqualTo(mainBottom - screen);
  }

  private String pathOf(String page) {
    return switch (page) {
      case "index" -> "index.html";
      case "entry" -> entryPath;
      case "category" -> firstHref("nav.sections a.section-name");
      default -> firstHref(".tag-cloud a");
    };
  }

  private String firstHref(String selector) {
    browser.open("index.html", 1280);
    return (String) browser.js("return document.querySelector('" + selector
        + "').getAttribute('href')");
  }

  private long bottomOf(String selector) {
    return browser.number("return Math.max(...Array.from(document.querySelectorAll('" + selector
        + "')).map(e => Math.ceil(e.getBoundingClientRect().bottom + window.scrollY)))");
  }

  @Test
  void noLinkAnywhereInTheDemoSiteIsDead() throws IOException {
    Path site = out.resolve("site");
    List<String> dead = new ArrayList<>();
    int checked = 0;
    try (var files = Files.walk(site)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        Document doc = Jsoup.parse(f.toFile(), "UTF-8");
        for (Element e : doc.select("a[href], link[href], img[src]")) {
          String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
          checked++;
          if (ref.startsWith("#")) {
            continue;
          }
          if (ref.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
            dead.add(site.relativize(f) + " -> " + ref + " (leaves the demo site)");
            continue;
          }
          Path target = f.getParent().resolve(ref.replaceAll("[#?].*$", "")).normalize();
          if (!target.startsWith(site) || !Files.isRegularFile(target)) {
            dead.add(site.relativize(f) + " -> " + ref);
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(500);
    assertThat(dead).isEmpty();
    browser.open(entryPath, 1280);
    String original = (String) browser.js(
        "return document.querySelector('.original a').href");
    assertThat(original).contains("/originals/");
    assertThat(browser.js("return document.querySelector('.original a').textContent"))
        .asString().doesNotContain("127.0.0.1").startsWith("Read the original at ");
  }

  @Test
  void everyCountBesideATopicLinkIsTheNumberOfStoriesOnItsPage() throws IOException {
    Path site = out.resolve("site");
    Document index = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
    int compared = 0;
    for (Element topic : index.select(".trending .topic")) {
      String rollUp = topic.selectFirst(".rollup").text();
      assertThat(rollUp).doesNotContain("\u2026").contains(", while ");
      assertThat(rollUp.split(" ").length).isLessThanOrEqualTo(40);
      int count = Integer.parseInt(topic.selectFirst(".story-count").text());
      assertThat(topic.select(".topic-stories li")).hasSize(count);
      Element link = topic.selectFirst("h3 a");
      if (link != null) {
        assertThat(storiesOn(site.resolve(link.attr("href")))).isEqualTo(count);
        compared++;
      }
    }
    for (Element tag : index.select(".tag-cloud li")) {
      int count = Integer.parseInt(tag.selectFirst(".count").text());
      assertThat(storiesOn(site.resolve(tag.selectFirst("a").attr("href"))))
          .as(tag.text()).isEqualTo(count).isGreaterThanOrEqualTo(2);
      compared++;
    }
    assertThat(compared).isPositive();
  }

  private static int storiesOn(Path page) throws IOException {
    return Jsoup.parse(page.toFile(), "UTF-8").select(".stream .card").size();
  }

  @Test
  void noStoryIsBothRecommendedAndInLatestFromItsCategory() throws IOException {
    int pages = 0;
    try (var files = Files.list(out.resolve("site/entries"))) {
      for (Path f : files.toList()) {
        Document doc = Jsoup.parse(f.toFile(), "UTF-8");
        Set<String> recommended = new LinkedHashSet<>(doc.select(".related .card-title a")
            .eachAttr("href"));
        List<String> latest = doc.select(".latest-from .card-title a").eachAttr("href");
        assertThat(latest).as(f.getFileName().toString()).filteredOn(recommended::contains)
            .isEmpty();
        pages++;
      }
    }
    assertThat(pages).isGreaterThanOrEqualTo(12);
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
