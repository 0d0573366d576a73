package dev.pulse.fetch;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How {@link PoliteFetcher} treats the sites it visits.
 *
 * <p>Start from {@link #defaults()} and change what you need by name ({@code
 * toBuilder().maxRetries(1).build()} or a {@code with...} method): there is no positional
 * constructor, so two durations cannot be swapped by accident.
 */
public final class Politeness {

  /**
   * 1 s between requests to a host, 8 hosts at once, 3 retries from 1 s up to 30 s, Retry-After
   * honoured up to 2 min, robots.txt trusted for 24 h, an unreadable one blocks the host for 30
   * min.
   */
  public static Politeness defaults() {
    return new Builder()
        .minHostDelay(Duration.ofSeconds(1))
        .maxConcurrency(8)
        .maxRetries(3)
        .backoffBase(Duration.ofSeconds(1))
        .backoffMax(Duration.ofSeconds(30))
        .maxRetryAfter(Duration.ofMinutes(2))
        .robotsTtl(Duration.ofHours(24))
        .robotsFailureTtl(Duration.ofMinutes(30))
        .obeyRobots(true)
        .build();
  }

  public Politeness withMinHostDelay(Duration value) {
    return toBuilder().minHostDelay(value).build();
  }

  public Politeness withMaxConcurrency(int value) {
    return toBuilder().maxConcurrency(value).build();
  }

  public Politeness withRetries(
      int retries, Duration base, Duration max, Duration maxRetryAfterWait) {
    return toBuilder()
        .maxRetries(retries)
        .backoffBase(base)
        .backoffMax(max)
        .maxRetryAfter(maxRetryAfterWait)
        .build();
  }

  public Politeness withObeyRobots(boolean value) {
    return toBuilder().obeyRobots(value).build();
  }

  private final Duration minHostDelay;
  private final int maxConcurrency;
  private final int maxRetries;
  private final Duration backoffBase;
  private final Duration backoffMax;
  private final Duration maxRetryAfter;
  private final Duration robotsTtl;
  private final Duration robotsFailureTtl;
  private final boolean obeyRobots;

  private Politeness(Builder b) {
    Duration minHostDelay = b.minHostDelay;
    int maxConcurrency = b.maxConcurrency;
    int maxRetries = b.maxRetries;
    Duration backoffBase = b.backoffBase;
    Duration backoffMax = b.backoffMax;
    Duration maxRetryAfter = b.maxRetryAfter;
    Duration robotsTtl = b.robotsTtl;
    Duration robotsFailureTtl = b.robotsFailureTtl;
    boolean obeyRobots = b.obeyRobots;
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
    this.minHostDelay = minHostDelay;
    this.maxConcurrency = maxConcurrency;
    this.maxRetries = maxRetries;
    this.backoffBase = backoffBase;
    this.backoffMax = backoffMax;
    this.maxRetryAfter = maxRetryAfter;
    this.robotsTtl = robotsTtl;
    this.robotsFailureTtl = robotsFailureTtl;
    this.obeyRobots = obeyRobots;
  }

  /**
   * Least time between the end of one request to a host and the start of the next (a robots.txt
   * Crawl-delay that is longer wins).
   */
  public Duration minHostDelay() {
    return minHostDelay;
  }

  /** Requests in flight at once across all hosts (one per host at most). */
  public int maxConcurrency() {
    return maxConcurrency;
  }

  /**
   * Further attempts after a passing fault (connection error, timeout, 429, 502, 503, 504); 0
   * disables retries.
   */
  public int maxRetries() {
    return maxRetries;
  }

  /** The first retry's wait; each further retry doubles it, with jitter. */
  public Duration backoffBase() {
    return backoffBase;
  }

  /** The longest computed backoff. */
  public Duration backoffMax() {
    return backoffMax;
  }

