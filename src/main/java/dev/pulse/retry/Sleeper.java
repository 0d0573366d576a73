package dev.pulse.retry;

import java.time.Duration;

/**
 * Waits; the seam that lets tests of backoff, pacing and Retry-After record the waits and advance a
 * fake clock instead of sleeping. Used by the fetcher and the LLM client alike.
 */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  /** Really sleeps; a zero or negative duration returns at once. */
  Sleeper REAL =
      d -> {
        if (!d.isNegative() && !d.isZero()) {
          Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        }
      };
}
