package dev.pulse.fetch;

import dev.pulse.retry.Backoff;
import dev.pulse.retry.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Fetcher} that behaves like a well-mannered crawler around another one: obeys robots.txt
 * (reason {@code robots}, or {@code robots-unavailable} while a host's robots.txt cannot be read),
 * keeps one request in flight per host with a pause between them (the longer of {@link
 * Politeness#minHostDelay()} and the Crawl-delay), limits requests in flight overall, and retries
 * passing faults ({@link FetchException#retryable()}: connection errors, timeouts, 429, 5xx) with
 * exponential backoff and jitter, honouring Retry-After. Thread-safe: meant to be shared by all
 * fetching threads.
 *
 * <p>Redirects are followed inside the wrapped fetcher, within the first host's turn: the
 * robots.txt of the first host applies, a hop back to that host waits the host's pause first, and
 * the safety guard applies to every hop.
 */
public final class PoliteFetcher implements Fetcher {

  private static final Logger log = LoggerFactory.getLogger(PoliteFetcher.class);

  private final Fetcher delegate;
  private final Politeness politeness;
  private final HostPacer pacer;
  private final RobotsCache robots;
  private final Backoff backoff;
  private final LongSupplier nanoTime;

  /** Hosts that asked for a longer rest than we wait within a run: fail fast until then. */
  private final Map<String, Long> blockedUntil = new ConcurrentHashMap<>();

  /** The production stack: an {@link HttpFetcher} with these settings, made polite. */
  public static PoliteFetcher create(FetchSettings settings, Politeness politeness) {
    return create(settings, politeness, RobotsStore.inMemory());
  }

  /**
   * As {@link #create(FetchSettings, Politeness)}, keeping robots.txt files in {@code robots}
   * across runs.
   */
  public static PoliteFetcher create(
      FetchSettings settings, Politeness politeness, RobotsStore robots) {
    return create(settings, politeness, robots, HostGate.NONE);
  }

  /**
   * As {@link #create(FetchSettings, Politeness, RobotsStore)}, each host's pacing also held across
   * the processes that share {@code hosts} (the workers of one store).
   */
  public static PoliteFetcher create(
      FetchSettings settings, Politeness politeness, RobotsStore robots, HostGate hosts) {
    return new PoliteFetcher(
        new HttpFetcher(settings),
        settings.robotsAgent(),
        politeness,
        System::nanoTime,
        Sleeper.REAL,
        null, // each thread's own generator
        robots,
        hosts);
  }

  /**
   * @param delegate does the actual fetching (one attempt)
   * @param robotsAgent the product token robots.txt groups are matched against, e.g. "pulse"
   */
  public PoliteFetcher(Fetcher delegate, String robotsAgent, Politeness politeness) {
    this(
        delegate,
        robotsAgent,
        politeness,
        System::nanoTime,
        Sleeper.REAL,
        null, // each thread's own generator
        RobotsStore.inMemory(),
        HostGate.NONE);
  }

  PoliteFetcher(
      Fetcher delegate,
      String robotsAgent,
      Politeness politeness,
      LongSupplier nanoTime,
      Sleeper sleeper,
      @Nullable RandomGenerator random, // null: each thread's own generator
      RobotsStore robotsStore,
      HostGate hosts) {
    this.delegate = delegate;
    this.nanoTime = nanoTime;
    this.politeness = politeness;
    this.pacer = new HostPacer(politeness.maxConcurrency(), nanoTime, sleeper, hosts);
    this.robots =
        new RobotsCache(
            delegate,
            pacer,
            robotsAgent,
            politeness,
            nanoTime,
            robotsStore,
            java.time.Clock.systemUTC());
    this.backoff =
        random == null
            ? Backoff.withThreadJitter(politeness.backoffBase(), politeness.backoffMax())
            : new Backoff(politeness.backoffBase(), politeness.backoffMax(), random);
  }

  @Override
  public FetchResult fetch(FetchRequest request) {
    URI uri = HttpFetcher.toUri(request.url());
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    try {
      Duration pause = politeness.minHostDelay();
      if (politeness.obeyRobots() && request.kind() != FetchRequest.Kind.ROBOTS) {
        RobotsCache.Rules rules = robots.rulesFor(uri);
        if (!rules.rules().isAllowed(uri.toString())) {
          throw rules.unavailable()
              ? new FetchException(
                  request.url(),
                  FetchException.Kind.THROTTLED,
                  "robots-unavailable",
                  "robots.txt of "
                      + host
                      + " could not be read; the host is left alone for a while")
              : new FetchException(request.url(), "robots", "disallowed by robots.txt");
        }
        if (rules.crawlDelay().compareTo(pause) > 0) {
          pause = rules.crawlDelay();
        }
      }
      return withRetries(request, host, pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(
          request.url(),
          FetchException.Kind.INTERRUPTED,
          "interrupted",
          "interrupted while waiting to fetch",
          e);
    }
  }

  private FetchResult withRetries(FetchRequest request, String host, Duration pause)
      throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      Long blocked = blockedUntil.get(host);
      if (blocked != null && blocked - nanoTime.getAsLong() > 0) {
        throw new FetchException(
            request.url(),
            FetchException.Kind.THROTTLED,
            "rate-limited",
            host
                + " asked for a rest longer than "
                + politeness.maxRetryAfter()
                + "; try a later run");
      }
      try (HostPacer.Turn turn = pacer.acquire(host, pause)) {
        return fetchPaced(request, host, turn);
      } catch (FetchException e) {
        Duration retryAfter = e instanceof HttpStatusException s ? s.retryAfter() : null;
        if (retryAfter != null) {
          rest(host, retryAfter);
        }
        if (!e.retryable() || attempt >= politeness.maxRetries()) {
          throw e;
        }
        Duration wait = backoff.delay(attempt, retryAfter);
        if (wait.compareTo(politeness.maxRetryAfter()) > 0) {
          log.info(
              "{}: {} asks to wait {}, longer than we will; leaving it for a later run",
              request.url(),
              e.reason(),
              wait);
          throw e;
        }
        // The whole host waits, not just this request: a server that is struggling gets a rest.
        pacer.defer(host, wait);
        log.debug(
            "{}: {} (attempt {}), retrying in {}", request.url(), e.reason(), attempt + 1, wait);
      }
    }
  }

  /** Fetches within a turn, pausing before each redirect hop back to the turn's host. */
  private FetchResult fetchPaced(FetchRequest request, String host, HostPacer.Turn turn) {
    if (delegate instanceof HttpFetcher http) {
      return http.fetch(
          request,
          (from, to) -> {
            if (host.equalsIgnoreCase(to.getHost())) {
              turn.pauseWithin();
            }
          });
    }
    return delegate.fetch(request);
  }

  /**
   * Honours a server's Retry-After for the whole host: a short one delays the host's next request,
   * a longer one than we wait within a run makes the host's requests fail fast until it has passed.
   */
  private void rest(String host, Duration retryAfter) {
    if (retryAfter.compareTo(politeness.maxRetryAfter()) > 0) {
      blockedUntil.merge(host, nanoTime.getAsLong() + retryAfter.toNanos(), Math::max);
    } else {
      pacer.defer(host, retryAfter);
    }
  }

  @Override
  public void close() {
    delegate.close();
  }
}
