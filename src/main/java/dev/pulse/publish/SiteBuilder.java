package dev.pulse.publish;

import dev.pulse.publish.TrendingTopics.Topic;
import dev.pulse.publish.Views.Card;
import dev.pulse.publish.Views.EntryPage;
import dev.pulse.publish.Views.Link;
import dev.pulse.publish.Views.ListPage;
import dev.pulse.publish.Views.Pagination;
import dev.pulse.publish.Views.TopicView;
import dev.pulse.similar.EntryVectors;
import dev.pulse.similar.Vectors;
import dev.pulse.store.Entry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pure core of the renderer: entries in, files out through a {@link PageSink}. Holds no state
 * between builds; the sink is the only side effect.
 */
final class SiteBuilder {

  private static final Logger LOG = LoggerFactory.getLogger(SiteBuilder.class);
  private static final String SITE_ATOM = "feed.atom";
  private static final String SITE_JSON = "feed.json";
  static final String ABOUT = "about.html";

  /** Most topics listed in the side column of list pages. */
  private static final int SIDE_TAGS = 16;

  private final SiteSettings settings;
  private final EntryVectors vectors;
  private final TopicSummarizer summarizer;
  private final Templates templates;
  private final Map<String, String> originals;

  /**
   * @param originals original URL → site-relative path of a copy of that page kept inside the site
   *     (the demo's stand-in for the publisher); entries whose URL is not in it link to the
   *     original
   */
  SiteBuilder(
      SiteSettings settings,
      EntryVectors vectors,
      TopicSummarizer summarizer,
      Templates templates,
      Map<String, String> originals,
      @Nullable String feedbackUrl,
      boolean reviewed) {
    this.feedback = Feedback.base(feedbackUrl);
    this.reviewed = reviewed;
    this.settings = settings;
    this.vectors = vectors;
    this.summarizer = summarizer;
    this.templates = templates;
    this.originals = Map.copyOf(originals);
  }

  /** Whether an editor approves every entry before it is published ({@code review: required}). */
  private final boolean reviewed;

  /** Where votes go ("" for the serving process itself), or null: no feedback block. */
  private final @Nullable String feedback;

  /** Counts of what one build wrote. */
  record Counts(int entries, int pages, int feeds, int topics, Map<String, Long> phaseMillis) {}

  Counts build(List<Entry> entries, PageSink sink) {
    Phases phases = new Phases();
    Catalog c = new Catalog(entries);
    phases.end("catalog");
    Instant now = settings.clock().instant();
    Instant updated =
        c.entries.stream()
            .map(e -> e.provenance().analyzedAt())
            .max(Instant::compareTo)
            .orElse(now);
    float[][] unit = Vectors.unit(vectorsOf(c), c.size());
    phases.end("vectors");
    int[][] recs =
        Related.recommend(c, unit, settings.recommendations(), settings.recommendationFloor());
    phases.end("recommendations");
    List<Topic> topics =
        TrendingTopics.find(
            c,
            unit,
            now,
            settings.trendingWindow(),
            settings.clusterThreshold(),
            settings.maxTrendingTopics(),
            summarizer);
    phases.end("trending");
    PageViews views = new PageViews(settings, c, updated);
    Feeds feeds = new Feeds(settings, c, updated, originals);
    AtomicInteger pages = new AtomicInteger();
    AtomicInteger feedCount = new AtomicInteger();

    sink.write("assets/style.css", Templates.stylesheet());
    if (feedback != null) {
      sink.write("assets/share.js", Templates.asset("share.js"));
    }
    Side side = new Side(c);
    writeIndex(c, views, topics, side, sink);
    pages.incrementAndGet();
    sink.write(ABOUT, html(templates.about(about(c, views))));
    pages.incrementAndGet();
    Feeds.Scope all = Feeds.Scope.site();
    feed(sink, feedCount, SITE_ATOM, feeds.atom(settings.title(), all, allPositions(c), SITE_ATOM));
    feed(sink, feedCount, SITE_JSON, feeds.json(settings.title(), all, allPositions(c), SITE_JSON));
    c.byCategory.forEach(
        (name, members) -> {
          pages.addAndGet(writeCategory(c, views, topics, side, name, members, sink));
          String atom = c.categoryFeed(name, "atom");
          String json = c.categoryFeed(name, "json");
          Feeds.Scope scope = feeds.categoryScope(name);
          feed(
              sink,
              feedCount,
              atom,
              feeds.atom(settings.title() + ": " + name, scope, members, atom));
          feed(
              sink,
              feedCount,
              json,
              feeds.json(settings.title() + ": " + name, scope, members, json));
        });
    c.byTag.forEach(
        (key, members) -> {
          if (c.tagPaged(key)) {
            pages.addAndGet(writeTag(c, views, side, key, members, sink));
            String title = settings.title() + ": #" + c.tagNames.get(key);
            String atom = c.tagFeed(key, "atom");
            String json = c.tagFeed(key, "json");
            Feeds.Scope scope = feeds.tagScope(key);
            feed(sink, feedCount, atom, feeds.atom(title, scope, members, atom));
            feed(sink, feedCount, json, feeds.json(title, scope, members, json));
          }
        });
    phases.end("lists+feeds");
    IntStream.range(0, c.size())
        .parallel()
        .forEach(
            i -> {
              sink.write(c.entryPath(i), html(templates.entry(entryPage(c, views, recs[i], i))));
              pages.incrementAndGet();
            });
    phases.end("entry pages");
    LOG.debug("site phases (ms): {}", phases.millis);
    return new Counts(c.size(), pages.get(), feedCount.get(), topics.size(), phases.millis);
  }

