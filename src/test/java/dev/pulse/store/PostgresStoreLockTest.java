package dev.pulse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link StoreLock} on a real PostgreSQL server: the advisory lock and its recorded holder. */
class PostgresStoreLockTest {

  private static StoreLocation migrated() {
    StoreLocation where = StoreLocation.parse(TestStores.newPostgresDatabase());
    Stores.open(where, Stores.Access.WRITE, Map.of()).close();
    return where;
  }

  @Test
  void aSecondTakerIsRefusedWithTheHolderNamed() {
    StoreLocation where = migrated();
    try (StoreLock first = StoreLock.acquire(where, "run", Duration.ZERO, Map.of())) {
      assertThatThrownBy(() -> StoreLock.acquire(where, "desk", Duration.ofMillis(300), Map.of()))
          .isInstanceOf(StoreLock.Busy.class)
          .hasMessageContaining("pulse run, pid " + ProcessHandle.current().pid())
          .hasMessageContaining("--wait")
          .satisfies(e -> assertThat(((StoreLock.Busy) e).holder()).isEqualTo(first.holder()));
      assertThat(StoreLock.holder(where, Map.of())).contains(first.holder());
    }
    assertThat(StoreLock.holder(where, Map.of())).isEmpty();
    try (StoreLock again = StoreLock.acquire(where, "run", Duration.ZERO, Map.of())) {
      assertThat(again.takenOver()).isEmpty();
    }
  }

  @Test
  void aLockWhoseSessionDiedIsTakenOverAndItsHolderNamed() throws Exception {
    StoreLocation where = migrated();
    // a holder that dies without letting go: its session ends, and the advisory lock with it
    try (Connection dead = Stores.connect(where, Map.of());
        PreparedStatement lock = dead.prepareStatement("SELECT pg_advisory_lock(?)");
        PreparedStatement row =
            dead.prepareStatement(
                "INSERT INTO store_lock (id, host, pid, since, command)"
                    + " VALUES (1, 'news-1', 999999, now(), 'run')")) {
      lock.setLong(1, PostgresLock.KEY);
      lock.executeQuery().close();
      row.executeUpdate();
      assertThat(StoreLock.holder(where, Map.of()))
          .hasValueSatisfying(h -> assertThat(h.pid()).isEqualTo(999999));
    }
    try (StoreLock lock = StoreLock.acquire(where, "run", Duration.ZERO, Map.of())) {
      assertThat(lock.takenOver())
          .hasValueSatisfying(h -> assertThat(h.host()).isEqualTo("news-1"));
    }
  }

  @Test
  void aNewDatabaseIsLockedBeforeItsFirstMigrationAndNamesItsHolderAfter() {
    StoreLocation where = StoreLocation.parse(TestStores.newPostgresDatabase());
    try (StoreLock lock = StoreLock.acquire(where, "run", Duration.ZERO, Map.of())) {
      assertThat(StoreLock.holder(where, Map.of())).isEmpty(); // held, but no table to name it yet
      Stores.open(where, Stores.Access.WRITE, Map.of()).close();
      lock.recordHolder();
      assertThat(StoreLock.holder(where, Map.of())).contains(lock.holder());
    }
  }
}
