package dev.pulse.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link PoliteFetcher} treats the sites it visits.
 *
 * @param minHostDelay least time between the end of one request to a host and the start of the next
 *     (a robots.txt Crawl-delay that is longer wins)
 * @param maxConcurrency requests in flight at once across all hosts (one per host at most)
 * @param maxRetries further attempts after a passing fault (connection error, timeout, 429, 502,
 *     503, 504); 0 disables retries
 * @param backoffBase the first retry's wait; each further retry doubles it, with jitter
 * @param backoffMax the longest computed backoff
 * @param maxRetryAfter the longest Retry-After (or backoff) worth waiting for within a run; a
 *     longer one fails the fetch at once, to be tried on a later run
 * @param robotsTtl how long a robots.txt (or its absence, 4xx) is trusted
 * @param robotsFailureTtl how long a host whose robots.txt could not be read (5xx, unreachable) is
 *     treated as disallowing everything
 * @param obeyRobots false only for tests and for sources the operator owns
 */
public record Politeness(
    Duration minHostDelay,
    int maxConcurrency,
    int maxRetries,
    Duration backoffBase,
    Duration backoffMax,
    Duration maxRetryAfter,
    Duration robotsTtl,
    Duration robotsFailureTtl,
    boolean obeyRobots) {

  public Politeness {
    Objects.requireNonNull(minHostDelay, "minHostDelay");
    Objects.requireNonNull(backoffBase, "backoffBase");
    Objects.requireNonNull(backoffMax, "backoffMax");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    Objects.requireNonNull(robotsTtl, "robotsTtl");
    Objects.requireNonNull(robotsFailureTtl, "robotsFailureTtl");
    if (minHostDelay.isNegative() || backoffBase.isNegative() || backoffMax.isNegative()) {
      throw new IllegalArgumentException("delays must not be negative");
    }
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1");
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative");
    }
  }

  /**
   * 1 s between requests to a host, 8 hosts at once, 3 retries from 1 s up to 30 s, Retry-After
   * honoured up to 2 min, robots.txt trusted for 24 h, an unreadable one blocks the host for 30
   * min.
   */
  public static Politeness defaults() {
    return new Politeness(
        Duration.ofSeconds(1),
        8,
        3,
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        Duration.ofMinutes(2),
        Duration.ofHours(24),
        Duration.ofMinutes(30),
        true);
  }

  public Politeness withMinHostDelay(Duration value) {
    return new Politeness(
        value,
        maxConcurrency,
        maxRetries,
        backoffBase,
        backoffMax,
        maxRetryAfter,
        robotsTtl,
        robotsFailureTtl,
        obeyRobots);
  }

  public Politeness withMaxConcurrency(int value) {
    return new Politeness(
        minHostDelay,
        value,
        maxRetries,
        backoffBase,
        backoffMax,
        maxRetryAfter,
        robotsTtl,
        robotsFailureTtl,
        obeyRobots);
  }

  public Politeness withRetries(
      int retries, Duration base, Duration max, Duration maxRetryAfterWait) {
    return new Politeness(
        minHostDelay,
        maxConcurrency,
        retries,
        base,
        max,
        maxRetryAfterWait,
        robotsTtl,
        robotsFailureTtl,
        obeyRobots);
  }

  public Politeness withObeyRobots(boolean value) {
    return new Politeness(
        minHostDelay,
        maxConcurrency,
        maxRetries,
        backoffBase,
        backoffMax,
        maxRetryAfter,
        robotsTtl,
        robotsFailureTtl,
        value);
  }
}
