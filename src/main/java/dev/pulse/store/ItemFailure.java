package dev.pulse.store;

import java.util.Objects;

/**
 * One item of a run that did not become an entry, and why.
 *
 * @param url the item's URL (or the source's, for a discovery failure)
 * @param stage discover, fetch, extract, analyze or store
 * @param reason a short code, e.g. "http-404", "content-type", "no-article", "invalid-reply"
 * @param message a sentence for people
 * @param detail raw material for debugging (e.g. the model's reply), or null
 */
public record ItemFailure(String url, String stage, String reason, String message, String detail) {

  public ItemFailure {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(reason, "reason");
    message = message == null ? reason : message;
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
