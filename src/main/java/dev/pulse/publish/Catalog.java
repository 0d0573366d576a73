package dev.pulse.publish;

import dev.pulse.store.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The entries of one render, newest first, with the indexes every page needs: per category, per
 * topic tag, page stems, duplicate keys. Entries are addressed by their position in {@link
 * #entries}.
 */
final class Catalog {

  static final String UNCATEGORISED = "Uncategorised";

  /** A topic tag gets its own page (and feeds) from this many entries; fewer show as text. */
  static final int MIN_TAG_ENTRIES = 2;

  final List<Entry> entries;
  final Instant[] times;
  final String[] stems;
  final String[] titleKeys;

  /** Display forms, cleaned once: the title ("(untitled)" when blank) and the summary (or null). */
  final String[] titles;

  final @Nullable String[] summaries;
  final String[] urls;
  final String[] categories;
  final String[] sources;

  /** Category name → entry positions, newest first; categories in alphabetical order. */
  final Map<String, int[]> byCategory;

  /** Tag key (lower case) → entry positions, newest first; tags in key order. */
  final Map<String, int[]> byTag;

  /** Tag key → the spelling shown to readers (the most recent entry's). */
  final Map<String, String> tagNames;

  /** Per entry, its tag keys. */
  final String[][] tagKeys;

  final int[] categoryPosition;
  final Slugs categorySlugs = new Slugs();
  final Slugs tagSlugs = new Slugs();

  Catalog(List<Entry> input) {
    List<Entry> unique = new ArrayList<>(input.size());
    Set<String> ids = new HashSet<>();
    for (Entry e : input) {
      if (e != null && ids.add(Slugs.entryStem(e.id()))) {
        unique.add(e);
      }
    }
    unique.sort(Comparator.comparing(Catalog::time).reversed().thenComparing(Entry::id));
    this.entries = List.copyOf(unique);
    int n = entries.size();
    times = new Instant[n];
    stems = new String[n];
    titleKeys = new String[n];
    titles = new String[n];
    summaries = new String[n];
    urls = new String[n];
    categories = new String[n];
    sources = new String[n];
    tagKeys = new String[n][];
    categoryPosition = new int[n];
    TreeMap<String, List<Integer>> cats = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, List<Integer>> tags = new TreeMap<>();
    tagNames = new LinkedHashMap<>();
    Map<String, String> spellings = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      Entry e = entries.get(i);
      times[i] = time(e);
      stems[i] = Slugs.entryStem(e.id());
      titleKeys[i] = Text.titleKey(e.title());
      String title = Text.display(e.title());
      titles[i] = title == null ? "(untitled)" : title;
      summaries[i] = Text.display(e.summary());
      urls[i] = e.url().strip();
      String cat = Text.display(e.category());
      cat = cat == null ? UNCATEGORISED : cat;
      List<Integer> list = cats.computeIfAbsent(cat, k -> new ArrayList<>());
      categories[i] = cats.ceilingKey(cat); // the first spelling seen, case-insensitively equal
      categoryPosition[i] = list.size();
      list.add(i);
      String src = Text.display(e.siteName() != null ? e.siteName() : e.source());
      sources[i] = src == null ? Text.display(e.source()) : src;
    }
    TagCanon canon = tagCanon(entries, spellings);
    for (int i = 0; i < n; i++) {
      List<String> keys = new ArrayList<>();
      for (String t : entries.get(i).topics()) {
        String name = Text.display(t);
        if (name == null) {
          continue;
        }
        String key = canon.of(TagCanon.key(name));
        if (!keys.contains(key)) {
          keys.add(key);
          tagNames.putIfAbsent(key, name);
          tags.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
      }
      tagKeys[i] = keys.toArray(String[]::new);
    }
    spellings.forEach((key, name) -> tagNames.computeIfPresent(key, (k, old) -> name));
    byCategory = freeze(cats);
    byTag = freeze(tags);
    byCategory.keySet().forEach(categorySlugs::of);
    byTag.keySet().forEach(tagSlugs::of);
  }

  /** Whether a tag has a page: only a tag that at least {@value #MIN_TAG_ENTRIES} entries carry. */
  boolean tagPaged(String key) {
    int[] members = byTag.get(key);
    return members != null && members.length >= MIN_TAG_ENTRIES;
  }

  /** The site's canonical topics, from every entry's tags (newest spelling of each key wins). */
  private static TagCanon tagCanon(List<Entry> entries, Map<String, String> spellings) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Entry e : entries) {
      Set<String> seen = new HashSet<>();
      for (String t : e.topics()) {
        String name = Text.display(t);
        if (name != null && seen.add(TagCanon.key(name))) {
          counts.merge(TagCanon.key(name), 1, Integer::sum);
          spellings.putIfAbsent(TagCanon.key(name), name);
        }
      }
    }
    return new TagCanon(counts, spellings);
  }

  int size() {
    return entries.size();
  }

  Entry entry(int i) {
    return entries.get(i);
  }

  /** True when j is i or the same story under another id: same URL or same title. */
  boolean sameStory(int i, int j) {
    return i == j
        || urls[i].equals(urls[j])
        || (!titleKeys[i].isEmpty() && titleKeys[i].equals(titleKeys[j]));
  }

  String entryPath(int i) {
    return "entries/" + stems[i] + ".html";
  }

  String categoryPath(String category, int page) {
    return "categories/" + categorySlugs.of(category) + (page > 1 ? "-" + page : "") + ".html";
  }

  String categoryFeed(String category, String ext) {
    return "categories/" + categorySlugs.of(category) + "." + ext;
  }

  String tagFeed(String key, String ext) {
    return "topics/" + tagSlugs.of(key) + "." + ext;
  }

  String tagPath(String key, int page) {
    return "topics/" + tagSlugs.of(key) + (page > 1 ? "-" + page : "") + ".html";
  }

  /** Publication time, or analysis time when the article gave none. */
  static Instant time(Entry e) {
    return e.published() != null ? e.published().toInstant() : e.provenance().analyzedAt();
  }

  private static Map<String, int[]> freeze(Map<String, List<Integer>> m) {
    Map<String, int[]> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return out;
  }
}
