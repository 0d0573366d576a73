package dev.pulse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.analyze.Analysis;
import dev.pulse.analyze.ArticleAnalyzer;
import dev.pulse.analyze.ArticleText;
import dev.pulse.analyze.Category;
import dev.pulse.analyze.FakeOpenAiServer;
import dev.pulse.analyze.LlmSettings;
import dev.pulse.analyze.OpenAiArticleAnalyzer;
import dev.pulse.analyze.Sentiment;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.analyze.Usage;
import dev.pulse.extract.ArticleExtractor;
import dev.pulse.fetch.FetchResult;
import dev.pulse.fetch.Fetcher;
import dev.pulse.source.DiscoveredItem;
import dev.pulse.source.Discovery;
import dev.pulse.source.SourceConfig;
import dev.pulse.store.SqliteEntryStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How many analyses a run keeps in flight is the analyzer's to say, counted where the work
 * happens: at a fake OpenAI server for the LLM ({@code llm.max_concurrent}), in the analyzer for
 * one bound by the CPU (the cores).
 */
class PipelineConcurrencyTest {

  private final Taxonomy taxonomy =
      new Taxonomy(
          List.of(
              new Category("Science", "Research and space.", null, null),
              new Category("Sports", "Games and athletes.", null, null)));

  @TempDir Path dir;
  private SqliteEntryStore store;

  @BeforeEach
  void open() {
    store = SqliteEntryStore.open(dir.resolve("pulse.db"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 6})
  void theLlmServerSeesExactlyMaxConcurrentRequestsInFlight(int maxConcurrent) {
    try (FakeOpenAiServer server = new FakeOpenAiServer(Duration.ofMillis(150), 0, "Science")) {
      OpenAiArticleAnalyzer analyzer =
          new OpenAiArticleAnalyzer(
              LlmSettings.defaults()
                  .withApiKey("sk-test-concurrency-000000")
                  .withBaseUrl(server.baseUrl())
                  .withPromptsDir(Path.of("prompts"))
                  .withLimits(0, 0, maxConcurrent),
              taxonomy);

      RunReport report = pipeline(analyzer).run("run", sources(4 * maxConcurrent + 2));

      assertThat(report.count(Outcome.STORED)).isEqualTo(4 * maxConcurrent + 2);
      assertThat(server.peakInFlight()).isEqualTo(maxConcurrent);
    }
  }

  @Test
  void anAnalyzerBoundByTheCpuRunsOneAnalysisPerCore() {
    int cores = Runtime.getRuntime().availableProcessors();
    InFlightAnalyzer analyzer = new InFlightAnalyzer();

    pipeline(analyzer).run("run", sources(4 * cores + 2));

    assertThat(analyzer.peak.get()).isEqualTo(cores);
  }

  private Pipeline pipeline(ArticleAnalyzer analyzer) {
    Fetcher fetcher =
        request ->
            new FetchResult(
                request.url(), request.url(), 200, "text/html", StandardCharsets.UTF_8,
                ("Story " + request.url() + "|The probe entered orbit on Tuesday, " + request.url())
                    .getBytes(StandardCharsets.UTF_8),
                null, null, Instant.now());
    ArticleExtractor extractor = new TitleAndBodyExtractor();
    return new Pipeline(
        source -> new Discovery(
            source,
            source.urls().stream().map(u -> new DiscoveredItem(u, null, null, source.name(), null)).toList(),
            List.of()),
        fetcher, extractor, analyzer, store, taxonomy, PipelineSettings.DEFAULTS);
  }

  /** Items spread over four hosts. */
  private static List<SourceConfig> sources(int items) {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      urls.add("https://host" + (i % 4) + ".example/story-" + i);
    }
    return List.of(new SourceConfig("Test", SourceConfig.Type.URLS, null, urls, null, 500, null));
  }

  /** Takes a while per article and records the most analyses it ran at once. */
  private static final class InFlightAnalyzer implements ArticleAnalyzer {
    final AtomicInteger now = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();

    @Override
    public Analysis analyze(ArticleText article) {
      peak.accumulateAndGet(now.incrementAndGet(), Math::max);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        now.decrementAndGet();
      }
      return new Analysis("Summary.", null, Sentiment.NEUTRAL, "Science", List.of("t"),
          name(), model(), version(), Usage.NONE);
    }

    @Override
    public String name() {
      return "in-flight";
    }

    @Override
    public String model() {
      return "fake";
    }

    @Override
    public String version() {
      return "1";
    }
  }
}
