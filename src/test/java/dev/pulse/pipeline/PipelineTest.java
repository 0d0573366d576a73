package dev.pulse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.PulseException;
import dev.pulse.analyze.Analysis;
import dev.pulse.analyze.AnalysisException;
import dev.pulse.analyze.ArticleAnalyzer;
import dev.pulse.analyze.ArticleText;
import dev.pulse.analyze.Category;
import dev.pulse.analyze.LazyArticleAnalyzer;
import dev.pulse.analyze.Sentiment;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.analyze.Usage;
import dev.pulse.fetch.FetchException;
import dev.pulse.fetch.FetchRequest;
import dev.pulse.fetch.FetchResult;
import dev.pulse.fetch.Fetcher;
import dev.pulse.source.DiscoveredItem;
import dev.pulse.source.Discovery;
import dev.pulse.source.SourceConfig;
import dev.pulse.store.Entry;
import dev.pulse.store.ItemFailure;
import dev.pulse.store.Store;
import dev.pulse.store.Stores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's orchestration, with hand-written fakes for the network and the analyzer. */
class PipelineTest {

  @TempDir Path dir;
  private Store store;
  private final Map<String, Object> pages = new HashMap<>();
  private final List<FetchRequest> requests = new ArrayList<>();
  private final CountingAnalyzer analyzer = new CountingAnalyzer();

  /** Listed copies each source's discovery merged away (tracking parameters and the like). */
  private int mergedPerSource;

  private final Taxonomy taxonomy =
      new Taxonomy(
          List.of(
              new Category("Technology", "tech", null, null),
              new Category("Sports", "sport", null, null)));

