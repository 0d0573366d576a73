package dev.pulse.store;

import java.util.List;

/** The runs role: each run of the pipeline with its figures, and the items that failed in it. */
public interface RunLog {

  /** Starts a run and returns its number. */
  long startRun(String command, String analyzer);

  /** Records one item's failure under a run. */
  void recordFailure(long runId, ItemFailure failure);

  /** Closes a run with its figures. */
  void finishRun(RunRecord run);

  /** Runs, newest first. */
  List<RunRecord> runs();

  /** Failures recorded under one run, in the order they were recorded. */
  List<ItemFailure> failures(long runId);

}
