package dev.pulse.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.analyze.Usage;
import dev.pulse.fetch.ValidatorStore.Validators;
import dev.pulse.source.DiscoveredItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written by the release before UTC instants (fixtures/store/store-before-v6.db, times as
 * text with their offsets) opens, migrates without loss and lists its entries newest first by
 * instant.
 */
class StoreMigrationTest {

  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void copyFixture() throws Exception {
    file = dir.resolve("pulse.db");
    Files.copy(Path.of("src/test/resources/fixtures/store/store-before-v6.db"), file);
  }

  @Test
  void entriesComeNewestFirstByInstantAfterMigrating() {
    try (Store s = Stores.sqlite(file)) {
      // e5 has no published time: its analysis time (2026-11-25T10:00:10Z) is the newest
      assertThat(s.entryStore().entries())
          .extracting(Entry::id)
          .containsExactly("e5", "e2", "e3", "e1", "e6", "e4");
    }
  }

  @Test
  void publishedTimesKeepTheirInstantAndOffset() {
    try (Store s = Stores.sqlite(file)) {
      EntryStore e = s.entryStore();
      assertThat(e.find("e1").orElseThrow().published())
          .isEqualTo(OffsetDateTime.parse("2026-11-25T09:00+01:00"));
      assertThat(e.find("e3").orElseThrow().published())
          .isEqualTo(OffsetDateTime.parse("2026-11-25T03:15-05:00"));
      assertThat(e.find("e4").orElseThrow().published())
          .isEqualTo(OffsetDateTime.parse("2026-11-24T23:59:59.5+09:00"));
      assertThat(e.find("e5").orElseThrow().published()).isNull();
      Entry e2 = e.find("e2").orElseThrow();
      assertThat(e2.published()).isEqualTo(OffsetDateTime.parse("2026-11-25T08:30Z"));
      assertThat(e2.provenance().analyzedAt())
          .isEqualTo(Instant.parse("2026-11-25T10:00:07.123456Z"));
      assertThat(e2.provenance().usage()).isEqualTo(new Usage(2, 200, 40, 0.0002));
      assertThat(e2.topics()).containsExactly("topic e2", "shared");
    }
  }

  @Test
  void everyOtherTableKeepsItsRows() {
    try (Store s = Stores.sqlite(file)) {
      assertThat(s.entryStore().fingerprints())
          .hasSize(6)
          .containsEntry("e1", 0x1234_5678_9abc_def0L + 1);
      assertThat(s.entryStore().alternates("e2"))
          .containsExactly(new Alternate("https://copy.example/e2", "e2", "near-duplicate"));
      assertThat(s.fetchState().get("https://news.example/feed.xml"))
          .isEqualTo(new Validators(null, "Tue, 24 Nov 2026 08:00:00 GMT"));
      assertThat(s.fetchState().get("https://news.example/e3"))
          .isEqualTo(new Validators("\"etag-e3\"", null));
      List<Entry> entries = s.entryStore().entries();
      assertThat(s.vectorCache().vectors(entries, "all-minilm-l6-v2-q")).hasSize(6);
      assertThat(s.vectorCache().vectors(entries, "all-minilm-l6-v2-q").get("e2"))
          .containsExactly(2f, -2f, 0.5f);
      List<RunRecord> runs = s.runLog().runs();
      assertThat(runs).hasSize(2);
      assertThat(runs.get(0).finishedAt()).isNull();
      RunRecord first = runs.get(1);
      // as the fixture holds it, to the microsecond
      assertThat(first.startedAt()).isEqualTo(Instant.parse("2026-11-30T13:51:25.512479Z"));
      assertThat(first.finishedAt()).isEqualTo(Instant.parse("2026-11-25T10:01:00Z"));
      assertThat(first.counts()).containsEntry("stored", 6);
      assertThat(first.status()).isEqualTo("partial");
      assertThat(s.runLog().failures(first.id()))
          .extracting(ItemFailure::reason)
          .containsExactly("http-503", "invalid-reply");
      assertThat(s.workQueue().retries(2))
          .containsExactly(
              new DiscoveredItem(
                  "https://news.example/broken",
                  "Broken",
                  OffsetDateTime.parse("2026-11-25T07:00+02:00"),
                  "Example",
                  null));
      assertThat(s.workQueue().retries(3)).hasSize(2);
      // numbering goes on after the copied runs
      assertThat(s.runLog().startRun("run", "x")).isGreaterThan(first.id() + 1);
    }
  }

  @Test
  void aStoreOfTheReleaseBeforeWithLaterMigrationsAppliedGetsV6OutOfOrderKeepingTheirColumns()
      throws Exception {
    // the release before V6 also applied V20 (run host, pid, stop reason), V30, V40 (flags) and
    // the desk's tables: its migrations are the SQLite folder's up to V53 without the Java V6
    // (later ones, such as V82's index on published_at, came after V6 and need its columns)
    org.flywaydb.core.Flyway.configure()
        .dataSource("jdbc:sqlite:" + file, null, null)
        .locations("classpath:db/migration/sqlite")
        .target("53")
        .load()
        .migrate();
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        var st = c.createStatement()) {
      st.executeUpdate("UPDATE runs SET host = 'news-1', pid = 4711, stop_reason = 'SIGTERM'");
      st.executeUpdate("UPDATE entries SET flags = '[\"unsupported number\"]' WHERE id = 'e1'");
    }
    try (Store s = Stores.sqlite(file)) {
      assertThat(s.entryStore().entries())
          .extracting(Entry::id)
          .containsExactly("e5", "e2", "e3", "e1", "e6", "e4");
      assertThat(s.entryStore().find("e1").orElseThrow().flags())
          .containsExactly("unsupported number");
      RunRecord run = s.runLog().runs().get(1);
      assertThat(run.host()).isEqualTo("news-1");
      assertThat(run.pid()).isEqualTo(4711);
      assertThat(run.stopReason()).isEqualTo("SIGTERM");
      assertThat(run.startedAt()).isEqualTo(Instant.parse("2026-11-30T13:51:25.512479Z"));
    }
  }
}
