package dev.pulse.pipeline;

import dev.pulse.FailureClass;
import dev.pulse.PulseException;
import dev.pulse.analyze.Analysis;
import dev.pulse.analyze.AnalysisException;
import dev.pulse.analyze.ArticleAnalyzer;
import dev.pulse.analyze.ArticleText;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.analyze.Usage;
import dev.pulse.extract.ArticleExtractor;
import dev.pulse.extract.ExtractedArticle;
import dev.pulse.fetch.FetchException;
import dev.pulse.fetch.FetchRequest;
import dev.pulse.fetch.FetchResult;
import dev.pulse.fetch.Fetcher;
import dev.pulse.fetch.HostOrder;
import dev.pulse.fetch.ValidatorStore.Validators;
import dev.pulse.identity.EntryId;
import dev.pulse.identity.SimHash;
import dev.pulse.identity.UrlCanonicalizer;
import dev.pulse.retry.Breaker;
import dev.pulse.source.DiscoveredItem;
import dev.pulse.source.Discovery;
import dev.pulse.source.SourceConfig;
import dev.pulse.source.SourceDiscoverer;
import dev.pulse.store.Alternate;
import dev.pulse.store.Entry;
import dev.pulse.store.ItemFailure;
import dev.pulse.store.ItemWrite;
import dev.pulse.store.Provenance;
import dev.pulse.store.RunRecord;
import dev.pulse.store.Store;
import dev.pulse.verify.FaithfulnessChecker;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch: discover → fetch → extract → analyze → store, as a stream: an item is fetched as soon
 * as its source is discovered and analyzed as soon as it is extracted, with as many analyses in
 * flight as the analyzer allows and fetching held back when analysis falls behind. One item's
 * failure is recorded with its stage and reason and the batch goes on; a {@link
 * PulseException.Fatal} (rejected credentials, unwritable store) stops it. Whatever one item's
 * processing writes (entry, fingerprint, alternate, validators, failure, retry-queue change) is
 * committed in one {@link Store#save(ItemWrite)}: all of it or none.
 */
public final class Pipeline {

  private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

  /**
   * Texts shorter than this are never near-duplicates: teasers and paywall stubs share most of
   * their few words without being the same story.
   */
  static final int MIN_WORDS_FOR_NEAR_DUPLICATES = 50;

  /** Attempts an item gets when it keeps failing for a passing reason. */
  static final int MAX_ATTEMPTS = 5;

  private final SourceDiscoverer discoverer;
  private final Fetcher fetcher;
  private final ArticleExtractor extractor;
  private final ArticleAnalyzer analyzer;
  private final Store store;
  private final Taxonomy taxonomy;
  private final PipelineSettings settings;
  private final UrlCanonicalizer canonicalizer;
  private final SimHash simhash = SimHash.defaults();
  private final FaithfulnessChecker checker = FaithfulnessChecker.standard();

  /** A pipeline with the default URL canonicalizer. */
  public Pipeline(
      SourceDiscoverer discoverer,
      Fetcher fetcher,
      ArticleExtractor extractor,
      ArticleAnalyzer analyzer,
      Store store,
      Taxonomy taxonomy,
      PipelineSettings settings) {
    this(
        discoverer,
        fetcher,
        extractor,
        analyzer,
        store,
        taxonomy,
        settings,
        UrlCanonicalizer.defaults());
  }

  public Pipeline(
      SourceDiscoverer discoverer,
      Fetcher fetcher,
      ArticleExtractor extractor,
      ArticleAnalyzer analyzer,
      Store store,
      Taxonomy taxonomy,
      PipelineSettings settings,
      UrlCanonicalizer canonicalizer) {
    this.canonicalizer = canonicalizer;
    this.discoverer = discoverer;
    this.fetcher = fetcher;
    this.extractor = extractor;
    this.analyzer = analyzer;
    this.store = store;
    this.taxonomy = taxonomy;
    this.settings = settings;
  }

  /** Label of the analyzer for reports: "embedded (all-minilm-l6-v2-q)". */
  public String analyzerLabel() {
    return analyzer.name() + " (" + analyzer.model() + ")";
  }

  /**
   * Runs the batch over these sources and records it in the store. Items are fetched as soon as
   * their source is discovered (a slow feed holds back only its own items) and analyzed as soon as
   * they are extracted; items queued by earlier runs follow the newly discovered ones.
   */
  public RunReport run(String command, List<SourceConfig> sources) {
    return run(command, sources, RunControl.unbounded());
  }

  /**
   * As {@link #run(String, List)}, stopped by {@code control}. Discovered items are queued in the
   * store before their source's validators are saved, and leave the queue only when they reach an
   * outcome: whatever stops this run (a signal, the time budget, a full disk, a kill), the next one
   * resumes them.
   */
  public RunReport run(String command, List<SourceConfig> sources, RunControl control) {
    Run run = new Run(command, control);
    return run.process(
        frontier -> {
          Set<String> seen = new HashSet<>();
          discoverAll(
              sources,
              d -> {
                if (d.unchanged()) {
                  run.count(Outcome.SOURCES_UNCHANGED);
                }
                run.merged(d.merged());
                for (Discovery.Problem p : d.problems()) {
                  run.fail(new ItemFailure(p.url(), "discover", p.reason(), p.message(), null));
                }
                run.makeDurable(d);
                synchronized (seen) {
                  for (DiscoveredItem item : d.items()) {
                    if (seen.add(item.url())) {
                      frontier.add(item);
                      run.count(Outcome.DISCOVERED);
                    } else {
                      run.merged(1); // another source listed it too
                    }
                  }
                }
              });
          for (DiscoveredItem item : store.workQueue().retries(MAX_ATTEMPTS)) {
            synchronized (seen) {
              if (seen.add(item.url())) {
                frontier.add(item);
                run.count(Outcome.RETRIED);
              }
            }
          }
        });
  }

  /**
   * Discovers the sources in parallel (each feed fetch still paced per host), handing each one's
   * result over as soon as it is known; returns when all are.
   */
  private void discoverAll(List<SourceConfig> sources, Consumer<Discovery> found) {
    if (sources.size() <= 1) {
      sources.forEach(s -> found.accept(discoverer.discover(s)));
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(sources.size(), settings.fetchLanes()));
    try {
      CompletableFuture.allOf(
              sources.stream()
                  .map(
                      s ->
                          CompletableFuture.runAsync(
                              () -> found.accept(discoverer.discover(s)), pool))
                  .toArray(CompletableFuture[]::new))
          .join();
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Fetches, extracts, analyzes and stores one URL: the manual rerun. The page is always fetched
   * afresh; it is analyzed again only when its content, the analyzer or a version changed, or with
   * {@link PipelineSettings#force()}.
   */
  public RunReport rerun(String url, String source) {
    Run run = new Run("rerun", RunControl.unbounded());
    run.count(Outcome.DISCOVERED);
    return run.process(frontier -> frontier.add(new DiscoveredItem(url, null, null, source, null)));
  }

  /**
   * As {@link #rerun(String, String)}, keeping the source an existing entry already has; {@code
   * fallbackSource} names a new one.
   */
  public RunReport rerunKeepingSource(String url, String fallbackSource) {
    Run run = new Run("rerun", RunControl.unbounded());
    run.keepExistingSource = true;
    run.count(Outcome.DISCOVERED);
    return run.process(
        frontier -> frontier.add(new DiscoveredItem(url, null, null, fallbackSource, null)));
  }

  /**
   * Opens a run that is handed its work one piece at a time by a scheduler (the worker): a source
   * to discover, an item to process, each on the caller's thread. It is recorded in the store as
   * one run from here to {@link Session#close()}.
   */
  public Session session(String command, RunControl control) {
    return new Session(new Run(command, control));
  }

  /**
   * A long-lived run fed by a scheduler: the same stages, failure handling and records as {@link
   * #run}, one item per call. Thread-safe: many items may be processed at once. Items and ids are
   * not kept in memory once processed (the store has them), so a worker's memory does not grow with
   * the work it has done.
   */
  public final class Session implements AutoCloseable {
    private final Run run;

    private Session(Run run) {
      this.run = run;
    }

    /**
     * Discovers one source. Its items are handed to {@code schedule}, which must make them durable
     * (a task each), and queued in the store, before the source's validators are saved: a process
     * that dies in between reads the source afresh next time.
     *
     * @return the items discovered
     */
    public List<DiscoveredItem> discover(
        SourceConfig source, Consumer<List<DiscoveredItem>> schedule) {
      Discovery d = discoverer.discover(source);
      if (d.unchanged()) {
        run.count(Outcome.SOURCES_UNCHANGED);
      }
      for (Discovery.Problem p : d.problems()) {
        run.fail(new ItemFailure(p.url(), "discover", p.reason(), p.message(), null));
      }
      if (!d.items().isEmpty()) {
        schedule.accept(d.items());
      }
      run.makeDurable(d);
      d.items().forEach(i -> run.count(Outcome.DISCOVERED));
      return d.items();
    }

    /**
     * Fetches, extracts, analyzes and stores one item on this thread.
     *
     * @return true when the item reached an outcome (stored, unchanged, duplicate, skipped, failed
     *     and recorded, or queued for later); false when it was not processed because the run is
     *     stopping (a signal or a fatal error): the caller keeps it for later
     */
    public boolean process(DiscoveredItem item) {
      if (run.open.putIfAbsent(item.url(), item) != null) {
        return false; // the same URL is in flight on another thread
      }
      try {
        run.fetchAndExtract(item).ifPresent(run::analyzeAndStore);
      } catch (RuntimeException e) {
        run.unexpected(item, e);
      }
      run.entryIds.clear();
      run.failures.clear();
      return run.open.remove(item.url()) == null;
    }

    /**
     * Hands the items the store's queue still holds (failed for a passing reason, or never
     * finished) to {@code each}, at most {@code page} at a time: memory stays the same however many
     * are queued.
     */
    public void queued(int page, Consumer<List<DiscoveredItem>> each) {
      String after = "";
      while (true) {
        List<DiscoveredItem> items = store.workQueue().retriesAfter(MAX_ATTEMPTS, after, page);
        if (items.isEmpty()) {
          return;
        }
        each.accept(items);
        if (items.size() < page) {
          return;
        }
        after = items.get(items.size() - 1).url();
      }
    }

    /** Why the run cannot go on (the store is unwritable, credentials rejected), or null. */
    public @Nullable String fatal() {
      return run.fatal.get();
    }

    /** The run's number in the store. */
    public long runId() {
      return run.id;
    }

    /**
     * Marks the runs of dead workers (no heartbeat since {@code workersDeadBefore}) abandoned, as
     * {@link dev.pulse.store.RunLog#abandonDeadWorkersRuns}; returns them.
     */
    public List<dev.pulse.store.RunRecord> abandonDeadWorkersRuns(Instant workersDeadBefore) {
      return store.runLog().abandonDeadWorkersRuns(workersDeadBefore);
    }

    /** The run's figures so far are recorded and it is closed. */
    @Override
    public void close() {
      run.finish();
    }
  }

  /** The state of one run: counts, failures, the fatal error if any. */
  private final class Run {
    private final String command;
    private final RunControl control;
    private final long id;
    private final Instant started = Instant.now();
    private final Map<String, Integer> counts = new HashMap<>();
    private final List<ItemFailure> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<String> entryIds = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> claimed = new ConcurrentHashMap<>();

    /** Items (by URL) that have not reached an outcome yet; those left at the end are queued. */
    private final Map<String, DiscoveredItem> open = new ConcurrentHashMap<>();

    /** Per host: stops fetching from a host that keeps timing out or failing, for a cool-down. */
    private final Map<String, Breaker> hostBreakers = new ConcurrentHashMap<>();

    private final Map<String, Long> fingerprints;
    private final AtomicReference<@Nullable String> fatal = new AtomicReference<>();
    private Usage usage = Usage.NONE;
    private final boolean force;
    private final boolean conditional;

    /** An existing entry keeps its source (a rerun without an explicit source). */
    private boolean keepExistingSource;

    Run(String command, RunControl control) {
      this.command = command;
      this.control = control;
      this.force = settings.force();
      // a manual rerun always fetches the page afresh; it re-analyzes only when asked to (--force)
      // or when the content, analyzer or versions changed
      this.conditional = !force && !"rerun".equals(command);
      this.id = store.runLog().startRun(command, analyzerLabel());
      this.fingerprints = new HashMap<>(store.entryStore().fingerprints());
      for (Outcome o : Outcome.values()) {
        counts.put(o.key(), 0);
      }
    }

    synchronized void count(Outcome o) {
      counts.merge(o.key(), 1, Integer::sum);
    }

    /** Listed items that were copies of one already taken: each is counted, as merged. */
    void merged(int n) {
      for (int i = 0; i < n; i++) {
        count(Outcome.MERGED);
      }
      control.progress().merged(n);
    }

    synchronized void addUsage(Usage u) {
      usage = usage.plus(u);
    }

    /** Counts the outcome of an item, unless it already had one. */
    void end(DiscoveredItem item, Outcome o) {
      if (open.remove(item.url()) != null) {
        count(o);
        control.progress().ended();
      }
    }

    /** Records a failure that is not an item's (a source's). */
    void fail(ItemFailure f) {
      counted(f);
      try {
        store.runLog().recordFailure(id, f);
      } catch (PulseException e) {
        fatal.compareAndSet(null, e.getMessage());
      }
    }

    /**
     * An item's failure, written together with what else {@code write} holds, and counted; nothing
     * is written when the item already reached an outcome.
     */
    void fail(DiscoveredItem item, ItemFailure f, ItemWrite write) {
      if (open.remove(item.url()) == null) {
        // it has its outcome already: queued when the grace period ran out, while this lane was
        // still at it; writing now (dropping it from the queue) would lose it
        return;
      }
      if (save(write.withFailure(id, f))) {
        counted(f);
        control.progress().ended();
      } else {
        open.put(item.url(), item); // not written: the end of the run counts it as queued
      }
    }

    private void counted(ItemFailure f) {
      Outcome o = "robots".equals(f.reason()) ? Outcome.SKIPPED : Outcome.FAILED;
      count(o);
      failures.add(f);
      log.info("{} {} {}: {}", f.stage(), f.reason(), f.url(), f.message());
    }

    /** Writes one item's results in one transaction; false (and the run stops) if it cannot. */
    private boolean save(ItemWrite write) {
      try {
        store.save(write);
        return true;
      } catch (PulseException e) {
        // the item stays open: the end of the run notes it in the queue, where discovery put it
        fatal.compareAndSet(null, e.getMessage());
        return false;
      }
    }

    /**
     * Runs the stages over the items {@code feed} adds to the frontier: fetch lanes (one host each,
     * {@link PipelineSettings#fetchLanes()} of them) hand extracted articles to as many analysis
     * workers as the analyzer can use ({@link ArticleAnalyzer#concurrency()}) through a bounded
     * queue, so fetching runs only a little ahead of analysis and memory does not grow with the
     * number of items.
     */
    /**
     * Queues a source's items in the store, then saves its validators: in this order, a run that
     * dies in between reads the source afresh next time. When the store cannot take them (a full
     * disk) the validators are not saved and the run stops.
     */
    void makeDurable(Discovery d) {
      if (fatal.get() != null) {
        return;
      }
      try {
        if (!d.items().isEmpty()) {
          store.workQueue().queueDiscovered(d.items());
        }
        d.saveValidators(store.fetchState());
      } catch (PulseException e) {
        fatal.compareAndSet(null, e.getMessage());
      }
    }

    /** True when no new work may start: a fatal error, a signal or the time budget. */
    private boolean halted() {
      return fatal.get() != null || control.stopReason() != null;
    }

    RunReport process(Consumer<Frontier> feed) {
      Frontier frontier =
          new Frontier(
              item -> {
                if (open.putIfAbsent(item.url(), item) == null) {
                  control.progress().admitted();
                }
              });
      int workers = Math.max(1, analyzer.concurrency());
      BlockingQueue<Extracted> handoff = new ArrayBlockingQueue<>(2 * workers);
      ExecutorService fetchPool = Executors.newFixedThreadPool(settings.fetchLanes());
      ExecutorService analyzePool = Executors.newFixedThreadPool(workers);
      try {
        List<Future<?>> lanes = new ArrayList<>();
        for (int i = 0; i < settings.fetchLanes(); i++) {
          lanes.add(fetchPool.submit(() -> fetchLane(frontier, handoff)));
        }
        List<Future<?>> analysts = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
          analysts.add(analyzePool.submit(() -> analyzeLoop(handoff)));
        }
        try {
          feed.accept(frontier);
        } catch (RuntimeException e) {
          log.error("discovery stopped", e);
          fatal.compareAndSet(null, "discovery stopped: " + e.getMessage());
        } finally {
          frontier.close();
        }
        if (awaitAll(lanes)) {
          for (int i = 0; i < workers; i++) {
            handoff.put(Extracted.END);
          }
          awaitAll(analysts);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        control.requestStop("interrupted");
      } finally {
        fetchPool.shutdownNow();
        analyzePool.shutdownNow();
      }
      return finish();
    }

    private void fetchLane(Frontier frontier, BlockingQueue<Extracted> handoff) {
      try {
        for (Frontier.Taken t = frontier.take(); t != null; t = frontier.take()) {
          try {
            Optional<Extracted> ready = fetchAndExtract(t.item());
            if (ready.isPresent()) {
              handoff.put(ready.get());
            }
          } catch (RuntimeException e) {
            unexpected(t.item(), e);
          } finally {
            frontier.done(t);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void analyzeLoop(BlockingQueue<Extracted> handoff) {
      try {
        for (Extracted x = handoff.take(); x != Extracted.END; x = handoff.take()) {
          try {
            analyzeAndStore(x);
          } catch (RuntimeException e) {
            unexpected(x.item(), e);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /**
     * Waits for the workers; once a stop is asked (a signal, the time budget), waits at most the
     * grace period for the items in flight (no new ones start), and returns false if it ran out:
     * what is still open then gets queued.
     */
    private boolean awaitAll(List<Future<?>> futures) throws InterruptedException {
      for (Future<?> f : futures) {
        while (true) {
          try {
            f.get(100, TimeUnit.MILLISECONDS);
            break;
          } catch (ExecutionException e) {
            log.error("pipeline worker died", e.getCause());
            fatal.compareAndSet(null, "internal error: " + e.getCause());
            break;
          } catch (TimeoutException e) {
            if (graceOver()) {
              log.warn("grace period over: {} items queued for the next run", open.size());
              return false;
            }
          }
        }
      }
      return true;
    }

    private @Nullable Instant graceEnds;

    private boolean graceOver() {
      String reason = control.stopReason();
      if (reason == null) {
        return false;
      }
      if (graceEnds == null) {
        graceEnds = Instant.now().plus(control.grace());
        log.warn(
            "stopping ({}): no new items; {} s for the items in flight, the rest is queued",
            reason,
            control.grace().toSeconds());
      }
      return Instant.now().isAfter(graceEnds);
    }

    /** An exception that escaped an item's processing (a bug, or the store failing under it). */
    private void unexpected(DiscoveredItem item, Throwable cause) {
      failed(item, Failures.of(item.url(), "pipeline", cause), cause);
    }

    /**
     * Acts on one item's failure by its {@link FailureClass}, the one place where a failure's class
     * becomes what happens to the item: recorded and queued for a retry (passing, or a bug),
     * recorded and dropped (final), kept queued without a record (deferred), or the run stops and
     * the item stays queued (fatal: a full disk, rejected credentials).
     */
    private void failed(DiscoveredItem item, ItemFailure f, Throwable cause) {
      FailureClass c = FailureClass.of(cause);
      switch (c) {
        case FATAL -> fatal.compareAndSet(null, cause.getMessage());
        case DEFERRED -> {
          store.workQueue().deferItem(item, f.reason());
          end(item, Outcome.QUEUED);
        }
        default -> {
          if (c == FailureClass.INTERNAL) {
            log.error("unexpected error on {}", item.url(), cause);
          }
          ItemWrite w = ItemWrite.of(item);
          fail(item, f, c.retried() ? w.queueingRetry(f.reason()) : w.droppingRetry());
        }
      }
    }

    private Optional<Extracted> fetchAndExtract(DiscoveredItem item) {
      if (halted()) {
        return Optional.empty();
      }
      String host = HostOrder.host(item.url());
      Breaker hostBreaker =
          hostBreakers.computeIfAbsent(host, h -> Breaker.of(settings.hostBreaker()));
      if (!hostBreaker.allows()) {
        // the host keeps timing out or failing: its items wait for the next run
        store.workQueue().deferItem(item, "host-unavailable");
        end(item, Outcome.QUEUED);
        return Optional.empty();
      }
      Validators known = store.fetchState().get(item.url());
      if (known == null) {
        known = new Validators(null, null);
      }
      FetchResult page;
      try {
        page =
            fetcher.fetch(
                new FetchRequest(
                    item.url(),
                    FetchRequest.Kind.PAGE,
                    conditional ? known.etag() : null,
                    conditional ? known.lastModified() : null));
      } catch (FetchException e) {
        if (e.kind() == FetchException.Kind.INTERRUPTED) {
          // cut off when the grace period ran out: the run queues it (it is still open)
          return Optional.empty();
        }
        if (e.kind() == FetchException.Kind.HOST_DOWN
            && hostBreaker.failure(e.reason() + ": " + e.detail())) {
          log.warn(
              "{} keeps failing ({}); its items left are queued", host, hostBreaker.describe());
        }
        failed(item, Failures.of(item.url(), "fetch", e), e);
        return Optional.empty();
      } catch (PulseException e) {
        failed(item, Failures.of(item.url(), "fetch", e), e);
        return Optional.empty();
      }
      hostBreaker.success();
      if (page.notModified()) {
        if (save(ItemWrite.of(item).droppingRetry())) {
          end(item, Outcome.UNCHANGED);
        }
        return Optional.empty();
      }
      count(Outcome.FETCHED);
      // something new: the analyzer may load its model meanwhile (no-op after the first call)
      analyzer.prepare();
      ExtractedArticle article;
      try {
        article = extractor.extract(page.text(), page.finalUrl());
      } catch (RuntimeException e) {
        failed(item, Failures.of(item.url(), "extract", e), e);
        return Optional.empty();
      }
      if (!article.hasText()) {
        fail(
            item,
            new ItemFailure(
                item.url(), "extract", "no-article", "no article text found on the page", null),
            ItemWrite.of(item).droppingRetry());
        return Optional.empty();
      }
      // the page's bytes and decoded text are dropped here: analysis needs only the article
      return Optional.of(
          new Extracted(
              item,
              new Page(page.finalUrl(), page.etag(), page.lastModified(), page.fetchedAt()),
              article));
    }

    private void analyzeAndStore(Extracted x) {
      if (halted()) {
        return;
      }
      String url = canonicalizer.preferred(x.page().finalUrl(), x.article().canonicalUrl());
      String id = EntryId.of(url);
      String title = firstNonBlank(x.article().title(), x.item().title(), url);
      String hash = EntryId.contentHash(title, x.article().text());
      Optional<Entry> existing = store.entryStore().find(id);
      if (!force && existing.isPresent() && sameAnalysis(existing.get().provenance(), hash)) {
        if (save(ItemWrite.of(x.item()).withValidators(validators(x)).droppingRetry())) {
          end(x.item(), Outcome.UNCHANGED);
          entryIds.add(id);
        }
        return;
      }
      long fingerprint = simhash.fingerprint(x.article().text());
      if (existing.isEmpty()) {
        Alternate link = duplicateOf(id, url, hash, fingerprint, x.article().text());
        if (link != null) {
          ItemWrite w = ItemWrite.of(x.item()).withAlternate(link);
          if (store.entryStore().find(link.entryId()).isPresent()) {
            w = w.withValidators(validators(x)).droppingRetry();
          } else {
            // the first copy is still being analyzed in this run and may yet fail: keep this URL
            // for the next run, which links it for good or analyzes it
            w = w.queueingRetry("duplicate-pending");
          }
          if (save(w)) {
            end(x.item(), Outcome.DUPLICATE);
            entryIds.add(link.entryId());
          }
          return;
        }
      }
      Analysis analysis;
      try {
        analysis =
            analyzer.analyze(
                new ArticleText(
                    id,
                    title,
                    x.article().text(),
                    firstNonBlank(x.article().siteName(), x.item().source()),
                    x.article().published() != null
                        ? x.article().published()
                        : x.item().published(),
                    x.article().language()));
      } catch (PulseException e) {
        if (e instanceof AnalysisException a) {
          // Tokens spent on a failed item (e.g. a reply and its failed repair) still count.
          addUsage(a.usage());
        }
        // an AnalyzerUnavailable is deferred: the backend is cooling down, the next run takes it
        failed(x.item(), Failures.of(url, "analyze", e), e);
        return;
      }
      addUsage(analysis.usage());
      if (taxonomy.find(analysis.category()).isEmpty()) {
        fail(
            x.item(),
            new ItemFailure(
                url,
                "analyze",
                "bad-category",
                "category '" + analysis.category() + "' is not in the taxonomy",
                null),
            ItemWrite.of(x.item()).queueingRetry("bad-category"));
        return;
      }
      Entry entry = entry(x, id, url, title, hash, analysis, existing.orElse(null));
      if (save(
          ItemWrite.of(x.item())
              .withEntry(entry, fingerprint)
              .withValidators(validators(x))
              .droppingRetry())) {
        entryIds.add(id);
        end(x.item(), Outcome.STORED);
        if (entry.flagged()) {
          // stored with its flags: the site holds it until an editor approves it (ReviewMode)
          log.info(
              "{} stored with {} unsupported claim(s): {}",
              url,
              entry.flags().size(),
              entry.flags());
          count(Outcome.FLAGGED);
        }
      }
    }

    /**
     * The link of this URL to the entry its article already is under another URL (same content
     * hash, stored before or claimed earlier in this run, or a near-duplicate text); null when the
     * article is new.
     */
    private @Nullable Alternate duplicateOf(
        String id, String url, String hash, long fingerprint, String text) {
      String kind = "same-content";
      String first = claimed.putIfAbsent(hash, id);
      if (first == null) {
        first =
            store
                .entryStore()
                .findByContentHash(hash)
                .map(Entry::id)
                .filter(e -> !e.equals(id))
                .orElse(null);
      }
      if (first == null && SimHash.wordCount(text) >= MIN_WORDS_FOR_NEAR_DUPLICATES) {
        kind = "near-duplicate";
        first = nearest(id, fingerprint);
      }
      if (first == null || first.equals(id)) {
        return null;
      }
      return new Alternate(url, first, kind);
    }

    /** The entry whose text is a near-duplicate of this one, claiming the fingerprint if none. */
    private synchronized @Nullable String nearest(String id, long fingerprint) {
      for (Map.Entry<String, Long> known : fingerprints.entrySet()) {
        if (!known.getKey().equals(id) && simhash.nearDuplicates(known.getValue(), fingerprint)) {
          return known.getKey();
        }
      }
      fingerprints.put(id, fingerprint);
      return null;
    }

    private boolean sameAnalysis(Provenance p, String hash) {
      return p.contentHash().equals(hash)
          && p.analyzer().equals(analyzer.name())
          && p.model().equals(analyzer.model())
          && p.analysisVersion().equals(analyzer.version())
          && p.extractionVersion().equals(extractor.version());
    }

    /** The page's validators, or null when it sent none. */
    private @Nullable Validators validators(Extracted x) {
      return x.page().etag() == null && x.page().lastModified() == null
          ? null
          : new Validators(x.page().etag(), x.page().lastModified());
    }

    /** The entry to store; what the page and feed no longer say is kept from {@code old}. */
    /**
     * The source's own category when it has one ({@code sources[].category}: a rerun of one URL
     * finds it by the entry's source name), else the analyzer's.
     */
    private String category(DiscoveredItem item, String source, Analysis a) {
      String fixed =
          item.categoryHint() != null
              ? item.categoryHint()
              : settings.sourceCategories().get(source);
      return taxonomy.find(fixed).or(() -> taxonomy.find(a.category())).orElseThrow().name();
    }

    private Entry entry(
        Extracted x,
        String id,
        String url,
        String title,
        String hash,
        Analysis a,
        @Nullable Entry old) {
      ExtractedArticle art = x.article();
      OffsetDateTime published = art.published() != null ? art.published() : x.item().published();
      if (published == null && old != null) {
        published = old.published();
      }
      String source = old != null && keepExistingSource ? old.source() : x.item().source();
      return new Entry(
          id,
          url,
          source,
          title,
          art.byline(),
          published,
          art.siteName(),
          art.language(),
          art.image(),
          art.text(),
          a.summary(),
          a.editorsNote(),
          a.sentiment(),
          category(x.item(), source, a),
          a.topics(),
          new Provenance(
              a.analyzer(),
              a.model(),
              a.version(),
              extractor.version(),
              x.page().fetchedAt(),
              Instant.now(),
              hash,
              a.usage(),
              a.language()),
          flags(a, checker.flags(title + "\n\n" + art.text(), a.summary(), a.editorsNote())));
    }

    /** The analyzer's own flags (e.g. a language it cannot judge), then the unsupported claims. */
    private static List<String> flags(Analysis a, List<String> unsupported) {
      if (a.flags().isEmpty()) {
        return unsupported;
      }
      List<String> all = new ArrayList<>(a.flags());
      all.addAll(unsupported);
      return all;
    }

    private RunReport finish() {
      String stopped = fatal.get() == null ? control.stopReason() : null;
      String why =
          fatal.get() != null ? "run-stopped" : stopped != null ? "interrupted" : "unfinished";
      int notDeferred = 0;
      for (DiscoveredItem item : List.copyOf(open.values())) {
        if (open.remove(item.url()) == null) {
          continue;
        }
        count(Outcome.QUEUED);
        try {
          store.workQueue().deferItem(item, why);
        } catch (PulseException e) {
          notDeferred++;
        }
      }
      if (notDeferred > 0) {
        // they were queued at discovery (or came from the queue): the next run still has them
        log.warn("could not note why {} items were left ({}); they stay queued", notDeferred, why);
      }
      Map<String, Integer> snapshot;
      Usage total;
      synchronized (this) {
        snapshot = Map.copyOf(counts);
        total = usage;
      }
      RunReport report =
          new RunReport(
              id,
              command,
              analyzerLabel(),
              snapshot,
              total,
              Duration.between(started, Instant.now()),
              List.copyOf(failures),
              List.copyOf(entryIds),
              fatal.get(),
              stopped);
      store
          .runLog()
          .finishRun(
              new RunRecord(
                  id,
                  command,
                  started,
                  Instant.now(),
                  analyzerLabel(),
                  snapshot,
                  total,
                  report.status(),
                  fatal.get() != null ? fatal.get() : stopped,
                  null,
                  0));
      return report;
    }
  }

  /** What is kept of a fetched page once its article is extracted. */
  private record Page(
      String finalUrl, @Nullable String etag, @Nullable String lastModified, Instant fetchedAt) {}

  /** An extracted article waiting for analysis; its fields are null only in {@link #END}. */
  private record Extracted(
      @Nullable DiscoveredItem item, @Nullable Page page, @Nullable ExtractedArticle article) {
    /** Tells an analysis worker that no more articles are coming. */
    static final Extracted END = new Extracted(null, null, null);
  }

  private static @Nullable String firstNonBlank(@Nullable String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
