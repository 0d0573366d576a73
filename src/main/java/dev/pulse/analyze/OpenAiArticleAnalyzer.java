package dev.pulse.analyze;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.pulse.PulseException;
import dev.pulse.analyze.LlmSettings.StructuredOutput;
import dev.pulse.retry.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analyzes articles with an LLM behind any OpenAI-compatible endpoint, through LangChain4j's
 * {@code OpenAiOfficialChatModel} (the official OpenAI Java SDK underneath).
 *
 * <p>One request per article; the reply is validated in code and, when invalid, repaired once by a
 * follow-up request quoting the error. 429, 5xx and timeouts are retried with backoff honouring
 * {@code Retry-After}; 401/403/404 stop the run ({@link PulseException.Fatal}); other failures fail
 * the item ({@link AnalysisException}). A client-side limiter caps requests and tokens per minute
 * and requests in flight. Thread-safe. The API key never appears in a log line or exception.
 */
public final class OpenAiArticleAnalyzer implements ArticleAnalyzer {

  private static final Logger log = LoggerFactory.getLogger(OpenAiArticleAnalyzer.class);
  private static final int RAW_REPLY_MAX_CHARS = 20_000;

  private final LlmSettings settings;
  private final PromptTemplates prompts;
  private final LlmReplyValidator validator;
  private final ChatModel model;
  private final JsonSchema schema;
  private final LlmRateLimiter limiter;
  private final Backoff backoff;
  private final LlmSleeper sleeper;
  private final LlmRedactor redactor;
  private final AtomicReference<StructuredOutput> mode;

  /**
   * Reads the prompt files from {@link LlmSettings#promptsDir()} and builds the client.
   *
   * @throws dev.pulse.cli.ConfigException when a prompt file is missing or wrong
   */
  public OpenAiArticleAnalyzer(LlmSettings settings, Taxonomy taxonomy) {
    this(settings, taxonomy, LlmSleeper.REAL);
  }

  /** As the public constructor, but waiting through {@code sleeper} (tests record the waits). */
  OpenAiArticleAnalyzer(LlmSettings settings, Taxonomy taxonomy, LlmSleeper sleeper) {
    this(
        settings,
        PromptTemplates.load(settings.promptsDir(), taxonomy, LlmLimits.DEFAULT),
        new LlmReplyValidator(taxonomy, LlmLimits.DEFAULT),
        OpenAiRequests.chatModel(settings),
        OpenAiRequests.schema(taxonomy),
        sleeper);
  }

  OpenAiArticleAnalyzer(
      LlmSettings settings,
      PromptTemplates prompts,
      LlmReplyValidator validator,
      ChatModel model,
      JsonSchema schema,
      LlmSleeper sleeper) {
    this.settings = settings;
    this.prompts = prompts;
    this.validator = validator;
    this.model = model;
    this.schema = schema;
    this.sleeper = sleeper;
    this.limiter =
        new LlmRateLimiter(
            settings.requestsPerMinute(),
            settings.tokensPerMinute(),
            settings.maxConcurrent(),
            System::nanoTime,
            sleeper);
    this.backoff =
        new Backoff(settings.retryInitialDelay(), settings.retryMaxDelay(), ThreadLocalRandom.current());
    this.redactor = new LlmRedactor(settings.apiKey());
    this.mode = new AtomicReference<>(settings.structuredOutput());
  }

  @Override
  public Analysis analyze(ArticleText article) {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(SystemMessage.from(prompts.system()));
    messages.add(UserMessage.from(prompts.user(article, settings.inputTokenBudget())));

    OpenAiRequests.Reply first = call(messages, article.id());
    Usage usage = usage(first);
    LlmReplyValidator.Reply reply;
    try {
      reply = validator.validate(first.text());
    } catch (LlmReplyValidator.InvalidReply invalid) {
      log.info("LLM reply for {} invalid ({}); asking once for a repair", article.id(), invalid.getMessage());
      messages.add(AiMessage.from(nonBlank(first.text())));
      messages.add(UserMessage.from(prompts.repair(invalid.getMessage())));
      OpenAiRequests.Reply second;
      try {
        second = call(messages, article.id());
      } catch (AnalysisException e) {
        throw new AnalysisException(e.getMessage(), cap(first.text()), null, usage);
      }
      usage = usage.plus(usage(second));
      try {
        reply = validator.validate(second.text());
      } catch (LlmReplyValidator.InvalidReply stillInvalid) {
        throw new AnalysisException(
            "LLM reply for " + article.id() + " still invalid after one repair: " + stillInvalid.getMessage(),
            cap(second.text()),
            null,
            usage);
      }
    }
    log.debug("analyzed {}: {} call(s), {} tokens in, {} out", article.id(), usage.calls(),
        usage.inputTokens(), usage.outputTokens());
    return new Analysis(
        reply.summary(),
        reply.editorsNote(),
        reply.sentiment(),
        reply.category(),
        reply.topics(),
        name(),
        model(),
        version(),
        usage);
  }

