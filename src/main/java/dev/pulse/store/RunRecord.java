package dev.pulse.store;

import dev.pulse.analyze.Usage;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One run of the pipeline as kept in the store.
 *
 * @param id the run's number
 * @param command what started it ("run", "demo", "rerun", "worker")
 * @param startedAt start time
 * @param finishedAt end time, or null while running (or when the run died)
 * @param analyzer analyzer name and model, e.g. "embedded (all-minilm-l6-v2-q)"
 * @param counts items per outcome: discovered, fetched, unchanged, stored, failed, skipped, ...
 * @param usage LLM calls, tokens and cost for the run; null is read as none, so the accessor never
 *     returns null
 * @param status "running", "ok", "partial" (some items failed), "failed" (stopped by a fatal
 *     error), "interrupted" (stopped by a signal or the time budget, its items queued) or
 *     "abandoned" (its process died without closing it; marked by a later run, or for a worker's
 *     run once its worker stopped heartbeating)
 * @param stopReason why the run stopped early ("SIGTERM", "time budget 2h", the fatal error), or
 *     null
 * @param host the host name of the process that ran it, or null when unknown
 * @param pid the process id that ran it, or 0 when unknown
 */
public record RunRecord(
    long id,
    String command,
    Instant startedAt,
    @Nullable Instant finishedAt,
    String analyzer,
    Map<String, Integer> counts,
    @Nullable Usage usage,
    String status,
    @Nullable String stopReason,
    @Nullable String host,
    long pid) {

  public RunRecord {
    counts = Map.copyOf(new TreeMap<>(counts));
    usage = usage == null ? Usage.NONE : usage;
  }

  /** A run record without a stop reason or process (closing a run: those are already known). */
  public RunRecord(
      long id,
      String command,
      Instant startedAt,
      @Nullable Instant finishedAt,
      String analyzer,
      Map<String, Integer> counts,
      @Nullable Usage usage,
      String status) {
    this(id, command, startedAt, finishedAt, analyzer, counts, usage, status, null, null, 0);
  }
}
