package dev.pulse;

import org.jspecify.annotations.Nullable;

/**
 * Root of Pulse's unchecked exceptions; each type says its {@link FailureClass}. {@link SkipItem}:
 * this item failed, record it and go on ({@link FailureClass#FINAL}, unless a subtype says it is
 * passing, e.g. a {@code FetchException} of a timeout). {@link Fatal}: no item can succeed (bad
 * configuration, rejected credentials), stop the run with a clear message. Any other exception is a
 * bug ({@link FailureClass#INTERNAL}): the item is recorded as {@code internal-error} with its
 * stack trace.
 */
public abstract class PulseException extends RuntimeException {

  protected PulseException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /** What this failure means for its item and the run; read it through {@link FailureClass#of}. */
  public abstract FailureClass failureClass();

  /** This item failed for a reason of its own; the batch goes on. */
  public static class SkipItem extends PulseException {
    public SkipItem(String message, @Nullable Throwable cause) {
      super(message, cause);
    }

    public SkipItem(String message) {
      super(message, null);
    }

    /** Final by default; a subtype that knows its failure is passing says so. */
    @Override
    public FailureClass failureClass() {
      return FailureClass.FINAL;
    }
  }

  /** Nothing further can succeed; the run stops. */
  public static class Fatal extends PulseException {
    public Fatal(String message, @Nullable Throwable cause) {
      super(message, cause);
    }

    public Fatal(String message) {
      super(message, null);
    }

    @Override
    public final FailureClass failureClass() {
      return FailureClass.FATAL;
    }
  }
}
