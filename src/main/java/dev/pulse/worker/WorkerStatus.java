package dev.pulse.worker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * What {@code pulse status} shows, read from the worker tables of the store's database: the workers
 * and their heartbeats, the item tasks by state, each source's next discovery, and the LLM calls of
 * the last minute.
 *
 * @param workers every worker that has not stopped cleanly, newest first
 * @param queued item tasks waiting for a worker
 * @param running item tasks a worker holds now
 * @param retrying item tasks that failed (a worker was stopping, or died) and wait to be retried
 * @param discoveries each source's next discovery
 * @param llmCallsLastMinute LLM requests of the entries stored in the last 60 s
 * @param llmTokensLastMinute their tokens (in + out)
 * @param at when this was read
 * @param timeout the heartbeat timeout a worker is judged by
 */
public record WorkerStatus(
    List<WorkerRow> workers,
    int queued,
    int running,
    int retrying,
    List<Next> discoveries,
    long llmCallsLastMinute,
    long llmTokensLastMinute,
    Instant at,
    Duration timeout) {

  public WorkerStatus {
    workers = List.copyOf(workers);
    discoveries = List.copyOf(discoveries);
  }

  /**
   * One worker.
   *
   * @param lastHeartbeat when it last said it was alive
   */
  public record WorkerRow(
      String name, String host, long pid, Instant since, Instant lastHeartbeat) {}

  /**
   * A source's next discovery ({@code source} without the task prefix); {@code pickedBy} is null
   * while no worker holds it.
   */
  public record Next(String source, @Nullable Instant at, @Nullable String pickedBy) {}

  /** Workers whose last heartbeat is within the timeout. */
  public List<WorkerRow> alive() {
    return workers.stream().filter(w -> !w.lastHeartbeat().isBefore(at.minus(timeout))).toList();
  }

  /** Reads the status; {@code timeout} tells a live worker from a dead one. */
  public static WorkerStatus read(DataSource db, Instant now, Duration timeout) {
    try (Connection c = db.getConnection()) {
      List<WorkerRow> workers = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT name, host, pid, started_ms, heartbeat_ms FROM workers"
                  + " WHERE stopped_ms IS NULL AND heartbeat_ms >= ?"
                  + " ORDER BY started_ms DESC")) {
        // the dead of the last day still show, as dead; older ones are history
        ps.setLong(1, now.minus(Duration.ofDays(1)).toEpochMilli());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            workers.add(
                new WorkerRow(
                    rs.getString("name"),
                    rs.getString("host"),
                    rs.getLong("pid"),
                    Instant.ofEpochMilli(rs.getLong("started_ms")),
                    Instant.ofEpochMilli(rs.getLong("heartbeat_ms"))));
          }
        }
      }
      int queued = 0;
      int running = 0;
      int retrying = 0;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT picked, COALESCE(consecutive_failures, 0) > 0 AS failing, COUNT(*) AS n"
                  + " FROM scheduled_tasks WHERE task_name = ? GROUP BY 1, 2")) {
        ps.setString(1, Worker.ITEM);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            int n = rs.getInt("n");
            if (rs.getBoolean("picked")) {
              running += n;
            } else if (rs.getBoolean("failing")) {
              retrying += n;
            } else {
              queued += n;
            }
          }
        }
      }
      List<Next> next = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT task_name, execution_time, picked_by FROM scheduled_tasks"
                  + " WHERE task_name LIKE ? ORDER BY task_name")) {
        ps.setString(1, Worker.DISCOVER_PREFIX + "%");
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            next.add(
                new Next(
                    rs.getString("task_name").substring(Worker.DISCOVER_PREFIX.length()),
                    instant(rs, "execution_time"),
                    rs.getString("picked_by")));
          }
        }
      }
      long calls = 0;
      long tokens = 0;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT COALESCE(SUM(llm_calls), 0) AS calls,"
                  + " COALESCE(SUM(tokens_in + tokens_out), 0) AS tokens"
                  + " FROM entries WHERE analyzed_at >= ?")) {
        bindInstant(c, ps, 1, now.minusSeconds(60));
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            calls = rs.getLong("calls");
            tokens = rs.getLong("tokens");
          }
        }
      }
      return new WorkerStatus(
          workers, queued, running, retrying, next, calls, tokens, now, timeout);
    } catch (SQLException e) {
      throw new WorkerException("cannot read the workers' status: " + e.getMessage(), e);
    }
  }

  /** db-scheduler's times: TIMESTAMPTZ on PostgreSQL, epoch milliseconds on SQLite. */
  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    Object v = rs.getObject(column);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return Instant.ofEpochMilli(n.longValue());
    }
    return rs.getObject(column, java.time.OffsetDateTime.class).toInstant();
  }

  /** The store's instants: TIMESTAMPTZ on PostgreSQL, epoch microseconds on SQLite. */
  private static void bindInstant(Connection c, PreparedStatement ps, int i, Instant t)
      throws SQLException {
    if (c.getMetaData()
        .getDatabaseProductName()
        .toLowerCase(java.util.Locale.ROOT)
        .contains("sqlite")) {
      ps.setLong(i, t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000);
    } else {
      ps.setObject(i, t.atOffset(java.time.ZoneOffset.UTC));
    }
  }
}
