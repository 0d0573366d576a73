package dev.pulse.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.pulse.similar.EntryVectors;
import dev.pulse.store.Entry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedsTest {

  static final String BASE = "https://pulse.example/news/";

  @TempDir static Path relative;
  @TempDir static Path absolute;
  static List<Entry> entries;

  @BeforeAll
  static void render() {
    entries = TestEntries.sample();
    new SiteRenderer(TestEntries.settings(), EntryVectors.hashedWords()).write(entries, relative);
    new SiteRenderer(TestEntries.settings().withBaseUrl(BASE), EntryVectors.hashedWords())
        .write(entries, absolute);
  }

  static List<Entry> newestFirst(String category) {
    return entries.stream()
        .filter(e -> category == null || e.category().equals(category))
        .sorted(Comparator.comparing(Entry::published).reversed())
        .toList();
  }

  static SyndFeed atom(Path file) throws Exception {
    return new SyndFeedInput().build(new XmlReader(file.toFile()));
  }

  @Test
  void siteAtomFeedHoldsTheEntriesNewestFirst() throws Exception {
    SyndFeed feed = atom(relative.resolve("feed.atom"));

    assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
    assertThat(feed.getTitle()).isEqualTo("Pulse Test");
    List<Entry> expected = newestFirst(null);
    assertThat(feed.getEntries())
        .extracting(SyndEntry::getUri)
        .containsExactlyElementsOf(
            expected.stream().map(e -> "urn:pulse:entry:" + e.id()).toList());
    assertThat(feed.getEntries())
        .extracting(SyndEntry::getTitle)
        .containsExactlyElementsOf(expected.stream().map(Entry::title).toList());
    assertThat(feed.getEntries())
        .extracting(SyndEntry::getLink)
        .containsExactlyElementsOf(expected.stream().map(Entry::url).toList());
    SyndEntry first = feed.getEntries().get(0);
    assertThat(first.getDescription().getValue())
        .startsWith(expected.get(0).summary())
        .contains("Editor's note: " + expected.get(0).editorsNote());
    assertThat(first.getCategories())
        .extracting(SyndCategory::getName)
        .containsExactly("Science", "Space", "Mars");
  }

  @Test
  void categoryFeedsHoldOnlyTheirCategory() throws Exception {
    for (String category : List.of("Science", "World")) {
      String slug = category.toLowerCase();
      SyndFeed feed = atom(relative.resolve("categories/" + slug + ".atom"));
      assertThat(feed.getEntries())
          .extracting(SyndEntry::getTitle)
          .containsExactlyElementsOf(newestFirst(category).stream().map(Entry::title).toList());

      JsonNode json =
          new ObjectMapper().readTree(relative.resolve("categories/" + slug + ".json").toFile());
      List<String> ids = new ArrayList<>();
      json.get("items").forEach(i -> ids.add(i.get("id").asText()));
      assertThat(ids)
          .containsExactlyElementsOf(
              newestFirst(category).stream().map(e -> "urn:pulse:entry:" + e.id()).toList());
    }
  }

  @Test
  void jsonFeedFollowsVersionOneOneAndMatchesTheEntries() throws Exception {
    JsonNode feed = new ObjectMapper().readTree(relative.resolve("feed.json").toFile());

    assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
    assertThat(feed.get("title").asText()).isEqualTo("Pulse Test");
    List<Entry> expected = newestFirst(null);
    assertThat(feed.get("items")).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      JsonNode item = feed.get("items").get(i);
      Entry e = expected.get(i);
      assertThat(item.get("id").asText()).isEqualTo("urn:pulse:entry:" + e.id());
      assertThat(item.get("title").asText()).isEqualTo(e.title());
      assertThat(item.get("url").asText()).isEqualTo(e.url());
      assertThat(item.get("summary").asText()).isEqualTo(e.summary());
      assertThat(item.get("date_published").asText())
          .isEqualTo(e.published().toInstant().toString());
      assertThat(item.get("tags").get(0).asText()).isEqualTo(e.category());
      assertThat(item.get("_pulse").get("sentiment").asText()).isEqualTo(e.sentiment().label());
    }
  }

  @Test
  void withABaseUrlItemsLinkToTheirPageAndNameTheOriginal() throws Exception {
    JsonNode feed = new ObjectMapper().readTree(absolute.resolve("feed.json").toFile());
    Entry newest = newestFirst(null).get(0);

    assertThat(feed.get("home_page_url").asText()).isEqualTo(BASE + "index.html");
    assertThat(feed.get("feed_url").asText()).isEqualTo(BASE + "feed.json");
    JsonNode item = feed.get("items").get(0);
    assertThat(item.get("url").asText()).isEqualTo(BASE + "entries/" + newest.id() + ".html");
    assertThat(item.get("external_url").asText()).isEqualTo(newest.url());

    SyndFeed atom = atom(absolute.resolve("feed.atom"));
    assertThat(atom.getEntries().get(0).getLink())
        .isEqualTo(BASE + "entries/" + newest.id() + ".html");
  }

  @Test
  void feedsAreCappedAtTheFeedSize(@TempDir Path dir) throws Exception {
    SiteSettings s = TestEntries.settings();
    SiteSettings small = s.toBuilder().baseUrl(null).feedSize(4).build();
    new SiteRenderer(small, EntryVectors.hashedWords()).write(entries, dir);

    assertThat(atom(dir.resolve("feed.atom")).getEntries()).hasSize(4);
    assertThat(new ObjectMapper().readTree(dir.resolve("feed.json").toFile()).get("items"))
        .hasSize(4);
  }
}
