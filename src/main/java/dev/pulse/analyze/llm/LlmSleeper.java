package dev.pulse.analyze.llm;

import java.time.Duration;

/** Waits; tests pass one that records the waits and advances a fake clock instead. */
@FunctionalInterface
interface LlmSleeper {

  LlmSleeper REAL = d -> Thread.sleep(Math.max(0, d.toMillis()));

  void sleep(Duration duration) throws InterruptedException;
}
