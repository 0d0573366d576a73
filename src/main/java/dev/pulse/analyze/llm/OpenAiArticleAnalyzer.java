package dev.pulse.analyze.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.pulse.analyze.Analysis;
import dev.pulse.analyze.AnalysisException;
import dev.pulse.analyze.ArticleAnalyzer;
import dev.pulse.analyze.ArticleText;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.analyze.Usage;
import dev.pulse.analyze.llm.LlmSettings.StructuredOutput;
import dev.pulse.retry.Sleeper;
import dev.pulse.text.Language;
import dev.pulse.verify.FaithfulnessChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analyzes articles with an LLM behind any OpenAI-compatible endpoint, through LangChain4j's {@code
 * OpenAiOfficialChatModel} (the official OpenAI Java SDK underneath).
 *
 * <p>One request per article; the reply is validated in code and, when invalid, repaired once by a
 * follow-up request quoting the error. A valid reply whose summary or editor's note states figures,
 * dates, quotations or names the article does not support ({@link FaithfulnessChecker}) gets the
 * same one repair request, quoting the unsupported claims; if the repaired reply still has some it
 * is returned anyway (the pipeline stores them as the entry's flags). 429, 5xx and timeouts are
 * retried with backoff honouring {@code Retry-After}; 401/403/404 stop the run ({@link
 * dev.pulse.PulseException.Fatal}); other failures fail the item ({@link AnalysisException}). A
 * client-side limiter caps requests and tokens per minute and requests in flight. Thread-safe. The
 * API key never appears in a log line or exception.
 */
public final class OpenAiArticleAnalyzer implements ArticleAnalyzer {

  private static final Logger log = LoggerFactory.getLogger(OpenAiArticleAnalyzer.class);
  private static final int RAW_REPLY_MAX_CHARS = 20_000;

  private final LlmSettings settings;
  private final PromptTemplates prompts;
  private final LlmReplyValidator validator;
  private final JsonSchema schema;
  private final LlmCalls calls;
  private final FaithfulnessChecker checker = FaithfulnessChecker.standard();

  /**
   * Reads the prompt files from {@link LlmSettings#promptsDir()} and builds the client.
   *
   * @throws dev.pulse.config.ConfigException when a prompt file is missing or wrong
   */
  public OpenAiArticleAnalyzer(LlmSettings settings, Taxonomy taxonomy) {
    this(settings, taxonomy, Sleeper.REAL);
  }

  /**
   * As {@link #OpenAiArticleAnalyzer(LlmSettings, Taxonomy)}, the account's limits also held across
   * the processes that share {@code shared} (the workers of one store).
   */
  public OpenAiArticleAnalyzer(LlmSettings settings, Taxonomy taxonomy, LlmGate shared) {
    this(
        settings,
        PromptTemplates.load(settings.promptsDir(), taxonomy, LlmLimits.DEFAULT),
        new LlmReplyValidator(taxonomy, LlmLimits.DEFAULT),
        OpenAiRequests.schema(taxonomy),
        Sleeper.REAL,
        limits -> OpenAiRequests.chatModel(settings, limits),
        shared);
  }

  /** As the public constructor, but waiting through {@code sleeper} (tests record the waits). */
  OpenAiArticleAnalyzer(LlmSettings settings, Taxonomy taxonomy, Sleeper sleeper) {
    this(
        settings,
        PromptTemplates.load(settings.promptsDir(), taxonomy, LlmLimits.DEFAULT),
        new LlmReplyValidator(taxonomy, LlmLimits.DEFAULT),
        OpenAiRequests.schema(taxonomy),
        sleeper,
        limits -> OpenAiRequests.chatModel(settings, limits),
        LlmGate.NONE);
  }

  OpenAiArticleAnalyzer(
      LlmSettings settings,
      PromptTemplates prompts,
      LlmReplyValidator validator,
      ChatModel model,
      JsonSchema schema,
      Sleeper sleeper) {
    this(settings, prompts, validator, schema, sleeper, limits -> model, LlmGate.NONE);
  }

  private OpenAiArticleAnalyzer(
      LlmSettings settings,
      PromptTemplates prompts,
      LlmReplyValidator validator,
      JsonSchema schema,
      Sleeper sleeper,
      Function<Consumer<LlmRateLimiter.ServerLimits>, ChatModel> model,
      LlmGate shared) {
    this.settings = settings;
    this.prompts = prompts;
    this.validator = validator;
    this.schema = schema;
    this.calls = new LlmCalls(settings, model, sleeper, shared);
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
      log.info(
          "LLM reply for {} invalid ({}); asking once for a repair",
          article.id(),
          invalid.getMessage());
      OpenAiRequests.Reply second =
          repair(messages, first, invalid.getMessage(), article.id(), usage);
      usage = usage.plus(usage(second));
      try {
        reply = validator.validate(second.text());
      } catch (LlmReplyValidator.InvalidReply stillInvalid) {
        throw new AnalysisException(
            "LLM reply for "
                + article.id()
                + " still invalid after one repair: "
                + stillInvalid.getMessage(),
            cap(second.text()),
            null,
            usage);
      }
      return analysis(article, reply, usage);
    }
    String source = (article.title() == null ? "" : article.title() + "\n\n") + article.text();
    List<String> flags = checker.flags(source, reply.summary(), reply.editorsNote());
    if (!flags.isEmpty()) {
      log.info(
          "LLM reply for {} makes unsupported claims {}; asking once for a repair",
          article.id(),
          flags);
      try {
        OpenAiRequests.Reply second =
            repair(messages, first, unsupported(flags), article.id(), usage);
        usage = usage.plus(usage(second));
        reply = validator.validate(second.text());
      } catch (LlmReplyValidator.InvalidReply | AnalysisException e) {
        // the first reply is valid: keep it, with its flags, rather than lose the item
        log.info("repair of {} failed ({}); keeping the first reply", article.id(), e.getMessage());
      }
    }
    return analysis(article, reply, usage);
  }

  /** One repair request after {@code first}, quoting what was wrong with it. */
  private OpenAiRequests.Reply repair(
      List<ChatMessage> messages,
      OpenAiRequests.Reply first,
      String error,
      String id,
      Usage usage) {
    messages.add(AiMessage.from(nonBlank(first.text())));
    messages.add(UserMessage.from(prompts.repair(error)));
    try {
      return call(messages, id);
    } catch (AnalysisException e) {
      throw new AnalysisException(e.getMessage(), cap(first.text()), null, usage);
    }
  }

  /** The repair request's error for a reply the article does not support. */
  static String unsupported(List<String> flags) {
    return "the summary or editor's note states things the article does not say: "
        + String.join("; ", flags)
        + ". Use only figures, dates, quotations and names found in the article, or leave them out.";
  }

  /** The reply as an analysis; the model reads any language, so it is recorded, never flagged. */
  private Analysis analysis(ArticleText article, LlmReplyValidator.Reply reply, Usage usage) {
    log.debug(
        "analyzed {}: {} call(s), {} tokens in, {} out",
        article.id(),
        usage.calls(),
        usage.inputTokens(),
        usage.outputTokens());
    return new Analysis(
        reply.summary(),
        reply.editorsNote(),
        reply.sentiment(),
        reply.category(),
        reply.topics(),
        name(),
        model(),
        version(),
        usage,
        Language.of(article.language(), article.title(), article.text()),
        List.of());
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

  /** {@code llm.max_concurrent}: the limiter lets no more requests be in flight. */
  @Override
  public int concurrency() {
    return settings.maxConcurrent();
  }

  private final java.util.concurrent.atomic.AtomicBoolean prepared =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** Loads the SDK client in the background, once. */
  @Override
  public void prepare() {
    if (prepared.compareAndSet(false, true)) {
      calls.prepare();
    }
  }

  @Override
  public String pacing() {
    return calls.pacing();
  }

  /** Closes the SDK client; the analyzer is done after this. */
  /**
   * A trending-topic summarizer on this analyzer's client, rate limiter, breaker and retries, with
   * the prompt files of the same folder. Closing it leaves this analyzer's client open.
   *
   * @throws dev.pulse.config.ConfigException when a topic prompt file is wrong
   */
  public OpenAiTopicSummarizer topicSummarizer() {
    return new OpenAiTopicSummarizer(
        settings, TopicPrompts.load(settings.promptsDir(), OpenAiTopicSummarizer.MAX_WORDS), calls);
  }

  @Override
  public void close() {
    calls.close();
  }

  /** The structured-output mode in use now; may have stepped down from the configured one. */
  public StructuredOutput structuredOutput() {
    return calls.structuredOutput();
  }

  @Override
  public String toString() {
    return "OpenAiArticleAnalyzer[" + settings + ", prompts=" + version() + "]";
  }

  private OpenAiRequests.Reply call(List<ChatMessage> messages, String id) {
    return calls.call(messages, id, schema);
  }

  private Usage usage(OpenAiRequests.Reply r) {
    return new Usage(
        1, r.inputTokens(), r.outputTokens(), settings.costUsd(r.inputTokens(), r.outputTokens()));
  }

  private static String nonBlank(@Nullable String text) {
    return text == null || text.isBlank() ? "(empty reply)" : text;
  }

  private static @Nullable String cap(@Nullable String raw) {
    if (raw == null || raw.length() <= RAW_REPLY_MAX_CHARS) {
      return raw;
    }
    return raw.substring(0, RAW_REPLY_MAX_CHARS) + "...";
  }
}
