package dev.pulse.store;

import dev.pulse.analyze.Usage;
import java.time.Instant;
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
   * returns them as they were, except the runs of live workers (below). Only the holder of the
   * store's lock ({@link StoreLock}) may call it: then no other run but a worker's can be live.
   *
   * @param workersDeadBefore a worker whose last heartbeat is before this is dead
   */
  List<RunRecord> abandonRuns(Instant workersDeadBefore);

  /**
   * Marks "abandoned" the runs of workers that are dead (no heartbeat since {@code
   * workersDeadBefore}: killed, crashed or cut off) and returns them as they were. Anyone may call
   * it at any time: a worker's run that started after {@code workersDeadBefore} is never taken for
   * a dead one (its worker may not have registered yet), nor is any run that is not a worker's.
   */
  List<RunRecord> abandonDeadWorkersRuns(Instant workersDeadBefore);

  /** Runs, newest first. */
  List<RunRecord> runs();

  /** Failures recorded under one run, in the order they were recorded. */
  List<ItemFailure> failures(long runId);
}
