package dev.pulse.publish;

import dev.pulse.analyze.Sentiment;
import dev.pulse.publish.Views.Badge;
import dev.pulse.publish.Views.Card;
import dev.pulse.publish.Views.Layout;
import dev.pulse.publish.Views.Link;
import dev.pulse.store.Entry;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Turns catalog entries into the plain values the templates show. Pure and thread-safe. */
final class PageViews {

  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a zzz", Locale.ENGLISH);

  /** The pages' own language (the html element's lang). */
  static final String PAGE_LANGUAGE = "en";

  private static final DateTimeFormatter LONG =
      DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' h:mm a zzz", Locale.ENGLISH);
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}");
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final SiteSettings settings;
  private final Catalog catalog;
  private final Instant updated;

  PageViews(SiteSettings settings, Catalog catalog, Instant updated) {
    this.settings = settings;
    this.catalog = catalog;
    this.updated = updated;
  }

  /** The shared page frame; {@code current} is the category shown, or null. */
  Layout layout(
      String root,
      @Nullable String pageTitle,
      @Nullable String description,
      String path,
      @Nullable String currentCategory,
      String atomPath,
      String jsonPath) {
    List<Link> nav = new ArrayList<>();
    nav.add(
        new Link(
            root + "index.html",
            "Home",
            null,
            currentCategory == null && path.equals("index.html")));
    catalog.byCategory.forEach(
        (name, members) ->
            nav.add(
                new Link(
                    root + catalog.categoryPath(name, 1),
                    name,
                    members.length,
                    name.equals(currentCategory))));
    String title = pageTitle == null ? settings.title() : pageTitle + " · " + settings.title();
    String canonical = settings.baseUrl() == null ? null : settings.baseUrl() + path;
    return new Layout(
        root,
        title,
        pageTitle == null ? settings.title() : pageTitle,
        path.startsWith("entries/") ? "article" : "website",
        Text.truncate(description, 200),
        settings.title(),
        settings.tagline().isEmpty() ? null : settings.tagline(),
        canonical,
        root + atomPath,
        root + jsonPath,
        nav,
        iso(updated),
        longDate(updated));
  }

  Card card(int i, String root) {
    Entry e = catalog.entry(i);
    Instant t = catalog.times[i];
    List<Link> topics = new ArrayList<>();
    for (String key : catalog.tagKeys[i]) {
      String href = catalog.tagPaged(key) ? root + catalog.tagPath(key, 1) : null;
      topics.add(new Link(href, catalog.tagNames.get(key), null, false));
    }
    String category = catalog.categories[i];
    return new Card(
        root + catalog.entryPath(i),
        catalog.titles[i],
        catalog.sources[i],
        iso(t),
        SHORT.format(t.atZone(settings.zone())),
        foreign(e.language()),
        badge(e.sentiment()),
        category,
        root + catalog.categoryPath(category, 1),
        Text.dek(catalog.summaries[i]),
        catalog.summaries[i],
        topics);
  }

  List<Card> cards(int[] positions, String root) {
    List<Card> out = new ArrayList<>(positions.length);
    for (int p : positions) {
      out.add(card(p, root));
    }
    return out;
  }

  static Badge badge(Sentiment s) {
    return switch (s) {
      case POSITIVE -> new Badge(s.label(), "positive", "\u25B2");
      case NEGATIVE -> new Badge(s.label(), "negative", "\u25BC");
      case NEUTRAL -> new Badge(s.label(), "neutral", "\u25CF");
    };
  }

  String iso(Instant t) {
    return ISO.format(t.atZone(settings.zone()).toOffsetDateTime());
  }

  String longDate(Instant t) {
    return LONG.format(t.atZone(settings.zone()));
  }

  /** A plausible BCP 47 tag ("en", "pt-BR"), or null, for the article's lang attribute. */
  static @Nullable String language(@Nullable String tag) {
    String t = Text.display(tag);
    return t != null && LANGUAGE.matcher(t).matches() ? t : null;
  }

  /** The entry's language tag when its primary language is not the page's, else null. */
  static @Nullable String foreign(@Nullable String tag) {
    String t = language(tag);
    if (t == null) {
      return null;
    }
    String primary = t.split("-")[0].toLowerCase(Locale.ROOT);
    return primary.equals(PAGE_LANGUAGE) ? null : t;
  }
}
