package dev.pulse.publish;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the static site is rendered.
 *
 * <p>Start from {@link #defaults()} and change what you need by name ({@code
 * toBuilder().feedSize(20).build()} or a {@code with...} method): there is no positional
 * constructor, so two counts cannot be swapped by accident.
 */
public final class SiteSettings {

  /**
   * The default {@link #recommendationFloor}, for the bundled MiniLM vectors: on the BBC News and
   * AG News dev items it raises the share of recommendations in the entry's own category from 82%
   * to 91% (BBC) and 74% to 83% (AG News), keeping 3.1 and 2.5 per entry on average
   * (scripts/bench-recommendations.sh; docs/site.md).
   */
  public static final double RECOMMENDATION_FLOOR = 0.35;

  /**
   * "Pulse", 48 h trending window, system clock, UTC, 5 recommendations, 5 latest per category,
   * clustering at cosine 0.5: with the bundled MiniLM model, reports of one story score 0.5-0.75
   * against each other and unrelated news mostly below 0.4.
   */
  public static SiteSettings defaults() {
    return new Builder()
        .title("Pulse")
        .tagline("News, curated.")
        .baseUrl(null)
        .trendingWindow(Duration.ofHours(48))
        .clock(Clock.systemUTC())
        .zone(ZoneId.of("UTC"))
        .latestOnIndex(30)
        .pageSize(50)
        .feedSize(50)
        .recommendations(5)
        .recommendationFloor(RECOMMENDATION_FLOOR)
        .latestFromCategory(5)
        .clusterThreshold(0.5)
        .maxTrendingTopics(6)
        .images(true)
        .build();
  }

  public SiteSettings withTitle(String newTitle) {
    return toBuilder().title(newTitle).build();
  }

  public SiteSettings withTagline(String newTagline) {
    return toBuilder().tagline(newTagline).build();
  }

  public SiteSettings withBaseUrl(@Nullable String newBaseUrl) {
    return toBuilder().baseUrl(newBaseUrl).build();
  }

  public SiteSettings withTrendingWindow(Duration window) {
    return toBuilder().trendingWindow(window).build();
  }

  public SiteSettings withClock(Clock newClock) {
    return toBuilder().clock(newClock).build();
  }

  public SiteSettings withZone(ZoneId newZone) {
    return toBuilder().zone(newZone).build();
  }

  public SiteSettings withClusterThreshold(double threshold) {
    return toBuilder().clusterThreshold(threshold).build();
  }

  public SiteSettings withRecommendationFloor(double floor) {
    return toBuilder().recommendationFloor(floor).build();
  }

  public SiteSettings withImages(boolean show) {
    return toBuilder().images(show).build();
  }

