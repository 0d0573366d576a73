package dev.pulse.worker;

import dev.pulse.analyze.Analysis;
import dev.pulse.analyze.ArticleAnalyzer;
import dev.pulse.analyze.ArticleText;
import dev.pulse.analyze.Category;
import dev.pulse.analyze.Sentiment;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.analyze.Usage;
import dev.pulse.extract.ArticleExtractor;
import dev.pulse.extract.ExtractedArticle;
import dev.pulse.fetch.FetchResult;
import dev.pulse.fetch.Fetcher;
import dev.pulse.pipeline.Pipeline;
import dev.pulse.pipeline.PipelineSettings;
import dev.pulse.source.DiscoveredItem;
import dev.pulse.source.Discovery;
import dev.pulse.store.Store;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The worker tests' pipeline: {@code items} discovered URLs named by {@code urlOf}, pages of the
 * form "title|text" answered by the given fetcher, and an analyzer that files every story under
 * Technology.
 */
final class FakeStages {

  private FakeStages() {}

  /** A page whose title and text name its URL. */
  static FetchResult page(String url) {
    String body = "Story " + url + "|Text of " + url + ".";
    return new FetchResult(
        url,
        url,
        200,
        "text/html",
        StandardCharsets.UTF_8,
        body.getBytes(StandardCharsets.UTF_8),
        null,
        null,
        Instant.now());
  }

  static Pipeline pipeline(
      Store store,
      int items,
      IntFunction<String> urlOf,
      Fetcher fetcher,
      Usage usage,
      Runnable onAnalysis) {
    ArticleExtractor extractor =
        new ArticleExtractor() {
          @Override
          public ExtractedArticle extract(String html, String url) {
            String[] p = html.split("\\|", 2);
            return new ExtractedArticle(url, p[0], null, null, null, "en", null, null, null, p[1]);
          }

          @Override
          public String version() {
            return "test/1";
          }
        };
    ArticleAnalyzer analyzer =
        new ArticleAnalyzer() {
          @Override
          public Analysis analyze(ArticleText a) {
            onAnalysis.run();
            return new Analysis(
                "Summary of " + a.title() + ".",
                null,
                Sentiment.NEUTRAL,
                "Technology",
                List.of("t"),
                name(),
                model(),
                version(),
                usage);
          }

          @Override
          public String name() {
            return "fake";
          }

          @Override
          public String model() {
            return "fake";
          }

          @Override
          public String version() {
            return "1";
          }
        };
    return new Pipeline(
        source -> {
          List<DiscoveredItem> found = new ArrayList<>();
          for (int i = 0; i < items; i++) {
            found.add(new DiscoveredItem(urlOf.apply(i), null, null, "Test", null));
          }
          return new Discovery(source, found, List.of());
        },
        fetcher,
        extractor,
        analyzer,
        store,
        new Taxonomy(List.of(new Category("Technology", "tech", null, null))),
        PipelineSettings.DEFAULTS);
  }
}
