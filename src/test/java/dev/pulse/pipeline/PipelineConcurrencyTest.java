package dev.pulse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.analyze.Analysis;
import dev.pulse.analyze.ArticleAnalyzer;
import dev.pulse.analyze.ArticleText;
import dev.pulse.analyze.Category;
import dev.pulse.analyze.Sentiment;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.analyze.Usage;
import dev.pulse.analyze.llm.FakeOpenAiServer;
import dev.pulse.analyze.llm.LlmSettings;
import dev.pulse.analyze.llm.OpenAiArticleAnalyzer;
import dev.pulse.extract.ArticleExtractor;
import dev.pulse.fetch.FetchResult;
import dev.pulse.fetch.Fetcher;
import dev.pulse.source.DiscoveredItem;
import dev.pulse.source.Discovery;
import dev.pulse.source.SourceConfig;
import dev.pulse.store.Store;
import dev.pulse.store.Stores;
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
 * How many analyses a run keeps in flight is the analyzer's to say, counted where the work happens:
 * at a fake OpenAI server for the LLM ({@code llm.max_concurrent}), in the analyzer for one bound
 * by the CPU (the cores).
 */
class PipelineConcurrencyTest {

  private final Taxonomy taxonomy =
      new Taxonomy(
          List.of(
              new Category("Science", "Research and space.", null, null),
              new Category("Sports", "Games and athletes.", null, null)));

  @TempDir Path dir;
  private Store store;

  @BeforeEach
  void open() {
    store = Stores.sqlite(dir.resolve("pulse.db"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 6})
  void theLlmServerSeesExactlyMaxConcurrentRequestsInFlight(int maxConcurrent) {
    try (FakeOpenAiServer server = new FakeOpenAiServer(Duration.ofMillis(150), 0, "Science")) {
      RunReport report =
          pipeline(analyzer(server, 0, 0, maxConcurrent))
              .run("run", sources(4 * maxConcurrent + 2));

      assertThat(report.failures()).isEmpty();
      assertThat(report.count(Outcome.STORED)).isEqualTo(4 * maxConcurrent + 2);
      assertThat(server.requests()).isEqualTo(4 * maxConcurrent + 2);
      assertThat(server.peakInFlight()).isEqualTo(maxConcurrent);
    }
  }

  @Test
  void requestsPerMinuteIsAnEvenPaceTheServerNeverRefuses() {
    try (FakeOpenAiServer server = new FakeOpenAiServer(Duration.ofMillis(10), 1200, "Science")) {
      OpenAiArticleAnalyzer analyzer = warmedUp(analyzer(server, 1200, 0, 8), server);

      RunReport report = pipeline(analyzer).run("run", sources(20));

      assertThat(report.count(Outcome.STORED)).isEqualTo(20);
      assertThat(server.rejected()).isZero();
      // 1,200 a minute is one every 50 ms, with an allowance of 5 ahead of the pace: 20 requests
      // take at least 14 intervals (~700 ms), never one burst (the 8 workers alone would send them
      // all within a few tens of milliseconds); a loaded machine may send the first ones late,
      // which shortens the span the server sees
      assertThat(spanMillis(server.arrivals())).isGreaterThanOrEqualTo(450);
      // at most 6 + 5 in any 250 ms, plus a few a loaded machine bunches by sending late
      assertThat(mostWithin(server.arrivals(), 250)).isLessThanOrEqualTo(6 + 5 + 5);
    }
  }

  @Test
  void tokensPerMinuteKeepsTheTokensTheServerSeesUnderTheLimit() {
    int tokensPerRequest = 2150; // what the fake server reports per request
    int tpm = tokensPerRequest * 1200; // a request every 50 ms once the estimates are settled
    try (FakeOpenAiServer server = new FakeOpenAiServer(Duration.ofMillis(10), 0, "Science")) {
      OpenAiArticleAnalyzer analyzer = warmedUp(analyzer(server, 0, tpm, 2), server);

      pipeline(analyzer).run("run", sources(20));

      List<Long> at = server.arrivals();
      double minutes = spanMillis(at) / 60_000.0;
      // requests are booked with an estimate and settled with the reported usage after the reply:
      // the tokens of the (at most 2) requests in flight may run ahead of the rate, no more
      assertThat((at.size() - 1) * (double) tokensPerRequest)
          .isLessThanOrEqualTo(tpm * minutes * 1.02 + 2 * tokensPerRequest);
      assertThat(server.rejected()).isZero();
    }
  }

  @Test
  void theServersAnnouncedLimitLowersAHigherConfiguredOne() {
    try (FakeOpenAiServer server = new FakeOpenAiServer(Duration.ofMillis(5), 1200, "Science")) {
      // the warm-up's answer announces 1,200 a minute: requests then come 50 ms apart, not 5
      // (after an allowance of 5 ahead of the pace): 16 take at least 10 intervals (~500 ms)
      OpenAiArticleAnalyzer analyzer = warmedUp(analyzer(server, 12_000, 0, 4), server);

      pipeline(analyzer).run("run", sources(16));

      assertThat(spanMillis(server.arrivals())).isGreaterThanOrEqualTo(300);
      assertThat(mostWithin(server.arrivals(), 250)).isLessThanOrEqualTo(6 + 5 + 5);
    }
  }

  /** The analyzer after one request, its client loaded, with the server's counts reset. */
  private static OpenAiArticleAnalyzer warmedUp(
      OpenAiArticleAnalyzer analyzer, FakeOpenAiServer server) {
    analyzer.analyze(
        new ArticleText(
            "warm-up", "Warm-up", "The probe entered orbit on Tuesday.", null, null, "en"));
    server.resetCounts();
    return analyzer;
  }

  private static long spanMillis(List<Long> arrivals) {
    return (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1_000_000;
  }

  /** The most arrivals within any window of this many milliseconds. */
  private static int mostWithin(List<Long> arrivals, long windowMillis) {
    int most = 0;
    int from = 0;
    for (int to = 0; to < arrivals.size(); to++) {
      while (arrivals.get(to) - arrivals.get(from) >= windowMillis * 1_000_000) {
        from++;
      }
      most = Math.max(most, to - from + 1);
    }
    return most;
  }

  private OpenAiArticleAnalyzer analyzer(
      FakeOpenAiServer server, int rpm, int tpm, int concurrent) {
    return new OpenAiArticleAnalyzer(
        LlmSettings.defaults()
            .withApiKey("sk-test-concurrency-000000")
            .withBaseUrl(server.baseUrl())
            .withPromptsDir(Path.of("prompts"))
            .withLimits(rpm, tpm, concurrent),
        taxonomy);
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
                request.url(),
                request.url(),
                200,
                "text/html",
                StandardCharsets.UTF_8,
                ("Story " + request.url() + "|The probe entered orbit on Tuesday, " + request.url())
                    .getBytes(StandardCharsets.UTF_8),
                null,
                null,
                Instant.now());
    ArticleExtractor extractor = new TitleAndBodyExtractor();
    return new Pipeline(
        source ->
            new Discovery(
                source,
                source.urls().stream()
                    .map(u -> new DiscoveredItem(u, null, null, source.name(), null))
                    .toList(),
                List.of()),
        fetcher,
        extractor,
        analyzer,
        store,
        taxonomy,
        PipelineSettings.DEFAULTS);
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
      return new Analysis(
          "Summary.",
          null,
          Sentiment.NEUTRAL,
          "Science",
          List.of("t"),
          name(),
          model(),
          version(),
          Usage.NONE);
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
