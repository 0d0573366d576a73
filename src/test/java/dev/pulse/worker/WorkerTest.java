package dev.pulse.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import dev.pulse.analyze.Usage;
import dev.pulse.pipeline.Pipeline;
import dev.pulse.pipeline.RunControl;
import dev.pulse.source.DiscoveredItem;
import dev.pulse.source.SourceConfig;
import dev.pulse.store.RunRecord;
import dev.pulse.store.Store;
import dev.pulse.store.StoreLocation;
import dev.pulse.store.Stores;
import dev.pulse.store.TestStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One worker in this JVM on a SQLite store: the schedules, the item tasks, the lifecycle. */
class WorkerTest {

  @TempDir Path dir;
  private Store store;
  private HikariDataSource db;
  private boolean sqlite;
  private final AtomicInteger fetches = new AtomicInteger();
  private final AtomicInteger analyses = new AtomicInteger();
  private Pipeline.Session session;
  private Worker worker;
  private int workers;

  /** A store of either kind, migrated, and the worker's own pool on its database. */
  private void open(boolean postgres) {
    sqlite = !postgres;
    StoreLocation where =
        postgres
            ? StoreLocation.parse(TestStores.newPostgresDatabase())
            : StoreLocation.sqlite(dir.resolve("pulse.db"));
    store = Stores.open(where, Stores.Access.WRITE, Map.of());
    db = Stores.dataSource(where, 4, Map.of());
  }

  @AfterEach
  void close() {
    if (worker != null) {
      worker.stop();
    }
    if (session != null) {
      session.close();
    }
    store.close();
    db.close();
  }

  private Pipeline pipeline(int items) {
    return FakeStages.pipeline(
        store,
        items,
        i -> "https://news" + (i % 2) + ".example/" + i,
        request -> {
          fetches.incrementAndGet();
          return FakeStages.page(request.url());
        },
        new Usage(1, 10, 10, 0),
        analyses::incrementAndGet);
  }

  private long count(String sql) throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void startWorker(int items) {
    startWorker(items, Duration.ZERO);
  }

  private void startWorker(int items, Duration hostDelay) {
    startWorker(
        items,
        hostDelay,
        WorkerSettings.DEFAULTS
            .withThreads(4)
            .withPollInterval(Duration.ofMillis(200))
            .withHeartbeatTimeout(Duration.ofSeconds(4)));
  }

  private void startWorker(int items, Duration hostDelay, WorkerSettings settings) {
    startWorker(items, hostDelay, settings, null);
  }

  private void startWorker(
      int items, Duration hostDelay, WorkerSettings settings, Runnable renderSite) {
    session = pipeline(items).session("worker", new RunControl(Duration.ofSeconds(5), null));
    worker =
        Worker.start(
            workers++ == 0 ? "test-worker" : "test-worker-" + workers,
            db,
            sqlite,
            session,
            List.of(
                new SourceConfig(
                    "Test", SourceConfig.Type.URLS, null, List.of("x"), null, 50, null)),
            Map.of(),
            settings,
            hostDelay,
            renderSite);
  }

  private static void await(Duration limit, java.util.concurrent.Callable<Boolean> done)
      throws Exception {
    long end = System.nanoTime() + limit.toNanos();
    while (!done.call()) {
      assertThat(System.nanoTime()).as("timed out").isLessThan(end);
      Thread.sleep(50);
    }
  }

