package dev.pulse.analyze;

import dev.pulse.FailureClass;
import dev.pulse.PulseException;
import org.jspecify.annotations.Nullable;

/**
 * One article could not be analyzed (an invalid reply, the endpoint failing past its retries); the
 * raw reply, when there was one, is kept for debugging. Passing: the model may answer the next run.
 */
public final class AnalysisException extends PulseException.SkipItem {

  private final @Nullable String rawReply;
  private final Usage usage;

  public AnalysisException(String message, @Nullable String rawReply, @Nullable Throwable cause) {
    this(message, rawReply, cause, Usage.NONE);
  }

  /** With the tokens already spent on the failed attempt, so run totals stay honest. */
  public AnalysisException(
      String message, @Nullable String rawReply, @Nullable Throwable cause, @Nullable Usage usage) {
    super(message, cause);
    this.rawReply = rawReply;
    this.usage = usage == null ? Usage.NONE : usage;
  }

  public AnalysisException(String message) {
    this(message, null, null);
  }

  @Override
  public FailureClass failureClass() {
    return FailureClass.RETRYABLE;
  }

  /** The model's last reply, or null. */
  public @Nullable String rawReply() {
    return rawReply;
  }

  /** LLM calls and tokens spent before the failure; {@link Usage#NONE} when unknown. */
  public Usage usage() {
    return usage;
  }
}
