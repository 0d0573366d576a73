package dev.pulse.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), new Random(42));

  @Test
  void doublesEachRetryWithJitterBetweenHalfAndAll() {
    for (int retry = 0; retry < 3; retry++) {
      long step = 1000L << retry;
      assertThat(backoff.delay(retry, null).toMillis()).isBetween(step / 2, step);
    }
  }

  @Test
  void neverExceedsTheCap() {
    assertThat(backoff.delay(30, null)).isLessThanOrEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void usesTheServersRetryAfterWhenGiven() {
    assertThat(backoff.delay(0, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
  }
}