  private static void positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1: " + value);
    }
  }

  private static @Nullable String normaliseBaseUrl(@Nullable String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String u = url.strip();
    URI uri;
    try {
      uri = URI.create(u);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("baseUrl is not a URL: " + url, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + url);
    }
    return u.endsWith("/") ? u : u + "/";
  }

  private final String title;
  private final String tagline;
  private final @Nullable String baseUrl;
  private final Duration trendingWindow;
  private final Clock clock;
  private final ZoneId zone;
  private final int latestOnIndex;
  private final int pageSize;
  private final int feedSize;
  private final int recommendations;
  private final double recommendationFloor;
  private final int latestFromCategory;
  private final double clusterThreshold;
  private final int maxTrendingTopics;
  private final boolean images;

  private SiteSettings(Builder b) {
    String title = b.title;
    String tagline = b.tagline;
    String baseUrl = b.baseUrl;
    Duration trendingWindow = b.trendingWindow;
    Clock clock = b.clock;
    ZoneId zone = b.zone;
    int latestOnIndex = b.latestOnIndex;
    int pageSize = b.pageSize;
    int feedSize = b.feedSize;
    int recommendations = b.recommendations;
    double recommendationFloor = b.recommendationFloor;
    int latestFromCategory = b.latestFromCategory;
    double clusterThreshold = b.clusterThreshold;
    int maxTrendingTopics = b.maxTrendingTopics;
    boolean images = b.images;
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("site title must not be blank");
    }
    tagline = tagline == null ? "" : tagline.strip();
    baseUrl = normaliseBaseUrl(baseUrl);
    Objects.requireNonNull(trendingWindow, "trendingWindow");
    if (trendingWindow.isNegative() || trendingWindow.isZero()) {
      throw new IllegalArgumentException("trending window must be positive: " + trendingWindow);
    }
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(zone, "zone");
    positive(latestOnIndex, "latestOnIndex");
    positive(pageSize, "pageSize");
    positive(feedSize, "feedSize");
    positive(recommendations, "recommendations");
    positive(latestFromCategory, "latestFromCategory");
    positive(maxTrendingTopics, "maxTrendingTopics");
    if (!(recommendationFloor >= -1 && recommendationFloor < 1)) {
      throw new IllegalArgumentException(
          "recommendationFloor must be in [-1, 1): " + recommendationFloor);
    }
    if (!(clusterThreshold > 0 && clusterThreshold < 1)) {
      throw new IllegalArgumentException("clusterThreshold must be in (0, 1): " + clusterThreshold);
    }
    this.title = title;
    this.tagline = tagline;
    this.baseUrl = baseUrl;
    this.trendingWindow = trendingWindow;
    this.clock = clock;
    this.zone = zone;
    this.latestOnIndex = latestOnIndex;
    this.pageSize = pageSize;
    this.feedSize = feedSize;
    this.recommendations = recommendations;
    this.recommendationFloor = recommendationFloor;
    this.latestFromCategory = latestFromCategory;
    this.clusterThreshold = clusterThreshold;
    this.maxTrendingTopics = maxTrendingTopics;
    this.images = images;
  }

  /** The site's name, shown in the header and feeds. */
  public String title() {
    return title;
  }

  /** One line under the title, may be empty. */
  public String tagline() {
    return tagline;
  }

  /**
   * Absolute http(s) URL where the site will be served, ending in "/", or null when unknown; pages
   * always link relatively (so they work over file:// and under any path), the base URL only makes
   * feed links and canonical links absolute.
   */
  public @Nullable String baseUrl() {
    return baseUrl;
  }

  /** How far back from {@code clock}'s now an entry counts for trending topics. */
  public Duration trendingWindow() {
    return trendingWindow;
  }

  /** The "now" of the render (trending window, "updated" times). */
  public Clock clock() {
    return clock;
  }

  /** The time zone dates are shown in. */
  public ZoneId zone() {
    return zone;
  }

  /** Entries listed on the index page. */
  public int latestOnIndex() {
    return latestOnIndex;
  }

  /** Entries per category or topic page. */
  public int pageSize() {
    return pageSize;
  }

  /** Entries per feed. */
  public int feedSize() {
    return feedSize;
  }

  /** Most "Recommended Readings" per entry (3-5 is the intended range). */
  public int recommendations() {
    return recommendations;
  }

  /**
   * Least cosine similarity a recommended entry needs; fewer (or none) are shown rather than less
   * similar ones (docs/site.md says how the default was measured).
   */
  public double recommendationFloor() {
    return recommendationFloor;
  }

  /** Most "Latest from category" entries per entry page. */
  public int latestFromCategory() {
    return latestFromCategory;
  }

  /** Cosine similarity an entry needs to a cluster's centroid to join it. */
  public double clusterThreshold() {
    return clusterThreshold;
  }

  /** Most trending topics shown. */
  public int maxTrendingTopics() {
    return maxTrendingTopics;
  }

  /** Whether entry pages show the article's lead image (hot-linked from its site). */
  public boolean images() {
    return images;
  }

  /** A builder holding these settings, to change some by name. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SiteSettings other
        && Objects.equals(title, other.title)
        && Objects.equals(tagline, other.tagline)
        && Objects.equals(baseUrl, other.baseUrl)
        && Objects.equals(trendingWindow, other.trendingWindow)
        && Objects.equals(clock, other.clock)
        && Objects.equals(zone, other.zone)
        && latestOnIndex == other.latestOnIndex
        && pageSize == other.pageSize
        && feedSize == other.feedSize
        && recommendations == other.recommendations
        && Double.compare(recommendationFloor, other.recommendationFloor) == 0
        && latestFromCategory == other.latestFromCategory
        && Double.compare(clusterThreshold, other.clusterThreshold) == 0
        && maxTrendingTopics == other.maxTrendingTopics
        && images == other.images;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        title,
        tagline,
        baseUrl,
        trendingWindow,
        clock,
        zone,
        latestOnIndex,
        pageSize,
        feedSize,
        recommendations,
        recommendationFloor,
        latestFromCategory,
        clusterThreshold,
        maxTrendingTopics,
        images);
  }

  @Override
  public String toString() {
    return "SiteSettings["
        + "title="
        + title
        + ", tagline="
        + tagline
        + ", baseUrl="
        + baseUrl
        + ", trendingWindow="
        + trendingWindow
        + ", clock="
        + clock
        + ", zone="
        + zone
        + ", latestOnIndex="
        + latestOnIndex
        + ", pageSize="
        + pageSize
        + ", feedSize="
        + feedSize
        + ", recommendations="
        + recommendations
        + ", recommendationFloor="
        + recommendationFloor
        + ", latestFromCategory="
        + latestFromCategory
        + ", clusterThreshold="
        + clusterThreshold
        + ", maxTrendingTopics="
        + maxTrendingTopics
        + ", images="
        + images
        + "]";
  }

  /** SiteSettings by name; {@link #build()} checks them. */
  public static final class Builder {
    private @Nullable String title;
    private @Nullable String tagline;
    private @Nullable String baseUrl;
    private @Nullable Duration trendingWindow;
    private @Nullable Clock clock;
    private @Nullable ZoneId zone;
    private int latestOnIndex;
    private int pageSize;
    private int feedSize;
    private int recommendations;
    private double recommendationFloor;
    private int latestFromCategory;
    private double clusterThreshold;
    private int maxTrendingTopics;
    private boolean images;

    private Builder() {}

    private Builder(SiteSettings s) {
      this.title = s.title;
      this.tagline = s.tagline;
      this.baseUrl = s.baseUrl;
      this.trendingWindow = s.trendingWindow;
      this.clock = s.clock;
      this.zone = s.zone;
      this.latestOnIndex = s.latestOnIndex;
      this.pageSize = s.pageSize;
      this.feedSize = s.feedSize;
      this.recommendations = s.recommendations;
      this.recommendationFloor = s.recommendationFloor;
      this.latestFromCategory = s.latestFromCategory;
      this.clusterThreshold = s.clusterThreshold;
      this.maxTrendingTopics = s.maxTrendingTopics;
      this.images = s.images;
    }

    public Builder title(String value) {
      this.title = value;
      return this;
    }

    public Builder tagline(@Nullable String value) {
      this.tagline = value;
      return this;
    }

    public Builder baseUrl(@Nullable String value) {
      this.baseUrl = value;
      return this;
    }

    public Builder trendingWindow(Duration value) {
      this.trendingWindow = value;
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    public Builder zone(ZoneId value) {
      this.zone = value;
      return this;
    }

    public Builder latestOnIndex(int value) {
      this.latestOnIndex = value;
      return this;
    }

    public Builder pageSize(int value) {
      this.pageSize = value;
      return this;
    }

    public Builder feedSize(int value) {
      this.feedSize = value;
      return this;
    }

    public Builder recommendations(int value) {
      this.recommendations = value;
      return this;
    }

    public Builder recommendationFloor(double value) {
      this.recommendationFloor = value;
      return this;
    }

    public Builder latestFromCategory(int value) {
      this.latestFromCategory = value;
      return this;
    }

    public Builder clusterThreshold(double value) {
      this.clusterThreshold = value;
      return this;
    }

    public Builder maxTrendingTopics(int value) {
      this.maxTrendingTopics = value;
      return this;
    }

    public Builder images(boolean value) {
      this.images = value;
      return this;
    }

    /**
     * @throws IllegalArgumentException when a value is out of range
     */
    public SiteSettings build() {
      return new SiteSettings(this);
    }
  }
}
