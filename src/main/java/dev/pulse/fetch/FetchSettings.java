package dev.pulse.fetch;

import dev.pulse.fetch.FetchRequest.Kind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link HttpFetcher} talks HTTP. Start from {@link #defaults()} and change what you need with
 * the {@code with...} methods.
 *
 * @param userAgent the User-Agent header; its first token (before {@code /}) is the robots.txt
 *     agent
 * @param connectTimeout time allowed to open the TCP/TLS connection
 * @param readTimeout time allowed from sending a request to receiving the response headers
 * @param deadline overall time for one fetch, redirects and body included; cuts off trickling
 *     servers
 * @param maxBodyBytes the largest body accepted, checked while reading and again after
 *     decompression
 * @param maxRedirects the most redirects followed for one fetch
 * @param acceptedTypes media types (lower case, no parameters) accepted per kind; an empty set
 *     accepts any type
 * @param allow hosts (exact names, e.g. {@code localhost}) and addresses or CIDR ranges (e.g.
 *     {@code 127.0.0.1}, {@code 10.1.0.0/16}, {@code ::1}) that the safety guard lets through
 *     although they are loopback, private or link-local
 */
public record FetchSettings(
    String userAgent,
    Duration connectTimeout,
    Duration readTimeout,
    Duration deadline,
    long maxBodyBytes,
    int maxRedirects,
    Map<Kind, Set<String>> acceptedTypes,
    List<String> allow) {

  public static final String DEFAULT_USER_AGENT =
      "Pulse/0.1 (+https://github.com/pulse-news/pulse)";

  public static final Set<String> PAGE_TYPES = Set.of("text/html", "application/xhtml+xml");

  public static final Set<String> FEED_TYPES =
      Set.of(
          "application/rss+xml",
          "application/atom+xml",
          "application/rdf+xml",
          "application/xml",
          "text/xml",
          "application/feed+json",
          "application/json",
          "text/plain", // text sitemaps
          "application/gzip", // sitemap.xml.gz served as a file
          "application/x-gzip");

  public FetchSettings {
    if (userAgent == null || userAgent.isBlank()) {
      throw new IllegalArgumentException("a User-Agent is required");
    }
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(readTimeout, "readTimeout");
    requirePositive(deadline, "deadline");
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive");
    }
    if (maxRedirects < 0) {
      throw new IllegalArgumentException("maxRedirects must not be negative");
    }
    Map<Kind, Set<String>> types = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      Set<String> given = acceptedTypes == null ? null : acceptedTypes.get(kind);
      types.put(kind, given == null ? Set.of() : Set.copyOf(given));
    }
    acceptedTypes = Map.copyOf(types);
    allow = allow == null ? List.of() : List.copyOf(allow);
    for (String entry : allow) {
      if (Cidr.looksLikeAddress(entry)) {
        Cidr.parse(entry); // throws for a bad address or prefix
      } else if (!entry.strip().matches("[A-Za-z0-9_.-]+")) {
        throw new IllegalArgumentException(
            "allow: '" + entry + "' is neither a host name nor an address or CIDR range");
      }
    }
  }

  /**
   * 10 s connect, 20 s to headers, 60 s overall, 5 MB, 5 redirects, nothing allowed past the guard.
   */
  public static FetchSettings defaults() {
    return new FetchSettings(
        DEFAULT_USER_AGENT,
        Duration.ofSeconds(10),
        Duration.ofSeconds(20),
        Duration.ofSeconds(60),
        5L * 1024 * 1024,
        5,
        Map.of(Kind.PAGE, PAGE_TYPES, Kind.FEED, FEED_TYPES, Kind.ROBOTS, Set.of()),
        List.of());
  }

  public FetchSettings withUserAgent(String value) {
    return new FetchSettings(
        value,
        connectTimeout,
        readTimeout,
        deadline,
        maxBodyBytes,
        maxRedirects,
        acceptedTypes,
        allow);
  }

  public FetchSettings withTimeouts(Duration connect, Duration read, Duration overall) {
    return new FetchSettings(
        userAgent, connect, read, overall, maxBodyBytes, maxRedirects, acceptedTypes, allow);
  }

  public FetchSettings withMaxBodyBytes(long value) {
    return new FetchSettings(
        userAgent,
        connectTimeout,
        readTimeout,
        deadline,
        value,
        maxRedirects,
        acceptedTypes,
        allow);
  }

  public FetchSettings withMaxRedirects(int value) {
    return new FetchSettings(
        userAgent,
        connectTimeout,
        readTimeout,
        deadline,
        maxBodyBytes,
        value,
        acceptedTypes,
        allow);
  }

  /** Lets these hosts, addresses or CIDR ranges past the safety guard (replaces the list). */
  public FetchSettings withAllow(List<String> value) {
    return new FetchSettings(
        userAgent,
        connectTimeout,
        readTimeout,
        deadline,
        maxBodyBytes,
        maxRedirects,
        acceptedTypes,
        value);
  }

  /** The robots.txt product token: the User-Agent's first word, lower case ("pulse"). */
  public String robotsAgent() {
    String token = userAgent.strip().split("[/\\s]", 2)[0];
    return token.toLowerCase(java.util.Locale.ROOT);
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
