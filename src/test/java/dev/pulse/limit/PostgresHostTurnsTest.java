package dev.pulse.limit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.pulse.fetch.HostGate;
import dev.pulse.store.Store;
import dev.pulse.store.StoreLocation;
import dev.pulse.store.Stores;
import dev.pulse.store.TestStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hosts' turns on a real PostgreSQL: two instances stand for two worker processes. */
class PostgresHostTurnsTest {

  private static Store store;
  private static HikariDataSource db;

  @BeforeAll
  static void start() {
    StoreLocation where = StoreLocation.parse(TestStores.newPostgresDatabase());
    store = Stores.open(where, Stores.Access.WRITE, Map.of()); // migrated: host_turns is there
    db = Stores.dataSource(where, 6, Map.of());
  }

  @AfterAll
  static void stop() {
    db.close();
    store.close();
  }

  /** [start, end] of each request, nanoTime. */
  private static List<long[]> requests(HostGate a, HostGate b, String host, Duration delay)
      throws InterruptedException {
    List<long[]> spans = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 6; i++) {
      HostGate gate = i % 2 == 0 ? a : b;
      pool.submit(
          () -> {
            try (HostGate.Turn turn = gate.await(host, delay)) {
              long start = System.nanoTime();
              Thread.sleep(50); // the request
              spans.add(new long[] {start, System.nanoTime()});
            }
            return null;
          });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    List<long[]> sorted = new ArrayList<>(spans);
    sorted.sort((x, y) -> Long.compare(x[0], y[0]));
    return sorted;
  }

  @Test
  void twoWorkersTogetherWaitTheDelayFromTheEndOfOneRequestToTheStartOfTheNext() throws Exception {
    HostGate a = new PostgresHostTurns(db, Duration.ofSeconds(30));
    HostGate b = new PostgresHostTurns(db, Duration.ofSeconds(30));
    Duration delay = Duration.ofMillis(150);
    List<long[]> spans = requests(a, b, "news.example", delay);
    assertThat(spans).hasSize(6);
    for (int i = 1; i < spans.size(); i++) {
      assertThat(Duration.ofNanos(spans.get(i)[0] - spans.get(i - 1)[1]))
          .isGreaterThanOrEqualTo(delay);
    }
  }

  @Test
  void otherHostsDoNotWaitForABusyOne() throws Exception {
    HostGate gate = new PostgresHostTurns(db, Duration.ofSeconds(30));
    gate.await("slow.example", Duration.ofSeconds(30)).close();
    long t0 = System.nanoTime();
    gate.await("other.example", Duration.ofSeconds(30)).close();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aTurnHeldByADeadWorkerIsFreeAgainWhenItsLeaseRunsOut() throws Exception {
    HostGate dead = new PostgresHostTurns(db, Duration.ofMillis(500));
    dead.await("orphan.example", Duration.ZERO); // never handed back
    long t0 = System.nanoTime();
    new PostgresHostTurns(db, Duration.ofSeconds(30))
        .await("orphan.example", Duration.ZERO)
        .close();
    Duration waited = Duration.ofNanos(System.nanoTime() - t0);
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(waited).isLessThan(Duration.ofSeconds(5));
  }
}
