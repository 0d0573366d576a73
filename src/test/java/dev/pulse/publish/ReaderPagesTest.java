package dev.pulse.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.analyze.Sentiment;
import dev.pulse.similar.EntryVectors;
import dev.pulse.store.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What readers see on cards, topic pages and entry pages, on a small site rendered once. */
class ReaderPagesTest {

  @TempDir static Path out;
  static List<Entry> entries;

  static final String LONG_FIRST_SENTENCE =
      "The regional water board, which has argued for a"
          + " decade that the reservoir on the upper river could not meet summer demand from the"
          + " growing towns along the valley, approved a second intake on Monday after a long debate"
          + " among its members.";

  @BeforeAll
  static void render() {
    entries = new ArrayList<>();
    entries.add(
        TestEntries.entry(
            "https://a.example/plant",
            "Ledger",
            "Halvorsen opens a chip plant",
            "Halvorsen opened its plant on Monday. It will employ"
                + " 1,800 people by 2028. Officials called it the largest investment in decades.",
            "Technology",
            Sentiment.NEUTRAL,
            List.of("Halvorsen", "chips"),
            TestEntries.hoursAgo(1)));
    entries.add(
        TestEntries.entry(
            "https://b.example/tax",
            "Wire",
            "Assembly splits over chip plant tax break",
            "The assembly debated the tax break on" + " Tuesday. A vote is set for December.",
            "Business",
            Sentiment.NEUTRAL,
            List.of("Halvorsen Microsystems", "chip", "tax break"),
            TestEntries.hoursAgo(2)));
    entries.add(
        TestEntries.entry(
            "https://c.example/water",
            "Courier",
            "Water board approves second intake",
            LONG_FIRST_SENTENCE + " Work starts in spring.",
            "Environment",
            Sentiment.NEUTRAL,
            List.of("water board"),
            TestEntries.hoursAgo(3)));
    Entry spanish =
        TestEntries.entry(
            "https://d.example/jazz",
            "Heraldo",
            "El festival de jazz bate su récord",
            "El festival cerró con un récord de público.",
            "Entertainment",
            Sentiment.POSITIVE,
            List.of("festival"),
            TestEntries.hoursAgo(4));
    entries.add(
        new Entry(
            spanish.id(),
            spanish.url(),
            spanish.source(),
            spanish.title(),
            spanish.byline(),
            spanish.published(),
            spanish.siteName(),
            "es",
            null,
            spanish.text(),
            spanish.summary(),
            null,
            spanish.sentiment(),
            spanish.category(),
            spanish.topics(),
            spanish.provenance()));
    new SiteRenderer(TestEntries.settings(), EntryVectors.hashedWords())
        .withOriginalCopies(Map.of("https://c.example/water", "originals/water.html"))
        .write(entries, out);
  }

  static Document page(String path) throws IOException {
    return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
  }

  static Element card(Document doc, String titlePrefix) {
    return doc.select(".stream .card").stream()
        .filter(c -> c.selectFirst(".card-title").text().startsWith(titlePrefix))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void cardsShowTheFirstSentenceAsDekAndTheEntryPageTheWholeSummary() throws IOException {
    Document index = page("index.html");

    assertThat(card(index, "Halvorsen opens").selectFirst(".summary").text())
        .isEqualTo("Halvorsen opened its plant on Monday.");
    Document entry = page("entries/" + entries.get(0).id() + ".html");
    assertThat(entry.selectFirst(".lede").text()).isEqualTo(entries.get(0).summary());
  }

  @Test
  void aFirstSentenceOverThirtyWordsIsCutAtAClauseBreak() throws IOException {
    String dek = card(page("index.html"), "Water board").selectFirst(".summary").text();

    assertThat(dek.split(" ")).hasSizeLessThanOrEqualTo(Text.DEK_WORDS);
    assertThat(dek)
        .isEqualTo(
            "The regional water board, which has argued for a decade that the"
                + " reservoir on the upper river could not meet summer demand from the growing towns along"
                + " the valley\u2026");
  }

  @Test
  void cardsShowDateAndTime() throws IOException {
    Element meta = card(page("index.html"), "Halvorsen opens").selectFirst(".meta time");

    assertThat(meta.text()).isEqualTo("Nov 2, 2025, 11:00 AM UTC");
  }

  @Test
  void aCardInAnotherLanguageSaysSo() throws IOException {
    Document index = page("index.html");

    assertThat(card(index, "El festival").attr("lang")).isEqualTo("es");
    assertThat(card(index, "Halvorsen opens").hasAttr("lang")).isFalse();
  }

  @Test
  void aNameAndItsLongerFormAndAPluralAreOneTopicPage() throws IOException {
    try (var files = Files.list(out.resolve("topics"))) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly(
              "chip.atom",
              "chip.html",
              "chip.json",
              "halvorsen-microsystems.atom",
              "halvorsen-microsystems.html",
              "halvorsen-microsystems.json");
    }
    Document entry = page("entries/" + entries.get(0).id() + ".html");
    assertThat(entry.select(".story .topic-tag").eachText())
        .containsExactly("#Halvorsen Microsystems", "#chip");
  }

