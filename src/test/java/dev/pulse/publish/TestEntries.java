package dev.pulse.publish;

import dev.pulse.analyze.Sentiment;
import dev.pulse.analyze.Usage;
import dev.pulse.store.Entry;
import dev.pulse.store.Provenance;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Builds entries for tests: a fixed clock and a small varied site with one trending story. */
public final class TestEntries {

  public static final Instant NOW = Instant.parse("2025-11-02T12:00:00Z");

  private TestEntries() {}

  public static Entry entry(String url, String source, String title, String summary, String category,
      Sentiment sentiment, List<String> topics, Instant published) {
    return entry(url, source, title, summary, category, sentiment, topics, published, null);
  }

  public static Entry entry(String url, String source, String title, String summary, String category,
      Sentiment sentiment, List<String> topics, Instant published, String editorsNote) {
    Provenance p = new Provenance("embedded", "all-minilm-l6-v2-q", "embedded-1", "jsoup-1",
        published.plusSeconds(60), published.plusSeconds(120), Slugs.sha256(title + summary),
        Usage.NONE);
    return new Entry(Slugs.sha256(url), url, source, title, "Jane Writer",
        OffsetDateTime.ofInstant(published, ZoneOffset.UTC), source + " News", "en", null,
        summary, summary, editorsNote, sentiment, category, topics, p);
  }

  static Instant hoursAgo(double h) {
    return NOW.minusSeconds((long) (h * 3600));
  }

  /**
   * Sixteen entries: four stories on one subject (Mars ice) from three sources within a day, a
   * duplicate headline under another URL, and unrelated stories across four categories.
   */
  public static List<Entry> sample() {
    List<Entry> out = new ArrayList<>();
    out.add(entry("https://orbit.example/mars-ice", "Orbit Daily",
        "Mars rover finds buried water ice near the equator",
        "NASA's rover detected buried water ice near the Martian equator. The find could supply future crews with water. Scientists will drill next spring.",
        "Science", Sentiment.POSITIVE, List.of("Space", "Mars"), hoursAgo(2),
        "Water near the equator makes crewed landings far easier."));
    out.add(entry("https://stars.example/news/ice-on-mars", "Star Ledger",
        "Water ice on Mars: rover confirms buried deposits near equator",
        "The rover confirmed buried water ice deposits near the Martian equator. Engineers say the ice could supply water to future crews.",
        "Science", Sentiment.POSITIVE, List.of("space"), hoursAgo(5)));
    out.add(entry("https://cosmos.example/rover-water", "Cosmos Wire",
        "Rover water ice find on Mars excites planetary scientists",
        "Planetary scientists welcomed the rover's find of buried water ice on Mars near the equator, a supply for future crews.",
        "Science", Sentiment.NEUTRAL, List.of("Space"), hoursAgo(9)));
    out.add(entry("https://orbit.example/mars-ice-drill", "Orbit Daily",
        "Mars water ice: rover team plans drill near equator",
        "The rover team plans to drill into buried water ice near the Martian equator to test supply for future crews.",
        "Science", Sentiment.NEUTRAL, List.of("Mars"), hoursAgo(20)));
    out.add(entry("https://copy.example/mars-ice", "Copy Desk",
        "Mars rover finds buried water ice near the equator",
        "A syndicated copy of the rover story about water ice near the Martian equator.",
        "Science", Sentiment.POSITIVE, List.of("Space"), hoursAgo(3)));
    String[][] others = {
      {"Technology", "Chip maker unveils low-power laptop processor", "The new processor halves power draw for thin laptops. Shipments begin in spring."},
      {"Technology", "Open-source database adds vector search", "The database now indexes embeddings for similarity queries. Developers can try it in the beta."},
      {"Technology", "City network outage disrupts transit payments", "A network failure stopped card readers on buses for four hours. The operator promised refunds."},
      {"Business", "Regional bank reports record quarterly profit", "Higher lending margins lifted profit to a record. The bank raised its dividend."},
      {"Business", "Airline cuts winter routes as fuel costs climb", "Rising fuel prices forced the airline to drop twelve winter routes. Unions criticised the move."},
      {"Business", "Coffee prices fall after strong harvest", "A strong harvest in Brazil pushed coffee futures down. Roasters expect cheaper retail prices."},
      {"World", "Floods force thousands from homes in river valley", "Heavy rain flooded villages along the river. Relief agencies opened shelters."},
      {"World", "Leaders agree on ocean protection treaty text", "Negotiators agreed the final text of an ocean treaty. Ratification starts next year."},
      {"World", "Election turnout hits a twenty-year high", "Turnout reached its highest level in two decades. Counting continues overnight."},
      {"Science", "Bees learn to count in new behaviour study", "Researchers trained bees to pick the flower with three dots. The study probes insect cognition."},
      {"Science", "Ancient DNA rewrites history of early farmers", "Genomes from burial sites show farmers mixed with hunter-gatherers. Archaeologists revise the timeline."},
    };
    Sentiment[] tones = Sentiment.values();
    for (int i = 0; i < others.length; i++) {
      String[] o = others[i];
      out.add(entry("https://news" + (i % 3) + ".example/story/" + i, "Source " + (i % 3),
          o[1], o[2], o[0], tones[i % 3], List.of(o[0].toLowerCase() + " news"),
          hoursAgo(30 + i * 7)));
    }
    return out;
  }

  static SiteSettings settings() {
    return SiteSettings.defaults()
        .withTitle("Pulse Test")
        .withClock(java.time.Clock.fixed(NOW, ZoneOffset.UTC))
        .withClusterThreshold(0.3)
        // hashed bag-of-words vectors score lower than MiniLM's: no floor unless a test sets one
        .withRecommendationFloor(-1);
  }
}
