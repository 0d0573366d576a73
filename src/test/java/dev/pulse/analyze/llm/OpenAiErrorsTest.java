package dev.pulse.analyze.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.Headers;
import com.openai.errors.OpenAIIoException;
import dev.pulse.analyze.llm.OpenAiErrors.Kind;
import java.net.SocketTimeoutException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OpenAiErrorsTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void readsRetryAfterInMillisSecondsOrAsADate() {
    assertThat(OpenAiErrors.retryAfter(Headers.builder().put("retry-after-ms", "1500").build(), NOW))
        .isEqualTo(Duration.ofMillis(1500));
    assertThat(OpenAiErrors.retryAfter(Headers.builder().put("Retry-After", "7").build(), NOW))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(OpenAiErrors.retryAfter(
            Headers.builder().put("Retry-After", "Wed, 25 Nov 2026 12:00:30 GMT").build(), NOW))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(OpenAiErrors.retryAfter(Headers.builder().put("Retry-After", "soon").build(), NOW)).isNull();
    assertThat(OpenAiErrors.retryAfter(Headers.builder().build(), NOW)).isNull();
  }

  @Test
  void classifiesStatusCodes() {
    assertThat(OpenAiErrors.fromStatus(429, null, "").kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(OpenAiErrors.fromStatus(503, null, "").kind()).isEqualTo(Kind.SERVER);
    assertThat(OpenAiErrors.fromStatus(401, null, "").kind()).isEqualTo(Kind.AUTH);
    assertThat(OpenAiErrors.fromStatus(403, null, "").kind()).isEqualTo(Kind.AUTH);
    assertThat(OpenAiErrors.fromStatus(404, null, "").kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(OpenAiErrors.fromStatus(400, null, "context_length_exceeded").kind()).isEqualTo(Kind.OTHER);
    assertThat(OpenAiErrors.fromStatus(400, null, "'response_format.type' must be 'json_schema' or 'text'")
            .kind()).isEqualTo(Kind.FORMAT_UNSUPPORTED);
    assertThat(Kind.RATE_LIMITED.retryable).isTrue();
    assertThat(Kind.OTHER.retryable).isFalse();
  }

  @Test
  void tellsTimeoutsFromOtherNetworkFailures() {
    assertThat(OpenAiErrors.classify(new OpenAIIoException("Request failed", new SocketTimeoutException("timeout")), NOW)
            .kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(OpenAiErrors.classify(new OpenAIIoException("Request failed", new ConnectException("refused")), NOW)
            .kind()).isEqualTo(Kind.NETWORK);
    assertThat(OpenAiErrors.classify(new IllegalStateException("odd"), NOW).kind()).isEqualTo(Kind.OTHER);
  }
}
