package dev.pulse.store;

import dev.pulse.PulseException;
import org.jspecify.annotations.Nullable;

/**
 * The store could not read or write; the message names the entry or run concerned, and says what to
 * do when the disk looks full or unwritable.
 */
public final class StoreException extends PulseException.Fatal {

  public StoreException(String message, @Nullable Throwable cause) {
    super(message + hint(cause), cause);
  }

  private static String hint(@Nullable Throwable cause) {
    String m = cause == null ? "" : String.valueOf(cause.getMessage());
    if (m.contains("SQLITE_FULL") || m.contains("SQLITE_IOERR") || m.contains("SQLITE_READONLY")) {
      return " (is the disk full or read-only? Free space or fix permissions and run again:"
          + " unfinished items stay queued for the next run)";
    }
    return "";
  }
}
