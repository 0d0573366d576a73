package dev.pulse;

/**
 * Root of Pulse's unchecked exceptions. {@link SkipItem}: this item failed, record it and go on
 * (whether a later run tries it again is the failure's to say: {@code FetchException#retryable()}
 * for fetches, the one list of passing faults). {@link Fatal}: no item can succeed (bad
 * configuration, rejected credentials), stop the run with a clear message. Any other exception is a
 * bug: the item is recorded as {@code internal-error} with its stack trace.
 */
public abstract class PulseException extends RuntimeException {

  protected PulseException(String message, Throwable cause) {
    super(message, cause);
  }

  /** This item failed for a reason of its own; the batch goes on. */
  public static class SkipItem extends PulseException {
    public SkipItem(String message, Throwable cause) {
      super(message, cause);
    }

    public SkipItem(String message) {
      super(message, null);
    }
  }

  /** Nothing further can succeed; the run stops. */
  public static class Fatal extends PulseException {
    public Fatal(String message, Throwable cause) {
      super(message, cause);
    }

    public Fatal(String message) {
      super(message, null);
    }
  }
}
