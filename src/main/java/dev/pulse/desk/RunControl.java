package dev.pulse.desk;

import java.util.Optional;

/**
 * The desk's hand on the pipeline: the configured batch, one URL again, a run's failed items again.
 * Work runs in the background, one job at a time, and never while a run holds the store.
 */
public interface RunControl {

  /** Who holds the store now, e.g. "pulse run since 30 Nov 2026, 14:02", if anyone. */
  Optional<String> busy();

  /** What the background work is doing now, e.g. "rerun 2 of 5: https://...". */
  Optional<String> progress();

  /** Starts the configured batch; refused while a run holds the store. */
  void runNow(String user);

  /** Fetches, extracts and analyzes one URL again; refused while a run holds the store. */
  void rerun(String url, String user);

  /** Tries a run's failed items again; refused while a run holds the store. */
  void retryFailed(long runId, String user);

  /** A refusal, with the message to show. */
  final class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }
}
