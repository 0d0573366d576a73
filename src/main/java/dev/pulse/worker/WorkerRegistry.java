package dev.pulse.worker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code workers} table: each worker's row (host, pid, since), its heartbeat, and when it
 * stopped cleanly. Times are epoch milliseconds, the same in both dialects. Plain JDBC beside
 * db-scheduler's own, on the same database: these rows are the worker's, not the store's.
 */
final class WorkerRegistry {

  private static final Logger log = LoggerFactory.getLogger(WorkerRegistry.class);

  private final DataSource db;
  private final String name;

  WorkerRegistry(DataSource db, String name) {
    this.db = db;
    this.name = name;
  }

  /**
   * @param runId the worker's run in the store ({@code runs.id}): alive while the worker is
   */
  void register(String host, long pid, Instant since, long runId) {
    update(
        "INSERT INTO workers (name, host, pid, started_ms, heartbeat_ms, run_id)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        name,
        host,
        pid,
        since.toEpochMilli(),
        since.toEpochMilli(),
        runId);
  }

  /** Says this worker is alive; a failure is logged (the database may be restarting). */
  void heartbeat(Instant now) {
    try {
      update("UPDATE workers SET heartbeat_ms = ? WHERE name = ?", now.toEpochMilli(), name);
    } catch (RuntimeException e) {
      log.warn("worker heartbeat not recorded: {}", e.getMessage());
    }
  }

  void stopped(Instant at) {
    try {
      update("UPDATE workers SET stopped_ms = ? WHERE name = ?", at.toEpochMilli(), name);
    } catch (RuntimeException e) {
      log.warn("worker stop not recorded: {}", e.getMessage());
    }
  }

  private void update(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new WorkerException("cannot update the workers table: " + e.getMessage(), e);
    }
  }
}