  @ParameterizedTest(name = "postgresql={0}")
  @ValueSource(booleans = {false, true})
  void aDiscoveryBecomesOneTaskPerItemAndEachIsStoredOnce(boolean postgres) throws Exception {
    open(postgres);
    startWorker(20);
    worker.discoverNow();
    await(Duration.ofSeconds(30), () -> count("SELECT COUNT(*) FROM entries") == 20);
    await(
        Duration.ofSeconds(10),
        () -> count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'item'") == 0);
    assertThat(analyses.get()).isEqualTo(20);
  }

  @ParameterizedTest(name = "postgresql={0}")
  @ValueSource(booleans = {false, true})
  void theSourceIsScheduledForItsNextTickAndTheWorkerIsListedAlive(boolean postgres)
      throws Exception {
    open(postgres);
    startWorker(1);
    await(
        Duration.ofSeconds(10),
        () -> count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'discover:Test'") == 1);
    WorkerStatus status = WorkerStatus.read(db, Instant.now(), Duration.ofSeconds(4));
    assertThat(status.alive()).extracting(WorkerStatus.WorkerRow::name).contains("test-worker");
    assertThat(status.discoveries()).extracting(WorkerStatus.Next::source).containsExactly("Test");
    assertThat(status.discoveries().get(0).at()).isAfter(Instant.now().minusSeconds(1));
  }

  @Test
  void aHostsItemsAreDueOneHostDelayApart() throws Exception {
    open(false);
    startWorker(6, Duration.ofHours(1));
    worker.discoverNow();
    await(Duration.ofSeconds(30), () -> count("SELECT COUNT(*) FROM entries") == 2);
    Thread.sleep(1000);
    // the first item of each of the two hosts now, the others an hour apart
    assertThat(count("SELECT COUNT(*) FROM entries")).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'item'")).isEqualTo(4);
  }

  @Test
  void theStoresQueueBecomesTasksAPageAtATimeWithTheHostsSpacingAcrossPages() throws Exception {
    open(false);
    int queued = 2 * Worker.REQUEUE_PAGE + 1;
    List<DiscoveredItem> items = new ArrayList<>();
    for (int i = 0; i < queued; i++) {
      items.add(
          new DiscoveredItem("https://news" + (i % 2) + ".example/q" + i, null, null, "T", null));
    }
    store.workQueue().queueDiscovered(items);
    startWorker(
        0,
        Duration.ofHours(1),
        new WorkerSettings(
            4,
            Duration.ofSeconds(4),
            Duration.ofSeconds(5),
            Duration.ofMillis(200),
            WorkerSettings.DEFAULT_SCHEDULE,
            null,
            Duration.ofSeconds(1)));
    String tasksAndEntries =
        "SELECT (SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'item')"
            + " + (SELECT COUNT(*) FROM entries)";
    await(Duration.ofSeconds(30), () -> count(tasksAndEntries) == queued);
    Thread.sleep(1000);
    // one item of each host due now, the rest an hour apart, over all three pages
    assertThat(count("SELECT COUNT(*) FROM entries")).isEqualTo(2);
  }

  @Test
  void aSiteScheduleMakesTheSiteARecurringTaskOnThatCron() throws Exception {
    open(false);
    WorkerSettings none =
        WorkerSettings.DEFAULTS.withThreads(2).withPollInterval(Duration.ofMillis(200));
    startWorker(0, Duration.ZERO, none, () -> {});
    await(
        Duration.ofSeconds(10),
        () -> count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'discover:Test'") == 1);
    assertThat(count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'site'")).isZero();
    worker.stop();
    session.close();

    WorkerSettings hourly =
        new WorkerSettings(
            2,
            none.heartbeatTimeout(),
            none.grace(),
            none.pollInterval(),
            none.defaultSchedule(),
            "7 * * * *",
            none.requeueEvery());
    startWorker(0, Duration.ZERO, hourly, () -> {});
    await(
        Duration.ofSeconds(10),
        () -> count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'site'") == 1);
    long due;
    try (Connection c = db.getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT execution_time FROM scheduled_tasks WHERE task_name = 'site'")) {
      rs.next();
      due = rs.getLong(1);
    }
    assertThat(Instant.ofEpochMilli(due).atOffset(java.time.ZoneOffset.UTC).getMinute())
        .isEqualTo(7);
  }

  @Test
  void aStartingWorkerMarksTheRunOfADeadWorkerAbandonedAndLeavesItsOwnRunning() throws Exception {
    open(false);
    long killed = store.runLog().startRun("worker", "a");
    try (Connection c = db.getConnection();
        Statement st = c.createStatement()) {
      st.executeUpdate(
          "INSERT INTO workers (name, host, pid, started_ms, heartbeat_ms, run_id)"
              + " VALUES ('killed', 'node-1', 1, 0, 0, "
              + killed
              + ")");
      st.executeUpdate("UPDATE runs SET started_at = started_at - 3600000000"); // an hour ago
    }

    startWorker(0);

    assertThat(store.runLog().runs())
        .extracting(RunRecord::id, RunRecord::status)
        .containsExactly(tuple(session.runId(), "running"), tuple(killed, "abandoned"));
    assertThat(count("SELECT run_id FROM workers WHERE name = 'test-worker'"))
        .isEqualTo(session.runId());
  }

  @Test
  void aStoppedWorkerIsNoLongerListed() throws Exception {
    open(false);
    startWorker(1);
    worker.stop();
    WorkerStatus status = WorkerStatus.read(db, Instant.now(), Duration.ofSeconds(4));
    assertThat(status.workers()).isEmpty();
  }
}
