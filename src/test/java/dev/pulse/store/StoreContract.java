package dev.pulse.store;

import dev.pulse.analyze.Sentiment;
import dev.pulse.analyze.Usage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the role contracts: each role's contract extends it, and each implementation (SQLite,
 * PostgreSQL) extends each contract once, saying how to open a new, empty store.
 */
abstract class StoreContract {

  private final List<Store> opened = new ArrayList<>();

  /** A new, empty store of the implementation under test. */
  abstract Store newStore();

  /** A new, empty store, closed after the test. */
  final Store store() {
    Store s = newStore();
    opened.add(s);
    return s;
  }

  @AfterEach
  final void closeStores() {
    opened.forEach(Store::close);
  }

  static Entry entry(String id, String title, String summary, OffsetDateTime published) {
    return new Entry(
        id,
        "https://news.example/" + id,
        "Example",
        title,
        "Ada Writer",
        published,
        "Example News",
        "en",
        null,
        "Body of " + title,
        summary,
        "Why it matters.",
        Sentiment.NEUTRAL,
        "Technology",
        List.of("chips", "factories"),
        new Provenance(
            "embedded",
            "all-minilm-l6-v2-q",
            "embedded/1",
            "jsoup/1",
            Instant.parse("2026-11-20T10:00:00Z"),
            Instant.parse("2026-11-20T10:00:05Z"),
            "hash-" + id,
            new Usage(1, 100, 20, 0.001)));
  }
}
