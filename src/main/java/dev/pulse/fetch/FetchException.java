package dev.pulse.fetch;

import dev.pulse.PulseException;

/** A URL could not be fetched; {@link #reason()} is a short machine-friendly code. */
public class FetchException extends PulseException.SkipItem {

  private final String url;
  private final String reason;
  private final String detail;

  public FetchException(String url, String reason, String message, Throwable cause) {
    super(url + ": " + message, cause);
    this.url = url;
    this.reason = reason;
    this.detail = message;
  }

  public FetchException(String url, String reason, String message) {
    this(url, reason, message, null);
  }

  public String url() {
    return url;
  }

  /** What went wrong, without the URL (which {@link #getMessage()} starts with). */
  public String detail() {
    return detail;
  }

  /**
   * The message for a line that names {@code itemUrl} already: the detail alone when the failure is
   * that URL's, else the whole message (it names the URL that failed, e.g. a redirect's target).
   */
  public String detailFor(String itemUrl) {
    return url.equals(itemUrl) ? detail : getMessage();
  }

  /** e.g. "http-404", "content-type", "too-large", "timeout", "robots", "ssrf", "invalid-url". */
  public String reason() {
    return reason;
  }

  /**
   * True for a passing fault (connection error, timeout, 429, 5xx, rate limit, unreadable
   * robots.txt): the one list of them. {@link PoliteFetcher} retries these within the run, and a
   * run queues an item that still fails with one for the next run; any other reason is final.
   */
  public boolean retryable() {
    return switch (reason) {
      case "connect", "timeout", "io", "http-429", "rate-limited", "robots-unavailable" -> true;
      default -> reason.startsWith("http-5");
    };
  }
}
