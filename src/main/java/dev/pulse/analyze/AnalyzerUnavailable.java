package dev.pulse.analyze;

import dev.pulse.FailureClass;
import dev.pulse.PulseException;

/**
 * The analyzer's backend kept failing (timeouts, 5xx, refused connections) and is not being called
 * during its cool-down: the item was not tried. The pipeline queues it for the next run with this
 * message as the reason, without counting it as a failure or an attempt.
 */
public final class AnalyzerUnavailable extends PulseException.SkipItem {

  public AnalyzerUnavailable(String message) {
    super(message, null);
  }

  @Override
  public FailureClass failureClass() {
    return FailureClass.DEFERRED;
  }
}
