package dev.pulse.source;

import dev.pulse.fetch.FetchException;
import dev.pulse.fetch.FetchRequest;
import dev.pulse.fetch.FetchResult;
import dev.pulse.fetch.Fetcher;
import dev.pulse.fetch.ValidatorStore;
import dev.pulse.identity.UrlCanonicalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovers articles from feeds (RSS, Atom, JSON Feed), sitemaps (plain, index, news), HTML pages
 * naming a feed, and fixed URL lists. Fetching goes through the given {@link Fetcher}; parsing is
 * pure. Items are resolved against the document URL, checked (absolute http/https), de-duplicated
 * (by canonical URL, keeping the first item's URL as given), sorted newest first (undated items
 * keep their order, after dated ones), cut by the source's lookback and max items. Never throws for
 * a bad source: each failure is a {@link Discovery.Problem}.
 *
 * <p>With a {@link ValidatorStore}, feeds and sitemaps are fetched conditionally: a 304 gives no
 * items and no parsing. The validators of a document that parsed cleanly are returned in the {@link
 * Discovery}, not saved: the caller saves them once the items are durable.
 */
public final class FeedSourceDiscoverer implements SourceDiscoverer {

  private static final Logger log = LoggerFactory.getLogger(FeedSourceDiscoverer.class);

  /** At most this many child sitemaps are fetched from one sitemap index per run. */
  static final int MAX_CHILD_SITEMAPS = 10;

  private final UrlCanonicalizer canonicalizer;
  private final Fetcher fetcher;
  private final ValidatorStore validators;
  private final Clock clock;

  public FeedSourceDiscoverer(Fetcher fetcher) {
    this(fetcher, ValidatorStore.none(), Clock.systemUTC());
  }

  public FeedSourceDiscoverer(Fetcher fetcher, ValidatorStore validators, Clock clock) {
    this(fetcher, validators, clock, UrlCanonicalizer.defaults());
  }

  /**
   * @param canonicalizer decides which item links are the same article (with the configured
   *     tracking parameters)
   */
  public FeedSourceDiscoverer(
      Fetcher fetcher, ValidatorStore validators, Clock clock, UrlCanonicalizer canonicalizer) {
    this.canonicalizer = canonicalizer;
    this.fetcher = fetcher;
    this.validators = validators;
    this.clock = clock;
  }

  @Override
  public Discovery discover(SourceConfig source) {
    List<SourceItem> found = new ArrayList<>();
    List<Discovery.Problem> problems = new ArrayList<>();
    Map<String, ValidatorStore.Validators> read = new LinkedHashMap<>();
    boolean[] unchanged = {false};
    try {
      switch (source.type()) {
        case FEED -> unchanged[0] = feed(source.url(), found, problems, read);
        case SITEMAP -> unchanged[0] = sitemap(source.url(), found, problems, read);
        case PAGE -> unchanged[0] = page(source.url(), found, problems, read);
        case URLS -> source.urls().forEach(u -> found.add(new SourceItem(u, null, null)));
      }
    } catch (RuntimeException e) {
      // A bug or a surprise in a library must not take the run down.
      log.warn("discovery of source '{}' failed unexpectedly", source.name(), e);
      problems.add(
          new Discovery.Problem(
              source.url() == null ? source.name() : source.url(),
              "discover-error",
              FeedParser.oneLine(e)));
    }
    return select(source, found, problems, unchanged[0], read);
  }

  /** Returns true when the feed answered 304. */
  private boolean feed(
      String url,
      List<SourceItem> found,
      List<Discovery.Problem> problems,
      Map<String, ValidatorStore.Validators> read) {
    FetchResult result = fetch(url, problems);
    if (result == null || result.notModified()) {
      return result != null;
    }
    Parsed parsed =
        FeedParser.parse(result.finalUrl(), result.body(), result.contentType(), result.charset());
    collect(result.finalUrl(), parsed, found, problems);
    remember(url, result, parsed, read);
    return false;
  }

  /** Returns true when the sitemap (the index, for an index) answered 304. */
  private boolean sitemap(
      String url,
      List<SourceItem> found,
      List<Discovery.Problem> problems,
      Map<String, ValidatorStore.Validators> read) {
    Deque<String> queue = new ArrayDeque<>(List.of(url));
    int fetchedChildren = 0;
    boolean unchanged = false;
    while (!queue.isEmpty()) {
      String next = queue.poll();
      FetchResult result = fetch(next, problems);
      if (result == null || result.notModified()) {
        unchanged |= result != null && next.equals(url);
        continue;
      }
      SitemapReader.Page page =
          SitemapReader.parse(result.finalUrl(), result.body(), result.contentType());
      collect(result.finalUrl(), page.parsed(), found, problems);
      remember(next, result, page.parsed(), read);
      for (String child : page.children()) {
        if (fetchedChildren++ < MAX_CHILD_SITEMAPS) {
          queue.add(child);
        }
      }
    }
    return unchanged;
  }