  private List<float[]> vectorsOf(Catalog c) {
    try {
      List<float[]> v = vectors.vectors(c.entries);
      if (v != null && v.size() == c.size()) {
        return v;
      }
      LOG.warn(
          "entry vectors: got {} vectors for {} entries; ranking by recency instead",
          v == null ? 0 : v.size(),
          c.size());
    } catch (RuntimeException e) {
      LOG.warn("entry vectors failed, ranking by recency instead: {}", e.toString());
    }
    return List.of();
  }

  private void writeIndex(
      Catalog c, PageViews views, List<Topic> topics, Side side, PageSink sink) {
    int[] latest = IntStream.range(0, Math.min(c.size(), settings.latestOnIndex())).toArray();
    long sources = Arrays.stream(c.sources).distinct().count();
    String intro =
        c.size() == 0
            ? "Nothing curated yet."
            : c.size()
                + " stories from "
                + sources
                + (sources == 1 ? " source" : " sources")
                + ", newest first: summarised, rated for tone and sorted by topic.";
    ListPage page =
        new ListPage(
            views.layout("", null, intro, "index.html", null, SITE_ATOM, SITE_JSON),
            "Latest stories",
            intro,
            true,
            views.cards(latest, ""),
            !topics.isEmpty(),
            topicViews(c, topics, ""),
            null,
            "all stories",
            SITE_ATOM,
            SITE_JSON,
            side.tags(c, ""),
            side.sections(c, null, ""));
    sink.write("index.html", html(templates.list(page)));
  }

  private int writeCategory(
      Catalog c,
      PageViews views,
      List<Topic> topics,
      Side side,
      String name,
      int[] members,
      PageSink sink) {
    List<Topic> related =
        topics.stream()
            .filter(t -> Arrays.stream(t.members()).anyMatch(m -> c.categories[m].equals(name)))
            .toList();
    String atom = c.categoryFeed(name, "atom");
    String json = c.categoryFeed(name, "json");
    String intro =
        members.length
            + (members.length == 1 ? " story" : " stories")
            + " in "
            + name
            + ", newest first.";
    return paged(
        members,
        p -> c.categoryPath(name, p).substring("categories/".length()),
        (page, slice, pagination) -> {
          String path = c.categoryPath(name, page);
          String heading = page == 1 ? name : name + " (page " + page + ")";
          ListPage view =
              new ListPage(
                  views.layout("../", heading, intro, path, name, atom, json),
                  heading,
                  intro,
                  page == 1,
                  views.cards(slice, "../"),
                  page == 1 && !related.isEmpty(),
                  page == 1 ? topicViews(c, related, "../") : List.of(),
                  pagination,
                  name,
                  "../" + atom,
                  "../" + json,
                  side.tags(c, "../"),
                  side.sections(c, name, "../"));
          sink.write(path, html(templates.list(view)));
        });
  }

