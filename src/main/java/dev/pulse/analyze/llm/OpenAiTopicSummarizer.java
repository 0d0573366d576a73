package dev.pulse.analyze.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.pulse.PulseException;
import dev.pulse.analyze.Usage;
import dev.pulse.retry.Sleeper;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a trending topic's one-sentence roll-up with an LLM behind any OpenAI-compatible endpoint.
 * Made by {@link OpenAiArticleAnalyzer#topicSummarizer()} it shares that analyzer's client, rate
 * limiter, breaker and retries, so a run's roll-ups and analyses keep to one set of limits; made on
 * its own (for {@code pulse site}) it has its own. What its calls spent is {@link #usage()}, for
 * the run's figures. The prompt files are {@code topic-system.txt} and {@code topic-user.txt}; the
 * stories go delimited into the user message.
 *
 * <p>Never throws for a failed call or an unusable reply: {@link #rollUp} answers null, and the
 * site uses its extractive roll-up instead. After a 401/403/404 it stops asking for the rest of the
 * render. The site adapts this class to its {@code TopicSummarizer} seam (the publish package does
 * not depend on this one). Thread-safe.
 */
public final class OpenAiTopicSummarizer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OpenAiTopicSummarizer.class);

  /** Words a roll-up may have at most. */
  public static final int MAX_WORDS = 40;

  /** Characters a roll-up may have at most (the site cuts longer ones). */
  static final int MAX_CHARS = 300;

  /**
   * One story of a topic, as sent to the model.
   *
   * @param title the entry's title
   * @param source the entry's source (site name or host)
   * @param summary the entry's summary
   */
  public record Story(String title, String source, String summary) {}

  private final LlmSettings settings;
  private final TopicPrompts prompts;
  private final LlmCalls calls;

  /** Whether closing this closes the client (not when it is the analyzer's). */
  private final boolean ownsCalls;

  private final AtomicBoolean stopped = new AtomicBoolean();
  private Usage usage = Usage.NONE; // guarded by this

  /**
   * Reads the prompt files from {@link LlmSettings#promptsDir()} (built-in copies for missing ones)
   * and builds the client.
   *
   * @throws dev.pulse.config.ConfigException when a prompt file is wrong
   */
  public OpenAiTopicSummarizer(LlmSettings settings) {
    this(
        settings,
        TopicPrompts.load(settings.promptsDir(), MAX_WORDS),
        OpenAiRequests.chatModel(settings),
        Sleeper.REAL);
  }

  OpenAiTopicSummarizer(
      LlmSettings settings, TopicPrompts prompts, ChatModel model, Sleeper sleeper) {
    this(settings, prompts, new LlmCalls(settings, model, sleeper), true);
  }

  /** On another user's calls: the same client, limiter and breaker; closing leaves them open. */
  OpenAiTopicSummarizer(LlmSettings settings, TopicPrompts prompts, LlmCalls calls) {
    this(settings, prompts, calls, false);
  }

  private OpenAiTopicSummarizer(
      LlmSettings settings, TopicPrompts prompts, LlmCalls calls, boolean ownsCalls) {
    this.settings = settings;
    this.prompts = prompts;
    this.calls = calls;
    this.ownsCalls = ownsCalls;
  }

  /**
   * One plain-text sentence across the stories, or null when the LLM failed or its reply broke a
   * rule (the reason is logged).
   *
   * @param label the topic's short label
   * @param stories the topic's stories, most central first; only the first few are sent
   */
  public @Nullable String rollUp(String label, List<Story> stories) {
    if (stopped.get() || stories.isEmpty()) {
      return null;
    }
    List<ChatMessage> messages =
        List.of(
            SystemMessage.from(prompts.system()), UserMessage.from(prompts.user(label, stories)));
    String id = "topic '" + TopicPrompts.clean(label) + "'";
    OpenAiRequests.Reply reply;
    try {
      reply = calls.call(messages, id, null);
    } catch (PulseException.Fatal e) {
      if (stopped.compareAndSet(false, true)) {
        log.warn(
            "LLM topic roll-ups off for this render, using extractive ones: {}", e.getMessage());
      }
      return null;
    } catch (RuntimeException e) {
      log.warn(
          "LLM roll-up for {} failed, using the extractive one: {}",
          id,
          calls.redactor().brief(e.getMessage(), 300));
      return null;
    }
    double cost = settings.costUsd(reply.inputTokens(), reply.outputTokens());
    synchronized (this) {
      usage = usage.plus(new Usage(1, reply.inputTokens(), reply.outputTokens(), cost));
    }
    log.info(
        "LLM roll-up for {}: {} tokens in, {} out, ${}",
        id,
        reply.inputTokens(),
        reply.outputTokens(),
        String.format(Locale.ROOT, "%.6f", cost));
    try {
      return validate(reply.text(), prompts.maxWords());
    } catch (LlmReplyValidator.InvalidReply e) {
      log.warn("LLM roll-up for {} unusable ({}), using the extractive one", id, e.getMessage());
      return null;
    }
  }

  /**
   * The calls, tokens and cost of the roll-ups written so far (a roll-up the model answered counts,
   * even when its reply was unusable; a request that failed does not).
   */
  public synchronized Usage usage() {
    return usage;
  }

  /** Closes the SDK client unless it is the analyzer's; no roll-ups after this. */
  @Override
  public void close() {
    if (ownsCalls) {
      calls.close();
    }
  }

  /** The configured model name. */
  public String model() {
    return settings.model();
  }

  @Override
  public String toString() {
    return "OpenAiTopicSummarizer[" + settings + "]";
  }

  /**
   * The reply as one clean sentence.
   *
   * @throws LlmReplyValidator.InvalidReply when it is empty, marked up, not exactly one sentence,
   *     longer than {@code maxWords} words or {@link #MAX_CHARS} characters
   */
  static String validate(@Nullable String raw, int maxWords) {
    if (raw == null || raw.isBlank()) {
      throw new LlmReplyValidator.InvalidReply("empty reply");
    }
    String markup = LlmReplyValidator.markup(raw);
    if (markup != null) {
      throw new LlmReplyValidator.InvalidReply("not plain text: contains " + markup);
    }
    String text = unquote(LlmReplyValidator.plain(raw));
    List<String> sentences = LlmReplyValidator.sentences(text);
    if (sentences.size() != 1) {
      throw new LlmReplyValidator.InvalidReply("expected one sentence, got " + sentences.size());
    }
    if (".!?".indexOf(text.charAt(text.length() - 1)) < 0) {
      throw new LlmReplyValidator.InvalidReply("the sentence does not end with . ! or ?");
    }
    int words = LlmInputBudget.countWords(text);
    if (words > maxWords) {
      throw new LlmReplyValidator.InvalidReply(words + " words, at most " + maxWords + " allowed");
    }
    if (text.length() > MAX_CHARS) {
      throw new LlmReplyValidator.InvalidReply(
          text.length() + " characters, at most " + MAX_CHARS + " allowed");
    }
    return text;
  }

  /**
   * Drops one pair of quotation marks wrapped around the whole sentence (and nothing inside it).
   */
  private static String unquote(String s) {
    for (String[] q : new String[][] {{"\"", "\""}, {"“", "”"}}) {
      if (s.length() > 2 && s.startsWith(q[0]) && s.endsWith(q[1])) {
        String inner = s.substring(1, s.length() - 1);
        if (!inner.contains(q[0]) && !inner.contains(q[1])) {
          return inner.strip();
        }
      }
    }
    return s;
  }
}
