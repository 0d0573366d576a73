package dev.pulse.worker;

import dev.pulse.PulseException;

/** The worker cannot go on: its database refuses the scheduler's or the registry's writes. */
public final class WorkerException extends PulseException.Fatal {

  WorkerException(String message, Throwable cause) {
    super(message, cause);
  }
}