  /** Returns true when the feed the page names answered 304. */
  private boolean page(
      String url,
      List<SourceItem> found,
      List<Discovery.Problem> problems,
      Map<String, ValidatorStore.Validators> read) {
    FetchResult result = fetch(FetchRequest.page(url), problems);
    if (result == null) {
      return false;
    }
    List<String> feeds = FeedLinks.find(result.text(), result.finalUrl());
    if (feeds.isEmpty()) {
      problems.add(
          new Discovery.Problem(url, "no-feed", "the page names no RSS, Atom or JSON feed"));
      return false;
    }
    log.debug("page {} names feed {}", url, feeds.get(0));
    return feed(feeds.get(0), found, problems, read);
  }

  private @Nullable FetchResult fetch(String url, List<Discovery.Problem> problems) {
    ValidatorStore.Validators known = validators.get(url);
    FetchRequest request = FetchRequest.feed(url);
    return fetch(known == null ? request : known.apply(request), problems);
  }

  private @Nullable FetchResult fetch(FetchRequest request, List<Discovery.Problem> problems) {
    try {
      FetchResult result = fetcher.fetch(request);
      if (result.notModified()) {
        log.debug("{} unchanged since the last run", request.url());
      }
      return result;
    } catch (FetchException e) {
      problems.add(new Discovery.Problem(request.url(), e.reason(), e.detailFor(request.url())));
      return null;
    }
  }

  private static void remember(
      String url, FetchResult result, Parsed parsed, Map<String, ValidatorStore.Validators> read) {
    boolean clean = parsed.problems().stream().noneMatch(p -> p.reason().startsWith("bad-"));
    ValidatorStore.Validators v = ValidatorStore.Validators.of(result);
    if (clean && v != null) {
      read.put(url, v);
    }
  }

  private static void collect(
      String base, Parsed parsed, List<SourceItem> found, List<Discovery.Problem> problems) {
    problems.addAll(parsed.problems());
    for (SourceItem item : parsed.items()) {
      found.add(new SourceItem(resolve(base, item.url()), item.title(), item.published()));
    }
  }

  /** Resolves a relative item link against its document; leaves anything unresolvable as it was. */
  private static @Nullable String resolve(String base, @Nullable String link) {
    if (link == null) {
      return null;
    }
    try {
      return new URI(base).resolve(new URI(link.strip().replace(" ", "%20"))).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return link;
    }
  }

  private Discovery select(
      SourceConfig source,
      List<SourceItem> found,
      List<Discovery.Problem> problems,
      boolean unchanged,
      Map<String, ValidatorStore.Validators> read) {
    OffsetDateTime cutoff =
        source.lookback() == null ? null : OffsetDateTime.now(clock).minus(source.lookback());
    Map<String, SourceItem> unique = new LinkedHashMap<>();
    int merged = 0;
    for (SourceItem item : found) {
      String problem = invalid(item.url());
      if (problem != null) {
        String where =
            item.url() == null
                ? (item.title() == null ? "an item" : "item '" + item.title() + "'")
                : item.url();
        problems.add(
            new Discovery.Problem(
                item.url() == null ? String.valueOf(source.url()) : item.url(),
                "invalid-url",
                where + ": " + problem));
      } else if (cutoff == null || item.published() == null || !item.published().isBefore(cutoff)) {
        if (unique.putIfAbsent(dedupKey(item.url()), item) != null) {
          merged++;
        }
      }
    }
    List<DiscoveredItem> items =
        unique.values().stream()
            .sorted(
                Comparator.comparing(
                    SourceItem::published, Comparator.nullsLast(Comparator.reverseOrder())))
            .limit(source.maxItems())
            .map(
                i ->
                    new DiscoveredItem(
                        i.url(), i.title(), i.published(), source.name(), source.category()))
            .toList();
    return new Discovery(source, items, problems, unchanged, read, merged);
  }

  /** Items that differ only by tracking parameters, fragment or case of host are one item. */
  private String dedupKey(String url) {
    try {
      return canonicalizer.canonicalize(url);
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  /** Why this is not a fetchable article URL, or null if it is one. */
  static @Nullable String invalid(@Nullable String url) {
    if (url == null || url.isBlank()) {
      return "no link";
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return "not an http(s) URL";
      }
      if (uri.getHost() == null || uri.getHost().isBlank()) {
        return "no host";
      }
      return null;
    } catch (URISyntaxException e) {
      return "not a valid URL (" + e.getReason() + ")";
    }
  }
}
