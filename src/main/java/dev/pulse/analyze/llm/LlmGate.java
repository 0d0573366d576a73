package dev.pulse.analyze.llm;

/**
 * The LLM account's limits shared with other processes: requests and tokens per minute held across
 * all the workers that call the same endpoint with the same key. Consulted for every request, after
 * this process's own limiter; {@link #NONE} for a process that calls alone.
 */
public interface LlmGate {

  /** No other process calls the endpoint: this process's own limiter is the whole of it. */
  LlmGate NONE =
      new LlmGate() {
        @Override
        public void acquire(long estimatedTokens) {}

        @Override
        public void settle(long estimatedTokens, long actualTokens) {}
      };

  /**
   * Waits until one more request of about {@code estimatedTokens} (in + out) may be sent, and books
   * it.
   */
  void acquire(long estimatedTokens) throws InterruptedException;

  /** The request booked with {@code estimatedTokens} used {@code actualTokens}. */
  void settle(long estimatedTokens, long actualTokens);
}
