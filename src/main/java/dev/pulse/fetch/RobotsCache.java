package dev.pulse.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt per origin (scheme, host, port), fetched once and kept for a while, following RFC 9309:
 * a 4xx means no rules (allow all); a 5xx or an unreachable server means disallow all until {@link
 * Politeness#robotsFailureTtl()} passes. The fetch itself is paced like any request to the host.
 */
final class RobotsCache {

  private static final Logger log = LoggerFactory.getLogger(RobotsCache.class);

  /** Rules for one origin; {@code unavailable} when they are a stand-in for an unreadable robots.txt. */
  record Rules(BaseRobotRules rules, boolean unavailable, long expiresAt) {

    Duration crawlDelay() {
      long ms = rules.getCrawlDelay();
      return ms == BaseRobotRules.UNSET_CRAWL_DELAY || ms <= 0 ? Duration.ZERO : Duration.ofMillis(ms);
    }
  }

  private final Fetcher fetcher;
  private final HostPacer pacer;
  private final String agent;
  private final Politeness politeness;
  private final LongSupplier nanoTime;
  private final Map<String, Rules> cache = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  RobotsCache(Fetcher fetcher, HostPacer pacer, String agent, Politeness politeness, LongSupplier nanoTime) {
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
      Rules fresh = load(origin, uri.getHost().toLowerCase(Locale.ROOT));
      cache.put(origin, fresh);
      return fresh;
    }
  }

  // The String-agent parseContent is deprecated for the Collection form, which matches agent
  // names exactly instead of by prefix: switching would change which robots.txt groups apply.
  @SuppressWarnings("deprecation")
  private Rules load(String origin, String host) throws InterruptedException {
    String robotsUrl = origin + "/robots.txt";
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
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
      switch (e.reason()) {
        case "ssrf", "invalid-url", "unknown-host", "interrupted" -> throw e;
        case "redirect-loop", "too-many-redirects", "too-large" -> {
          log.debug("{} unusable ({}): no rules", robotsUrl, e.reason());
          return allowAll();
        }
        default -> {
          return unavailable(robotsUrl, e);
        }
      }
    }
    BaseRobotRules rules = parser.parseContent(robotsUrl, result.body(), result.contentType() == null ? "text/plain" : result.contentType(), agent);
    log.debug("{}: {}", robotsUrl, rules);
    return new Rules(rules, false, expiry(politeness.robotsTtl()));
  }

  private Rules allowAll() {
    return new Rules(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL), false, expiry(politeness.robotsTtl()));
  }

  private Rules unavailable(String robotsUrl, FetchException e) {
    log.info("{} could not be read ({}); not visiting the host for {}", robotsUrl, e.reason(), politeness.robotsFailureTtl());
    return new Rules(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE), true, expiry(politeness.robotsFailureTtl()));
  }

  private long expiry(Duration ttl) {
    return nanoTime.getAsLong() + ttl.toNanos();
  }

  static String origin(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }
}
