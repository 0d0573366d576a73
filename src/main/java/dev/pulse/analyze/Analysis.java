package dev.pulse.analyze;

import java.util.List;
import java.util.Objects;

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
    Usage usage) {

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
  }
}
