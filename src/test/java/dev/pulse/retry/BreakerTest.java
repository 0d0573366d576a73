package dev.pulse.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BreakerTest {

  private final AtomicLong now = new AtomicLong();
  private final Breaker breaker = new Breaker(3, Duration.ofSeconds(60), now::get);

  @Test
  void opensAfterTheThresholdOfConsecutiveFailuresAndSaysSoOnce() {
    assertThat(breaker.failure("timeout")).isFalse();
    assertThat(breaker.failure("timeout")).isFalse();
    assertThat(breaker.allows()).isTrue();
    assertThat(breaker.failure("HTTP 503")).isTrue();
    assertThat(breaker.allows()).isFalse();
    assertThat(breaker.describe()).contains("3 consecutive failures", "HTTP 503", "60 s");
  }

  @Test
  void aSuccessInBetweenStartsTheCountAgain() {
    breaker.failure("timeout");
    breaker.failure("timeout");
    breaker.success();
    breaker.failure("timeout");
    assertThat(breaker.allows()).isTrue();
  }

  @Test
  void letsOneCallThroughAfterTheCoolDownAndReopensOnItsFailure() {
    for (int i = 0; i < 3; i++) {
      breaker.failure("timeout");
    }
    now.addAndGet(Duration.ofSeconds(61).toNanos());
    assertThat(breaker.allows()).isTrue();
    assertThat(breaker.failure("timeout")).isFalse();
    assertThat(breaker.allows()).isFalse();
    now.addAndGet(Duration.ofSeconds(61).toNanos());
    breaker.success();
    assertThat(breaker.allows()).isTrue();
  }
}
