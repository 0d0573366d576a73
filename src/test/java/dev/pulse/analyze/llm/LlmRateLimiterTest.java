package dev.pulse.analyze.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LlmRateLimiterTest {

  private final AtomicLong clock = new AtomicLong();
  private final List<Duration> waits = new ArrayList<>();

  /** The sleeper moves the fake clock, so a wait is visible as time passed. */
  private LlmRateLimiter limiter(int rpm, int tpm, int concurrent) {
    return new LlmRateLimiter(rpm, tpm, concurrent, clock::get, d -> {
      waits.add(d);
      clock.addAndGet(d.toNanos());
    });
  }

  @Test
  void holdsTheThirdRequestOfAMinuteUntilTheFirstLeavesTheWindow() throws Exception {
    LlmRateLimiter l = limiter(2, 0, 10);
    l.acquire(10).close();
    clock.addAndGet(Duration.ofSeconds(20).toNanos());
    l.acquire(10).close();

    l.acquire(10).close();

    assertThat(waits).containsExactly(Duration.ofSeconds(40));
  }

  @Test
  void holdsARequestWhoseTokensWouldExceedTheMinutesBudget() throws Exception {
    LlmRateLimiter l = limiter(0, 1000, 10);
    l.acquire(600).close();
    clock.addAndGet(Duration.ofSeconds(10).toNanos());

    l.acquire(600).close();

    assertThat(waits).containsExactly(Duration.ofSeconds(50));
  }

  @Test
  void settlingWithTheReportedUsageFreesTheOverestimate() throws Exception {
    LlmRateLimiter l = limiter(0, 1000, 10);
    try (LlmRateLimiter.Permit p = l.acquire(900)) {
      p.settle(300);
    }

    l.acquire(600).close();

    assertThat(waits).isEmpty();
  }

  @Test
  void aRequestLargerThanTheWholeBudgetGoesAloneInsteadOfWaitingForever() throws Exception {
    LlmRateLimiter l = limiter(0, 1000, 10);

    l.acquire(5000).close();

    assertThat(waits).isEmpty();
  }

  @Test
  void aPermitHoldsAConcurrencySlotUntilClosed() throws Exception {
    LlmRateLimiter l = limiter(0, 0, 2);
    LlmRateLimiter.Permit a = l.acquire(1);
    LlmRateLimiter.Permit b = l.acquire(1);

    assertThat(l.freeSlots()).isZero();
    a.close();
    a.close();
    assertThat(l.freeSlots()).isEqualTo(1);
    b.close();
    assertThat(l.freeSlots()).isEqualTo(2);
  }
}