  private int writeTag(
      Catalog c, PageViews views, Side side, String key, int[] members, PageSink sink) {
    String name = c.tagNames.get(key);
    String atom = c.tagFeed(key, "atom");
    String json = c.tagFeed(key, "json");
    String intro =
        members.length
            + (members.length == 1 ? " story" : " stories")
            + " tagged \u201C"
            + name
            + "\u201D, newest first.";
    return paged(
        members,
        p -> c.tagPath(key, p).substring("topics/".length()),
        (page, slice, pagination) -> {
          String path = c.tagPath(key, page);
          String heading = "#" + name + (page == 1 ? "" : " (page " + page + ")");
          ListPage view =
              new ListPage(
                  views.layout("../", heading, intro, path, null, atom, json),
                  heading,
                  intro,
                  false,
                  views.cards(slice, "../"),
                  false,
                  List.of(),
                  pagination,
                  "#" + name,
                  "../" + atom,
                  "../" + json,
                  side.tags(c, "../"),
                  side.sections(c, null, "../"));
          sink.write(path, html(templates.list(view)));
        });
  }

  private Views.AboutPage about(Catalog c, PageViews views) {
    Set<String> analyzers = new TreeSet<>();
    Set<String> models = new TreeSet<>();
    for (Entry e : c.entries) {
      String a = Text.display(e.provenance().analyzer());
      String v = Text.display(e.provenance().analysisVersion());
      String m = Text.display(e.provenance().model());
      if (a != null) {
        analyzers.add(v == null ? a : a + " (" + v + ")");
      }
      if (m != null) {
        models.add(m);
      }
    }
    String heading = "How " + settings.title() + " is made";
    return new Views.AboutPage(
        views.layout(
            "",
            heading,
            "How the AI editor of "
                + settings.title()
                + " writes its summaries, and who checks them.",
            ABOUT,
            null,
            SITE_ATOM,
            SITE_JSON),
        settings.title(),
        List.copyOf(analyzers),
        List.copyOf(models),
        reviewed,
        c.size());
  }

  private EntryPage entryPage(Catalog c, PageViews views, int[] recs, int i) {
    Entry e = c.entry(i);
    Card card = views.card(i, "../");
    String path = c.entryPath(i);
    int[] latest = latestFrom(c, i, recs);
    String copy = originals.get(e.url().strip());
    String original = copy != null ? "../" + copy : SafeUrl.httpOrNull(e.url());
    String image = settings.images() ? SafeUrl.publicHttpOrNull(e.image()) : null;
    return new EntryPage(
        views.layout("../", card.title(), card.dek(), path, null, SITE_ATOM, SITE_JSON),
        card,
        PageViews.language(e.language()),
        views.longDate(c.times[i]),
        Text.display(e.byline()),
        original,
        c.sources[i],
        copy != null,
        image,
        image == null ? null : "Lead image of the article: " + card.title(),
        Text.display(e.editorsNote()),
        Text.display(e.provenance().analyzer()),
        Text.display(e.provenance().model()),
        Text.display(e.provenance().analysisVersion()),
        views.iso(e.provenance().analyzedAt()),
        views.longDate(e.provenance().analyzedAt()),
        recs.length > 0,
        views.cards(recs, "../"),
        latest.length > 0,
        views.cards(latest, "../"),
        "../" + ABOUT,
        views.cards(elsewhere(c, i, recs, latest), "../"),
        feedback == null
            ? null
            : Feedback.of(
                feedback,
                e,
                card.title(),
                settings.baseUrl() == null ? null : settings.baseUrl() + path));
  }

