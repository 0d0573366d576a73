package dev.pulse.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt per origin (scheme, host, port), fetched once and kept for a while, following RFC
 * 9309: a 4xx means no rules (allow all); a 5xx or an unreachable server means disallow all until
 * {@link Politeness#robotsFailureTtl()} passes. The fetch itself is paced like any request to the
 * host. Each copy goes to a {@link RobotsStore} with its fetch time, and one still within its
 * lifetime is taken from there: the lifetime holds across runs.
 */
final class RobotsCache {

  private static final Logger log = LoggerFactory.getLogger(RobotsCache.class);

  /**
   * Rules for one origin; {@code unavailable} when they are a stand-in for an unreadable
   * robots.txt.
   */
  record Rules(BaseRobotRules rules, boolean unavailable, long expiresAt) {

    Duration crawlDelay() {
      long ms = rules.getCrawlDelay();
      return ms == BaseRobotRules.UNSET_CRAWL_DELAY || ms <= 0
          ? Duration.ZERO
          : Duration.ofMillis(ms);
    }
  }

  /** Longer Crawl-delays mean "do not crawl" (crawler-commons' limit): nothing to wait for. */
  private static final Duration MAX_DEFER = Duration.ofMinutes(5);

  private final Fetcher fetcher;
  private final HostPacer pacer;
  private final String agent;
  private final Politeness politeness;
  private final LongSupplier nanoTime;
  private final RobotsStore store;

  /** The wall-clock time at {@link #nanoEpoch}: times kept in the store follow {@code nanoTime}. */
  private final Instant epoch;

  private final long nanoEpoch;
  private final Map<String, Rules> cache = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  RobotsCache(
      Fetcher fetcher,
      HostPacer pacer,
      String agent,
      Politeness politeness,
      LongSupplier nanoTime) {
    this(fetcher, pacer, agent, politeness, nanoTime, RobotsStore.inMemory(), Clock.systemUTC());
  }

  RobotsCache(
      Fetcher fetcher,
      HostPacer pacer,
      String agent,
      Politeness politeness,
      LongSupplier nanoTime,
      RobotsStore store,
      Clock clock) {
    this.store = store;
    this.epoch = clock.instant();
    this.nanoEpoch = nanoTime.getAsLong();
    this.fetcher = fetcher;
    this.pacer = pacer;
    this.agent = agent;
    this.politeness = politeness;
    this.nanoTime = nanoTime;
  }

  /**
   * The rules that govern {@code uri}, fetching robots.txt if they are unknown or stale.
   *
   * @throws FetchException when the host must not be contacted at all (safety guard, bad URL)
   */
  Rules rulesFor(URI uri) throws InterruptedException {
    String origin = origin(uri);
    Rules known = cache.get(origin);
    if (known != null && known.expiresAt() - nanoTime.getAsLong() > 0) {
      return known;
    }
    synchronized (locks.computeIfAbsent(origin, k -> new Object())) {
      known = cache.get(origin);
      if (known != null && known.expiresAt() - nanoTime.getAsLong() > 0) {
        return known;
      }
      Rules kept = kept(origin);
      if (kept != null) {
        cache.put(origin, kept);
        return kept;
      }
      String host = uri.getHost().toLowerCase(Locale.ROOT);
      RobotsStore.Copy copy = load(origin, host);
      store.put(origin, copy);
      Rules fresh = rules(origin, copy);
      cache.put(origin, fresh);
      // robots.txt was paced with the minimum delay, before its Crawl-delay was known: the first
      // request after it waits the Crawl-delay too
      Duration delay = fresh.crawlDelay();
      if (delay.compareTo(politeness.minHostDelay()) > 0 && delay.compareTo(MAX_DEFER) <= 0) {
        pacer.defer(host, delay);
      }
      return fresh;
    }
  }

  /** The rules of the stored copy, if it is still within its lifetime. */
  private @Nullable Rules kept(String origin) {
    RobotsStore.Copy copy = store.get(origin);
    if (copy == null) {
      return null;
    }
    Rules rules = rules(origin, copy);
    return rules.expiresAt() - nanoTime.getAsLong() > 0 ? rules : null;
  }

  // The String-agent parseContent is deprecated for the Collection form, which matches agent
  // names exactly instead of by prefix: switching would change which robots.txt groups apply.
  @SuppressWarnings("deprecation")
  private Rules rules(String origin, RobotsStore.Copy copy) {
    Duration ttl = copy.unavailable() ? politeness.robotsFailureTtl() : politeness.robotsTtl();
    Duration left = Duration.between(now(), copy.fetchedAt().plus(ttl));
    long expiresAt = nanoTime.getAsLong() + left.toNanos();
    if (copy.unavailable()) {
      return new Rules(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE), true, expiresAt);
    }
    if (copy.body() == null) {
      return new Rules(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL), false, expiresAt);
    }
    String robotsUrl = origin + "/robots.txt";
    BaseRobotRules rules =
        new SimpleRobotRulesParser()
            .parseContent(
                robotsUrl, copy.body().getBytes(StandardCharsets.UTF_8), "text/plain", agent);
    log.debug("{}: {}", robotsUrl, rules);
    return new Rules(rules, false, expiresAt);
  }

  private RobotsStore.Copy load(String origin, String host) throws InterruptedException {
    String robotsUrl = origin + "/robots.txt";
    FetchResult result;
    try (HostPacer.Turn turn = pacer.acquire(host, politeness.minHostDelay())) {
      result = fetcher.fetch(new FetchRequest(robotsUrl, FetchRequest.Kind.ROBOTS, null, null));
    } catch (HttpStatusException e) {
      if (e.status() >= 400 && e.status() < 500 && e.status() != 429) {
        log.debug("{} answered {}: no rules", robotsUrl, e.status());
        return allowAll();
      }
      return unavailable(robotsUrl, e);
    } catch (FetchException e) {
      if (e.kind() == FetchException.Kind.INTERRUPTED) {
        throw e;
      }
      switch (e.reason()) {
        case "ssrf", "invalid-url", "unknown-host" -> throw e;
        case "redirect-loop", "too-many-redirects", "too-large" -> {
          log.debug("{} unusable ({}): no rules", robotsUrl, e.reason());
          return allowAll();
        }
        default -> {
          return unavailable(robotsUrl, e);
        }
      }
    }
    return new RobotsStore.Copy(result.text(), false, now());
  }

  private Instant now() {
    return epoch.plusNanos(nanoTime.getAsLong() - nanoEpoch);
  }

  private RobotsStore.Copy allowAll() {
    return new RobotsStore.Copy(null, false, now());
  }

  private RobotsStore.Copy unavailable(String robotsUrl, FetchException e) {
    log.info(
        "{} could not be read ({}); not visiting the host for {}",
        robotsUrl,
        e.reason(),
        politeness.robotsFailureTtl());
    return new RobotsStore.Copy(null, true, now());
  }

  static String origin(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }
}
