package dev.pulse.store;

import dev.pulse.analyze.Usage;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where an entry came from and how it was made, so any entry can be explained and re-made.
 *
 * @param analyzer "embedded" or "llm"
 * @param model the model that analyzed it
 * @param analysisVersion algorithm or prompt version of the analysis
 * @param extractionVersion version of the extractor that produced the text
 * @param fetchedAt when the page was fetched
 * @param analyzedAt when the analysis was made
 * @param contentHash SHA-256 (hex) of the extracted title and text; unchanged content is not
 *     analyzed twice
 * @param usage LLM calls, tokens and cost spent on the analysis; null is read as none, so the
 *     accessor never returns null
 * @param analysisLanguage the language the analyzer read the article in (an ISO 639 code, or {@code
 *     und} when it could not tell), or null when not recorded (entries analyzed before it was)
 */
public record Provenance(
    String analyzer,
    String model,
    String analysisVersion,
    String extractionVersion,
    Instant fetchedAt,
    Instant analyzedAt,
    String contentHash,
    @Nullable Usage usage,
    @Nullable String analysisLanguage) {

  public Provenance {
    Objects.requireNonNull(analyzer, "analyzer");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(analysisVersion, "analysisVersion");
    Objects.requireNonNull(extractionVersion, "extractionVersion");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    Objects.requireNonNull(analyzedAt, "analyzedAt");
    Objects.requireNonNull(contentHash, "contentHash");
    usage = usage == null ? Usage.NONE : usage;
  }

  /** A provenance that records no analysis language. */
  public Provenance(
      String analyzer,
      String model,
      String analysisVersion,
      String extractionVersion,
      Instant fetchedAt,
      Instant analyzedAt,
      String contentHash,
      Usage usage) {
    this(
        analyzer,
        model,
        analysisVersion,
        extractionVersion,
        fetchedAt,
        analyzedAt,
        contentHash,
        usage,
        null);
  }
}
