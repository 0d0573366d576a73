package dev.pulse.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pulse.fetch.FetchSettings;
import dev.pulse.fetch.Fetcher;
import dev.pulse.fetch.HttpFetcher;
import dev.pulse.fetch.PoliteFetcher;
import dev.pulse.fetch.Politeness;
import dev.pulse.fetch.ValidatorStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FeedSourceDiscovererTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true))
          .build();

  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

  private final Fetcher fetcher =
      new HttpFetcher(FetchSettings.defaults().withAllow(List.of("127.0.0.1")));
  private final FeedSourceDiscoverer discoverer =
      new FeedSourceDiscoverer(fetcher, ValidatorStore.none(), NOW);

  private String url(String path) {
    return "http://127.0.0.1:" + server.getPort() + path;
  }

  private void serve(String path, String type, String fixture) {
    byte[] body =
        new String(Fixtures.bytes(fixture), StandardCharsets.ISO_8859_1)
            .replace("http://HOST", url(""))
            .getBytes(StandardCharsets.ISO_8859_1);
    server.stubFor(
        get(path).willReturn(aResponse().withHeader("Content-Type", type).withBody(body)));
  }

  private static SourceConfig source(
      SourceConfig.Type type, String url, int maxItems, Duration lookback) {
    return new SourceConfig("test", type, url, List.of(), "Local", maxItems, lookback);
  }

  @Test
  void listsFeedItemsNewestFirstResolvedAndDeduplicated() {
    serve("/rss.xml", "application/rss+xml; charset=utf-8", "rss2.xml");

    Discovery d = discoverer.discover(source(SourceConfig.Type.FEED, url("/rss.xml"), 50, null));

    assertThat(d.items())
        .extracting(DiscoveredItem::url)
        .containsExactly(
            url("/2026/11/lighthouse-reopens"),
            "https://news.example.org/2026/11/ferry-timetable",
            "https://news.example.org/archive/1953-storm",
            "https://news.example.org/notes/editor");
    assertThat(d.items())
        .allSatisfy(
            i -> {
              assertThat(i.source()).isEqualTo("test");
              assertThat(i.categoryHint()).isEqualTo("Local");
            });
    assertThat(d.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo("invalid-url");
              assertThat(p.url()).isEqualTo("javascript:alert(1)");
            });
  }

  @Test
  void appliesLookbackAndMaxItems() {
    serve("/rss.xml", "application/rss+xml", "rss2.xml");

    Discovery d =
        discoverer.discover(
            source(SourceConfig.Type.FEED, url("/rss.xml"), 2, Duration.ofDays(30)));

    assertThat(d.items())
        .extracting(DiscoveredItem::url)
        .containsExactly(
            url("/2026/11/lighthouse-reopens"), "https://news.example.org/2026/11/ferry-timetable");
  }

  @Test
  void keepsUndatedItemsWithinTheLookback() {
    serve("/rss.xml", "application/rss+xml", "rss2.xml");

    Discovery d =
        discoverer.discover(
            source(SourceConfig.Type.FEED, url("/rss.xml"), 50, Duration.ofDays(30)));

    assertThat(d.items())
        .extracting(DiscoveredItem::url)
        .contains("https://news.example.org/notes/editor")
        .doesNotContain("https://news.example.org/archive/1953-storm");
  }

  @Test
  void recordsAMissingFeedAsAProblem() {
    server.stubFor(get("/gone.xml").willReturn(aResponse().withStatus(404)));

    Discovery d = discoverer.discover(source(SourceConfig.Type.FEED, url("/gone.xml"), 50, null));

    assertThat(d.items()).isEmpty();
    assertThat(d.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo("http-404"));
  }

  @Test
  void recordsABrokenFeedAsAProblem() {
    serve("/broken.xml", "application/xml", "broken.xml");

    Discovery d = discoverer.discover(source(SourceConfig.Type.FEED, url("/broken.xml"), 50, null));

    assertThat(d.items()).isEmpty();
    assertThat(d.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo("bad-feed"));
  }

  @Test
  void readsAJsonFeed() {
    serve("/feed.json", "application/feed+json", "feed.json");

    Discovery d = discoverer.discover(source(SourceConfig.Type.FEED, url("/feed.json"), 50, null));

    assertThat(d.items())
        .extracting(DiscoveredItem::url)
        .containsExactly(
            "https://garden.example.org/tomatoes",
            "https://elsewhere.example.com/soil",
            "https://garden.example.org/bulbs");
    assertThat(d.problems())
        .extracting(Discovery.Problem::reason)
        .containsExactlyInAnyOrder("bad-date", "invalid-url");
  }

  @Test
  void followsASitemapIndexToItsChildren() {
    serve("/sitemap-index.xml", "application/xml", "sitemap-index.xml");
    serve("/sitemaps/news.xml", "application/xml", "news-sitemap.xml");
    serve("/sitemaps/old.xml", "application/xml", "old-sitemap.xml");

    Discovery d =
        discoverer.discover(
            source(SourceConfig.Type.SITEMAP, url("/sitemap-index.xml"), 50, Duration.ofDays(7)));

    assertThat(d.problems()).isEmpty();
    assertThat(d.items())
        .extracting(DiscoveredItem::title)
        .containsExactly("Council votes on the new library", "Rail strike called off");
    server.verify(getRequestedFor(urlEqualTo("/sitemaps/old.xml")));
  }

  @Test
  void discoversTheFeedAPageNames() {
    String page =
        "<html><head><link rel=\"alternate\" type=\"application/atom+xml\" href=\"/atom.xml\"></head></html>";
    server.stubFor(
        get("/").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(page)));
    serve("/atom.xml", "application/atom+xml", "atom.xml");

    Discovery d = discoverer.discover(source(SourceConfig.Type.PAGE, url("/"), 50, null));

    assertThat(d.problems()).isEmpty();
    assertThat(d.items()).hasSize(3);
  }

  @Test
  void reportsAPageThatNamesNoFeed() {
    serve("/plain", "text/html", "page-without-feed.html");

    Discovery d = discoverer.discover(source(SourceConfig.Type.PAGE, url("/plain"), 50, null));

    assertThat(d.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo("no-feed"));
  }

  @Test
  void passesAUrlListThroughCheckingAndDeduplicatingEachUrl() {
    SourceConfig list =
        new SourceConfig(
            "picks",
            SourceConfig.Type.URLS,
            null,
            List.of(
                "https://a.example.org/1",
                "not a url",
                "ftp://a.example.org/2",
                "https://a.example.org/3",
                "https://A.example.org/1?utm_source=newsletter#top"),
            null,
            50,
            null);

    Discovery d = discoverer.discover(list);

    assertThat(d.items())
        .extracting(DiscoveredItem::url)
        .containsExactly("https://a.example.org/1", "https://a.example.org/3");
    assertThat(d.problems())
        .extracting(Discovery.Problem::url)
        .containsExactly("not a url", "ftp://a.example.org/2");
  }

  @Test
  void countsEachListedCopyOfAnItemAsMergedSoEveryListedItemIsCounted() {
    String items =
        "<item><title>A</title><link>https://a.example.org/story</link></item>"
            + "<item><title>A</title><link>https://a.example.org/story?utm_source=rss</link></item>"
            + "<item><title>A</title><link>https://a.example.org/story?utm_medium=x#c</link></item>"
            + "<item><title>B</title><link>https://a.example.org/other</link></item>";
    server.stubFor(
        get("/utm.xml")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/rss+xml")
                    .withBody(
                        "<rss version=\"2.0\"><channel><title>t</title>"
                            + items
                            + "</channel></rss>")));

    Discovery d = discoverer.discover(source(SourceConfig.Type.FEED, url("/utm.xml"), 50, null));

    assertThat(d.items())
        .extracting(DiscoveredItem::url)
        .containsExactly("https://a.example.org/story", "https://a.example.org/other");
    assertThat(d.merged()).isEqualTo(2);
    assertThat(d.items().size() + d.merged()).isEqualTo(4);
  }

  @Test
  void namesAFeedThatFailsOnceInItsProblem() {
    server.stubFor(get("/gone.xml").willReturn(aResponse().withStatus(410)));

    Discovery d = discoverer.discover(source(SourceConfig.Type.FEED, url("/gone.xml"), 50, null));

    assertThat(d.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.url()).isEqualTo(url("/gone.xml"));
              assertThat(p.message()).isEqualTo("HTTP 410").doesNotContain(url("/gone.xml"));
            });
  }

  @Test
  void fetchesAnUnchangedFeedConditionallyAndGetsNoItems() {
    server.stubFor(
        get("/rss.xml")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/rss+xml")
                    .withHeader("ETag", "\"abc\"")
                    .withBody(Fixtures.bytes("rss2.xml"))));
    server.stubFor(
        get("/rss.xml")
            .withHeader("If-None-Match", equalTo("\"abc\""))
            .willReturn(aResponse().withStatus(304)));
    ValidatorStore saved = ValidatorStore.inMemory();
    FeedSourceDiscoverer remembering = new FeedSourceDiscoverer(fetcher, saved, NOW);
    SourceConfig feed = source(SourceConfig.Type.FEED, url("/rss.xml"), 50, null);

    Discovery first = remembering.discover(feed);
    first.saveValidators(saved);
    Discovery second = remembering.discover(feed);

    assertThat(first.items()).hasSize(4);
    assertThat(first.unchanged()).isFalse();
    assertThat(second.items()).isEmpty();
    assertThat(second.problems()).isEmpty();
    assertThat(second.unchanged()).isTrue();
    server.verify(
        1, getRequestedFor(urlEqualTo("/rss.xml")).withHeader("If-None-Match", equalTo("\"abc\"")));
  }

  @Test
  void recordsAFeedThatRobotsTxtDisallows() {
    server.stubFor(
        get("/robots.txt")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/plain")
                    .withBody("User-agent: *\nDisallow: /private/\n")));
    serve("/private/rss.xml", "application/rss+xml", "rss2.xml");
    Fetcher polite =
        PoliteFetcher.create(
            FetchSettings.defaults().withAllow(List.of("127.0.0.1")),
            Politeness.defaults().withMinHostDelay(Duration.ZERO));

    Discovery d =
        new FeedSourceDiscoverer(polite)
            .discover(source(SourceConfig.Type.FEED, url("/private/rss.xml"), 50, null));

    assertThat(d.items()).isEmpty();
    assertThat(d.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo("robots"));
    server.verify(0, getRequestedFor(urlEqualTo("/private/rss.xml")));
  }

  @Test
  void skipsAnUnchangedSitemapIndexAndItsChildren() {
    byte[] index =
        new String(Fixtures.bytes("sitemap-index.xml"), StandardCharsets.UTF_8)
            .replace("http://HOST", url(""))
            .getBytes(StandardCharsets.UTF_8);
    server.stubFor(
        get("/sitemap-index.xml")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/xml")
                    .withHeader("Last-Modified", "Wed, 25 Nov 2026 06:00:00 GMT")
                    .withBody(index)));
    server.stubFor(
        get("/sitemap-index.xml")
            .withHeader("If-Modified-Since", equalTo("Wed, 25 Nov 2026 06:00:00 GMT"))
            .willReturn(aResponse().withStatus(304)));
    serve("/sitemaps/news.xml", "application/xml", "news-sitemap.xml");
    serve("/sitemaps/old.xml", "application/xml", "old-sitemap.xml");
    ValidatorStore saved = ValidatorStore.inMemory();
    FeedSourceDiscoverer remembering = new FeedSourceDiscoverer(fetcher, saved, NOW);
    SourceConfig sitemap = source(SourceConfig.Type.SITEMAP, url("/sitemap-index.xml"), 50, null);

    Discovery first = remembering.discover(sitemap);
    first.saveValidators(saved);
    Discovery second = remembering.discover(sitemap);

    assertThat(first.items()).hasSize(3);
    assertThat(second.unchanged()).isTrue();
    assertThat(second.items()).isEmpty();
    server.verify(1, getRequestedFor(urlEqualTo("/sitemaps/news.xml")));
  }

  @Test
  void survivesAFetcherThatFailsUnexpectedly() {
    Fetcher exploding =
        request -> {
          throw new IllegalStateException("boom");
        };

    Discovery d =
        new FeedSourceDiscoverer(exploding)
            .discover(source(SourceConfig.Type.FEED, "https://x.example.org/rss", 50, null));

    assertThat(d.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo("discover-error"));
  }
}
