package dev.pulse.retry;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Stops calling something that keeps failing: after {@code threshold} consecutive passing failures
 * (timeouts, 5xx, refused connections) it opens for a cool-down, during which {@link #allows()} is
 * false and callers queue their work instead of waiting on it. After the cool-down one call is let
 * through; a success closes it, a failure opens it again at once. Thread-safe.
 */
public final class Breaker {

  /** Consecutive failures that open a breaker, unless configured otherwise. */
  public static final int DEFAULT_THRESHOLD = 3;

  /** How long an open breaker stays open, unless configured otherwise. */
  public static final Duration DEFAULT_COOL_DOWN = Duration.ofMinutes(5);

  /**
   * When a breaker opens and for how long: the {@code breaker_failures} and {@code
   * breaker_cool_down} settings of the {@code llm:} and {@code fetch:} sections.
   *
   * @param failures consecutive passing failures that open it, at least 1
   * @param coolDown how long it then stays open, zero or more
   */
  public record Policy(int failures, Duration coolDown) {

    public static final Policy DEFAULT = new Policy(DEFAULT_THRESHOLD, DEFAULT_COOL_DOWN);

    public Policy {
      if (failures < 1) {
        throw new IllegalArgumentException("breaker_failures must be at least 1, not " + failures);
      }
      if (coolDown == null || coolDown.isNegative()) {
        throw new IllegalArgumentException("breaker_cool_down must not be negative");
      }
    }
  }

  private final int threshold;
  private final Duration coolDown;
  private final LongSupplier nanos;
  private int consecutive;
  private long openUntil;
  private boolean open;
  private String lastFailure;

  /**
   * @param threshold consecutive failures that open it (at least 1)
   * @param coolDown how long it stays open
   * @param nanos the clock, {@code System::nanoTime}
   */
  public Breaker(int threshold, Duration coolDown, LongSupplier nanos) {
    if (threshold < 1 || coolDown.isNegative()) {
      throw new IllegalArgumentException("threshold must be >= 1 and the cool-down >= 0");
    }
    this.threshold = threshold;
    this.coolDown = coolDown;
    this.nanos = nanos;
  }

  /** A breaker with the defaults on the system clock. */
  public static Breaker defaults() {
    return of(Policy.DEFAULT);
  }

  /** A breaker with this policy on the system clock. */
  public static Breaker of(Policy policy) {
    return new Breaker(policy.failures(), policy.coolDown(), System::nanoTime);
  }

  /** True when a call may be made now. */
  public synchronized boolean allows() {
    return !open || nanos.getAsLong() - openUntil >= 0;
  }

  /** A call succeeded: the count starts again. */
  public synchronized void success() {
    consecutive = 0;
    open = false;
  }

  /**
   * A call failed for a passing reason.
   *
   * @return true when this failure opened the breaker (say so once in the log)
   */
  public synchronized boolean failure(String what) {
    lastFailure = what;
    consecutive++;
    if (consecutive >= threshold) {
      boolean wasClosed = !open;
      open = true;
      openUntil = nanos.getAsLong() + coolDown.toNanos();
      return wasClosed;
    }
    return false;
  }

  /** "3 consecutive failures, the last: timed out after 60000 ms; cooling down for 5 min". */
  public synchronized String describe() {
    return consecutive
        + " consecutive failures, the last: "
        + lastFailure
        + "; not called again for "
        + coolDown.toSeconds()
        + " s";
  }
}
