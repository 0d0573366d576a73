package dev.pulse.source;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One configured source, as written in {@code sources.yml}.
 *
 * @param name a short name shown in reports and on pages
 * @param type how to discover articles from it
 * @param url the feed, sitemap or page URL (null for {@link Type#URLS})
 * @param urls article URLs (for {@link Type#URLS}; empty otherwise). Null is read as empty: the
 *     accessor never returns null
 * @param category a default category hint, or null
 * @param maxItems at most this many items per run (≥ 1)
 * @param lookback ignore items published longer ago than this; null for no limit
 * @param schedule when {@code pulse worker} discovers it (5-field cron, UTC); null for the worker's
 *     default
 */
public record SourceConfig(
    String name,
    Type type,
    @Nullable String url,
    @Nullable List<String> urls,
    @Nullable String category,
    int maxItems,
    @Nullable Duration lookback,
    @Nullable String schedule) {

  /** How a source lists its articles. */
  public enum Type {
    /** RSS, Atom or JSON Feed. */
    FEED,
    /** A sitemap, sitemap index or news sitemap. */
    SITEMAP,
    /** An HTML page whose {@code <link rel="alternate">} names a feed. */
    PAGE,
    /** A fixed list of article URLs. */
    URLS
  }

  public static final int DEFAULT_MAX_ITEMS = 50;

  public SourceConfig {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a source needs a name");
    }
    Objects.requireNonNull(type, "type");
    urls = urls == null ? List.of() : List.copyOf(urls);
    if (type == Type.URLS ? urls.isEmpty() : (url == null || url.isBlank())) {
      throw new IllegalArgumentException(
          "source '" + name + "' needs " + (type == Type.URLS ? "a list of urls" : "a url"));
    }
    if (maxItems < 1) {
      throw new IllegalArgumentException("source '" + name + "': max_items must be at least 1");
    }
  }

  /** A source on the worker's default schedule. */
  public SourceConfig(
      String name,
      Type type,
      @Nullable String url,
      @Nullable List<String> urls,
      @Nullable String category,
      int maxItems,
      @Nullable Duration lookback) {
    this(name, type, url, urls, category, maxItems, lookback, null);
  }

  public static SourceConfig feed(String name, String url) {
    return new SourceConfig(name, Type.FEED, url, List.of(), null, DEFAULT_MAX_ITEMS, null);
  }
}
