package dev.pulse.analyze;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An analyzer's verdict on one article.
 *
 * @param summary 2-4 sentences of plain text; never blank
 * @param editorsNote 1-2 sentences on why it matters, or null when the analyzer writes none
 * @param sentiment the tone of the news
 * @param category exactly one category name from the taxonomy
 * @param topics up to 3 short topic tags (1-3 for any real article; none for a text without a
 *     usable phrase)
 * @param analyzer the analyzer's name ("embedded", "llm")
 * @param model the model that ran (e.g. "all-minilm-l6-v2-q", "gpt-4o-mini")
 * @param version the algorithm or prompt version, so a change of either can be told apart
 * @param usage tokens and cost spent on this analysis
 * @param language the language the analyzer read the article in (an ISO 639 code such as {@code
 *     en}, or {@code und} when it could not tell), or null when the analyzer does not say
 * @param flags what the analyzer could not do for this article, e.g. {@link
 *     #LANGUAGE_NOT_SUPPORTED}; empty when nothing
 */
public record Analysis(
    String summary,
    String editorsNote,
    Sentiment sentiment,
    String category,
    List<String> topics,
    String analyzer,
    String model,
    String version,
    Usage usage,
    @Nullable String language,
    List<String> flags) {

  /**
   * The flag of an analysis whose analyzer has no rules for the article's language: its sentiment
   * is {@link Sentiment#NEUTRAL} because it was not judged, not because the news is neutral.
   */
  public static final String LANGUAGE_NOT_SUPPORTED = "language-not-supported";

  public Analysis {
    if (summary == null || summary.isBlank()) {
      throw new IllegalArgumentException("summary must not be blank");
    }
    Objects.requireNonNull(sentiment, "sentiment");
    Objects.requireNonNull(category, "category");
    topics = List.copyOf(topics);
    Objects.requireNonNull(analyzer, "analyzer");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
    usage = usage == null ? Usage.NONE : usage;
    flags = List.copyOf(flags);
  }

  /** An analysis that records no language and no flags. */
  public Analysis(
      String summary,
      String editorsNote,
      Sentiment sentiment,
      String category,
      List<String> topics,
      String analyzer,
      String model,
      String version,
      Usage usage) {
    this(
        summary,
        editorsNote,
        sentiment,
        category,
        topics,
        analyzer,
        model,
        version,
        usage,
        null,
        List.of());
  }
}