  @BeforeEach
  void open() {
    store = Stores.sqlite(dir.resolve("pulse.db"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Pipeline pipeline(PipelineSettings settings) {
    return pipeline(settings, analyzer);
  }

  private Pipeline pipeline(PipelineSettings settings, ArticleAnalyzer analyzer) {
    Fetcher fetcher =
        request -> {
          synchronized (requests) {
            requests.add(request);
          }
          Object page = pages.get(request.url());
          if (page instanceof RuntimeException e) {
            throw e;
          }
          if (page == null) {
            throw new FetchException(request.url(), "http-404", "HTTP 404");
          }
          if (request.etag() != null && request.etag().equals("\"same\"")) {
            return result(request.url(), 304, "");
          }
          return result(request.url(), 200, (String) page);
        };
    return new Pipeline(
        source ->
            new Discovery(
                source,
                source.urls().stream()
                    .map(u -> new DiscoveredItem(u, null, null, source.name(), source.category()))
                    .toList(),
                List.of(new Discovery.Problem("not a url", "invalid-url", "bad item link")),
                false,
                Map.of(),
                mergedPerSource),
        fetcher,
        new TitleAndBodyExtractor(),
        analyzer,
        store,
        taxonomy,
        settings);
  }

  private static FetchResult result(String url, int status, String body) {
    return new FetchResult(
        url,
        url,
        status,
        "text/html",
        StandardCharsets.UTF_8,
        body.getBytes(StandardCharsets.UTF_8),
        "\"same\"",
        null,
        Instant.now());
  }

  private static SourceConfig source(String... urls) {
    return new SourceConfig("Test", SourceConfig.Type.URLS, null, List.of(urls), null, 50, null);
  }

  @Test
  void everyGoodItemBecomesAnEntryAndEveryBadOneARecordedFailure() {
    pages.put("https://a.example/1", "Chips|A new chip plant opens.");
    pages.put("https://a.example/2", "Match|The home side won the final.");
    pages.put("https://a.example/empty", "Empty|");
    pages.put(
        "https://a.example/boom",
        new FetchException("https://a.example/boom", "content-type", "not HTML"));

    RunReport report =
        pipeline(PipelineSettings.DEFAULTS)
            .run(
                "run",
                List.of(
                    source(
                        "https://a.example/1",
                        "https://a.example/2",
                        "https://a.example/empty",
                        "https://a.example/boom",
                        "https://a.example/missing")));

    assertThat(store.entryStore().entries())
        .extracting(Entry::title)
        .containsExactlyInAnyOrder("Chips", "Match");
    assertThat(report.count(Outcome.STORED)).isEqualTo(2);
    assertThat(report.failures())
        .extracting(ItemFailure::stage, ItemFailure::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("discover", "invalid-url"),
            org.assertj.core.groups.Tuple.tuple("extract", "no-article"),
            org.assertj.core.groups.Tuple.tuple("fetch", "content-type"),
            org.assertj.core.groups.Tuple.tuple("fetch", "http-404"));
    assertThat(report.status()).isEqualTo("partial");
    assertThat(store.runLog().failures(report.runId())).hasSize(4);
    assertThat(store.runLog().runs().get(0).counts()).containsEntry("stored", 2);
  }

  @Test
  void listedCopiesOfAnItemAreCountedAsMergedSoEveryListedItemHasOneOutcome() {
    pages.put("https://a.example/1", "Chips|A new chip plant opens.");
    pages.put("https://a.example/2", "Match|The home side won the final.");
    mergedPerSource = 2; // e.g. a/1?utm_source=rss and a/1#comments in each feed

    RunReport report =
        pipeline(PipelineSettings.DEFAULTS)
            .run(
                "run",
                List.of(
                    source("https://a.example/1", "https://a.example/2"),
                    source("https://a.example/2"))); // listed by both sources

    assertThat(report.count(Outcome.MERGED)).isEqualTo(2 + 2 + 1);
    int listed = 2 * 2 + 3;
    int outcomes =
        report.count(Outcome.STORED)
            + report.count(Outcome.UNCHANGED)
            + report.count(Outcome.DUPLICATE)
            + report.count(Outcome.SKIPPED)
            + report.count(Outcome.QUEUED)
            + report.count(Outcome.MERGED)
            + (int) report.failures().stream().filter(f -> !f.stage().equals("discover")).count();
    assertThat(outcomes).isEqualTo(listed);
  }

  @Test
  void aFetchFailureNamesTheItemsUrlOnce() {
    RunReport report =
        pipeline(PipelineSettings.DEFAULTS).run("run", List.of(source("https://a.example/gone")));

    assertThat(report.failures())
        .filteredOn(f -> f.stage().equals("fetch"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.url()).isEqualTo("https://a.example/gone");
              assertThat(f.message()).isEqualTo("HTTP 404");
            });
  }

  private RunReport runAgainstATimingOutHost(PipelineSettings settings) {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String url = "https://slow.example/" + i;
      pages.put(
          url,
          new FetchException(
              url,
              FetchException.Kind.HOST_DOWN,
              "timeout",
              "not complete within the 1s deadline"));
      urls.add(url);
    }
    return pipeline(settings.withFetchLanes(1))
        .run("run", List.of(source(urls.toArray(String[]::new))));
  }

  @Test
  void theDefaultHostBreakerGivesAHostUpAfterThreeFailures() {
    RunReport report = runAgainstATimingOutHost(PipelineSettings.DEFAULTS);

    assertThat(report.count(Outcome.FAILED) - 1).as("fetch failures").isEqualTo(3);
    assertThat(report.count(Outcome.QUEUED)).isEqualTo(1);
  }

  @Test
  void breakerFailuresSetsHowManyFailuresGiveAHostUp() {
    RunReport report =
        runAgainstATimingOutHost(
            PipelineSettings.DEFAULTS.withHostBreaker(
                new dev.pulse.retry.Breaker.Policy(1, java.time.Duration.ofMinutes(5))));

    assertThat(report.count(Outcome.FAILED) - 1).as("fetch failures").isEqualTo(1);
    assertThat(report.count(Outcome.QUEUED)).isEqualTo(3);
    assertThat(store.workQueue().retries(10)).hasSize(4);
  }

  @Test
  void breakerCoolDownSetsHowLongAHostIsLeftAlone() {
    RunReport report =
        runAgainstATimingOutHost(
            PipelineSettings.DEFAULTS.withHostBreaker(
                new dev.pulse.retry.Breaker.Policy(1, java.time.Duration.ZERO)));

    // no cool-down: each item still tries the host
    assertThat(report.count(Outcome.FAILED) - 1).as("fetch failures").isEqualTo(4);
    assertThat(report.count(Outcome.QUEUED)).isZero();
  }

  @Test
  void theEntryIdIsTheHashOfTheCanonicalUrl() {
    pages.put("https://a.example/1#top", "Chips|A new chip plant opens.");
    pipeline(PipelineSettings.DEFAULTS).run("run", List.of(source("https://a.example/1#top")));
    Entry e = store.entryStore().entries().get(0);
    assertThat(e.url()).isEqualTo("https://a.example/1");
    assertThat(e.id()).isEqualTo(dev.pulse.identity.EntryId.of("https://a.example/1"));
    assertThat(e.provenance().extractionVersion()).isEqualTo("test-extractor/1");
    assertThat(e.provenance().analyzer()).isEqualTo("counting");
  }

  @Test
  void unchangedContentIsNotAnalyzedAgainButForceDoes() {
    pages.put("https://a.example/1", "Chips|A new chip plant opens.");
    pipeline(PipelineSettings.DEFAULTS).run("run", List.of(source("https://a.example/1")));
    // a second run with no validators stored would re-fetch; same content means no analysis
    store
        .fetchState()
        .put("https://a.example/1", new dev.pulse.fetch.ValidatorStore.Validators(null, "x"));
    RunReport second =
        pipeline(PipelineSettings.DEFAULTS).run("run", List.of(source("https://a.example/1")));
    assertThat(second.count(Outcome.UNCHANGED)).isEqualTo(1);
    assertThat(analyzer.calls.get()).isEqualTo(1);

    pipeline(PipelineSettings.DEFAULTS.withForce(true))
        .run("run", List.of(source("https://a.example/1")));
    assertThat(analyzer.calls.get()).isEqualTo(2);
    assertThat(store.entryStore().entries()).hasSize(1);
  }

  @Test
  void storedValidatorsAreSentBackAndA304CostsNoAnalysis() {
    pages.put("https://a.example/1", "Chips|A new chip plant opens.");
    pipeline(PipelineSettings.DEFAULTS).run("run", List.of(source("https://a.example/1")));
    RunReport second =
        pipeline(PipelineSettings.DEFAULTS).run("run", List.of(source("https://a.example/1")));
    assertThat(requests.get(requests.size() - 1).etag()).isEqualTo("\"same\"");
    assertThat(second.count(Outcome.UNCHANGED)).isEqualTo(1);
    assertThat(second.count(Outcome.FETCHED)).isZero();
    assertThat(analyzer.calls.get()).isEqualTo(1);
  }

  @Test
  void aManualRerunFetchesAfreshButAnalyzesOnlyWhatChangedUnlessForced() {
    pages.put("https://a.example/1", "Chips|A new chip plant opens.");
    pipeline(PipelineSettings.DEFAULTS).run("run", List.of(source("https://a.example/1")));

    RunReport rerun = pipeline(PipelineSettings.DEFAULTS).rerun("https://a.example/1", "Test");
    assertThat(requests.get(requests.size() - 1).etag()).isNull();
    assertThat(rerun.count(Outcome.UNCHANGED)).isEqualTo(1);
    assertThat(rerun.entryIds()).hasSize(1);
    assertThat(analyzer.calls.get()).isEqualTo(1);

    pipeline(PipelineSettings.DEFAULTS.withForce(true)).rerun("https://a.example/1", "Test");
    assertThat(analyzer.calls.get()).isEqualTo(2);
  }

  @Test
  void anAnalysisFailureIsRecordedWithTheRawReply() {
    pages.put("https://a.example/bad", "Bad|Please fail this one.");
    pages.put("https://a.example/ok", "Good|A fine article.");
    RunReport report =
        pipeline(PipelineSettings.DEFAULTS)
            .run("run", List.of(source("https://a.example/bad", "https://a.example/ok")));
    assertThat(store.entryStore().entries()).extracting(Entry::title).containsExactly("Good");
    ItemFailure f =
        store.runLog().failures(report.runId()).stream()
            .filter(x -> x.stage().equals("analyze"))
            .findFirst()
            .orElseThrow();
    assertThat(f.reason()).isEqualTo("invalid-reply");
    assertThat(f.detail()).isEqualTo("{not json");
  }

  @Test
  void aBugInTheExtractorIsRecordedAsAnInternalErrorWithItsStackTrace() {
    pages.put("https://a.example/odd", "no separator: the test extractor indexes past its parts");
    pages.put("https://a.example/ok", "Good|A fine article.");
    RunReport report =
        pipeline(PipelineSettings.DEFAULTS)
            .run("run", List.of(source("https://a.example/odd", "https://a.example/ok")));

    assertThat(store.entryStore().entries()).extracting(Entry::title).containsExactly("Good");
    ItemFailure f =
        store.runLog().failures(report.runId()).stream()
            .filter(x -> x.stage().equals("extract"))
            .findFirst()
            .orElseThrow();
    assertThat(f.reason()).isEqualTo("internal-error");
    assertThat(f.message()).contains("ArrayIndexOutOfBoundsException");
    assertThat(f.detail()).contains("TitleAndBodyExtractor.extract");
  }

  @Test
  void aBugUnderAnyStageIsAnInternalErrorWithItsStackTraceQueuedForTheNextRun() {
    pages.put("https://a.example/bug", new IllegalStateException("a bug in the fetcher"));
    pages.put("https://a.example/ok", "Good|A fine article.");
    RunReport report =
        pipeline(PipelineSettings.DEFAULTS)
            .run("run", List.of(source("https://a.example/bug", "https://a.example/ok")));

    assertThat(store.entryStore().entries()).extracting(Entry::title).containsExactly("Good");
    ItemFailure f =
        store.runLog().failures(report.runId()).stream()
            .filter(x -> x.url().equals("https://a.example/bug"))
            .findFirst()
            .orElseThrow();
    assertThat(f.reason()).isEqualTo("internal-error");
    assertThat(f.message()).isEqualTo("java.lang.IllegalStateException: a bug in the fetcher");
    assertThat(f.detail()).contains("at dev.pulse.pipeline.PipelineTest");
    assertThat(store.workQueue().retries(10))
        .extracting(DiscoveredItem::url)
        .containsExactly("https://a.example/bug");
  }

  @Test
  void anItemThatFailedAnalysisIsTriedAgainOnTheNextRunEvenIfItsSourceHasGoneQuiet() {
    pages.put("https://a.example/bad", "Bad|Please fail this one.");
    pipeline(PipelineSettings.DEFAULTS).run("run", List.of(source("https://a.example/bad")));
    pages.put("https://a.example/bad", "Better|Now it works.");

    RunReport next = pipeline(PipelineSettings.DEFAULTS).run("run", List.of());

    assertThat(next.count(Outcome.RETRIED)).isEqualTo(1);
    assertThat(store.entryStore().entries()).extracting(Entry::title).containsExactly("Better");
    assertThat(store.workQueue().retries(10)).isEmpty();
  }

  @Test
  void aRunWithNothingToAnalyzeNeverBuildsALazyAnalyzer() {
    pages.put("https://a.example/1", "Chips|A new chip plant opens.");
    pipeline(PipelineSettings.DEFAULTS).run("run", List.of(source("https://a.example/1")));
    AtomicInteger builds = new AtomicInteger();
    LazyArticleAnalyzer lazy =
        new LazyArticleAnalyzer(
            "counting",
            "fake",
            "1",
            () -> {
              builds.incrementAndGet();
              return analyzer;
            });

    RunReport unchanged =
        pipeline(PipelineSettings.DEFAULTS, lazy)
            .run("run", List.of(source("https://a.example/1")));

    assertThat(unchanged.count(Outcome.UNCHANGED)).isEqualTo(1);
    assertThat(builds).hasValue(0);
    pipeline(PipelineSettings.DEFAULTS.withForce(true), lazy)
        .run("run", List.of(source("https://a.example/1")));
    assertThat(builds).hasValue(1);
  }

  @Test
  void aFatalErrorStopsTheRunWithItsMessage() {
    for (int i = 0; i < 20; i++) {
      pages.put("https://a.example/" + i, "Fatal " + i + "|Body.");
    }
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      urls.add("https://a.example/" + i);
    }
    RunReport report =
        pipeline(new PipelineSettings(1, false))
            .run("run", List.of(source(urls.toArray(String[]::new))));
    assertThat(report.fatal()).contains("credentials rejected");
    assertThat(report.status()).isEqualTo("failed");
    assertThat(analyzer.calls.get()).isEqualTo(1);
    assertThat(store.runLog().runs().get(0).status()).isEqualTo("failed");
  }

