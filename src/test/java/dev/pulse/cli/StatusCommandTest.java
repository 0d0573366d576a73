package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.pulse.store.RunRecord;
import dev.pulse.store.Store;
import dev.pulse.store.Stores;
import dev.pulse.worker.Worker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pulse status}: what it shows, and its exit code as a liveness check. */
class StatusCommandTest {

  @TempDir Path dir;
  private Path db;
  private final StringWriter out = new StringWriter();

  @BeforeEach
  void store() {
    db = dir.resolve("pulse.db");
    try (Store s = Stores.sqlite(db)) {
      // migrated, empty
    }
  }

  private int status(String... more) {
    String[] args = new String[2 + more.length + 1];
    args[0] = "status";
    args[1] = "--db";
    args[2] = db.toString();
    System.arraycopy(more, 0, args, 3, more.length);
    return PulseCli.execute(
        new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
  }

  private void worker(String name, String host, long heartbeatMs) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO workers (name, host, pid, started_ms, heartbeat_ms)"
                    + " VALUES (?, ?, 42, ?, ?)")) {
      ps.setString(1, name);
      ps.setString(2, host);
      ps.setLong(3, heartbeatMs - 1000);
      ps.setLong(4, heartbeatMs);
      ps.executeUpdate();
    }
  }

  @Test
  void withNoWorkerItSaysSoAndExitsNonZero() {
    assertThat(status()).isEqualTo(ExitCodes.NO_WORKER);
    assertThat(out.toString())
        .contains("workers alive: 0")
        .contains("tasks: 0 queued, 0 running, 0 retrying");
  }

  @Test
  void aWorkerThatHeartbeatedRecentlyIsAliveAndOneSilentTooLongIsDead() throws Exception {
    worker("w-live", Worker.host(), System.currentTimeMillis());
    worker("w-dead", "other-host", System.currentTimeMillis() - 3_600_000);
    assertThat(status()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("workers alive: 1")
        .containsPattern("alive +w-live")
        .containsPattern("dead +w-dead");
  }

  @Test
  void theRunOfAWorkerSilentTooLongIsMarkedAbandonedAndALiveOnesIsNot() throws Exception {
    long dead;
    long live;
    try (Store s = Stores.sqlite(db)) {
      dead = s.runLog().startRun("worker", "a");
      live = s.runLog().startRun("worker", "a");
    }
    worker("w-dead", "other-host", System.currentTimeMillis() - 3_600_000);
    worker("w-live", Worker.host(), System.currentTimeMillis());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE workers SET run_id = " + dead + " WHERE name = 'w-dead'");
      st.executeUpdate("UPDATE workers SET run_id = " + live + " WHERE name = 'w-live'");
      // both runs started long ago (not within the timeout, where a worker may be registering)
      st.executeUpdate("UPDATE runs SET started_at = started_at - 7200000000");
    }

    assertThat(status()).isEqualTo(ExitCodes.OK);

    assertThat(out.toString()).contains("run " + dead + " marked abandoned");
    try (Store s = Stores.sqlite(db)) {
      assertThat(s.runLog().runs())
          .extracting(RunRecord::id, RunRecord::status)
          .containsExactly(tuple(live, "running"), tuple(dead, "abandoned"));
    }
  }

  @Test
  void thisHostCountsOnlyTheWorkersOfThisHost() throws Exception {
    worker("w-elsewhere", "other-host", System.currentTimeMillis());
    assertThat(status()).isEqualTo(ExitCodes.OK);
    assertThat(status("--this-host")).isEqualTo(ExitCodes.NO_WORKER);
  }
}
