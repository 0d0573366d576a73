package dev.pulse.limit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.analyze.llm.LlmGate;
import dev.pulse.fetch.HostGate;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared limits on a real PostgreSQL: two limiters stand for two worker processes. */
class Bucket4jLimitsTest {

  private static EmbeddedPostgres server;
  private static DataSource db;

  @BeforeAll
  static void start() throws IOException, SQLException {
    server = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
    db = server.getPostgresDatabase();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS limit_buckets (id TEXT PRIMARY KEY, state BYTEA,"
              + " expires_at BIGINT)");
    }
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  @Test
  void twoWorkersTogetherKeepAHostsDelayBetweenRequestStarts() throws Exception {
    HostGate a = Bucket4jLimits.postgresql(db).hosts();
    HostGate b = Bucket4jLimits.postgresql(db).hosts();
    Duration delay = Duration.ofMillis(200);
    List<Long> starts = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 8; i++) {
      HostGate gate = i % 2 == 0 ? a : b;
      pool.submit(
          () -> {
            gate.await("news.example", delay);
            starts.add(System.nanoTime());
            return null;
          });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    List<Long> sorted = new ArrayList<>(starts);
    Collections.sort(sorted);
    assertThat(sorted).hasSize(8);
    for (int i = 1; i < sorted.size(); i++) {
      assertThat(Duration.ofNanos(sorted.get(i) - sorted.get(i - 1))).isGreaterThanOrEqualTo(delay);
    }
  }

  @Test
  void otherHostsDoNotWaitForABusyOne() throws Exception {
    HostGate gate = Bucket4jLimits.postgresql(db).hosts();
    gate.await("slow.example", Duration.ofSeconds(30));
    long t0 = System.nanoTime();
    gate.await("other.example", Duration.ofSeconds(30));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void theRequestsPerMinuteHoldAcrossWorkers() throws Exception {
    // 120 a minute: one every ~0.5 s once the first is through; 6 takes need about 2.5 s
    LlmGate a = Bucket4jLimits.postgresql(db).llm("acct-rpm", 120, 0);
    LlmGate b = Bucket4jLimits.postgresql(db).llm("acct-rpm", 120, 0);
    long t0 = System.nanoTime();
    for (int i = 0; i < 6; i++) {
      (i % 2 == 0 ? a : b).acquire(100);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(2400));
    assertThat(took).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aBucketNeverLetsMoreThanItsLimitThroughInAMinute() {
    // capacity + refill per minute is what any 60 s can hold
    var config = Bucket4jLimits.perMinute(600, 1);
    var bandwidth = config.getBandwidths()[0];
    double perMinute =
        bandwidth.getRefillTokens() * (60_000_000_000.0 / bandwidth.getRefillPeriodNanos());
    assertThat(bandwidth.getCapacity() + perMinute).isLessThanOrEqualTo(600);
  }
}
