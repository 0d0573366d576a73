package dev.pulse.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.analyze.Sentiment;
import dev.pulse.analyze.Usage;
import dev.pulse.source.DiscoveredItem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link EntryStore} must have; each implementation's test extends this. */
abstract class EntryStoreContract {

  /** A new, empty store. */
  abstract EntryStore store();

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

  @Test
  void anEntryReadsBackAsItWasWritten() {
    EntryStore s = store();
    Entry e =
        entry(
            "a1",
            "Chip plant opens",
            "A plant opened.",
            OffsetDateTime.parse("2026-11-20T09:00:00+01:00"));
    s.upsert(e);
    assertThat(s.find("a1")).contains(e);
  }

  @Test
  void upsertingTheSameIdReplacesInsteadOfDuplicating() {
    EntryStore s = store();
    s.upsert(entry("a1", "First title", "First.", null));
    s.upsert(entry("a1", "Second title", "Second.", null));
    assertThat(s.entries()).hasSize(1);
    assertThat(s.find("a1").orElseThrow().title()).isEqualTo("Second title");
  }

  @Test
  void entriesComeNewestFirst() {
    EntryStore s = store();
    s.upsert(entry("old", "Old", "Old.", OffsetDateTime.parse("2026-11-01T00:00:00Z")));
    s.upsert(entry("new", "New", "New.", OffsetDateTime.parse("2026-11-22T00:00:00Z")));
    assertThat(s.entries()).extracting(Entry::id).containsExactly("new", "old");
  }

  @Test
  void aRunKeepsItsFiguresAndFailures() {
    EntryStore s = store();
    long id = s.startRun("run", "embedded (m)");
    s.recordFailure(
        id, new ItemFailure("https://x.example/a", "fetch", "http-404", "not found", null));
    s.finishRun(
        new RunRecord(
            id,
            "run",
            Instant.now(),
            Instant.now(),
            "embedded (m)",
            Map.of("stored", 3, "failed", 1),
            new Usage(2, 10, 5, 0.5),
            "partial"));
    RunRecord r = s.runs().get(0);
    assertThat(r.id()).isEqualTo(id);
    assertThat(r.counts()).containsEntry("stored", 3).containsEntry("failed", 1);
    assertThat(r.usage()).isEqualTo(new Usage(2, 10, 5, 0.5));
    assertThat(r.status()).isEqualTo("partial");
    assertThat(s.failures(id)).extracting(ItemFailure::reason).containsExactly("http-404");
  }

  @Test
  void discoveredItemsStayQueuedWithNoAttemptCountedUntilDropped() {
    EntryStore s = store();
    DiscoveredItem a = new DiscoveredItem("https://x.example/a", "A", null, "Wire", null);
    DiscoveredItem b = new DiscoveredItem("https://x.example/b", "B", null, "Wire", null);
    s.queueRetry(b, "timeout");
    s.queueRetry(b, "timeout");
    s.queueRetry(b, "timeout");
    s.queueRetry(b, "timeout");

    s.queueDiscovered(List.of(a, b));
    s.deferItem(a, "interrupted");

    assertThat(s.retries(1)).extracting(DiscoveredItem::url).containsExactly("https://x.example/a");
    assertThat(s.retries(5)).hasSize(2);
    s.dropRetry("https://x.example/a");
    assertThat(s.retries(5)).extracting(DiscoveredItem::url).containsExactly("https://x.example/b");
  }

  @Test
  void runsLeftRunningAreMarkedAbandonedOnceWithWhoRanThem() {
    EntryStore s = store();
    long dead = s.startRun("run", "embedded (m)");

    assertThat(s.abandonRuns()).extracting(RunRecord::id).containsExactly(dead);
    assertThat(s.abandonRuns()).isEmpty();
    RunRecord r = s.runs().get(0);
    assertThat(r.status()).isEqualTo("abandoned");
    assertThat(r.pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(r.stopReason()).contains("never ended");
  }

  @Test
  void validatorsAreKeptPerUrl() {
    EntryStore s = store();
    assertThat(s.validators("https://x.example/a")).isEmpty();
    s.saveValidators(
        "https://x.example/a", new Validators("\"v1\"", "Tue, 24 Nov 2026 10:00:00 GMT"));
    s.saveValidators("https://x.example/a", new Validators("\"v2\"", null));
    assertThat(s.validators("https://x.example/a")).contains(new Validators("\"v2\"", null));
  }

  @Test
  void vectorsCountOnlyForTheContentAndModelTheyWereMadeFrom() {
    EntryStore s = store();
    Entry e = entry("v1", "Vector", "V.", null);
    s.upsert(e);
    s.saveVector(e, "m1", new float[] {0.5f, -1.25f, 3f});
    assertThat(s.vectors(List.of(e), "m1").get("v1")).containsExactly(0.5f, -1.25f, 3f);
    assertThat(s.vectors(List.of(e), "m2")).isEmpty();
    Entry changed =
        new Entry(
            e.id(),
            e.url(),
            e.source(),
            e.title(),
            e.byline(),
            e.published(),
            e.siteName(),
            e.language(),
            e.image(),
            "new text",
            e.summary(),
            e.editorsNote(),
            e.sentiment(),
            e.category(),
            e.topics(),
            new Provenance(
                "embedded", "m", "1", "1", Instant.now(), Instant.now(), "other-hash", null));
    assertThat(s.vectors(List.of(changed), "m1")).isEmpty();
  }

  @Test
  void anotherUrlOfTheSameArticleIsKeptAsAnAlternate() {
    EntryStore s = store();
    Entry e = entry("d1", "Dup", "D.", null);
    s.upsert(e);
    assertThat(s.findByContentHash("hash-d1")).map(Entry::id).contains("d1");
    s.addAlternate(new Alternate("https://mirror.example/d1", "d1", "same-content"));
    assertThat(s.alternate("https://mirror.example/d1")).map(Alternate::entryId).contains("d1");
    assertThat(s.alternates("d1"))
        .extracting(Alternate::url)
        .containsExactly("https://mirror.example/d1");
  }

  @Test
  void simhashesAreKeptPerEntry() {
    EntryStore s = store();
    s.upsert(entry("s1", "S", "S.", null));
    s.saveSimhash("s1", -42L);
    assertThat(s.simhashes()).containsEntry("s1", -42L);
  }

  @Test
  void theRetryQueueCountsAttemptsAndForgetsWhatSucceeded() {
    EntryStore s = store();
    var item =
        new dev.pulse.source.DiscoveredItem("https://x.example/a", "A", null, "Wire", "World");
    s.queueRetry(item, "invalid-reply");
    assertThat(s.retries(3)).containsExactly(item);
    s.queueRetry(item, "timeout");
    s.queueRetry(item, "timeout");
    assertThat(s.retries(3)).isEmpty();
    assertThat(s.retries(4)).hasSize(1);
    s.dropRetry(item.url());
    assertThat(s.retries(10)).isEmpty();
  }
}
