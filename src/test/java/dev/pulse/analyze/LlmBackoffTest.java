package dev.pulse.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LlmBackoffTest {

  @Test
  void doublesPerRetryWithJitterInTheUpperHalf() {
    LlmBackoff low = new LlmBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.0);
    LlmBackoff high = new LlmBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 1.0);

    assertThat(low.delay(0, null)).isEqualTo(Duration.ofMillis(500));
    assertThat(high.delay(0, null)).isEqualTo(Duration.ofSeconds(1));
    assertThat(high.delay(3, null)).isEqualTo(Duration.ofSeconds(8));
    assertThat(high.delay(10, null)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void honoursRetryAfterUpToTheCap() {
    LlmBackoff b = new LlmBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.5);

    assertThat(b.delay(0, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
    assertThat(b.delay(0, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(60));
  }
}
