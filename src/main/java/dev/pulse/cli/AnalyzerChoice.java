package dev.pulse.cli;

import dev.pulse.analyze.ArticleAnalyzer;
import dev.pulse.analyze.EmbeddedArticleAnalyzer;
import dev.pulse.analyze.Taxonomy;
import java.util.List;
import java.util.Locale;

/** Builds the analyzer a command asks for by name; one case per analyzer Pulse ships. */
final class AnalyzerChoice {

  static final List<String> NAMES = List.of("embedded");

  private AnalyzerChoice() {}

  /**
   * @throws IllegalArgumentException for a name Pulse does not know, with the known names in the
   *     message
   */
  static ArticleAnalyzer create(String name, Taxonomy taxonomy, int summaryMaxWords) {
    String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    switch (key) {
      case "embedded":
        return new EmbeddedArticleAnalyzer(
            taxonomy, dev.pulse.embed.Embedder.shared(), summaryMaxWords);
      default:
        throw new IllegalArgumentException(
            "unknown analyzer '" + name + "'; available: " + String.join(", ", NAMES));
    }
  }
}
