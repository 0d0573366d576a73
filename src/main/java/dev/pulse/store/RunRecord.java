package dev.pulse.store;

import dev.pulse.analyze.Usage;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of the pipeline as kept in the store.
 *
 * @param id the run's number
 * @param command what started it ("run", "demo", "rerun")
 * @param startedAt start time
 * @param finishedAt end time, or null while running (or when the run died)
 * @param analyzer analyzer name and model, e.g. "embedded (all-minilm-l6-v2-q)"
 * @param counts items per outcome: discovered, fetched, unchanged, stored, failed, skipped, ...
 * @param usage LLM calls, tokens and cost for the run
 * @param status "running", "ok", "partial" (some items failed) or "failed"
 */
public record RunRecord(
    long id,
    String command,
    Instant startedAt,
    Instant finishedAt,
    String analyzer,
    Map<String, Integer> counts,
    Usage usage,
    String status) {

  public RunRecord {
    counts = Map.copyOf(new TreeMap<>(counts));
    usage = usage == null ? Usage.NONE : usage;
  }
}
