package dev.pulse.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.fetch.FetchSettings;
import dev.pulse.fetch.Politeness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code fetch:} section of the configuration file into {@link FetchSettings} and {@link
 * Politeness}. Every key is optional; an unknown key or a bad value is an {@link
 * IllegalArgumentException} naming it. Pure.
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
 * </pre>
 */
public final class FetchConfig {

  private static final Set<String> KEYS =
      Set.of(
          "allow", "connect_timeout", "read_timeout", "deadline", "max_body", "max_redirects",
          "min_host_delay", "max_concurrency", "retries", "backoff", "max_backoff",
          "max_retry_after", "robots_ttl", "robots_failure_ttl", "obey_robots", "tracking_params");

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb)?");

  private FetchConfig() {}

  /** The HTTP settings: defaults, overridden by the section; the user agent comes from the top level. */
  public static FetchSettings settings(JsonNode fetch, String userAgent) {
    check(fetch);
    FetchSettings d = FetchSettings.defaults();
    return new FetchSettings(
        userAgent == null || userAgent.isBlank() ? d.userAgent() : userAgent,
        duration(fetch, "connect_timeout", d.connectTimeout()),
        duration(fetch, "read_timeout", d.readTimeout()),
        duration(fetch, "deadline", d.deadline()),
        size(fetch, "max_body", d.maxBodyBytes()),
        integer(fetch, "max_redirects", d.maxRedirects()),
        d.acceptedTypes(),
        strings(fetch, "allow"));
  }

  /** The politeness settings: defaults, overridden by the section. */
  public static Politeness politeness(JsonNode fetch) {
    check(fetch);
    Politeness d = Politeness.defaults();
    return new Politeness(
        duration(fetch, "min_host_delay", d.minHostDelay()),
        integer(fetch, "max_concurrency", d.maxConcurrency()),
        integer(fetch, "retries", d.maxRetries()),
        duration(fetch, "backoff", d.backoffBase()),
        duration(fetch, "max_backoff", d.backoffMax()),
        duration(fetch, "max_retry_after", d.maxRetryAfter()),
        duration(fetch, "robots_ttl", d.robotsTtl()),
        duration(fetch, "robots_failure_ttl", d.robotsFailureTtl()),
        fetch != null && fetch.has("obey_robots") ? bool(fetch, "obey_robots") : d.obeyRobots());
  }

  /** Extra query parameters to drop from URLs ({@code tracking_params}), for the URL canonicaliser. */
  public static List<String> trackingParams(JsonNode fetch) {
    check(fetch);
    return strings(fetch, "tracking_params");
  }

  private static void check(JsonNode fetch) {
    if (fetch == null || fetch.isMissingNode() || fetch.isNull()) {
      return;
    }
    if (!fetch.isObject()) {
      throw new IllegalArgumentException("fetch: must be a mapping");
    }
    for (Iterator<String> it = fetch.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("fetch: unknown key '" + key + "' (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
      }
    }
  }

  private static JsonNode value(JsonNode fetch, String key) {
    if (fetch == null || fetch.isMissingNode() || fetch.isNull()) {
      return null;
    }
    JsonNode v = fetch.get(key);
    return v == null || v.isNull() ? null : v;
  }

  static Duration duration(JsonNode fetch, String key, Duration fallback) {
    JsonNode v = value(fetch, key);
    if (v == null) {
      return fallback;
    }
    if (v.isIntegralNumber()) {
      return Duration.ofSeconds(v.asLong());
    }
    try {
      return PulseConfig.duration(v.asText());
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          "fetch." + key + ": '" + v.asText() + "' is not a duration like 500ms, 10s, 2m, 24h");
    }
  }

  private static long size(JsonNode fetch, String key, long fallback) {
    JsonNode v = value(fetch, key);
    if (v == null) {
      return fallback;
    }
    Matcher m = SIZE.matcher(v.asText().strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("fetch." + key + ": '" + v.asText() + "' is not a size like 5MB or 500KB");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2);
    return switch (unit) {
      case "kb" -> n * 1024;
      case "mb" -> n * 1024 * 1024;
      case "gb" -> n * 1024 * 1024 * 1024;
      default -> n;
    };
  }

  private static int integer(JsonNode fetch, String key, int fallback) {
    JsonNode v = value(fetch, key);
    if (v == null) {
      return fallback;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new IllegalArgumentException("fetch." + key + ": '" + v.asText() + "' is not a whole number");
    }
    return v.asInt();
  }

  private static boolean bool(JsonNode fetch, String key) {
    JsonNode v = value(fetch, key);
    if (v == null || !v.isBoolean()) {
      throw new IllegalArgumentException("fetch." + key + ": must be true or false");
    }
    return v.asBoolean();
  }

  private static List<String> strings(JsonNode fetch, String key) {
    JsonNode v = value(fetch, key);
    if (v == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(e -> out.add(e.asText().strip()));
    } else {
      for (String s : v.asText().split(",")) {
        out.add(s.strip());
      }
    }
    out.removeIf(String::isEmpty);
    return out;
  }
}
