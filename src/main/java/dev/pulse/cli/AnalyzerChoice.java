package dev.pulse.cli;

import dev.pulse.analyze.ArticleAnalyzer;
import dev.pulse.analyze.LazyArticleAnalyzer;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.analyze.embedded.EmbeddedArticleAnalyzer;
import dev.pulse.analyze.llm.LlmSettings;
import dev.pulse.config.ConfigException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Builds the analyzer a command asks for by name: auto, llm or embedded (see {@link Analyzers}).
 */
final class AnalyzerChoice {

  static final List<String> NAMES = List.of("auto", "llm", "embedded");

  private AnalyzerChoice() {}

  /**
   * As {@link #create(String, Taxonomy, int, LlmSettings)} with LLM settings from the environment
   * only.
   */
  static ArticleAnalyzer create(@Nullable String name, Taxonomy taxonomy, int summaryMaxWords) {
    return create(name, taxonomy, summaryMaxWords, LlmSettings.from(null, System.getenv()));
  }

  /**
   * @param summaryMaxWords word budget of the embedded analyzer's summaries (the LLM's limit is in
   *     its prompt files)
   * @throws IllegalArgumentException for a name Pulse does not know, with the known names in the
   *     message
   * @throws ConfigException when "llm" is asked for without a key or base URL, or the prompt files
   *     are wrong
   */
  static ArticleAnalyzer create(
      @Nullable String name, Taxonomy taxonomy, int summaryMaxWords, LlmSettings llm) {
    return create(name, taxonomy, summaryMaxWords, llm, dev.pulse.analyze.llm.LlmGate.NONE);
  }

  /**
   * As {@link #create(String, Taxonomy, int, LlmSettings)}, the LLM's limits held across the
   * processes sharing {@code shared}.
   */
  static ArticleAnalyzer create(
      @Nullable String name,
      Taxonomy taxonomy,
      int summaryMaxWords,
      LlmSettings llm,
      dev.pulse.analyze.llm.LlmGate shared) {
    String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    if (!NAMES.contains(key)) {
      throw new IllegalArgumentException(
          "unknown analyzer '" + name + "'; available: " + String.join(", ", NAMES));
    }
    return Analyzers.create(
        key,
        taxonomy,
        llm,
        shared,
        // the model loads when the first article needs it: an unchanged run never loads it
        () ->
            new LazyArticleAnalyzer(
                "embedded",
                dev.pulse.embed.Embedder.MODEL_NAME,
                EmbeddedArticleAnalyzer.VERSION,
                () ->
                    new EmbeddedArticleAnalyzer(
                        taxonomy, dev.pulse.embed.Embedder.shared(), summaryMaxWords)));
  }
}
