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
            "INSERT INTO runs (command, started_at, analyzer) VALUES (?,?,?) RETURNING id",
            r -> r.number("id"),
            command,
            Instant.now(),
            analyzer)
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
            + " cost_usd=?, status=? WHERE id=?",
        run.finishedAt(),
        JdbcEntryStore.json(run.counts()),
        run.usage().calls(),
        run.usage().inputTokens(),
        run.usage().outputTokens(),
        run.usage().costUsd(),
        run.status(),
        run.id());
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
                r.text("url"), r.text("stage"), r.text("reason"), r.text("message"), r.text("detail")),
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
          r.text("status"));
    } catch (JsonProcessingException ex) {
      throw new SQLException("bad counts JSON in run " + r.number("id"), ex);
    }
  }
}
