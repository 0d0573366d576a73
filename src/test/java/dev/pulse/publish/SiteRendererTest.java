package dev.pulse.publish;

import dev.pulse.similar.EntryVectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.analyze.Sentiment;
import dev.pulse.store.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteRendererTest {

  @TempDir static Path out;
  static List<Entry> entries;
  static SiteReport report;

  @BeforeAll
  static void render() {
    entries = TestEntries.sample();
    report = new SiteRenderer(TestEntries.settings(), EntryVectors.hashedWords())
        .write(entries, out);
  }

  static Document page(String path) throws IOException {
    Path file = out.resolve(path);
    return Jsoup.parse(file.toFile(), "UTF-8", file.toUri().toString());
  }

  static Document entryPage(Entry e) throws IOException {
    return page("entries/" + e.id() + ".html");
  }

  static Entry byTitle(String prefix) {
    return entries.stream().filter(e -> e.title().startsWith(prefix)).findFirst().orElseThrow();
  }

  static List<String> linkedEntryIds(Document doc, String sectionSelector) {
    return doc.select(sectionSelector + " .card-title a").stream()
        .map(a -> a.attr("href").replaceAll(".*/", "").replace(".html", ""))
        .toList();
  }

  @Test
  void reportCountsEveryPageAndFeed() {
    assertThat(report.entries()).isEqualTo(entries.size());
    // index + about + 4 categories + 6 topic tags (each on 2 or more entries) + one per entry
    assertThat(report.pages()).isEqualTo(1 + 1 + 4 + 6 + entries.size());
    // the site's, each category's and each topic page's Atom and JSON feeds
    assertThat(report.feeds()).isEqualTo(2 + 2 * 4 + 2 * 6);
  }

  @Test
  void entryPageShowsEveryElementOfTheModelPage() throws IOException {
    Entry e = byTitle("Mars rover finds buried water ice");
    Document doc = entryPage(e);

    assertThat(doc.selectFirst("h1").text()).isEqualTo(e.title());
    assertThat(doc.selectFirst(".byline .source").text()).isEqualTo("Orbit Daily News");
    assertThat(doc.selectFirst(".byline time").attr("datetime")).isEqualTo("2025-11-02T10:00:00Z");
    assertThat(doc.selectFirst(".byline time").text())
        .isEqualTo("Sunday, November 2, 2025 at 10:00 AM UTC");
    assertThat(doc.selectFirst(".story .badge").text()).isEqualTo("Sentiment: ▲ Positive");
    assertThat(doc.selectFirst(".story .badge").hasClass("positive")).isTrue();
    assertThat(doc.selectFirst(".story .kicker a").text()).isEqualTo("Science");
    assertThat(doc.select(".story a[href$=science.html]")).hasSize(1);
    assertThat(doc.select(".story .topic-tag").eachText()).containsExactly("#Space", "#Mars");
    assertThat(doc.selectFirst(".lede").text()).isEqualTo(e.summary());
    assertThat(doc.selectFirst(".note p").text()).isEqualTo(e.editorsNote());
    assertThat(doc.selectFirst(".original a").attr("href")).isEqualTo(e.url());
    assertThat(doc.selectFirst(".original a").text())
        .isEqualTo("Read the original at Orbit Daily News");
    assertThat(doc.selectFirst(".provenance > p").text())
        .isEqualTo("Summarised, rated and tagged by the Pulse Test AI editor from the article at"
            + " Orbit Daily News.");
    assertThat(doc.selectFirst(".provenance details").text())
        .contains("How this was made", "embedded", "all-minilm-l6-v2-q");
    assertThat(doc.selectFirst(".provenance details a").attr("href")).isEqualTo("../about.html");
    assertThat(doc.selectFirst("#rec-h").text()).isEqualTo("Recommended Readings");
    assertThat(doc.selectFirst("#latest-h").text()).isEqualTo("Latest from Science");
    assertThat(doc.selectFirst("article.story").attr("lang")).isEqualTo("en");
    assertThat(doc.selectFirst("meta[property=og:title]").attr("content")).isEqualTo(e.title());
  }

  @Test
  void entryPageWithoutEditorsNoteHasNoNoteBox() throws IOException {
    Document doc = entryPage(byTitle("Bees learn to count"));

    assertThat(doc.select(".note")).isEmpty();
  }

  @Test
  void everyPageDeclaresAContentSecurityPolicyAndNeedsNoScript() throws IOException {
    try (var files = Files.walk(out)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        Document doc = Jsoup.parse(f.toFile(), "UTF-8");
        assertThat(doc.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
            .as(f.toString()).contains("default-src 'none'");
        assertThat(doc.select("script")).as(f.toString()).isEmpty();
      }
    }
  }

  @Test
  void recommendationsExcludeTheEntryItselfAndItsDuplicates() throws IOException {
    Entry e = byTitle("Mars rover finds buried water ice");
    Entry copy = entries.stream()
        .filter(x -> x.title().equals(e.title()) && !x.id().equals(e.id()))
        .findFirst().orElseThrow();
    for (Entry subject : List.of(e, copy)) {
      List<String> recs = linkedEntryIds(entryPage(subject), ".related");

      assertThat(recs).hasSizeBetween(3, 5).doesNotHaveDuplicates()
          .doesNotContain(e.id(), copy.id());
    }
  }

  @Test
  void recommendationsPreferSimilarStories() throws IOException {
    Entry e = byTitle("Water ice on Mars");
    List<String> recs = linkedEntryIds(entryPage(e), ".related");

    List<String> marsStories = entries.stream()
        .filter(x -> x.title().contains("Mars") && !x.id().equals(e.id()))
        .map(Entry::id).toList();
    // the original and its syndicated copy are one story: only one of them may appear
    assertThat(recs.subList(0, 3)).allMatch(marsStories::contains);
  }

  @Test
  void latestFromListsOnlyTheSameCategoryNewestFirst() throws IOException {
    Entry e = byTitle("Regional bank");
    Document doc = entryPage(e);

    List<Element> cards = doc.select(".latest-from .card");
    assertThat(cards).isNotEmpty();
    assertThat(cards).allMatch(c -> c.selectFirst(".cat").text().equals("Business"));
    List<String> ids = linkedEntryIds(doc, ".latest-from");
    List<String> recommended = linkedEntryIds(doc, ".related");
    assertThat(ids).doesNotContain(e.id());
    List<String> expected = entries.stream()
        .filter(x -> x.category().equals("Business") && !x.id().equals(e.id()))
        .filter(x -> !recommended.contains(x.id()))
        .sorted((a, b) -> b.published().compareTo(a.published()))
        .map(Entry::id).toList();
    assertThat(ids).isEqualTo(expected);
  }

  @Test
  void indexListsLatestEntriesCategoriesAndTrendingTopic() throws IOException {
    Document doc = page("index.html");

    assertThat(doc.select(".catnav a").eachText())
        .containsExactly("Home", "Business 3", "Science 7", "Technology 3", "World 3");
    assertThat(doc.select(".stream .card")).hasSize(entries.size());
    Element topic = doc.selectFirst(".trending .topic");
    assertThat(topic.selectFirst("h3").text()).isEqualTo("Space");
    assertThat(topic.selectFirst(".rollup").text()).contains("water ice");
    assertThat(topic.select(".topic-stories a")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(doc.select(".trending .topic")).hasSize(1);
  }

  @Test
  void categoryPageListsOnlyItsCategory() throws IOException {
    Document doc = page("categories/world.html");

    assertThat(doc.selectFirst("h1").text()).isEqualTo("World");
    assertThat(doc.select(".stream .card .cat").eachText()).containsOnly("World").hasSize(3);
    assertThat(doc.selectFirst(".catnav a[aria-current=page]").text()).startsWith("World");
  }

  @Test
  void topicTagPageListsEntriesCarryingTheTagCaseInsensitively() throws IOException {
    Document doc = page("topics/space.html");

    Set<String> expected = entries.stream()
        .filter(x -> x.topics().stream().anyMatch(t -> t.equalsIgnoreCase("space")))
        .map(Entry::id).collect(Collectors.toSet());
    assertThat(linkedEntryIds(doc, ".stream")).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void everyRelativeLinkAndStylesheetResolvesToAFile() throws IOException {
    try (var files = Files.walk(out)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        Document doc = Jsoup.parse(f.toFile(), "UTF-8");
        for (Element el : doc.select("a[href], link[href]")) {
          String href = el.attr("href");
          if (href.startsWith("http") || href.startsWith("#")) {
            continue;
          }
          assertThat(f.getParent().resolve(href).normalize()).as(f + " -> " + href).isRegularFile();
        }
      }
    }
  }

  @Test
  void renderingTwiceKeepsPathsAndRewritesNothing() {
    SiteReport again = new SiteRenderer(TestEntries.settings(), EntryVectors.hashedWords())
        .write(entries, out);

    assertThat(again.filesWritten()).isZero();
    assertThat(again.filesUnchanged()).isEqualTo(report.filesWritten());
  }

  @Test
  void aFailingTopicSummarizerFallsBackToTheExtractiveRollUp(@TempDir Path dir) throws IOException {
    TopicSummarizer broken = (label, stories) -> {
      throw new IllegalStateException("model unavailable");
    };
    new SiteRenderer(TestEntries.settings(), EntryVectors.hashedWords(), broken)
        .write(entries, dir);

    Document doc = Jsoup.parse(dir.resolve("index.html").toFile(), "UTF-8");
    assertThat(doc.selectFirst(".trending .rollup").text()).contains("water ice");
  }

  @Test
  void aTopicFromASingleSourceIsNotTrending(@TempDir Path dir) throws IOException {
    List<Entry> oneSource = entries.stream()
        .filter(e -> e.source().equals("Orbit Daily") || !e.title().contains("Mars")
            && !e.title().contains("Rover"))
        .toList();
    SiteReport r = new SiteRenderer(TestEntries.settings(), EntryVectors.hashedWords())
        .write(oneSource, dir);

    assertThat(r.trendingTopics()).isZero();
    assertThat(Jsoup.parse(dir.resolve("index.html").toFile(), "UTF-8").select(".trending"))
        .isEmpty();
  }

  @Test
  void entriesWithoutVectorsStillGetRecommendations(@TempDir Path dir) throws IOException {
    EntryVectors none = e -> null;
    new SiteRenderer(TestEntries.settings(), none).write(entries, dir);

    Entry e = byTitle("Bees learn");
    Document doc = Jsoup.parse(dir.resolve("entries/" + e.id() + ".html").toFile(), "UTF-8");
    assertThat(linkedEntryIds(doc, ".related")).hasSize(5).doesNotContain(e.id());
  }

  @Test
  void entryPagesLiveAtTheirId() {
    for (Entry e : entries) {
      assertThat(out.resolve("entries/" + e.id() + ".html")).isRegularFile();
    }
  }

  @Test
  void aNeutralAndNegativeBadgeCarryTheirText() throws IOException {
    assertThat(entryPage(byTitle("Rover water ice find")).selectFirst(".story .badge").text())
        .endsWith("Neutral");
    Entry negative = entries.stream().filter(e -> e.sentiment() == Sentiment.NEGATIVE)
        .findFirst().orElseThrow();
    assertThat(entryPage(negative).selectFirst(".story .badge").text()).endsWith("Negative");
  }

  @Test
  void anEmptyStoreGivesAnIndexAndEmptyFeeds(@TempDir Path dir) throws Exception {
    SiteReport r = new SiteRenderer(TestEntries.settings(), EntryVectors.hashedWords())
        .write(List.of(), dir);

    assertThat(r.pages()).isEqualTo(2); // index and about
    assertThat(Jsoup.parse(dir.resolve("index.html").toFile(), "UTF-8").selectFirst(".intro").text())
        .isEqualTo("Nothing curated yet.");
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(dir.resolve("feed.json").toFile()).get("items")).isEmpty();
    assertThat(Files.readString(dir.resolve("feed.atom"))).contains("<feed").doesNotContain("<entry");
  }

  @Test
  void entriesWithoutDateBylineOrCategoryStillRender(@TempDir Path dir) throws IOException {
    Entry base = entries.get(0);
    Entry bare = new Entry(base.id(), base.url(), "", "", null, null, null, null, null, null,
        "Only a summary.", null, Sentiment.NEUTRAL, " ", List.of(" ", ""), base.provenance());
    new SiteRenderer(TestEntries.settings(), EntryVectors.hashedWords()).write(List.of(bare), dir);

    Document doc = Jsoup.parse(dir.resolve("entries/" + bare.id() + ".html").toFile(), "UTF-8");
    assertThat(doc.selectFirst("h1").text()).isEqualTo("(untitled)");
    assertThat(doc.selectFirst(".kicker").text()).isEqualTo("Uncategorised");
    assertThat(doc.selectFirst(".byline time").attr("datetime"))
        .isEqualTo(bare.provenance().analyzedAt().toString());
    assertThat(doc.select(".topic-tag, .related, .latest-from")).isEmpty();
  }

  @Test
  void aPublicLeadImageIsShownWithAltTextUnlessImagesAreOff(@TempDir Path dir) throws IOException {
    Entry e = HostileEntryTest.withImage(entries.get(0), "https://cdn.example/mars.jpg");
    Entry local = HostileEntryTest.withImage(entries.get(1), "http://127.0.0.1:8080/img.jpg");
    new SiteRenderer(TestEntries.settings(), EntryVectors.hashedWords())
        .write(List.of(e, local), dir.resolve("on"));
    new SiteRenderer(TestEntries.settings().withImages(false), EntryVectors.hashedWords())
        .write(List.of(e), dir.resolve("off"));

    Element img = Jsoup.parse(dir.resolve("on/entries/" + e.id() + ".html").toFile(), "UTF-8")
        .selectFirst(".lead-image img");
    assertThat(img.attr("src")).isEqualTo("https://cdn.example/mars.jpg");
    assertThat(img.attr("alt")).contains(e.title());
    assertThat(Jsoup.parse(dir.resolve("on/entries/" + local.id() + ".html").toFile(), "UTF-8")
        .select("img")).isEmpty();
    assertThat(Jsoup.parse(dir.resolve("off/entries/" + e.id() + ".html").toFile(), "UTF-8")
        .select("img")).isEmpty();
  }
}
