package dev.pulse.cli;

import dev.pulse.analyze.ArticleAnalyzer;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.analyze.llm.LlmGate;
import dev.pulse.analyze.llm.LlmSettings;
import dev.pulse.analyze.llm.OpenAiArticleAnalyzer;
import dev.pulse.config.ConfigException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the analyzer for {@code --analyzer auto|llm|embedded}. */
public final class Analyzers {

  private static final Logger log = LoggerFactory.getLogger(Analyzers.class);

  private Analyzers() {}

  /**
   * The analyzer to run.
   *
   * @param choice "auto" (the LLM when an API key or a base URL is configured, else embedded),
   *     "llm" or "embedded"; case-insensitive; null means "auto"
   * @param taxonomy the categories the analyzer must choose from
   * @param llm LLM settings (see {@link LlmSettings#from})
   * @param embedded makes the embedded analyzer; called only when that one is picked
   * @throws ConfigException on an unknown choice, or "llm" against OpenAI's endpoint without a key
   */
  public static ArticleAnalyzer create(
      @Nullable String choice,
      Taxonomy taxonomy,
      LlmSettings llm,
      Supplier<ArticleAnalyzer> embedded) {
    return create(choice, taxonomy, llm, LlmGate.NONE, embedded);
  }

  /**
   * As {@link #create(String, Taxonomy, LlmSettings, Supplier)}, the LLM's limits held across the
   * processes sharing {@code shared} (the workers of one store).
   */
  public static ArticleAnalyzer create(
      @Nullable String choice,
      Taxonomy taxonomy,
      LlmSettings llm,
      LlmGate shared,
      Supplier<ArticleAnalyzer> embedded) {
    Objects.requireNonNull(taxonomy, "taxonomy");
    Objects.requireNonNull(llm, "llm");
    Objects.requireNonNull(embedded, "embedded");
    String c = choice == null ? "auto" : choice.strip().toLowerCase(Locale.ROOT);
    switch (c) {
      case "embedded":
        return embedded.get();
      case "llm":
        return llm(taxonomy, llm, shared);
      case "auto":
        if (llm.configured()) {
          return llm(taxonomy, llm, shared);
        }
        log.info("no OPENAI_API_KEY or OPENAI_BASE_URL set; using the embedded analyzer");
        return embedded.get();
      default:
        throw new ConfigException("unknown analyzer '" + choice + "'; use auto, llm or embedded");
    }
  }

  private static ArticleAnalyzer llm(Taxonomy taxonomy, LlmSettings llm, LlmGate shared) {
    if (llm.apiKey() == null && llm.baseUrl() == null) {
      throw new ConfigException(
          "the LLM analyzer needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local OpenAI-compatible server)");
    }
    OpenAiArticleAnalyzer analyzer = new OpenAiArticleAnalyzer(llm, taxonomy, shared);
    log.info(
        "LLM analyzer: model {} at {}, prompts {}, structured output {}",
        llm.model(),
        llm.displayBaseUrl(),
        analyzer.version(),
        llm.structuredOutput().key());
    return analyzer;
  }
}
