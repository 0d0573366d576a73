package dev.pulse.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.pulse.store.Entry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Atom 1.0 (written by Rome) and JSON Feed 1.1 (written by Jackson) for the whole site or one
 * category. Entry ids are stable URNs derived from the entry id. With a base URL, items link to
 * their page on the site and name the original as related; without one, items link to the original,
 * or, when the site keeps a copy of the original (the demo, whose publishers are gone once it
 * exits), to their page on the site and that copy, by links relative to the feed's own address.
 */
final class Feeds {

  static final String JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final SiteSettings settings;
  private final Catalog catalog;
  private final Instant updated;
  private final Map<String, String> copies;

  /**
   * @param copies original URL → site-relative path of a copy of that page kept inside the site
   */
  Feeds(SiteSettings settings, Catalog catalog, Instant updated, Map<String, String> copies) {
    this.settings = settings;
    this.catalog = catalog;
    this.updated = updated;
    this.copies = copies;
  }

  /**
   * Where an item points: its page on the site and the original, as absolute URLs under the base
   * URL, else as links relative to the feed when the site keeps a copy of the original, else the
   * original alone (page null). Either may be null.
   */
  private record Target(@Nullable String page, @Nullable String original) {}

  private Target target(int i, String feedPath) {
    Entry e = catalog.entry(i);
    String original = SafeUrl.httpOrNull(e.url());
    if (settings.baseUrl() != null) {
      return new Target(settings.baseUrl() + catalog.entryPath(i), original);
    }
    String copy = copies.get(e.url().strip());
    if (copy != null) {
      String up = "../".repeat((int) feedPath.chars().filter(ch -> ch == '/').count());
      return new Target(up + catalog.entryPath(i), up + copy);
    }
    return new Target(null, original);
  }

  /** The URN an entry is known by in every feed, whatever the site's address. */
  static String entryUrn(String stem) {
    return "urn:pulse:entry:" + stem;
  }

  /**
   * What a feed follows: the whole site, a category or a topic tag.
   *
   * @param id the feed id's last part ({@code urn:pulse:feed:<id>})
   * @param home the site-relative page the feed mirrors
   */
  record Scope(String id, String home) {
    static Scope site() {
      return new Scope("all", "index.html");
    }
  }

  Scope categoryScope(String name) {
    return new Scope(catalog.categorySlugs.of(name), catalog.categoryPath(name, 1));
  }

  Scope tagScope(String key) {
    return new Scope("topic:" + catalog.tagSlugs.of(key), catalog.tagPath(key, 1));
  }

  byte[] atom(String title, Scope scope, int[] members, String path) {
    Feed feed = new Feed("atom_1.0");
    feed.setId("urn:pulse:feed:" + scope.id());
    feed.setTitle(Text.clean(title));
    feed.setUpdated(Date.from(updated));
    Generator generator = new Generator();
    generator.setValue("Pulse");
    feed.setGenerator(generator);
    feed.setAuthors(List.of(person(settings.title())));
    String base = settings.baseUrl();
    if (base != null) {
      feed.setAlternateLinks(List.of(link("alternate", base + scope.home(), "text/html")));
      feed.setOtherLinks(List.of(link("self", base + path, "application/atom+xml")));
    }
    List<com.rometools.rome.feed.atom.Entry> items = new ArrayList<>();
    for (int i = 0; i < members.length && i < settings.feedSize(); i++) {
      items.add(atomEntry(members[i], path));
    }
    feed.setEntries(items);
    try {
      return new WireFeedOutput().outputString(feed, true).getBytes(StandardCharsets.UTF_8);
    } catch (FeedException e) {
      throw new IllegalStateException("cannot write Atom feed " + path + ": " + e.getMessage(), e);
    }
  }

