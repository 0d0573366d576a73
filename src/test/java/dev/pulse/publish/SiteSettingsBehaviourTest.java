package dev.pulse.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.similar.EntryVectors;
import dev.pulse.store.Entry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code site:} settings that had no test of their effect: each one, changed, changes the
 * rendered site.
 */
class SiteSettingsBehaviourTest {

  @TempDir Path dir;
  private final List<Entry> entries = TestEntries.sample();

  private Document render(SiteSettings settings, String name, String page) throws IOException {
    Path out = dir.resolve(name);
    new SiteRenderer(settings, EntryVectors.hashedWords()).write(entries, out);
    return Jsoup.parse(out.resolve(page).toFile(), "UTF-8");
  }

  @Test
  void theTaglineIsShownUnderTheTitle() throws IOException {
    assertThat(render(TestEntries.settings(), "default", "index.html").select(".tagline").text())
        .isEqualTo("News, curated.");
    assertThat(
            render(TestEntries.settings().withTagline("Only the good bits."), "set", "index.html")
                .select(".tagline")
                .text())
        .isEqualTo("Only the good bits.");
  }

  @Test
  void theTimeZoneSetsTheShownTimeButNotTheInstant() throws IOException {
    Entry e =
        entries.stream()
            .filter(x -> x.title().startsWith("Mars rover finds buried water ice"))
            .findFirst()
            .orElseThrow();
    String page = "entries/" + e.id() + ".html";
    Document utc = render(TestEntries.settings(), "utc", page);
    Document tokyo =
        render(TestEntries.settings().withZone(ZoneId.of("Asia/Tokyo")), "tokyo", page);

    assertThat(utc.selectFirst(".byline time").text()).contains("10:00 AM UTC");
    assertThat(tokyo.selectFirst(".byline time").text()).contains("7:00 PM");
    assertThat(OffsetDateTime.parse(tokyo.selectFirst(".byline time").attr("datetime")))
        .isAtSameInstantAs(OffsetDateTime.parse(utc.selectFirst(".byline time").attr("datetime")));
  }

  @Test
  void aTrendingWindowTooShortForAnyStoryLeavesNoTrendingTopic() throws IOException {
    assertThat(render(TestEntries.settings(), "wide", "index.html").select(".trending .topic"))
        .isNotEmpty();
    assertThat(
            render(
                    TestEntries.settings().withTrendingWindow(Duration.ofMinutes(1)),
                    "narrow",
                    "index.html")
                .select(".trending .topic"))
        .isEmpty();
  }

  @Test
  void theTitleNamesTheSite() throws IOException {
    assertThat(
            render(TestEntries.settings().withTitle("Harbour Desk"), "title", "index.html").title())
        .contains("Harbour Desk");
  }
}
