package dev.pulse.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": half the step fixed, half random. Pure but for the
 * random source. Shared by the fetcher (HTTP retries) and the LLM analyzer (API retries).
 */
public final class Backoff {

  private final Duration base;
  private final Duration max;
  private final RandomGenerator random;

  public Backoff(Duration base, Duration max, RandomGenerator random) {
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /**
   * Jitter from the calling thread's own generator, looked up at each draw. (One {@code
   * ThreadLocalRandom.current()} kept and shared would hand threads that never seeded their own the
   * same sequence: their retries would fire together, which the jitter is there to prevent.)
   */
  public static Backoff withThreadJitter(Duration base, Duration max) {
    return new Backoff(base, max, () -> ThreadLocalRandom.current().nextLong());
  }

  /**
   * The wait before retry number {@code retry} (0 for the first retry): the server's Retry-After
   * when it sent one, else between half and all of {@code base * 2^retry}, capped at {@code max}.
   */
  public Duration delay(int retry, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter;
    }
    long step = base.toMillis() << Math.min(retry, 20);
    long capped = Math.min(step, max.toMillis());
    long half = capped / 2;
    return Duration.ofMillis(half + (half == 0 ? 0 : random.nextLong(half + 1)));
  }
}
