package dev.pulse.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class FeedParserTest {

  @Test
  void readsRss2ItemsWithTitlesDatesAndRawLinks() {
    Parsed parsed =
        FeedParser.parse(
            "https://news.example.org/rss.xml",
            Fixtures.bytes("rss2.xml"),
            "application/rss+xml",
            StandardCharsets.UTF_8);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.items()).hasSize(6);
    SourceItem second = parsed.items().get(1);
    assertThat(second.title()).isEqualTo("Lighthouse reopens to visitors");
    assertThat(second.url()).isEqualTo("/2026/11/lighthouse-reopens");
    assertThat(second.published()).isEqualTo(OffsetDateTime.parse("2026-11-25T08:30:00Z"));
    assertThat(parsed.items().get(5).published()).isNull();
  }

  @Test
  void readsTheDateFormsOfRssPubDateToTheSameInstants() {
    String[] dates = {
      "Wed, 25 Nov 2026 08:30:00 GMT",
      "Wed, 25 Nov 2026 10:30:00 +0200",
      "Wed, 25 Nov 26 08:30:00 GMT",
      "Wed, 25 Nov 2026 08:30:00 UT",
      "Wed, 25 Nov 2026 08:30 GMT",
      "25 Nov 2026 08:30:00 GMT",
      "2026-11-25T08:30:00Z"
    };
    StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>t</title>");
    for (int i = 0; i < dates.length; i++) {
      rss.append("<item><link>https://news.example.org/")
          .append(i)
          .append("</link><pubDate>")
          .append(dates[i])
          .append("</pubDate></item>");
    }
    Parsed parsed =
        FeedParser.parse(
            "https://news.example.org/rss.xml",
            rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8),
            "application/rss+xml",
            StandardCharsets.UTF_8);

    assertThat(parsed.items())
        .extracting(SourceItem::published)
        .allSatisfy(
            d -> assertThat(d.toInstant()).isEqualTo(Instant.parse("2026-11-25T08:30:00Z")));
  }

  @Test
  void triesTheCommonRfc822DateFirstInsteadOfEveryW3cMask() {
    // src/main/resources/rome.properties: without it each <pubDate> costs ~20 SimpleDateFormats
    assertThat(
            com.rometools.rome.io.impl.PropertiesLoader.getPropertiesLoader()
                .getTokenizedProperty("datetime.extra.masks", "|"))
        .containsExactly("EEE, dd MMM yy HH:mm:ss z");
  }

  @Test
  void readsRss091WithItsDoctypeInLatin1() {
    Parsed parsed =
        FeedParser.parse(
            "http://old.example.net/rss", Fixtures.bytes("rss091.xml"), "text/xml", null);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.items())
        .extracting(SourceItem::title)
        .containsExactly("Le café du port ferme", "Marché de Noël");
  }

  @Test
  void readsRss1DublinCoreDates() {
    Parsed parsed =
        FeedParser.parse(
            "https://science.example.com/rss",
            Fixtures.bytes("rss1.rdf"),
            "application/rdf+xml",
            null);

    assertThat(parsed.items())
        .extracting(SourceItem::url)
        .containsExactly("https://science.example.com/comet", "https://science.example.com/coral");
    assertThat(parsed.items().get(0).published())
        .isEqualTo(OffsetDateTime.parse("2026-11-20T10:00:00Z"));
  }

  @Test
  void readsAtomPreferringPublishedAndFallingBackToAnIdUrl() {
    Parsed parsed =
        FeedParser.parse(
            "https://tech.example.com/atom.xml",
            Fixtures.bytes("atom.xml"),
            "application/atom+xml",
            null);

    assertThat(parsed.items())
        .extracting(SourceItem::url)
        .containsExactly(
            "https://tech.example.com/posts/compilers",
            "https://tech.example.com/posts/updated-only",
            "https://tech.example.com/posts/id-only");
    assertThat(parsed.items().get(0).published())
        .isEqualTo(OffsetDateTime.parse("2026-11-23T07:00:00Z"));
    assertThat(parsed.items().get(1).published())
        .isEqualTo(OffsetDateTime.parse("2026-11-25T07:00:00Z"));
  }

  @Test
  void readsJsonFeedAndReportsAnUnreadableDate() {
    Parsed parsed =
        FeedParser.parse(
            "https://garden.example.org/feed.json",
            Fixtures.bytes("feed.json"),
            "application/feed+json",
            null);

    assertThat(parsed.items())
        .extracting(SourceItem::url)
        .containsExactly(
            "https://garden.example.org/tomatoes",
            "https://elsewhere.example.com/soil",
            null,
            "https://garden.example.org/bulbs");
    assertThat(parsed.items().get(0).published())
        .isEqualTo(OffsetDateTime.parse("2026-11-24T17:00:00Z"));
    assertThat(parsed.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo("bad-date"));
  }

  @Test
  void recognisesJsonFeedWithoutAContentType() {
    Parsed parsed =
        FeedParser.parse(
            "https://garden.example.org/feed.json", Fixtures.bytes("feed.json"), null, null);

    assertThat(parsed.items()).hasSize(4);
  }

  @Test
  void turnsABrokenFeedIntoAProblem() {
    Parsed parsed =
        FeedParser.parse(
            "https://broken.example.org/rss",
            Fixtures.bytes("broken.xml"),
            "application/xml",
            null);

    assertThat(parsed.items()).isEmpty();
    assertThat(parsed.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo("bad-feed");
              assertThat(p.url()).isEqualTo("https://broken.example.org/rss");
            });
  }

  @Test
  void turnsJsonThatIsNotAJsonFeedIntoAProblem() {
    Parsed parsed =
        FeedParser.parse(
            "https://x.example.org/api",
            "{\"hello\":1}".getBytes(StandardCharsets.UTF_8),
            "application/json",
            null);

    assertThat(parsed.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo("bad-feed"));
  }

  @Test
  void neverResolvesExternalEntities() {
    Parsed parsed =
        FeedParser.parse(
            "https://hostile.example.org/rss",
            Fixtures.bytes("xxe.xml"),
            "application/rss+xml",
            null);

    // The entity is dropped: the title keeps only its literal part, nothing read from the file.
    assertThat(parsed.items()).extracting(SourceItem::title).containsExactly("leak:");
  }
}
