package dev.pulse.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class SitemapReaderTest {

  private static byte[] withHost(String fixture) {
    return new String(Fixtures.bytes(fixture), StandardCharsets.UTF_8)
        .replace("HOST", "news.example.org")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsASitemapWithLastmodDates() {
    SitemapReader.Page page =
        SitemapReader.parse(
            "https://www.example.org/sitemap.xml",
            Fixtures.bytes("sitemap.xml"),
            "application/xml");

    assertThat(page.children()).isEmpty();
    assertThat(page.parsed().items())
        .extracting(SourceItem::url)
        .containsExactlyInAnyOrder(
            "https://www.example.org/about",
            "https://www.example.org/2026/11/bridge-repairs",
            "https://www.example.org/2026/11/school-garden");
    assertThat(page.parsed().items())
        .filteredOn(i -> i.url().endsWith("school-garden"))
        .singleElement()
        .satisfies(
            i -> assertThat(i.published()).isEqualTo(OffsetDateTime.parse("2026-11-25T06:00:00Z")));
  }

  @Test
  void listsTheChildrenOfAnIndexNewestFirst() {
    SitemapReader.Page page =
        SitemapReader.parse(
            "http://news.example.org/sitemap-index.xml", withHost("sitemap-index.xml"), "text/xml");

    assertThat(page.parsed().items()).isEmpty();
    assertThat(page.children())
        .containsExactly(
            "http://news.example.org/sitemaps/news.xml",
            "http://news.example.org/sitemaps/old.xml");
  }

  @Test
  void readsNewsTitlesAndPublicationDates() {
    SitemapReader.Page page =
        SitemapReader.parse(
            "http://news.example.org/sitemaps/news.xml",
            withHost("news-sitemap.xml"),
            "application/xml");

    assertThat(page.parsed().items())
        .extracting(SourceItem::title)
        .containsExactlyInAnyOrder("Council votes on the new library", "Rail strike called off");
    assertThat(page.parsed().items())
        .filteredOn(i -> i.url().endsWith("council-vote"))
        .singleElement()
        .satisfies(
            i -> assertThat(i.published()).isEqualTo(OffsetDateTime.parse("2026-11-25T08:15:00Z")));
  }

  @Test
  void readsAPlainTextSitemap() {
    byte[] text =
        "https://www.example.org/a\nhttps://www.example.org/b\n".getBytes(StandardCharsets.UTF_8);

    SitemapReader.Page page =
        SitemapReader.parse("https://www.example.org/sitemap.txt", text, "text/plain");

    assertThat(page.parsed().items())
        .extracting(SourceItem::url)
        .containsExactly("https://www.example.org/a", "https://www.example.org/b");
  }

  @Test
  void turnsGarbageIntoAProblem() {
    SitemapReader.Page page =
        SitemapReader.parse(
            "https://www.example.org/sitemap.xml", Fixtures.bytes("broken.xml"), "application/xml");

    assertThat(page.parsed().items()).isEmpty();
    assertThat(page.parsed().problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo("bad-sitemap"));
  }
}
