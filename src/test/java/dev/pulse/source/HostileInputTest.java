package dev.pulse.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Documents built to hurt the parsers: each gives a problem or a harmless result, never a crash.
 */
class HostileInputTest {

  @Test
  void anEntityExpansionBombIsRefused() {
    Parsed parsed =
        FeedParser.parse(
            "https://laughs.example.org/rss",
            Fixtures.bytes("billion-laughs.xml"),
            "application/rss+xml",
            null);

    assertThat(parsed.items()).isEmpty();
    assertThat(parsed.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo("bad-feed"));
  }

  @Test
  void anEntityExpansionBombIsRefusedAsASitemap() {
    SitemapReader.Page page =
        SitemapReader.parse(
            "https://laughs.example.org/sitemap.xml",
            Fixtures.bytes("billion-laughs.xml"),
            "application/xml");

    assertThat(page.parsed().items()).isEmpty();
    assertThat(page.parsed().problems()).isNotEmpty();
  }

  @Test
  void randomBytesNeverEscapeAsExceptions() {
    Random random = new Random(5);
    for (int i = 0; i < 50; i++) {
      byte[] junk = new byte[random.nextInt(2000)];
      random.nextBytes(junk);
      assertThatCode(
              () -> {
                FeedParser.parse("https://x.example.org/f", junk, null, null);
                FeedParser.parse("https://x.example.org/f", junk, "application/json", null);
                SitemapReader.parse("https://x.example.org/s.xml", junk, "application/xml");
                SitemapReader.parse("https://x.example.org/s.xml", junk, null);
                FeedLinks.find(
                    new String(junk, StandardCharsets.ISO_8859_1), "https://x.example.org/");
              })
          .doesNotThrowAnyException();
    }
  }

  @Test
  void deeplyNestedJsonIsAProblem() {
    String deep =
        "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":"
            + "[".repeat(5000)
            + "]".repeat(5000)
            + "}";

    Parsed parsed =
        FeedParser.parse(
            "https://x.example.org/feed.json",
            deep.getBytes(StandardCharsets.UTF_8),
            "application/feed+json",
            null);

    assertThat(parsed.items()).isEmpty();
    assertThat(parsed.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo("bad-feed"));
  }
}
