package dev.pulse.limit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.pulse.analyze.llm.LlmGate;
import dev.pulse.store.Store;
import dev.pulse.store.StoreLocation;
import dev.pulse.store.Stores;
import dev.pulse.store.TestStores;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared limits on a real PostgreSQL: two limiters stand for two worker processes. */
class Bucket4jLimitsTest {

  private static Store store;
  private static HikariDataSource db;

  @BeforeAll
  static void start() {
    StoreLocation where = StoreLocation.parse(TestStores.newPostgresDatabase());
    store = Stores.open(where, Stores.Access.WRITE, Map.of()); // migrated: limit_buckets is there
    db = Stores.dataSource(where, 4, Map.of());
  }

  @AfterAll
  static void stop() {
    db.close();
    store.close();
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
