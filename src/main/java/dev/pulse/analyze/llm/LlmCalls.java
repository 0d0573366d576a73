package dev.pulse.analyze.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.pulse.PulseException;
import dev.pulse.analyze.AnalysisException;
import dev.pulse.analyze.AnalyzerUnavailable;
import dev.pulse.analyze.llm.LlmSettings.StructuredOutput;
import dev.pulse.retry.Backoff;
import dev.pulse.retry.Breaker;
import dev.pulse.retry.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chat request to an OpenAI-compatible endpoint with everything around it: the client-side
 * limiter, retries with backoff honouring {@code Retry-After} on 429, 5xx and timeouts, and the
 * step down to a simpler structured-output mode when the server refuses one. Shared by the article
 * analyzer and the topic summarizer. Thread-safe. Failures are {@link PulseException.Fatal} for
 * 401/403/404 and {@link AnalysisException} otherwise; neither carries the API key. After {@code
 * llm.breaker_failures} (3) consecutive timeouts, 5xx or network errors (across all callers) the
 * endpoint is not called for {@code llm.breaker_cool_down} (5 min): calls then throw {@link
 * AnalyzerUnavailable} at once, so a dead endpoint costs a run minutes, not hours.
 */
final class LlmCalls {

  private static final Logger log = LoggerFactory.getLogger(LlmCalls.class);

  private final LlmSettings settings;

  /** Builds the SDK client on the first request: a run that sends none never loads the SDK. */
  private final Function<Consumer<LlmRateLimiter.ServerLimits>, ChatModel> modelFactory;

  private @Nullable ChatModel model; // guarded by this
  private final LlmRateLimiter limiter;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final LlmRedactor redactor;
  private final AtomicReference<StructuredOutput> mode;
  private final AtomicLong rateLimited = new AtomicLong();
  private final long created = System.nanoTime();

  /** Stops calls to an endpoint that keeps timing out or failing, for a cool-down. */
  private final Breaker breaker;

  LlmCalls(LlmSettings settings, ChatModel model, Sleeper sleeper) {
    this(settings, limits -> model, sleeper);
    synchronized (this) {
      this.model = model; // already built: nothing to load lazily
    }
  }

  /**
   * @param model builds the chat model, given where to send what answers' rate-limit headers say
   */
  LlmCalls(
      LlmSettings settings,
      Function<Consumer<LlmRateLimiter.ServerLimits>, ChatModel> model,
      Sleeper sleeper) {
    this(settings, model, sleeper, LlmGate.NONE);
  }

  /**
   * @param shared the account's limits held across processes, after this process's own
   */
  LlmCalls(
      LlmSettings settings,
      Function<Consumer<LlmRateLimiter.ServerLimits>, ChatModel> model,
      Sleeper sleeper,
      LlmGate shared) {
    this.breaker = Breaker.of(settings.breaker());
    this.settings = settings;
    this.sleeper = sleeper;
    LlmSettings defaults = LlmSettings.defaults();
    this.limiter =
        new LlmRateLimiter(
                settings.requestsPerMinute(),
                settings.tokensPerMinute(),
                settings.maxConcurrent(),
                // limits left at their defaults give way to the ones the server announces
                settings.requestsPerMinute() == defaults.requestsPerMinute()
                    && settings.tokensPerMinute() == defaults.tokensPerMinute(),
                System::nanoTime,
                sleeper)
            .sharedWith(shared);
    this.modelFactory = model;
    this.backoff = Backoff.withThreadJitter(settings.retryInitialDelay(), settings.retryMaxDelay());
    this.redactor = new LlmRedactor(settings.apiKey());
    this.mode = new AtomicReference<>(settings.structuredOutput());
  }

  /** Builds the SDK client on a background thread, once, ahead of the first request. */
  void prepare() {
    Thread t =
        new Thread(
            () -> {
              try {
                model();
              } catch (RuntimeException e) {
                // the first request builds it again and reports the failure
              }
            },
            "prepare-llm");
    t.setDaemon(true);
    t.start();
  }

  private synchronized ChatModel model() {
    if (model == null) {
      model = modelFactory.apply(limiter::observe);
    }
    return model;
  }

  /** The structured-output mode in use now; may have stepped down from the configured one. */
  StructuredOutput structuredOutput() {
    return mode.get();
  }

  /**
   * Which limit set the pace of the requests so far, and how many were answered 429; null when the
   * work did (requests hardly waited and none was refused).
   */
  @Nullable String pacing() {
    String limit = limiter.pacing(Duration.ofNanos(System.nanoTime() - created));
    long refused = rateLimited.get();
    if (refused == 0) {
      return limit;
    }
    String answers = refused + " request(s) answered 429 (rate limited) and retried";
    return limit == null ? answers : limit + "; " + answers;
  }

