package dev.pulse.store;

import dev.pulse.PulseException;

/** The store could not read or write; the message names the entry or run concerned. */
public final class StoreException extends PulseException.Fatal {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