  /**
   * The newest entries of the same category, never the entry itself, a copy of its story, or a
   * story already recommended on the same page.
   */
  private int[] latestFrom(Catalog c, int i, int[] recs) {
    int[] members = c.byCategory.get(c.categories[i]);
    List<Integer> out = new ArrayList<>();
    for (int m : members) {
      if (out.size() == settings.latestFromCategory()) {
        break;
      }
      if (!c.sameStory(i, m)
          && out.stream().noneMatch(o -> c.sameStory(o, m))
          && Arrays.stream(recs).noneMatch(r -> c.sameStory(r, m))) {
        out.add(m);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The newest stories of other categories, one per category, none already on the page. */
  private int[] elsewhere(Catalog c, int i, int[] recs, int[] latest) {
    List<Integer> out = new ArrayList<>();
    Set<String> categories = new HashSet<>();
    categories.add(c.categories[i]);
    for (int m = 0; m < c.size() && out.size() < settings.latestFromCategory(); m++) {
      int candidate = m;
      boolean shown =
          c.sameStory(i, m)
              || Arrays.stream(recs).anyMatch(r -> c.sameStory(r, candidate))
              || Arrays.stream(latest).anyMatch(l -> c.sameStory(l, candidate));
      if (!shown && categories.add(c.categories[m])) {
        out.add(m);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private List<TopicView> topicViews(Catalog c, List<Topic> topics, String root) {
    List<TopicView> out = new ArrayList<>();
    for (Topic t : topics) {
      List<Integer> distinct = distinctStories(c, t.members());
      List<Link> stories = new ArrayList<>();
      for (int m : distinct) {
        stories.add(
            new Link(root + c.entryPath(m), c.titles[m] + " (" + c.sources[m] + ")", null, false));
      }
      String href =
          t.tagKey() != null
                  && c.tagPaged(t.tagKey())
                  && distinctStories(c, c.byTag.get(t.tagKey())).size() == distinct.size()
                  && distinct.stream()
                      .allMatch(m -> Arrays.asList(c.tagKeys[m]).contains(t.tagKey()))
              ? root + c.tagPath(t.tagKey(), 1)
              : null;
      out.add(
          new TopicView(
              t.label(),
              href,
              t.rollUp(),
              distinct.size(),
              t.sources().size(),
              joinNames(t.sources()),
              stories));
    }
    return out;
  }

  /** Positions of the members, one per story (the first copy), in the given order. */
  private static List<Integer> distinctStories(Catalog c, int[] members) {
    List<Integer> distinct = new ArrayList<>();
    for (int m : members) {
      if (distinct.stream().noneMatch(d -> c.sameStory(d, m))) {
        distinct.add(m);
      }
    }
    return distinct;
  }

  /** What the side column of list pages shows besides trending topics. */
  private final class Side {
    private final List<String> tagOrder;

    Side(Catalog c) {
      tagOrder =
          c.byTag.keySet().stream()
              .filter(c::tagPaged)
              .sorted(
                  Comparator.comparingInt((String k) -> -c.byTag.get(k).length)
                      .thenComparing(k -> k))
              .limit(SIDE_TAGS)
              .toList();
    }

    /** The site's topics with pages, most entries first. */
    List<Link> tags(Catalog c, String root) {
      return tagOrder.stream()
          .map(
              k ->
                  new Link(root + c.tagPath(k, 1), c.tagNames.get(k), c.byTag.get(k).length, false))
          .toList();
    }

    /** Every category but the current one, with its newest story. */
    List<Views.Section> sections(Catalog c, @Nullable String current, String root) {
      List<Views.Section> out = new ArrayList<>();
      c.byCategory.forEach(
          (name, members) -> {
            if (!name.equals(current)) {
              int newest = members[0];
              out.add(
                  new Views.Section(
                      new Link(root + c.categoryPath(name, 1), name, members.length, false),
                      new Link(root + c.entryPath(newest), c.titles[newest], null, false)));
            }
          });
      return out;
    }
  }

  private static String joinNames(List<String> names) {
    if (names.size() <= 1) {
      return String.join("", names);
    }
    List<String> shown = names.size() > 4 ? names.subList(0, 3) : names;
    String head = String.join(", ", shown.subList(0, shown.size() - 1));
    return names.size() > 4
        ? String.join(", ", shown) + " and " + (names.size() - 3) + " more"
        : head + " and " + shown.get(shown.size() - 1);
  }

  private interface PageWriter {
    void write(int page, int[] slice, @Nullable Pagination pagination);
  }

  /** Writes members in pages of {@code pageSize}; returns the number of pages. */
  private int paged(int[] members, IntFunction<String> href, PageWriter writer) {
    int size = settings.pageSize();
    int count = Math.max(1, (members.length + size - 1) / size);
    for (int page = 1; page <= count; page++) {
      int from = (page - 1) * size;
      int[] slice = Arrays.copyOfRange(members, from, Math.min(members.length, from + size));
      Pagination pagination =
          count == 1
              ? null
              : new Pagination(
                  page > 1 ? href.apply(page - 1) : null,
                  page < count ? href.apply(page + 1) : null,
                  "Page " + page + " of " + count);
      writer.write(page, slice, pagination);
    }
    return count;
  }

  private static int[] allPositions(Catalog c) {
    return IntStream.range(0, c.size()).toArray();
  }

  private static void feed(PageSink sink, AtomicInteger count, String path, byte[] content) {
    sink.write(path, content);
    count.incrementAndGet();
  }

  /** Wall-clock time per phase, for the report and the benchmark. */
  private static final class Phases {
    final Map<String, Long> millis = new LinkedHashMap<>();
    long start = System.nanoTime();

    void end(String phase) {
      long now = System.nanoTime();
      millis.put(phase, (now - start) / 1_000_000);
      start = now;
    }
  }

  private static byte[] html(String page) {
    return page.getBytes(StandardCharsets.UTF_8);
  }
}
