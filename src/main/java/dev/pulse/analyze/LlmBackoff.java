package dev.pulse.analyze;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Waits between attempts: exponential backoff with jitter (initial x 2^retry, a random half to all
 * of it, capped), unless the server said how long to wait, in which case exactly that (capped too).
 */
final class LlmBackoff {

  private final Duration initial;
  private final Duration max;
  private final DoubleSupplier random;

  LlmBackoff(Duration initial, Duration max, DoubleSupplier random) {
    this.initial = initial;
    this.max = max;
    this.random = random;
  }

  /**
   * @param retry 0 before the first retry, 1 before the second, ...
   * @param retryAfter the server's requested wait, or null
   */
  Duration delay(int retry, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.compareTo(max) > 0 ? max : retryAfter;
    }
    long base = initial.toMillis() << Math.min(retry, 20);
    long capped = Math.min(base, max.toMillis());
    long jittered = Math.round(capped / 2.0 + random.getAsDouble() * capped / 2.0);
    return Duration.ofMillis(Math.min(jittered, max.toMillis()));
  }
}
