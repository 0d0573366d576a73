package dev.pulse.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.analyze.Usage;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@link RunLog} over the data-access core, for both dialects. */
final class JdbcRunLog implements RunLog {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {};

  private final Db db;

  JdbcRunLog(Db db) {
    this.db = db;
  }

  @Override
  public long startRun(String command, String analyzer) {
    return db.first(
            "start a run",
            "INSERT INTO runs (command, started_at, analyzer, host, pid) VALUES (?,?,?,?,?)"
                + " RETURNING id",
            r -> r.number("id"),
            command,
            Instant.now(),
            analyzer,
            StoreLock.hostName(),
            ProcessHandle.current().pid())
        .orElseThrow();
  }

  @Override
  public void recordFailure(long runId, ItemFailure f) {
    db.update(
        "record the failure of " + f.url() + " in run " + runId,
        "INSERT INTO item_failures (run_id, url, stage, reason, message, detail, recorded_at)"
            + " VALUES (?,?,?,?,?,?,?)",
        runId,
        f.url(),
        f.stage(),
        f.reason(),
        f.message(),
        f.detail(),
        Instant.now());
  }

  @Override
  public void finishRun(RunRecord run) {
    db.update(
        "finish run " + run.id(),
        "UPDATE runs SET finished_at=?, counts=?, llm_calls=?, tokens_in=?, tokens_out=?,"
            + " cost_usd=?, status=?, analyzer=?, stop_reason=? WHERE id=?",
        run.finishedAt() == null ? Instant.now() : run.finishedAt(),
        JdbcEntryStore.json(run.counts()),
        run.usage().calls(),
        run.usage().inputTokens(),
        run.usage().outputTokens(),
        run.usage().costUsd(),
        run.status(),
        run.analyzer(),
        run.stopReason(),
        run.id());
  }

  @Override
  public void addUsage(long runId, Usage usage) {
    db.update(
        "add usage to run " + runId,
        "UPDATE runs SET llm_calls = llm_calls + ?, tokens_in = tokens_in + ?,"
            + " tokens_out = tokens_out + ?, cost_usd = cost_usd + ? WHERE id = ?",
        usage.calls(),
        usage.inputTokens(),
        usage.outputTokens(),
        usage.costUsd(),
        runId);
  }

  /** The command of a worker's run ({@code pulse worker}'s session). */
  static final String WORKER = "worker";

  /**
   * A worker's run whose worker is alive: it started recently (its worker may be registering) or a
   * worker that heartbeated since the given time names it ({@code workers.run_id}).
   */
  private static final String LIVE_WORKER_RUN =
      "(command = '"
          + WORKER
          + "' AND (started_at >= ? OR EXISTS (SELECT 1 FROM workers w"
          + " WHERE w.run_id = runs.id AND w.heartbeat_ms >= ?)))";

  @Override
  public List<RunRecord> abandonRuns(Instant workersDeadBefore) {
    return abandon(
        "status = 'running' AND NOT " + LIVE_WORKER_RUN,
        workersDeadBefore,
        r ->
            WORKER.equals(r.command())
                ? deadWorker(r)
                : "the run never ended: its process (pid "
                    + r.pid()
                    + " on "
                    + r.host()
                    + ") was killed, crashed or could not write the store");
  }

  @Override
  public List<RunRecord> abandonDeadWorkersRuns(Instant workersDeadBefore) {
    return abandon(
        "status = 'running' AND command = '" + WORKER + "' AND NOT " + LIVE_WORKER_RUN,
        workersDeadBefore,
        JdbcRunLog::deadWorker);
  }

  private static String deadWorker(RunRecord r) {
    return "the worker's run never ended: the worker (pid "
        + r.pid()
        + " on "
        + r.host()
        + ") stopped heartbeating: killed, crashed or cut off from the database";
  }

  private List<RunRecord> abandon(
      String where, Instant deadBefore, java.util.function.Function<RunRecord, String> why) {
    long deadMs = deadBefore.toEpochMilli();
    return db.inTransaction(
        "mark abandoned runs",
        () -> {
          List<RunRecord> running =
              db.list(
                  "list the runs that never ended",
                  "SELECT * FROM runs WHERE " + where + " ORDER BY id DESC",
                  JdbcRunLog::run,
                  deadBefore,
                  deadMs);
          List<RunRecord> marked = new java.util.ArrayList<>();
          for (RunRecord r : running) {
            int n =
                db.update(
                    "mark run " + r.id() + " abandoned",
                    "UPDATE runs SET status='abandoned', finished_at=?, stop_reason=? WHERE id=?"
                        + " AND "
                        + where,
                    Instant.now(),
                    why.apply(r),
                    r.id(),
                    deadBefore,
                    deadMs);
            if (n > 0) {
              marked.add(r);
            }
          }
          return marked;
        });
  }

  @Override
  public List<RunRecord> runs() {
    return db.list("list runs", "SELECT * FROM runs ORDER BY id DESC", JdbcRunLog::run);
  }

  @Override
  public List<ItemFailure> failures(long runId) {
    return db.list(
        "list the failures of run " + runId,
        "SELECT * FROM item_failures WHERE run_id = ? ORDER BY id",
        r ->
            new ItemFailure(
                r.text("url"),
                r.text("stage"),
                r.text("reason"),
                r.text("message"),
                r.text("detail")),
        runId);
  }

  private static RunRecord run(Db.Row r) throws SQLException {
    try {
      return new RunRecord(
          r.number("id"),
          r.text("command"),
          r.instant("started_at"),
          r.instant("finished_at"),
          r.text("analyzer"),
          JSON.readValue(r.text("counts"), COUNTS),
          new Usage(
              (int) r.number("llm_calls"),
              r.number("tokens_in"),
              r.number("tokens_out"),
              r.decimal("cost_usd")),
          r.text("status"),
          r.text("stop_reason"),
          r.text("host"),
          r.number("pid"));
    } catch (JsonProcessingException ex) {
      throw new SQLException("bad counts JSON in run " + r.number("id"), ex);
    }
  }
}
