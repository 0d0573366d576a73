package dev.pulse.analyze;

/**
 * What one analysis cost: LLM calls and tokens as the API reported them, cost in US dollars from
 * the configured price table. All zero for the embedded analyzer.
 */
public record Usage(int calls, long inputTokens, long outputTokens, double costUsd) {

  public static final Usage NONE = new Usage(0, 0, 0, 0.0);

  public Usage {
    if (calls < 0 || inputTokens < 0 || outputTokens < 0 || costUsd < 0) {
      throw new IllegalArgumentException("usage figures must not be negative");
    }
  }

  public Usage plus(Usage other) {
    return new Usage(
        calls + other.calls,
        inputTokens + other.inputTokens,
        outputTokens + other.outputTokens,
        costUsd + other.costUsd);
  }
}
