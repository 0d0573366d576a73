package dev.pulse.analyze.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.Headers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

  @Test
  void readsOpenAisRateLimitHeaders() {
    Headers h =
        Headers.builder()
            .put("x-ratelimit-limit-requests", "5000")
            .put("x-ratelimit-limit-tokens", "2000000")
            .put("x-ratelimit-remaining-requests", "4999")
            .put("x-ratelimit-remaining-tokens", "1997800")
            .put("x-ratelimit-reset-requests", "12ms")
            .put("x-ratelimit-reset-tokens", "6m0s")
            .build();

    assertThat(RateLimitHeaders.read(h))
        .isEqualTo(new LlmRateLimiter.ServerLimits(
            5000L, 2_000_000L, 4999L, 1_997_800L, Duration.ofMillis(12), Duration.ofMinutes(6)));
  }

  @Test
  void anAnswerWithoutThemSaysNothing() {
    assertThat(RateLimitHeaders.read(Headers.builder().put("content-type", "application/json").build())).isNull();
  }

  @Test
  void readsGoDurationsAndRefusesGarbage() {
    assertThat(RateLimitHeaders.duration("1h2m3.5s")).isEqualTo(Duration.ofMillis(3_723_500));
    assertThat(RateLimitHeaders.duration("1s")).isEqualTo(Duration.ofSeconds(1));
    assertThat(RateLimitHeaders.duration("soon")).isNull();
    assertThat(RateLimitHeaders.duration("5 s")).isNull();
  }
}
