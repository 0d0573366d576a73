package dev.pulse.pipeline;

import dev.pulse.FailureClass;
import dev.pulse.analyze.AnalysisException;
import dev.pulse.analyze.AnalyzerUnavailable;
import dev.pulse.fetch.FetchException;
import dev.pulse.store.ItemFailure;

/**
 * How an item's failure reads in the runs table and reports, by the exception's type: the reason
 * strings users know ("http-404", "invalid-reply", "internal-error") stay what they were. What
 * happens to the item is its {@link FailureClass}, not this record.
 */
final class Failures {

  private Failures() {}

  /**
   * The failure of the item at {@code url} in {@code stage}: a bug ({@link FailureClass#INTERNAL})
   * as {@code internal-error} with its stack trace in the detail.
   */
  static ItemFailure of(String url, String stage, Throwable cause) {
    if (FailureClass.of(cause) == FailureClass.INTERNAL) {
      return ItemFailure.internal(url, stage, cause);
    }
    if (cause instanceof FetchException e) {
      return new ItemFailure(url, stage, e.reason(), e.detailFor(url), null);
    }
    if (cause instanceof AnalysisException e) {
      String reason = e.rawReply() != null ? "invalid-reply" : "analysis-error";
      return new ItemFailure(url, stage, reason, e.getMessage(), e.rawReply());
    }
    if (cause instanceof AnalyzerUnavailable e) {
      return new ItemFailure(url, stage, "analyzer-unavailable", e.getMessage(), null);
    }
    return new ItemFailure(url, stage, "error", cause.getMessage(), null);
  }
}
