package dev.pulse.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.fetch.FetchSettings;
import dev.pulse.fetch.Politeness;
import dev.pulse.retry.Breaker;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code fetch:} section of the configuration file into {@link FetchSettings} and {@link
 * Politeness}. Every key is optional; an unknown key or a bad value is a {@link ConfigException}
 * naming it (read through {@link Section}). Pure.
 *
 * <pre>
 * fetch:
 *   allow: [127.0.0.1, 10.1.0.0/16, intranet.example]   # past the safety guard
 *   connect_timeout: 10s
 *   read_timeout: 20s          # until the response headers
 *   deadline: 60s              # the whole fetch, redirects and body included
 *   max_body: 5MB
 *   max_redirects: 5
 *   min_host_delay: 1s
 *   max_concurrency: 8
 *   retries: 3
 *   backoff: 1s
 *   max_backoff: 30s
 *   max_retry_after: 2m
 *   robots_ttl: 24h
 *   robots_failure_ttl: 30m
 *   obey_robots: true
 *   tracking_params: [ref]     # dropped from URLs, in addition to the built-in list
 *   breaker_failures: 3        # consecutive timeouts/5xx/refused connections from one host ...
 *   breaker_cool_down: 5m      # ... before its items are queued for this long
 * </pre>
 */
public final class FetchConfig {

  private static final Set<String> KEYS =
      Set.of(
          "allow",
          "connect_timeout",
          "read_timeout",
          "deadline",
          "max_body",
          "max_redirects",
          "min_host_delay",
          "max_concurrency",
          "retries",
          "backoff",
          "max_backoff",
          "max_retry_after",
          "robots_ttl",
          "robots_failure_ttl",
          "obey_robots",
          "tracking_params",
          "breaker_failures",
          "breaker_cool_down");

  private FetchConfig() {}

  /**
   * The HTTP settings: defaults, overridden by the section; the user agent comes from the top
   * level.
   */
  public static FetchSettings settings(@Nullable JsonNode fetch, @Nullable String userAgent) {
    Section f = section(fetch);
    FetchSettings d = FetchSettings.defaults();
    try {
      return d.toBuilder()
          .userAgent(userAgent == null || userAgent.isBlank() ? d.userAgent() : userAgent)
          .connectTimeout(f.duration("connect_timeout", d.connectTimeout()))
          .readTimeout(f.duration("read_timeout", d.readTimeout()))
          .deadline(f.duration("deadline", d.deadline()))
          .maxBodyBytes(f.size("max_body", d.maxBodyBytes()))
          .maxRedirects(f.integer("max_redirects", d.maxRedirects()))
          .allow(f.strings("allow"))
          .build();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("fetch: " + e.getMessage(), e);
    }
  }

  /** The politeness settings: defaults, overridden by the section. */
  public static Politeness politeness(@Nullable JsonNode fetch) {
    Section f = section(fetch);
    Politeness d = Politeness.defaults();
    try {
      return d.toBuilder()
          .minHostDelay(f.duration("min_host_delay", d.minHostDelay()))
          .maxConcurrency(f.integer("max_concurrency", d.maxConcurrency()))
          .maxRetries(f.integer("retries", d.maxRetries()))
          .backoffBase(f.duration("backoff", d.backoffBase()))
          .backoffMax(f.duration("max_backoff", d.backoffMax()))
          .maxRetryAfter(f.duration("max_retry_after", d.maxRetryAfter()))
          .robotsTtl(f.duration("robots_ttl", d.robotsTtl()))
          .robotsFailureTtl(f.duration("robots_failure_ttl", d.robotsFailureTtl()))
          .obeyRobots(f.bool("obey_robots", d.obeyRobots()))
          .build();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("fetch: " + e.getMessage(), e);
    }
  }

  /**
   * Extra query parameters to drop from URLs ({@code tracking_params}), for the URL canonicaliser.
   */
  public static List<String> trackingParams(@Nullable JsonNode fetch) {
    return section(fetch).strings("tracking_params");
  }

  /**
   * When one host that keeps failing (timeouts, 5xx, refused connections) is left alone, and for
   * how long ({@code breaker_failures}, {@code breaker_cool_down}).
   */
  public static Breaker.Policy hostBreaker(@Nullable JsonNode fetch) {
    return section(fetch).breaker(Breaker.Policy.DEFAULT);
  }

  private static Section section(@Nullable JsonNode fetch) {
    return Section.of("fetch", fetch).requireKnown(KEYS);
  }
}
