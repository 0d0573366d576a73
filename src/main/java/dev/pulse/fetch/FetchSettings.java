package dev.pulse.fetch;

import dev.pulse.fetch.FetchRequest.Kind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How {@link HttpFetcher} talks HTTP.
 *
 * <p>Start from {@link #defaults()} and change what you need by name ({@code
 * toBuilder().maxRedirects(3).build()} or a {@code with...} method): there is no positional
 * constructor, so two timeouts cannot be swapped by accident.
 */
public final class FetchSettings {

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

  /**
   * 10 s connect, 20 s to headers, 60 s overall, 5 MB, 5 redirects, nothing allowed past the guard.
   */
  public static FetchSettings defaults() {
    return new Builder()
        .userAgent(DEFAULT_USER_AGENT)
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(20))
        .deadline(Duration.ofSeconds(60))
        .maxBodyBytes(5L * 1024 * 1024)
        .maxRedirects(5)
        .acceptedTypes(Map.of(Kind.PAGE, PAGE_TYPES, Kind.FEED, FEED_TYPES, Kind.ROBOTS, Set.of()))
        .allow(List.of())
        .build();
  }

  public FetchSettings withUserAgent(String value) {
    return toBuilder().userAgent(value).build();
  }

  public FetchSettings withTimeouts(Duration connect, Duration read, Duration overall) {
    return toBuilder().connectTimeout(connect).readTimeout(read).deadline(overall).build();
  }

  public FetchSettings withMaxBodyBytes(long value) {
    return toBuilder().maxBodyBytes(value).build();
  }

  public FetchSettings withMaxRedirects(int value) {
    return toBuilder().maxRedirects(value).build();
  }

  /** Lets these hosts, addresses or CIDR ranges past the safety guard (replaces the list). */
  public FetchSettings withAllow(List<String> value) {
    return toBuilder().allow(value).build();
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

  private final String userAgent;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration deadline;
  private final long maxBodyBytes;
  private final int maxRedirects;
  private final Map<Kind, Set<String>> acceptedTypes;
  private final List<String> allow;

  private FetchSettings(Builder b) {
    String userAgent = b.userAgent;
    Duration connectTimeout = b.connectTimeout;
    Duration readTimeout = b.readTimeout;
    Duration deadline = b.deadline;
    long maxBodyBytes = b.maxBodyBytes;
    int maxRedirects = b.maxRedirects;
    Map<Kind, Set<String>> acceptedTypes = b.acceptedTypes;
    List<String> allow = b.allow;
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
    this.userAgent = userAgent;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.deadline = deadline;
    this.maxBodyBytes = maxBodyBytes;
    this.maxRedirects = maxRedirects;
    this.acceptedTypes = acceptedTypes;
    this.allow = allow;
  }

  /** The User-Agent header; its first token (before {@code /}) is the robots.txt agent. */
  public String userAgent() {
    return userAgent;
  }

  /** Time allowed to open the TCP/TLS connection. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Time allowed from sending a request to receiving the response headers. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** Overall time for one fetch, redirects and body included; cuts off trickling servers. */
  public Duration deadline() {
    return deadline;
  }

  /** The largest body accepted, checked while reading and again after decompression. */
  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /** The most redirects followed for one fetch. */
  public int maxRedirects() {
    return maxRedirects;
  }

  /** Media types (lower case, no parameters) accepted per kind; an empty set accepts any type. */
  public Map<Kind, Set<String>> acceptedTypes() {
    return acceptedTypes;
  }

  /**
   * Hosts (exact names, e.g. {@code localhost}) and addresses or CIDR ranges (e.g. {@code
   * 127.0.0.1}, {@code 10.1.0.0/16}, {@code ::1}) that the safety guard lets through although they
   * are loopback, private or link-local.
   */
  public List<String> allow() {
    return allow;
  }

  /** A builder holding these settings, to change some by name. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FetchSettings other
        && Objects.equals(userAgent, other.userAgent)
        && Objects.equals(connectTimeout, other.connectTimeout)
        && Objects.equals(readTimeout, other.readTimeout)
        && Objects.equals(deadline, other.deadline)
        && maxBodyBytes == other.maxBodyBytes
        && maxRedirects == other.maxRedirects
        && Objects.equals(acceptedTypes, other.acceptedTypes)
        && Objects.equals(allow, other.allow);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        userAgent,
        connectTimeout,
        readTimeout,
        deadline,
        maxBodyBytes,
        maxRedirects,
        acceptedTypes,
        allow);
  }

  @Override
  public String toString() {
    return "FetchSettings["
        + "userAgent="
        + userAgent
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", deadline="
        + deadline
        + ", maxBodyBytes="
        + maxBodyBytes
        + ", maxRedirects="
        + maxRedirects
        + ", acceptedTypes="
        + acceptedTypes
        + ", allow="
        + allow
        + "]";
  }

  /** FetchSettings by name; {@link #build()} checks them. */
  public static final class Builder {
    private @Nullable String userAgent;
    private @Nullable Duration connectTimeout;
    private @Nullable Duration readTimeout;
    private @Nullable Duration deadline;
    private long maxBodyBytes;
    private int maxRedirects;
    private @Nullable Map<Kind, Set<String>> acceptedTypes;
    private @Nullable List<String> allow;

    private Builder() {}

    private Builder(FetchSettings s) {
      this.userAgent = s.userAgent;
      this.connectTimeout = s.connectTimeout;
      this.readTimeout = s.readTimeout;
      this.deadline = s.deadline;
      this.maxBodyBytes = s.maxBodyBytes;
      this.maxRedirects = s.maxRedirects;
      this.acceptedTypes = s.acceptedTypes;
      this.allow = s.allow;
    }

    public Builder userAgent(String value) {
      this.userAgent = value;
      return this;
    }

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = value;
      return this;
    }

    public Builder readTimeout(Duration value) {
      this.readTimeout = value;
      return this;
    }

    public Builder deadline(Duration value) {
      this.deadline = value;
      return this;
    }

    public Builder maxBodyBytes(long value) {
      this.maxBodyBytes = value;
      return this;
    }

    public Builder maxRedirects(int value) {
      this.maxRedirects = value;
      return this;
    }

    public Builder acceptedTypes(Map<Kind, Set<String>> value) {
      this.acceptedTypes = value;
      return this;
    }

    public Builder allow(List<String> value) {
      this.allow = value;
      return this;
    }

    /**
     * @throws IllegalArgumentException when a value is out of range
     */
    public FetchSettings build() {
      return new FetchSettings(this);
    }
  }
}
