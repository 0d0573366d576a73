package dev.pulse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.analyze.ArticleAnalyzer;
import dev.pulse.analyze.Usage;
import dev.pulse.analyze.llm.LlmSettings;
import dev.pulse.analyze.llm.OpenAiArticleAnalyzer;
import dev.pulse.analyze.llm.OpenAiTopicSummarizer;
import dev.pulse.config.PulseConfig;
import dev.pulse.config.Section;
import dev.pulse.editorial.EditorialStore;
import dev.pulse.editorial.Published;
import dev.pulse.editorial.ReviewMode;
import dev.pulse.publish.SiteRenderer;
import dev.pulse.publish.SiteReport;
import dev.pulse.publish.SiteSettings;
import dev.pulse.publish.TopicSummarizer;
import dev.pulse.similar.StoredEntryVectors;
import dev.pulse.store.Entry;
import dev.pulse.store.EntryStore;
import dev.pulse.store.VectorCache;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renders the site from the store with the config's {@code site:} settings. */
final class Publishing {

  private static final Logger log = LoggerFactory.getLogger(Publishing.class);

  /** Names that keep the roll-ups extractive, whatever is configured. */
  static final List<String> NO_LLM = List.of("embedded", "extractive");

  private Publishing() {}

  /**
   * The trending-topic summarizer for an analyzer choice, by the rule of {@code --analyzer auto}:
   * the LLM when the choice is "llm", or "auto" with an API key or base URL configured; extractive
   * for "embedded" (or "extractive") and when no LLM is configured. An LLM roll-up that fails or is
   * unusable is replaced by the extractive one for that topic.
   *
   * @param choice auto, llm, embedded or extractive; null means auto
   */
  static TopicSummarizer topicSummarizer(@Nullable String choice, LlmSettings llm) {
    return topicSummarizer(choice, llm, null);
  }

  /**
   * As {@link #topicSummarizer(String, LlmSettings)}, on the run's LLM analyzer when it is one: the
   * roll-ups then share its client, rate limiter and breaker.
   *
   * @param analyzer the run's analyzer, or null
   */
  static TopicSummarizer topicSummarizer(
      @Nullable String choice, LlmSettings llm, @Nullable ArticleAnalyzer analyzer) {
    String c = choice == null ? "auto" : choice.strip().toLowerCase(Locale.ROOT);
    if (NO_LLM.contains(c) || !llm.configured()) {
      return TopicSummarizer.extractive();
    }
    OpenAiTopicSummarizer summarizer =
        analyzer instanceof OpenAiArticleAnalyzer a
            ? a.topicSummarizer()
            : new OpenAiTopicSummarizer(llm);
    log.info(
        "trending-topic roll-ups by the LLM: model {} at {}", llm.model(), llm.displayBaseUrl());
    return new LlmRollUps(summarizer);
  }

  /** The LLM calls, tokens and cost the summarizer's roll-ups took (none for extractive ones). */
  static Usage usage(TopicSummarizer summarizer) {
    return summarizer instanceof LlmRollUps llm ? llm.summarizer().usage() : Usage.NONE;
  }

  /** The site's roll-up seam over the LLM summarizer; closing it closes the SDK client. */
  private record LlmRollUps(OpenAiTopicSummarizer summarizer)
      implements TopicSummarizer, AutoCloseable {
    @Override
    public String rollUp(String label, List<Entry> stories) {
      return summarizer.rollUp(
          label,
          stories.stream()
              .map(
                  e ->
                      new OpenAiTopicSummarizer.Story(
                          e.title(), e.siteName() != null ? e.siteName() : e.source(), e.summary()))
              .toList());
    }

    @Override
    public void close() {
      summarizer.close();
    }
  }

  /**
   * @param asOfNewest take "now" to be the newest entry's time, so a fixed data set (the demo)
   *     keeps its trending topics whatever day it is rendered
   * @param summarizer writes the trending topics' roll-ups (see {@link #topicSummarizer})
   * @param originalCopies entry URL → site-relative path of a copy of the original page that the
   *     caller keeps inside the site (the demo's stand-in for its publishers)
   */
  static SiteReport renderSite(
      EntryStore store,
      VectorCache vectors,
      EditorialStore desk,
      PulseConfig cfg,
      Path dir,
      boolean asOfNewest,
      TopicSummarizer summarizer,
      java.util.Map<String, String> originalCopies) {
    List<Entry> entries = Published.entries(store.entries(), desk, ReviewMode.parse(cfg.review()));
    SiteSettings settings = settings(cfg.site());
    if (asOfNewest) {
      var newest =
          entries.stream()
              .map(Entry::published)
              .filter(Objects::nonNull)
              .map(OffsetDateTime::toInstant)
              .max(java.util.Comparator.naturalOrder());
      if (newest.isPresent()) {
        settings = settings.withClock(Clock.fixed(newest.get().plusSeconds(3600), ZoneOffset.UTC));
      }
    }
    SiteRenderer renderer =
        new SiteRenderer(settings, new StoredEntryVectors(vectors), summarizer)
            .withOriginalCopies(originalCopies)
            .withReviewRequired(ReviewMode.parse(cfg.review()) == ReviewMode.REQUIRED);
    String feedbackUrl = cfg.site().path("feedback_url").asText("");
    if (!feedbackUrl.isBlank()) {
      renderer = renderer.withFeedback(feedbackUrl);
    }
    try {
      return renderer.write(entries, dir);
    } finally {
      if (summarizer instanceof LlmRollUps llm) {
        llm.close();
      }
    }
  }

  private static final java.util.Set<String> SITE_KEYS =
      java.util.Set.of(
          "title",
          "tagline",
          "base_url",
          "trending_window",
          "time_zone",
          "images",
          "feedback_url",
          "schedule"); // when workers re-render the site: WorkerConfig

  /** The {@code site:} section over the defaults; an unknown key or a bad value is named. */
  static SiteSettings settings(JsonNode site) {
    Section f = Section.of("site", site).requireKnown(SITE_KEYS);
    String feedback = site.path("feedback_url").asText("");
    if (!feedback.isBlank() && !feedback.matches("(?i)https?://[^/\\s]+.*")) {
      throw new IllegalArgumentException(
          "feedback_url must be the http(s) address of a pulse serve, not '" + feedback + "'");
    }
    SiteSettings s = SiteSettings.defaults();
    s = s.withImages(f.bool("images", s.images()));
    s = s.withTitle(f.text("title", s.title()));
    s = s.withTagline(f.text("tagline", s.tagline()));
    s = s.withBaseUrl(f.text("base_url", s.baseUrl()));
    s = s.withTrendingWindow(f.duration("trending_window", s.trendingWindow()));
    if (f.has("time_zone")) {
      s = s.withZone(ZoneId.of(f.text("time_zone", null)));
    }
    return s;
  }

  static String describe(SiteReport r) {
    return String.format(
        "site: %d entries, %d pages, %d feeds, %d trending topics (%d files written, %d unchanged) in %s",
        r.entries(),
        r.pages(),
        r.feeds(),
        r.trendingTopics(),
        r.filesWritten(),
        r.filesUnchanged(),
        r.outDir());
  }
}
