package dev.pulse.fetch;

import dev.pulse.FailureClass;
import dev.pulse.PulseException;
import org.jspecify.annotations.Nullable;

/**
 * A URL could not be fetched. {@link #kind()} says what kind of failure it is, and with it whether
 * it is passing; {@link #reason()} is the short code users read ("http-404", "timeout").
 */
public class FetchException extends PulseException.SkipItem {

  /** What kind of fetch failure this is; set by whoever throws it, where the cause is known. */
  public enum Kind {
    /**
     * The host is down or struggling (refused connection, timeout, I/O error, 5xx): passing,
     * retried within the run and on the next, and counted against the host's breaker.
     */
    HOST_DOWN(FailureClass.RETRYABLE),
    /**
     * The host asks for a rest (429, a rest longer than we wait, robots.txt unreadable): passing.
     */
    THROTTLED(FailureClass.RETRYABLE),
    /** This URL cannot be fetched (4xx, refused address, wrong type, too large): final. */
    REFUSED(FailureClass.FINAL),
    /** Cut off because the run is stopping: not the item's fault; the run keeps it queued. */
    INTERRUPTED(FailureClass.DEFERRED);

    private final FailureClass failureClass;

    Kind(FailureClass failureClass) {
      this.failureClass = failureClass;
    }

    /** The kind of an HTTP error status: 5xx the host's trouble, 429 a rest, the rest final. */
    static Kind ofStatus(int status) {
      if (status >= 500) {
        return HOST_DOWN;
      }
      return status == 429 ? THROTTLED : REFUSED;
    }
  }

  private final String url;
  private final Kind kind;
  private final String reason;
  private final String detail;

  public FetchException(
      String url, Kind kind, String reason, String message, @Nullable Throwable cause) {
    super(url + ": " + message, cause);
    this.url = url;
    this.kind = kind;
    this.reason = reason;
    this.detail = message;
  }

  public FetchException(String url, Kind kind, String reason, String message) {
    this(url, kind, reason, message, null);
  }

  /** A final failure ({@link Kind#REFUSED}): this URL cannot be fetched. */
  public FetchException(String url, String reason, String message, @Nullable Throwable cause) {
    this(url, Kind.REFUSED, reason, message, cause);
  }

  /** A final failure ({@link Kind#REFUSED}): this URL cannot be fetched. */
  public FetchException(String url, String reason, String message) {
    this(url, Kind.REFUSED, reason, message, null);
  }

  public String url() {
    return url;
  }

  public Kind kind() {
    return kind;
  }

  @Override
  public FailureClass failureClass() {
    return kind.failureClass;
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
   * True for a passing fault ({@link Kind#HOST_DOWN}, {@link Kind#THROTTLED}): {@link
   * PoliteFetcher} retries these within the run, and a run queues an item that still fails with one
   * for the next run; any other failure is final.
   */
  public boolean retryable() {
    return failureClass() == FailureClass.RETRYABLE;
  }
}
