package dev.pulse.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Tells a running batch to stop taking new items: a signal ({@link #requestStop(String)}, from the
 * CLI's SIGTERM/SIGINT handler) or the run's time budget ({@code run.max_duration}). Items not
 * reached stay queued for the next run; items in flight get {@link #grace()} to finish.
 * Thread-safe.
 */
public final class RunControl {

  /** Time in-flight items get to finish once a stop is asked, unless configured otherwise. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(20);

  private final AtomicReference<@Nullable String> stop = new AtomicReference<>();
  private final RunProgress progress = new RunProgress();
  private final Duration grace;
  private final @Nullable Duration budget;
  private final @Nullable Instant deadline;

  /**
   * @param grace how long in-flight items may take to finish after a stop
   * @param budget the whole run's time budget from now, or null for none
   */
  public RunControl(Duration grace, @Nullable Duration budget) {
    if (grace.isNegative() || (budget != null && (budget.isNegative() || budget.isZero()))) {
      throw new IllegalArgumentException("grace must be >= 0 and the budget > 0");
    }
    this.grace = grace;
    this.budget = budget;
    this.deadline = budget == null ? null : Instant.now().plus(budget);
  }

  /** No budget, the default grace, stopped only by {@link #requestStop(String)}. */
  public static RunControl unbounded() {
    return new RunControl(DEFAULT_GRACE, null);
  }

  /** Asks the run to stop; the first reason given is kept ("SIGTERM"). */
  public void requestStop(String reason) {
    stop.compareAndSet(null, reason);
  }

  /** Why the run must stop taking items ("SIGTERM", "time budget of 2h used up"), or null. */
  public @Nullable String stopReason() {
    String reason = stop.get();
    if (reason == null && deadline != null && !Instant.now().isBefore(deadline)) {
      stop.compareAndSet(null, "time budget of " + format(budget) + " used up (run.max_duration)");
      reason = stop.get();
    }
    return reason;
  }

  /** How far the run is: what a progress display shows. */
  public RunProgress progress() {
    return progress;
  }

  /** How long in-flight items may take after a stop. */
  public Duration grace() {
    return grace;
  }

  private static String format(Duration d) {
    return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }
}