  private com.rometools.rome.feed.atom.Entry atomEntry(int i, String feedPath) {
    Entry e = catalog.entry(i);
    com.rometools.rome.feed.atom.Entry a = new com.rometools.rome.feed.atom.Entry();
    a.setId(entryUrn(catalog.stems[i]));
    a.setTitle(catalog.titles[i]);
    a.setUpdated(Date.from(e.provenance().analyzedAt()));
    if (e.published() != null) {
      a.setPublished(Date.from(e.published().toInstant()));
    }
    Target target = target(i, feedPath);
    List<Link> alternates = new ArrayList<>();
    List<Link> others = new ArrayList<>();
    if (target.page() != null) {
      alternates.add(link("alternate", target.page(), "text/html"));
      if (target.original() != null) {
        others.add(link("related", target.original(), "text/html"));
      }
    } else if (target.original() != null) {
      alternates.add(link("alternate", target.original(), "text/html"));
    }
    a.setAlternateLinks(alternates);
    a.setOtherLinks(others);
    String author = Text.display(e.byline());
    a.setAuthors(List.of(person(author != null ? author : catalog.sources[i])));
    Content summary = new Content();
    summary.setType("text");
    summary.setValue(Text.clean(contentText(e)));
    a.setSummary(summary);
    List<Category> cats = new ArrayList<>();
    cats.add(category(catalog.categories[i]));
    for (String key : catalog.tagKeys[i]) {
      cats.add(category(catalog.tagNames.get(key)));
    }
    a.setCategories(cats);
    return a;
  }

  byte[] json(String title, Scope scope, int[] members, String path) {
    ObjectNode feed = JSON.createObjectNode();
    feed.put("version", JSON_FEED_VERSION);
    feed.put("title", Text.clean(title));
    String base = settings.baseUrl();
    if (base != null) {
      feed.put("home_page_url", base + scope.home());
      feed.put("feed_url", base + path);
    }
    if (!settings.tagline().isEmpty()) {
      feed.put("description", settings.tagline());
    }
    feed.putArray("authors").addObject().put("name", settings.title());
    ArrayNode items = feed.putArray("items");
    for (int n = 0; n < members.length && n < settings.feedSize(); n++) {
      items.add(jsonItem(members[n], path));
    }
    try {
      return JSON.writeValueAsBytes(feed);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON feed " + path + ": " + e.getMessage(), e);
    }
  }

  private ObjectNode jsonItem(int i, String feedPath) {
    Entry e = catalog.entry(i);
    ObjectNode item = JSON.createObjectNode();
    item.put("id", entryUrn(catalog.stems[i]));
    Target target = target(i, feedPath);
    if (target.page() != null) {
      item.put("url", target.page());
      if (target.original() != null) {
        item.put("external_url", target.original());
      }
    } else if (target.original() != null) {
      item.put("url", target.original());
    }
    item.put("title", catalog.titles[i]);
    item.put("summary", catalog.summaries[i]);
    item.put("content_text", Text.clean(contentText(e)));
    String image = SafeUrl.publicHttpOrNull(e.image());
    if (image != null) {
      item.put("image", image);
    }
    if (e.published() != null) {
      item.put(
          "date_published", RFC3339.format(e.published().toInstant().atOffset(ZoneOffset.UTC)));
    }
    item.put("date_modified", RFC3339.format(e.provenance().analyzedAt().atOffset(ZoneOffset.UTC)));
    String author = Text.display(e.byline());
    item.putArray("authors").addObject().put("name", author != null ? author : catalog.sources[i]);
    ArrayNode tags = item.putArray("tags");
    tags.add(catalog.categories[i]);
    for (String key : catalog.tagKeys[i]) {
      tags.add(catalog.tagNames.get(key));
    }
    String language = Text.display(e.language());
    if (language != null) {
      item.put("language", language);
    }
    ObjectNode pulse = item.putObject("_pulse");
    pulse.put("sentiment", e.sentiment().label());
    pulse.put("category", catalog.categories[i]);
    pulse.put("source", catalog.sources[i]);
    return item;
  }

  /** Summary, then the editor's note when there is one. */
  private static String contentText(Entry e) {
    String summary = Text.display(e.summary());
    String note = Text.display(e.editorsNote());
    String s = summary == null ? "" : summary;
    return note == null ? s : s + "\n\nEditor's note: " + note;
  }

  private static SyndPerson person(@Nullable String name) {
    Person p = new Person();
    p.setName(Text.clean(name == null ? "Unknown" : name));
    return p;
  }

  private static Link link(String rel, String href, String type) {
    Link l = new Link();
    l.setRel(rel);
    l.setHref(href);
    l.setType(type);
    return l;
  }

  private static Category category(String term) {
    Category c = new Category();
    c.setTerm(Text.clean(term));
    return c;
  }
}
