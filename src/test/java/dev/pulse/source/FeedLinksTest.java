package dev.pulse.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedLinksTest {

  @Test
  void findsAlternateFeedsAsAbsoluteUrlsInOrderWithoutDuplicates() {
    String html = new String(Fixtures.bytes("page-with-feeds.html"), StandardCharsets.UTF_8);

    assertThat(FeedLinks.find(html, "https://news.example.org/index.html"))
        .containsExactly(
            "https://news.example.org/feeds/all.rss", "https://cdn.example.org/all.atom");
  }

  @Test
  void findsNothingOnAPageWithoutFeeds() {
    String html = new String(Fixtures.bytes("page-without-feed.html"), StandardCharsets.UTF_8);

    assertThat(FeedLinks.find(html, "https://news.example.org/")).isEmpty();
  }
}