  /** "llm". */
  @Override
  public String name() {
    return "llm";
  }

  /** The configured model name (Azure: the deployment). */
  @Override
  public String model() {
    return settings.model();
  }

  /** The prompt version: short SHA-256 of the prompt files, taxonomy and limits. */
  @Override
  public String version() {
    return prompts.version();
  }

  /** The structured-output mode in use now; may have stepped down from the configured one. */
  public StructuredOutput structuredOutput() {
    return mode.get();
  }

  @Override
  public String toString() {
    return "OpenAiArticleAnalyzer[" + settings + ", prompts=" + version() + "]";
  }

  /** One request, with the limiter, retries and structured-output fallback around it. */
  private OpenAiRequests.Reply call(List<ChatMessage> messages, String id) {
    long estimate = estimateTokens(messages) + settings.maxOutputTokens();
    int retry = 0;
    while (true) {
      StructuredOutput current = mode.get();
      OpenAiErrors.Failure failure;
      try (LlmRateLimiter.Permit permit = limiter.acquire(estimate)) {
        OpenAiRequests.Reply reply =
            OpenAiRequests.reply(model.chat(OpenAiRequests.request(messages, current, schema)));
        permit.settle(reply.inputTokens() + reply.outputTokens());
        return reply;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AnalysisException("LLM request for " + id + " interrupted", null, null);
      } catch (RuntimeException e) {
        failure = OpenAiErrors.classify(e, Instant.now());
      }
      switch (failure.kind()) {
        case AUTH -> throw new PulseException.Fatal(
            "the LLM endpoint " + endpoint() + " rejected the credentials (HTTP " + failure.status()
                + "); check OPENAI_API_KEY and OPENAI_BASE_URL");
        case NOT_FOUND -> throw new PulseException.Fatal(
            "the LLM endpoint " + endpoint() + " answered 404 for model '" + settings.model()
                + "'; check llm.model and OPENAI_BASE_URL: " + redactor.brief(failure.detail(), 300));
        case FORMAT_UNSUPPORTED -> {
          StructuredOutput simpler = current.simpler();
          if (!settings.autoFallback() || simpler == null) {
            throw failed(id, failure, retry);
          }
          if (mode.compareAndSet(current, simpler)) {
            log.warn("the LLM endpoint refused response format {} ({}); using {} from now on",
                current.key(), redactor.brief(failure.detail(), 200), simpler.key());
          }
        }
        default -> {
          if (!failure.kind().retryable || retry >= settings.maxRetries()) {
            throw failed(id, failure, retry);
          }
          var wait = backoff.delay(retry, capped(failure.retryAfter()));
          retry++;
          log.info("LLM request for {} failed ({}); retry {} of {} in {} ms", id,
              describe(failure), retry, settings.maxRetries(), wait.toMillis());
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

  private AnalysisException failed(String id, OpenAiErrors.Failure failure, int retries) {
    String attempts = retries == 0 ? "" : " after " + (retries + 1) + " attempts";
    return new AnalysisException("LLM request for " + id + " failed" + attempts + ": " + describe(failure), null, null);
  }

  private String describe(OpenAiErrors.Failure f) {
    String what = switch (f.kind()) {
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

  private Usage usage(OpenAiRequests.Reply r) {
    return new Usage(1, r.inputTokens(), r.outputTokens(), settings.costUsd(r.inputTokens(), r.outputTokens()));
  }

  private static long estimateTokens(List<ChatMessage> messages) {
    long sum = 0;
    for (ChatMessage m : messages) {
      String text =
          m instanceof SystemMessage s ? s.text()
              : m instanceof UserMessage u ? u.singleText()
              : m instanceof AiMessage a ? a.text()
              : "";
      sum += LlmInputBudget.estimateTokens(text) + 4;
    }
    return sum;
  }

  private String endpoint() {
    return settings.displayBaseUrl();
  }

  private static String nonBlank(String text) {
    return text == null || text.isBlank() ? "(empty reply)" : text;
  }

  private static String cap(String raw) {
    if (raw == null || raw.length() <= RAW_REPLY_MAX_CHARS) {
      return raw;
    }
    return raw.substring(0, RAW_REPLY_MAX_CHARS) + "...";
  }

  /** The server's Retry-After, but never longer than the configured longest wait. */
  private Duration capped(Duration retryAfter) {
    Duration max = settings.retryMaxDelay();
    return retryAfter == null || retryAfter.compareTo(max) <= 0 ? retryAfter : max;
  }
}
