package dev.pulse.store;

import dev.pulse.analyze.Sentiment;
import dev.pulse.analyze.Usage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Plain entries for tests of other packages: number {@code i}, a minute apart, category World. */
public final class TestEntries {

  private TestEntries() {}

  /** Entry {@code i}: id {@code %064x} of i + 1, published 2026-11-01T08:00Z plus i minutes. */
  public static Entry entry(int i, String title) {
    Instant published = Instant.parse("2026-11-01T08:00:00Z").plusSeconds(60L * i);
    return new Entry(
        String.format("%064x", i + 1),
        "https://news.example/story-" + i,
        "Daily Planet",
        title,
        null,
        OffsetDateTime.ofInstant(published, ZoneOffset.UTC),
        "Daily Planet",
        "en",
        null,
        "Text of story " + i + ".",
        "Summary " + i + ".",
        null,
        Sentiment.NEUTRAL,
        "World",
        List.of("Harbour"),
        new Provenance(
            "embedded",
            "model",
            "embedded-1",
            "jsoup-1",
            published.plusSeconds(60),
            published.plusSeconds(120),
            "hash-" + i,
            Usage.NONE));
  }
}