  @Test
  void itemsAFatalErrorKeptFromFinishingAreQueuedForTheNextRun() {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      pages.put("https://a.example/" + i, "Fatal " + i + "|Body.");
      urls.add("https://a.example/" + i);
    }
    pipeline(new PipelineSettings(1, false))
        .run("run", List.of(source(urls.toArray(String[]::new))));

    assertThat(store.workQueue().retries(10))
        .extracting(DiscoveredItem::url)
        .containsExactlyInAnyOrderElementsOf(urls);
  }

  @Test
  void aRerunWithoutASourceKeepsTheEntrysSourceAndFeedDate() {
    pages.put("https://a.example/1", "Chips|A new chip plant opens.");
    var published = java.time.OffsetDateTime.parse("2026-11-20T08:00:00Z");
    new Pipeline(
            src ->
                new Discovery(
                    src,
                    List.of(
                        new DiscoveredItem("https://a.example/1", null, published, "Wire", null)),
                    List.of()),
            request -> result(request.url(), 200, (String) pages.get(request.url())),
            new TitleAndBodyExtractor(),
            analyzer,
            store,
            taxonomy,
            PipelineSettings.DEFAULTS)
        .run("run", List.of(source("https://a.example/1")));

    pipeline(PipelineSettings.DEFAULTS.withForce(true))
        .rerunKeepingSource("https://a.example/1", "a.example");

    Entry e = store.entryStore().entries().get(0);
    assertThat(e.source()).isEqualTo("Wire");
    assertThat(e.published()).isEqualTo(published);
    assertThat(analyzer.calls.get()).isEqualTo(2);
  }

  @Test
  void aSourcesCategoryFilesEveryEntryUnderItAlsoWhenOneUrlIsAnalyzedAgain() {
    pages.put("https://a.example/1", "Chips|A new chip plant opens.");
    pages.put("https://b.example/2", "Match|The home side won the final.");
    SourceConfig sport =
        new SourceConfig(
            "Sport desk",
            SourceConfig.Type.URLS,
            null,
            List.of("https://a.example/1"),
            "sports",
            50,
            null);
    PipelineSettings settings =
        PipelineSettings.DEFAULTS.withSourceCategories(Map.of("Sport desk", "Sports"));
    pipeline(settings).run("run", List.of(sport, source("https://b.example/2")));

    // the analyzer says technology for both; the source's category wins for its own item only
    assertThat(store.entryStore().entries())
        .extracting(Entry::url, Entry::category)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("https://a.example/1", "Sports"),
            org.assertj.core.groups.Tuple.tuple("https://b.example/2", "Technology"));

    pipeline(settings.withForce(true)).rerunKeepingSource("https://a.example/1", "a.example");
    assertThat(
            store
                .entryStore()
                .find(
                    store.entryStore().entries().stream()
                        .filter(e -> e.url().equals("https://a.example/1"))
                        .findFirst()
                        .orElseThrow()
                        .id())
                .orElseThrow()
                .category())
        .isEqualTo("Sports");
    assertThat(analyzer.calls.get()).isEqualTo(3);
  }

  @Test
  void shortTextsAreNeverTakenForNearDuplicates() {
    pages.put(
        "https://a.example/teaser1",
        "Story one|Subscribe to read the full story about the harbour.");
    pages.put(
        "https://a.example/teaser2",
        "Story two|Subscribe to read the full story about the station.");
    pipeline(PipelineSettings.DEFAULTS)
        .run("run", List.of(source("https://a.example/teaser1", "https://a.example/teaser2")));
    assertThat(store.entryStore().entries()).hasSize(2);
  }

  @Test
  void theEntryRecordsTheAnalysisLanguageAndTheAnalyzersFlag() {
    pages.put("https://a.example/de", "Streik im Hafen|Die Arbeiter legten die Arbeit nieder.");
    pages.put("https://a.example/en", "Port strike|Workers walked out.");
    RunReport report =
        pipeline(PipelineSettings.DEFAULTS)
            .run("run", List.of(source("https://a.example/de", "https://a.example/en")));

    Entry german = entryFor("https://a.example/de");
    assertThat(german.provenance().analysisLanguage()).isEqualTo("de");
    assertThat(german.flags()).containsExactly(Analysis.LANGUAGE_NOT_SUPPORTED);
    assertThat(entryFor("https://a.example/en").flags()).isEmpty();
    // a note, not an unsupported claim: not counted as flagged, not held for an editor
    assertThat(german.flagged()).isFalse();
    assertThat(report.count(Outcome.FLAGGED)).isZero();
  }

  private Entry entryFor(String url) {
    return store.entryStore().entries().stream()
        .filter(e -> e.url().equals(url))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aUsedUpTimeBudgetQueuesTheItemsInsteadOfAnalyzingThem() throws Exception {
    pages.put("https://a.example/1", "One|Body one.");
    pages.put("https://a.example/2", "Two|Body two.");
    RunControl budget = new RunControl(Duration.ofSeconds(1), Duration.ofMillis(1));
    Thread.sleep(5); // the run.max_duration budget is used up before the run starts

    RunReport report =
        pipeline(PipelineSettings.DEFAULTS)
            .run("run", List.of(source("https://a.example/1", "https://a.example/2")), budget);

    assertThat(report.interrupted()).contains("run.max_duration");
    assertThat(report.count(Outcome.STORED)).isZero();
    assertThat(analyzer.calls).hasValue(0);
    // and without a budget the same items are stored
    RunReport unbounded =
        pipeline(PipelineSettings.DEFAULTS)
            .run("run", List.of(source("https://a.example/1", "https://a.example/2")));
    assertThat(unbounded.count(Outcome.STORED)).isEqualTo(2);
  }

  @Test
  void usageIsSummedIntoTheRun() {
    pages.put("https://a.example/1", "One|Body one.");
    pages.put("https://a.example/2", "Two|Body two.");
    RunReport report =
        pipeline(PipelineSettings.DEFAULTS)
            .run("run", List.of(source("https://a.example/1", "https://a.example/2")));
    assertThat(report.usage()).isEqualTo(new Usage(2, 200, 40, 0.02));
    assertThat(store.runLog().runs().get(0).usage()).isEqualTo(new Usage(2, 200, 40, 0.02));
  }

  @Test
  void theSameArticleUnderAnotherUrlIsLinkedNotAnalyzedTwice() {
    pages.put("https://a.example/story", "Chips|A new chip plant opens.");
    pages.put("https://mirror.example/copy", "Chips|A new chip plant opens.");
    pipeline(PipelineSettings.DEFAULTS).run("run", List.of(source("https://a.example/story")));
    RunReport second =
        pipeline(PipelineSettings.DEFAULTS)
            .run("run", List.of(source("https://mirror.example/copy")));

    assertThat(store.entryStore().entries()).hasSize(1);
    assertThat(analyzer.calls.get()).isEqualTo(1);
    assertThat(second.count(Outcome.DUPLICATE)).isEqualTo(1);
    String id = store.entryStore().entries().get(0).id();
    assertThat(store.entryStore().alternates(id))
        .extracting(dev.pulse.store.Alternate::url)
        .containsExactly("https://mirror.example/copy");
  }

  @Test
  void aNearDuplicateIsLinkedToTheFirstAndNotAnalyzed() {
    String body =
        "The city council approved the new harbour plan on Tuesday after a long debate. "
            + "The plan adds two piers, a ferry terminal and a cycle path along the water. "
            + "Work starts in March and should finish within three years, officials said. "
            + "Residents who objected to the noise won a promise of limits on night work.";
    pages.put("https://a.example/harbour", "Harbour plan|" + body);
    pages.put("https://b.example/harbour", "Harbour plan approved|" + body + " Updated at 10:40.");
    pipeline(PipelineSettings.DEFAULTS).run("run", List.of(source("https://a.example/harbour")));
    RunReport second =
        pipeline(PipelineSettings.DEFAULTS)
            .run("run", List.of(source("https://b.example/harbour")));

    assertThat(store.entryStore().entries()).hasSize(1);
    assertThat(second.count(Outcome.DUPLICATE)).isEqualTo(1);
    assertThat(store.entryStore().alternates(store.entryStore().entries().get(0).id()))
        .extracting(dev.pulse.store.Alternate::kind)
        .containsExactly("near-duplicate");
  }

  @Test
  void duplicatesWithinOneRunAreAnalyzedOnce() {
    pages.put("https://a.example/story", "Chips|A new chip plant opens.");
    pages.put("https://mirror.example/copy", "Chips|A new chip plant opens.");
    analyzer.concurrency = 2;
    pipeline(new PipelineSettings(2, false))
        .run("run", List.of(source("https://a.example/story", "https://mirror.example/copy")));
    assertThat(store.entryStore().entries()).hasSize(1);
    assertThat(analyzer.calls.get()).isEqualTo(1);
  }

  /** Counts calls; fails on "Bad" titles, is fatal on "Fatal" titles. */
  private static final class CountingAnalyzer implements ArticleAnalyzer {
    final AtomicInteger calls = new AtomicInteger();
    volatile int concurrency = 1;

    @Override
    public int concurrency() {
      return concurrency;
    }

    @Override
    public Analysis analyze(ArticleText a) {
      calls.incrementAndGet();
      if (a.title().startsWith("Bad")) {
        throw new AnalysisException("reply is not JSON", "{not json", null);
      }
      if (a.title().startsWith("Fatal")) {
        throw new PulseException.Fatal("credentials rejected (HTTP 401)");
      }
      if (a.title().startsWith("Streik")) {
        return new Analysis(
            "Summary of " + a.title() + ".",
            null,
            Sentiment.NEUTRAL,
            "technology",
            List.of("t"),
            name(),
            model(),
            version(),
            Usage.NONE,
            "de",
            List.of(Analysis.LANGUAGE_NOT_SUPPORTED));
      }
      return new Analysis(
          "Summary of " + a.title() + ".",
          null,
          Sentiment.POSITIVE,
          "technology",
          List.of("t"),
          name(),
          model(),
          version(),
          new Usage(1, 100, 20, 0.01));
    }

    @Override
    public String name() {
      return "counting";
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
