package dev.pulse.analyze.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LlmRateLimiterTest {

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final List<Duration> waits = new ArrayList<>();

  /** The sleeper moves the fake clock, so a wait is visible as time passed. */
  private LlmRateLimiter limiter(int rpm, int tpm, int concurrent) {
    return limiter(rpm, tpm, concurrent, false);
  }

  private LlmRateLimiter limiter(int rpm, int tpm, int concurrent, boolean defaults) {
    return new LlmRateLimiter(
        rpm,
        tpm,
        concurrent,
        defaults,
        clock::get,
        d -> {
          waits.add(d);
          clock.addAndGet(d.toNanos());
        });
  }

  /** The wait for {@code fraction} of a minute at the limiter's headroom. */
  private static Duration paced(double minutes) {
    return Duration.ofNanos(
        (long) (Duration.ofMinutes(1).toNanos() * minutes / LlmRateLimiter.HEADROOM));
  }

  private static void assertClose(Duration actual, Duration expected) {
    assertThat(Math.abs(actual.toNanos() - expected.toNanos())).isLessThan(1_000L);
  }

  @Test
  void spacesRequestsEvenlyInsteadOfSendingTheMinutesAllowanceAtOnce() throws Exception {
    LlmRateLimiter l = limiter(600, 0, 10);

    for (int i = 0; i < 8; i++) {
      l.acquire(10).close();
    }

    // 600 a minute: the first three go at once (two intervals of allowance), then one a tick
    assertThat(waits).hasSize(5);
    waits.forEach(w -> assertClose(w, paced(1.0 / 600)));
  }

  @Test
  void anIdleSpellBuildsNoMoreThanTheSmallAllowance() throws Exception {
    LlmRateLimiter l = limiter(600, 0, 10);
    l.acquire(10).close();
    clock.addAndGet(Duration.ofMinutes(10).toNanos());

    for (int i = 0; i < 4; i++) {
      l.acquire(10).close();
    }

    assertThat(waits).hasSize(1);
    assertClose(waits.get(0), paced(1.0 / 600));
  }

  @Test
  void aSlowLimitGetsNoAllowanceAtAll() throws Exception {
    LlmRateLimiter l = limiter(60, 0, 10);

    for (int i = 0; i < 3; i++) {
      l.acquire(10).close();
    }

    assertThat(waits).hasSize(2);
    waits.forEach(w -> assertClose(w, paced(1.0 / 60)));
  }

  @Test
  void noSlidingMinuteEverHoldsMoreThanTheLimitLessAMarginForJitter() throws Exception {
    // requests arrive in irregular clumps and pauses, as replies come back; every send time is
    // recorded and every 60 s window counted
    java.util.Random random = new java.util.Random(42);
    LlmRateLimiter l = limiter(600, 0, 10);
    List<Long> sent = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      if (random.nextInt(10) == 0) {
        clock.addAndGet(Duration.ofMillis(random.nextInt(3_000)).toNanos());
      }
      l.acquire(10).close();
      sent.add(clock.get());
    }

    long minute = Duration.ofMinutes(1).toNanos();
    int most = 0;
    int first = 0;
    for (int last = 0; last < sent.size(); last++) {
      while (sent.get(last) - sent.get(first) >= minute) {
        first++;
      }
      most = Math.max(most, last - first + 1);
    }
    assertThat(most).isLessThanOrEqualTo(597);
  }

  @Test
  void spacesRequestsByTheirTokensAtTheTokenRate() throws Exception {
    LlmRateLimiter l = limiter(0, 60_000, 10);
    l.acquire(500).close();

    l.acquire(500).close();

    assertThat(waits).hasSize(1);
    assertClose(waits.get(0), paced(500.0 / 60_000));
  }

  @Test
  void settlingWithTheReportedUsageFreesTheOverestimate() throws Exception {
    LlmRateLimiter l = limiter(0, 60_000, 10);
    try (LlmRateLimiter.Permit p = l.acquire(900)) {
      p.settle(300);
    }

    l.acquire(600).close();

    assertThat(waits).hasSize(1);
    assertClose(waits.get(0), paced(300.0 / 60_000));
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

  @Test
  void aRateLimitAnswerHoldsEveryNewRequestForTheWaitTheServerAskedFor() throws Exception {
    LlmRateLimiter l = limiter(0, 0, 10);
    l.pause(Duration.ofSeconds(3));

    l.acquire(10).close();
    l.acquire(10).close();

    assertThat(waits).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void anExhaustedRemainingCountHoldsRequestsUntilTheReset() throws Exception {
    LlmRateLimiter l = limiter(0, 0, 10);
    l.observe(new LlmRateLimiter.ServerLimits(null, null, 0L, 5000L, Duration.ofMillis(800), null));

    l.acquire(10).close();

    assertThat(waits).containsExactly(Duration.ofMillis(800));
  }

  @Test
  void theServersLimitsLowerTheUsersAndReplaceTheDefaults() {
    LlmRateLimiter users = limiter(500, 200_000, 4, false);
    LlmRateLimiter defaults = limiter(500, 200_000, 4, true);
    LlmRateLimiter.ServerLimits announced =
        new LlmRateLimiter.ServerLimits(5_000L, 100_000L, 4_999L, 99_000L, null, null);

    users.observe(announced);
    defaults.observe(announced);

    assertThat(users.limits()).containsExactly(500, 100_000);
    assertThat(defaults.limits()).containsExactly(5_000, 100_000);
  }

  @Test
  void saysWhichLimitSetThePace() throws Exception {
    LlmRateLimiter l = limiter(60, 0, 1);
    for (int i = 0; i < 5; i++) {
      l.acquire(10).close();
    }

    assertThat(l.pacing(Duration.ofSeconds(4)))
        .startsWith("llm.requests_per_minute (60) set the pace");
    assertThat(limiter(0, 0, 1).pacing(Duration.ofSeconds(4))).isNull();
  }
}
