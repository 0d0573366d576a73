package dev.pulse.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void threadJitterDiffersBetweenThreadsThatNeverSeededTheirOwn() throws Exception {
    Backoff shared = Backoff.withThreadJitter(Duration.ofMillis(1), Duration.ofHours(1));
    List<List<Long>> perThread = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      List<Long> delays = new ArrayList<>();
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 5; i++) {
          delays.add(shared.delay(20, null).toMillis());
        }
      });
      thread.start();
      thread.join();
      perThread.add(delays);
    }

    assertThat(perThread.get(0)).isNotEqualTo(perThread.get(1));
  }
}
