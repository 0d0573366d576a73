package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.store.Entry;
import dev.pulse.store.RunRecord;
import dev.pulse.store.SqliteEntryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults a scheduled run meets, with real {@code pulse} processes, real signals and a loopback news
 * site whose feed has an ETag: after each, the following run ends with every article stored exactly
 * once and the runs table tells the truth. Every wait is bounded.
 */
class ProcessFaultsIT {

  private static final int ARTICLES = 40;
  private static final Duration LIMIT = Duration.ofSeconds(90);

  @TempDir Path dir;
  private LoopbackNewsSite site;
  private Path config;
  private Path db;

  @BeforeEach
  void start() throws IOException {
    site = new LoopbackNewsSite(ARTICLES, 150);
    db = dir.resolve("store/pulse.db");
    config = write("run:\n  grace: 5s\n");
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private Path write(String extra) throws IOException {
    String taxonomy = Path.of("data/categories.yml").toAbsolutePath().toString();
    return Files.writeString(dir.resolve("sources.yml"), site.config(taxonomy, extra));
  }

  private PulseProcess pulse(String name, String shellPrefix, String... extra) throws IOException {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("run", "--config", config.toString(), "--db", db.toString(), "--analyzer",
                "embedded", "--no-site"));
    args.addAll(List.of(extra));
    return PulseProcess.start(dir, name, shellPrefix, args.toArray(String[]::new));
  }

  /** The run that follows a fault: fast, to the end, every article stored exactly once. */
  private void aFollowingRunStoresEverythingOnce(String name) throws Exception {
    site.articleDelay(0);
    PulseProcess next = pulse(name, null);
    assertThat(next.exitCode(LIMIT)).as(next.output()).isEqualTo(ExitCodes.OK);
    assertThat(site.feedNotModified.get()).as("the feed's validators were kept").isPositive();
    try (SqliteEntryStore store = SqliteEntryStore.open(db)) {
      List<Entry> entries = store.entries();
      assertThat(entries).hasSize(ARTICLES);
      assertThat(entries.stream().map(Entry::url).distinct()).hasSize(ARTICLES);
      assertThat(store.retries(100)).isEmpty();
      assertThat(store.runs().get(0).status()).isEqualTo("ok");
    }
  }

  private List<RunRecord> runs() {
    try (SqliteEntryStore store = SqliteEntryStore.open(db)) {
      return store.runs();
    }
  }

  @Test
  void aRunKilledMidwayIsResumedByTheNextAndRecordedAsAbandoned() throws Exception {
    PulseProcess first = pulse("first", null);
    PulseProcess.await(LIMIT, "a third of the articles", () -> site.articlesServed.get() >= ARTICLES / 3);

    first.process.destroyForcibly(); // SIGKILL
    first.exitCode(LIMIT);

    aFollowingRunStoresEverythingOnce("second");
    List<RunRecord> runs = runs();
    assertThat(runs).hasSize(2);
    RunRecord killed = runs.get(1);
    assertThat(killed.status()).isEqualTo("abandoned");
    assertThat(killed.pid()).isEqualTo(first.process.pid());
    assertThat(killed.finishedAt()).isNotNull();
    assertThat(Files.readString(dir.resolve("second.err")))
        .contains("took over the store lock left by pulse run, pid " + first.process.pid());
  }
}
