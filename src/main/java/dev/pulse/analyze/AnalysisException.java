package dev.pulse.analyze;

import dev.pulse.PulseException;

/** One article could not be analyzed; the raw reply, when there was one, is kept for debugging. */
public final class AnalysisException extends PulseException.SkipItem {

  private final String rawReply;

  public AnalysisException(String message, String rawReply, Throwable cause) {
    super(message, cause);
    this.rawReply = rawReply;
  }

  public AnalysisException(String message) {
    this(message, null, null);
  }

  /** The model's last reply, or null. */
  public String rawReply() {
    return rawReply;
  }
}
