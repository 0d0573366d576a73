package dev.pulse.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.pulse.analyze.Usage;
import dev.pulse.pipeline.Pipeline;
import dev.pulse.pipeline.RunControl;
import dev.pulse.source.SourceConfig;
import dev.pulse.store.Store;
import dev.pulse.store.StoreLocation;
import dev.pulse.store.Stores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each {@code worker:} setting changes what a worker does: {@code threads} (items in flight),
 * {@code poll_interval} (how soon due work is seen) and {@code heartbeat_timeout} (how often it
 * says it is alive, and when {@code pulse status} counts it dead).
 */
class WorkerSettingsBehaviourTest {

  private static final WorkerSettings FAST =
      WorkerSettings.DEFAULTS
          .withPollInterval(Duration.ofMillis(200))
          .withHeartbeatTimeout(Duration.ofSeconds(4));

  @TempDir Path dir;
  private Store store;
  private HikariDataSource db;
  private Pipeline.Session session;
  private Worker worker;
  private final AtomicInteger fetches = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();

  @AfterEach
  void close() {
    if (worker != null) {
      worker.stop();
    }
    if (session != null) {
      session.close();
    }
    if (store != null) {
      store.close();
      db.close();
    }
  }

  private void start(WorkerSettings settings, int items, Duration fetchTime) {
    StoreLocation where = StoreLocation.sqlite(dir.resolve("pulse.db"));
    store = Stores.open(where, Stores.Access.WRITE, Map.of());
    db = Stores.dataSource(where, settings.threads() + 4, Map.of());
    session =
        pipeline(items, fetchTime).session("worker", new RunControl(Duration.ofSeconds(5), null));
    worker =
        Worker.start(
            "settings-worker",
            db,
            true,
            session,
            List.of(
                new SourceConfig(
                    "Test", SourceConfig.Type.URLS, null, List.of("x"), null, 50, null)),
            Map.of(),
            settings,
            Duration.ZERO,
            null);
  }

  private Pipeline pipeline(int items, Duration fetchTime) {
    // each item on a host of its own: no host pacing between them
    return FakeStages.pipeline(
        store,
        items,
        i -> "https://news" + i + ".example/" + i,
        request -> {
          fetches.incrementAndGet();
          mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          try {
            Thread.sleep(fetchTime.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            inFlight.decrementAndGet();
          }
          return FakeStages.page(request.url());
        },
        Usage.NONE,
        () -> {});
  }

  private long entries() throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM entries")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void await(Duration limit, java.util.concurrent.Callable<Boolean> done) throws Exception {
    long end = System.nanoTime() + limit.toNanos();
    while (!done.call()) {
      assertThat(System.nanoTime()).as("timed out").isLessThan(end);
      Thread.sleep(50);
    }
  }

  private int mostInFlightWith(int threads) throws Exception {
    start(FAST.withThreads(threads), 8, Duration.ofMillis(300));
    worker.discoverNow();
    await(Duration.ofSeconds(60), () -> entries() == 8);
    return mostInFlight.get();
  }

  @Test
  void oneThreadFetchesOneItemAtATime() throws Exception {
    assertThat(mostInFlightWith(1)).isEqualTo(1);
  }

  @Test
  void moreThreadsFetchItemsSideBySide() throws Exception {
    assertThat(mostInFlightWith(4)).isBetween(2, 4);
  }

  /** Starts a worker, lets its first look for due tasks pass, then makes its discovery due. */
  private void discoveryDueAfterTheFirstLook(Duration poll) throws Exception {
    start(FAST.withPollInterval(poll), 2, Duration.ZERO);
    Thread.sleep(3000);
    worker.discoverNow();
  }

  @Test
  void aShortPollIntervalSeesDueWorkSoon() throws Exception {
    discoveryDueAfterTheFirstLook(Duration.ofMillis(200));
    // a generous bound for a loaded machine: the look itself comes every 200 ms
    await(Duration.ofSeconds(30), () -> fetches.get() == 2);
  }

  @Test
  void aLongPollIntervalLeavesDueWorkUntilTheNextLook() throws Exception {
    discoveryDueAfterTheFirstLook(Duration.ofMinutes(5));
    Thread.sleep(3000);
    assertThat(fetches.get()).isZero();
  }

  private Instant lastHeartbeat() {
    return WorkerStatus.read(db, Instant.now(), Duration.ofDays(1)).workers().stream()
        .filter(w -> w.name().equals("settings-worker"))
        .findFirst()
        .orElseThrow()
        .lastHeartbeat();
  }

  private boolean heartbeatMovesWithin(Duration timeout, Duration wait) throws Exception {
    start(FAST.withHeartbeatTimeout(timeout), 1, Duration.ZERO);
    Thread.sleep(500);
    Instant first = lastHeartbeat();
    Thread.sleep(wait.toMillis());
    return lastHeartbeat().isAfter(first);
  }

  @Test
  void aShortHeartbeatTimeoutMeansFrequentHeartbeats() throws Exception {
    // heartbeats come every quarter of the timeout: 1 s here
    assertThat(heartbeatMovesWithin(Duration.ofSeconds(4), Duration.ofMillis(3500))).isTrue();
  }

  @Test
  void aLongHeartbeatTimeoutMeansRareHeartbeats() throws Exception {
    // every 15 s for the default 60 s
    assertThat(heartbeatMovesWithin(Duration.ofSeconds(60), Duration.ofMillis(3500))).isFalse();
  }

  @Test
  void theHeartbeatTimeoutDecidesWhenStatusCountsAWorkerDead() throws Exception {
    start(FAST, 1, Duration.ZERO);
    Instant later = Instant.now().plusSeconds(30);

    assertThat(WorkerStatus.read(db, later, Duration.ofSeconds(60)).alive())
        .extracting(WorkerStatus.WorkerRow::name)
        .containsExactly("settings-worker");
    assertThat(WorkerStatus.read(db, later, Duration.ofSeconds(10)).alive()).isEmpty();
  }
}
