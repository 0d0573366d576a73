package dev.pulse.fetch;

import java.time.Duration;

/** The server answered with an error status; carries what a retry needs. */
final class HttpStatusException extends FetchException {

  private final int status;
  private final Duration retryAfter;

  HttpStatusException(String url, int status, Duration retryAfter) {
    super(url, Kind.ofStatus(status), "http-" + status, "HTTP " + status);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  int status() {
    return status;
  }

  /** The server's Retry-After, or null when it sent none (or one we could not read). */
  Duration retryAfter() {
    return retryAfter;
  }
}
