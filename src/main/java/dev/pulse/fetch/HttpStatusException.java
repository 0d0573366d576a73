package dev.pulse.fetch;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The server answered with an error status; carries what a retry needs. */
final class HttpStatusException extends FetchException {

  private final int status;
  private final @Nullable Duration retryAfter;

  HttpStatusException(String url, int status, @Nullable Duration retryAfter) {
    super(url, Kind.ofStatus(status), "http-" + status, "HTTP " + status);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  int status() {
    return status;
  }

  /** The server's Retry-After, or null when it sent none (or one we could not read). */
  @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
