package dev.pulse.fetch;

import java.time.Duration;

/** Waits; a seam so tests of backoff and Retry-After need not sleep. */
interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  Sleeper REAL =
      d -> {
        if (!d.isNegative() && !d.isZero()) {
          Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        }
      };
}
