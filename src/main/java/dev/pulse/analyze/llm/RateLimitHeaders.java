package dev.pulse.analyze.llm;

import com.openai.core.RequestOptions;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's HTTP client with an eye on every answer's {@code x-ratelimit-*} headers (OpenAI, Azure
 * OpenAI and vLLM send them), which it hands to the limiter so the run keeps to the account's real
 * limits. Passes everything else through untouched.
 */
final class RateLimitHeaders implements HttpClient {

  private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

  private final HttpClient delegate;
  private final Consumer<LlmRateLimiter.ServerLimits> observer;

  RateLimitHeaders(HttpClient delegate, Consumer<LlmRateLimiter.ServerLimits> observer) {
    this.delegate = delegate;
    this.observer = observer;
  }

  @Override
  public HttpResponse execute(HttpRequest request, RequestOptions options) {
    return seen(delegate.execute(request, options));
  }

  @Override
  public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions options) {
    return delegate.executeAsync(request, options).thenApply(this::seen);
  }

  @Override
  public void close() {
    delegate.close();
  }

  private HttpResponse seen(HttpResponse response) {
    LlmRateLimiter.ServerLimits limits = read(response.headers());
    if (limits != null) {
      observer.accept(limits);
    }
    return response;
  }

  /** The rate-limit headers' values; null when the answer carries none. */
  static LlmRateLimiter.@Nullable ServerLimits read(Headers headers) {
    Long limitRequests = number(first(headers, "x-ratelimit-limit-requests"));
    Long limitTokens = number(first(headers, "x-ratelimit-limit-tokens"));
    Long remainingRequests = number(first(headers, "x-ratelimit-remaining-requests"));
    Long remainingTokens = number(first(headers, "x-ratelimit-remaining-tokens"));
    if (limitRequests == null
        && limitTokens == null
        && remainingRequests == null
        && remainingTokens == null) {
      return null;
    }
    return new LlmRateLimiter.ServerLimits(
        limitRequests,
        limitTokens,
        remainingRequests,
        remainingTokens,
        duration(first(headers, "x-ratelimit-reset-requests")),
        duration(first(headers, "x-ratelimit-reset-tokens")));
  }

  /**
   * OpenAI's reset times: Go durations such as "1s", "6m0s", "20ms", "1h2m3.5s"; null if
   * unreadable.
   */
  static @Nullable Duration duration(@Nullable String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String text = s.strip().toLowerCase(Locale.ROOT);
    Matcher m = GO_DURATION.matcher(text);
    double millis = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        return null;
      }
      double v = Double.parseDouble(m.group(1));
      millis +=
          switch (m.group(2)) {
            case "h" -> v * 3_600_000;
            case "m" -> v * 60_000;
            case "s" -> v * 1_000;
            default -> v;
          };
      end = m.end();
    }
    return end == text.length() && end > 0 ? Duration.ofMillis(Math.round(millis)) : null;
  }

  private static @Nullable String first(Headers headers, String name) {
    List<String> values = headers.values(name);
    return values.isEmpty() ? null : values.get(0);
  }

  private static @Nullable Long number(@Nullable String s) {
    if (s == null) {
      return null;
    }
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