  @Test
  void aTagOnOneEntryShowsAsTextWithoutAPage() throws IOException {
    Document entry = page("entries/" + entries.get(1).id() + ".html");

    Element tag = entry.select(".story .topic-tag").last();
    assertThat(tag.text()).isEqualTo("#tax break");
    assertThat(tag.tagName()).isEqualTo("span");
    assertThat(Files.exists(out.resolve("topics/tax-break.html"))).isFalse();
  }

  @Test
  void aTopicPageFollowsItsOwnFeed() throws IOException {
    Document topic = page("topics/chip.html");

    assertThat(topic.select(".feeds a").eachAttr("href"))
        .containsExactly("../topics/chip.atom", "../topics/chip.json");
    assertThat(Files.readString(out.resolve("topics/chip.atom")))
        .contains("Halvorsen opens a chip plant", "Assembly splits over chip plant tax break");
  }

  @Test
  void theOriginalIsNamedByItsPublicationAndACopyInTheSiteIsLinkedWhenThereIsOne()
      throws IOException {
    Document withCopy = page("entries/" + entries.get(2).id() + ".html");
    Document without = page("entries/" + entries.get(0).id() + ".html");

    assertThat(withCopy.selectFirst(".original a").attr("href"))
        .isEqualTo("../originals/water.html");
    assertThat(withCopy.selectFirst(".original a").text())
        .isEqualTo("Read the original at Courier News");
    assertThat(without.selectFirst(".original a").attr("href"))
        .isEqualTo("https://a.example/plant");
  }

  @Test
  void theIndexIsHonestlyHeadedAndPutsStoriesBeforeTheSideColumn() throws IOException {
    Document index = page("index.html");

    assertThat(index.selectFirst("h1").text()).isEqualTo("Latest stories");
    Element columns = index.selectFirst(".columns");
    assertThat(columns.child(0).hasClass("stream")).isTrue();
    assertThat(columns.child(1).hasClass("side")).isTrue();
  }

  @Test
  void theAboutPageNamesTheAnalyzersAndModelsAndTheReviewPolicy() throws IOException {
    Document about = page("about.html");

    assertThat(about.selectFirst("h1").text()).isEqualTo("How Pulse Test is made");
    assertThat(about.text()).contains("embedded (embedded-1)", "all-minilm-l6-v2-q", "Review");
  }

  @Test
  void withoutABaseUrlFeedItemsOfAKeptOriginalLinkInsideTheSite() throws IOException {
    String id = entries.get(2).id();
    String atom = Files.readString(out.resolve("feed.atom"));
    String categoryJson = Files.readString(out.resolve("categories/environment.json"));

    assertThat(atom)
        .contains("href=\"entries/" + id + ".html\"")
        .contains("href=\"originals/water.html\"")
        .doesNotContain("https://c.example/water")
        .contains("href=\"https://a.example/plant\"");
    assertThat(categoryJson)
        .contains("\"url\" : \"../entries/" + id + ".html\"")
        .contains("\"external_url\" : \"../originals/water.html\"")
        .doesNotContain("https://c.example/water");
  }

  @Test
  void theAboutPageSaysWhetherAnEditorApprovesEntriesFirst(@TempDir Path reviewed)
      throws IOException {
    new SiteRenderer(TestEntries.settings(), EntryVectors.hashedWords())
        .withReviewRequired(true)
        .write(entries, reviewed);
    String required = Jsoup.parse(reviewed.resolve("about.html").toFile(), "UTF-8").text();
    String optional = page("about.html").text();

    assertThat(required)
        .contains("An editor reads every entry before it is published")
        .doesNotContain("no person reads them");
    assertThat(optional)
        .contains("no person reads them before they are published")
        .doesNotContain("An editor reads every entry");
  }
}