  /** Closes the SDK client behind the model, when it has one; the calls end with it. */
  synchronized void close() {
    if (model instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        log.debug("closing the LLM client: {}", e.toString());
      }
    }
  }

  LlmRedactor redactor() {
    return redactor;
  }

  /**
   * One request, with the limiter, retries and structured-output fallback around it.
   *
   * @param schema the reply's JSON schema, or null for a plain-text reply (no response_format)
   */
  OpenAiRequests.Reply call(List<ChatMessage> messages, String id, @Nullable JsonSchema schema) {
    long estimate = estimateTokens(messages) + settings.maxOutputTokens();
    int retry = 0;
    while (true) {
      if (!breaker.allows()) {
        throw new AnalyzerUnavailable(
            "the LLM endpoint " + endpoint() + " is not answering (" + breaker.describe() + ")");
      }
      StructuredOutput current = schema == null ? StructuredOutput.PROMPT : mode.get();
      OpenAiErrors.Failure failure;
      try (LlmRateLimiter.Permit permit = limiter.acquire(estimate)) {
        OpenAiRequests.Reply reply =
            OpenAiRequests.reply(model().chat(OpenAiRequests.request(messages, current, schema)));
        permit.settle(reply.inputTokens() + reply.outputTokens());
        breaker.success();
        return reply;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AnalysisException("LLM request for " + id + " interrupted", null, null);
      } catch (RuntimeException e) {
        failure = OpenAiErrors.classify(e, Instant.now());
      }
      switch (failure.kind()) {
        case AUTH ->
            throw new PulseException.Fatal(
                "the LLM endpoint "
                    + endpoint()
                    + " rejected the credentials (HTTP "
                    + failure.status()
                    + "); check OPENAI_API_KEY and OPENAI_BASE_URL");
        case NOT_FOUND ->
            throw new PulseException.Fatal(
                "the LLM endpoint "
                    + endpoint()
                    + " answered 404 for model '"
                    + settings.model()
                    + "'; check llm.model and OPENAI_BASE_URL: "
                    + redactor.brief(failure.detail(), 300));
        case FORMAT_UNSUPPORTED -> {
          StructuredOutput simpler = schema == null ? null : current.simpler();
          if (!settings.autoFallback() || simpler == null) {
            throw failed(id, failure, retry);
          }
          if (mode.compareAndSet(current, simpler)) {
            log.warn(
                "the LLM endpoint refused response format {} ({}); using {} from now on",
                current.key(),
                redactor.brief(failure.detail(), 200),
                simpler.key());
          }
        }
        default -> {
          if (unavailable(failure) && breaker.failure(describe(failure))) {
            log.warn(
                "the LLM endpoint {} keeps failing: {}; the items left are queued",
                endpoint(),
                breaker.describe());
          }
          if (!failure.kind().retryable || retry >= settings.maxRetries()) {
            throw failed(id, failure, retry);
          }
          var wait = backoff.delay(retry, capped(failure.retryAfter()));
          retry++;
          log.info(
              "LLM request for {} failed ({}); retry {} of {} in {} ms",
              id,
              describe(failure),
              retry,
              settings.maxRetries(),
              wait.toMillis());
          if (failure.kind() == OpenAiErrors.Kind.RATE_LIMITED) {
            // every request waits (in the limiter), not just this one: one 429, not a storm of them
            limiter.pause(wait);
            rateLimited.incrementAndGet();
            continue;
          }
          try {
            sleeper.sleep(wait);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalysisException("LLM request for " + id + " interrupted", null, null);
          }
        }
      }
    }
  }

  /** Failures that say the endpoint is down or overloaded (not a 429 with a wait, not a 4xx). */
  private static boolean unavailable(OpenAiErrors.Failure f) {
    return switch (f.kind()) {
      case SERVER, TIMEOUT, NETWORK -> true;
      default -> false;
    };
  }

  private AnalysisException failed(String id, OpenAiErrors.Failure failure, int retries) {
    String attempts = retries == 0 ? "" : " after " + (retries + 1) + " attempts";
    return new AnalysisException(
        "LLM request for " + id + " failed" + attempts + ": " + describe(failure), null, null);
  }

  private String describe(OpenAiErrors.Failure f) {
    String what =
        switch (f.kind()) {
          case RATE_LIMITED -> "rate limited";
          case SERVER -> "server error";
          case TIMEOUT -> "timed out after " + settings.timeout().toMillis() + " ms";
          case NETWORK -> "network error";
          case FORMAT_UNSUPPORTED -> "response format " + mode.get().key() + " not supported";
          default -> "request failed";
        };
    String status = f.status() == 0 ? "" : " (HTTP " + f.status() + ")";
    return what + status + ": " + redactor.brief(f.detail(), 300);
  }

  static long estimateTokens(List<ChatMessage> messages) {
    long sum = 0;
    for (ChatMessage m : messages) {
      String text =
          m instanceof SystemMessage s
              ? s.text()
              : m instanceof UserMessage u
                  ? u.singleText()
                  : m instanceof AiMessage a ? a.text() : "";
      sum += LlmInputBudget.estimateTokens(text) + 4;
    }
    return sum;
  }

  private String endpoint() {
    return settings.displayBaseUrl();
  }

  /** The server's Retry-After, but never longer than the configured longest wait. */
  private @Nullable Duration capped(@Nullable Duration retryAfter) {
    Duration max = settings.retryMaxDelay();
    return retryAfter == null || retryAfter.compareTo(max) <= 0 ? retryAfter : max;
  }
}
