package dev.pulse.store;

import dev.pulse.analyze.Usage;
import java.util.List;

/** The runs role: each run of the pipeline with its figures, and the items that failed in it. */
public interface RunLog {

  /** Starts a run and returns its number. */
  long startRun(String command, String analyzer);

  /** Records one item's failure under a run. */
  void recordFailure(long runId, ItemFailure failure);

  /** Closes a run with its figures, status and stop reason. */
  void finishRun(RunRecord run);

  /**
   * Adds LLM usage spent after a run finished on its behalf (the site's trending-topic roll-ups) to
   * its figures.
   */
  void addUsage(long runId, Usage usage);

  /**
   * Marks every run still "running" as "abandoned" (its process died without closing it) and
   * returns them as they were. Only the holder of the store's lock ({@link StoreLock}) may call it:
   * then no other run can be live.
   */
  List<RunRecord> abandonRuns();

  /** Runs, newest first. */
  List<RunRecord> runs();

  /** Failures recorded under one run, in the order they were recorded. */
  List<ItemFailure> failures(long runId);
}
