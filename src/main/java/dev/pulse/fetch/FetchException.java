package dev.pulse.fetch;

import dev.pulse.PulseException;

/** A URL could not be fetched; {@link #reason()} is a short machine-friendly code. */
public class FetchException extends PulseException.SkipItem {

  private final String url;
  private final String reason;

  public FetchException(String url, String reason, String message, Throwable cause) {
    super(url + ": " + message, cause);
    this.url = url;
    this.reason = reason;
  }

  public FetchException(String url, String reason, String message) {
    this(url, reason, message, null);
  }

  public String url() {
    return url;
  }

  /** e.g. "http-404", "content-type", "too-large", "timeout", "robots", "ssrf", "invalid-url". */
  public String reason() {
    return reason;
  }
}
