package dev.pulse;

/**
 * Root of Pulse's unchecked exceptions. {@link SkipItem}: this item failed, record it and go on.
 * {@link RetryLater}: a passing fault, the item may succeed on a later run. {@link Fatal}: no item
 * can succeed (bad configuration, rejected credentials), stop the run with a clear message.
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

  /** A passing fault (timeout, 503, rate limit); recorded, tried again on the next run. */
  public static class RetryLater extends SkipItem {
    public RetryLater(String message, Throwable cause) {
      super(message, cause);
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
