package dev.pulse.store;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One item of a run that did not become an entry, and why.
 *
 * @param url the item's URL (or the source's, for a discovery failure)
 * @param stage discover, fetch, extract, analyze or store
 * @param reason a short code, e.g. "http-404", "content-type", "no-article", "invalid-reply"
 * @param message a sentence for people; null is read as the reason, so the accessor never returns
 *     null
 * @param detail raw material for debugging (e.g. the model's reply), or null
 */
public record ItemFailure(
    String url, String stage, String reason, @Nullable String message, @Nullable String detail) {

  public ItemFailure {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(reason, "reason");
    message = message == null ? reason : message;
    // credentials written into a URL never reach the failures table, the logs or the report
    url = dev.pulse.identity.UrlCredentials.strip(url);
    message = dev.pulse.identity.UrlCredentials.strip(message);
    detail = dev.pulse.identity.UrlCredentials.strip(detail);
  }

  /**
   * An exception Pulse did not expect (a bug): reason {@code internal-error}, the exception as the
   * message and its stack trace as the detail, so the report has what a fix needs.
   */
  public static ItemFailure internal(String url, String stage, Throwable bug) {
    java.io.StringWriter trace = new java.io.StringWriter();
    bug.printStackTrace(new java.io.PrintWriter(trace));
    return new ItemFailure(url, stage, "internal-error", bug.toString(), trace.toString());
  }
}
