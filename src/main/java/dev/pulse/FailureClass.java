package dev.pulse;

/**
 * What a failure means for its item and for the run: the one classification, decided by the
 * exception's type ({@link #of(Throwable)}), never by its reason string. The pipeline and the retry
 * queue both act on it; the reason strings stay what users read in the runs table and reports.
 */
public enum FailureClass {
  /**
   * A passing fault (timeout, 5xx, 429, an invalid model reply): recorded and queued for a retry.
   */
  RETRYABLE,
  /**
   * Not the item's fault and not tried to the end (the backend is cooling down, the run is
   * stopping): kept queued for the next run without recording a failure or counting an attempt.
   */
  DEFERRED,
  /** This item cannot succeed (404, refused address, not an article): recorded, not tried again. */
  FINAL,
  /** Nothing further can succeed (rejected credentials, unwritable store): the run stops. */
  FATAL,
  /**
   * An exception Pulse did not expect, a bug: recorded as {@code internal-error} with its stack
   * trace, and queued like a passing fault so that a fixed release takes the item again.
   */
  INTERNAL;

  /** The class of any throwable: a {@link PulseException} says its own, anything else is a bug. */
  public static FailureClass of(Throwable t) {
    return t instanceof PulseException p ? p.failureClass() : INTERNAL;
  }

  /** Whether an item that failed so is recorded and queued to be tried again (counting it). */
  public boolean retried() {
    return this == RETRYABLE || this == INTERNAL;
  }
}