  /**
   * The longest Retry-After (or backoff) worth waiting for within a run; a longer one fails the
   * fetch at once, to be tried on a later run.
   */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** How long a robots.txt (or its absence, 4xx) is trusted. */
  public Duration robotsTtl() {
    return robotsTtl;
  }

  /**
   * How long a host whose robots.txt could not be read (5xx, unreachable) is treated as disallowing
   * everything.
   */
  public Duration robotsFailureTtl() {
    return robotsFailureTtl;
  }

  /** False only for tests and for sources the operator owns. */
  public boolean obeyRobots() {
    return obeyRobots;
  }

  /** A builder holding these settings, to change some by name. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Politeness other
        && Objects.equals(minHostDelay, other.minHostDelay)
        && maxConcurrency == other.maxConcurrency
        && maxRetries == other.maxRetries
        && Objects.equals(backoffBase, other.backoffBase)
        && Objects.equals(backoffMax, other.backoffMax)
        && Objects.equals(maxRetryAfter, other.maxRetryAfter)
        && Objects.equals(robotsTtl, other.robotsTtl)
        && Objects.equals(robotsFailureTtl, other.robotsFailureTtl)
        && obeyRobots == other.obeyRobots;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        minHostDelay,
        maxConcurrency,
        maxRetries,
        backoffBase,
        backoffMax,
        maxRetryAfter,
        robotsTtl,
        robotsFailureTtl,
        obeyRobots);
  }

  @Override
  public String toString() {
    return "Politeness["
        + "minHostDelay="
        + minHostDelay
        + ", maxConcurrency="
        + maxConcurrency
        + ", maxRetries="
        + maxRetries
        + ", backoffBase="
        + backoffBase
        + ", backoffMax="
        + backoffMax
        + ", maxRetryAfter="
        + maxRetryAfter
        + ", robotsTtl="
        + robotsTtl
        + ", robotsFailureTtl="
        + robotsFailureTtl
        + ", obeyRobots="
        + obeyRobots
        + "]";
  }

  /** Politeness by name; {@link #build()} checks them. */
  public static final class Builder {
    private @Nullable Duration minHostDelay;
    private int maxConcurrency;
    private int maxRetries;
    private @Nullable Duration backoffBase;
    private @Nullable Duration backoffMax;
    private @Nullable Duration maxRetryAfter;
    private @Nullable Duration robotsTtl;
    private @Nullable Duration robotsFailureTtl;
    private boolean obeyRobots;

    private Builder() {}

    private Builder(Politeness s) {
      this.minHostDelay = s.minHostDelay;
      this.maxConcurrency = s.maxConcurrency;
      this.maxRetries = s.maxRetries;
      this.backoffBase = s.backoffBase;
      this.backoffMax = s.backoffMax;
      this.maxRetryAfter = s.maxRetryAfter;
      this.robotsTtl = s.robotsTtl;
      this.robotsFailureTtl = s.robotsFailureTtl;
      this.obeyRobots = s.obeyRobots;
    }

    public Builder minHostDelay(Duration value) {
      this.minHostDelay = value;
      return this;
    }

    public Builder maxConcurrency(int value) {
      this.maxConcurrency = value;
      return this;
    }

    public Builder maxRetries(int value) {
      this.maxRetries = value;
      return this;
    }

    public Builder backoffBase(Duration value) {
      this.backoffBase = value;
      return this;
    }

    public Builder backoffMax(Duration value) {
      this.backoffMax = value;
      return this;
    }

    public Builder maxRetryAfter(Duration value) {
      this.maxRetryAfter = value;
      return this;
    }

    public Builder robotsTtl(Duration value) {
      this.robotsTtl = value;
      return this;
    }

    public Builder robotsFailureTtl(Duration value) {
      this.robotsFailureTtl = value;
      return this;
    }

    public Builder obeyRobots(boolean value) {
      this.obeyRobots = value;
      return this;
    }

    /**
     * @throws IllegalArgumentException when a value is out of range
     */
    public Politeness build() {
      return new Politeness(this);
    }
  }
}
