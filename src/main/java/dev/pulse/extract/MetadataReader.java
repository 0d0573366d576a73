package dev.pulse.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Reads a page's metadata, each field from the most reliable source that has it: JSON-LD first,
 * then OpenGraph, Twitter cards, plain {@code <meta>}, and the DOM last.
 */
final class MetadataReader {

  private static final Pattern BY_PREFIX =
      Pattern.compile(
          "^(?i)(written\\s+by|posted\\s+by|reported\\s+by|by|von|por|par|door|przez)[:\\s]+");

  private static final Pattern BYLINE_TAIL =
      Pattern.compile(
          "(?iu)(\\s+@\\w+|\\s*[|•·]|\\s+[-–—]\\s+|\\s+(updated|published|posted|on)\\b"
              + "|\\s+\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\s+\\d{4}-\\d{2}-\\d{2}"
              + "|\\s+((mon|tues|wednes|thurs|fri|satur|sun)day,?\\s)"
              + "|\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}\\b"
              + "|\\s+\\d{1,2}\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b).*$");
  private static final String ROLE =
      "((senior|chief|staff|contributing|political|special|foreign|deputy|associate|managing|news"
          + "|sports|business|science|health|technology|tech|digital|guest|freelance)\\s+)*"
          + "(writer|reporter|correspondent|editor|contributor|columnist|journalist|photographer"
          + "|producer|staff|team|desk)s?";
  private static final Pattern ROLE_TAIL =
      Pattern.compile("(?iu)(\\s*[,|/–—-]\\s*|\\s+)" + ROLE + "(\\s+(at|for|of)\\s+.*)?$");
  private static final Pattern ROLE_ONLY =
      Pattern.compile("(?iu)(the\\s+)?(editorial\\s+)?" + ROLE + "|editorial|admin|administrator");
  private static final Pattern LANGUAGE = Pattern.compile("(?i)^[a-z]{2,3}([-_][a-z0-9]{2,8})*$");

  private static final Evaluator AUTHOR_ELEMENTS =
      QueryParser.parse(
          "[itemprop=author] [itemprop=name], [rel=author], [itemprop=author], .byline, .author,"
              + " [class*=byline], [class*=author-name]");
  private static final Evaluator PUBDATE_ELEMENTS =
      QueryParser.parse("time[datetime][pubdate], [itemprop=datePublished]");
  private static final Evaluator TIME_ELEMENTS =
      QueryParser.parse("article time[datetime], time[datetime]");
  private static final Evaluator CANONICAL = QueryParser.parse("link[rel~=(?i)^canonical$][href]");
  private static final Evaluator IMAGE_SRC = QueryParser.parse("link[rel=image_src][href]");
  private static final Evaluator ARTICLE_IMAGE =
      QueryParser.parse("article img[src], main img[src]");

  private static final List<String> DATE_KEYS =
      List.of(
          "article:published_time",
          "og:article:published_time",
          "datePublished",
          "pubdate",
          "publishdate",
          "publish-date",
          "published_time",
          "article.published",
          "sailthru.date",
          "parsely-pub-date",
          "dc.date.issued",
          "dc.date",
          "dcterms.created",
          "date",
          "og:published_time",
          "article:published",
          "citation_date",
          "originalpublicationdate",
          "article.created",
          "cxenseparse:recs:publishtime");

  private MetadataReader() {}

  /**
   * What the page says of itself, as an article: every field but {@code url} and {@code text} from
   * the page's metadata (null when it says nothing), and as {@code text} the body the page declares
   * (schema.org {@code articleBody}), empty when none. The extractor replaces the text with the
   * body it reads from the page ({@link ExtractedArticle#withText}).
   */
  static ExtractedArticle read(Document doc, @Nullable String url) {
    JsonLd ld = JsonLd.of(doc);
    Map<String, String> metas = metas(doc);
    JsonNode article = ld.article();
    String siteName = siteName(doc, metas, ld, article);
    String description = description(doc, metas, article);
    String title = title(doc, url, metas, article, siteName, description);
    Near near = new Near(doc);
    if (siteName == null) {
      siteName = clean(TitleCleaner.siteFromTitleBar(clean(doc.title()), title));
    }
    return new ExtractedArticle(
        url,
        title,
        byline(doc, metas, article, near),
        published(doc, metas, article, near),
        siteName,
        language(doc, metas, article),
        canonical(doc, metas, url, article),
        image(doc, metas, url, article),
        description,
        JsonLd.text(article, "articleBody"));
  }

  // ---------------------------------------------------------------- title

  private static @Nullable String title(
      Document doc,
      @Nullable String url,
      Map<String, String> metas,
      @Nullable JsonNode article,
      @Nullable String siteName,
      @Nullable String description) {
    String raw = null;
    for (String candidate :
        new @Nullable String[] {
          JsonLd.text(article, "headline"),
          meta(metas, "og:title"),
          meta(metas, "twitter:title"),
          meta(metas, "dc.title"),
          h1(doc),
          doc.title()
        }) {
      String c = clean(candidate);
      // Some pages put the site's name or the description in every title field but one.
      if (c != null && !c.equalsIgnoreCase(siteName) && !c.equalsIgnoreCase(description)) {
        raw = c;
        break;
      }
    }
    if (raw == null) {
      raw = clean(firstNonBlank(meta(metas, "og:title"), doc.title()));
    }
    if (raw == null) {
      return null;
    }
    String title = TitleCleaner.clean(raw, siteName, host(doc, url, metas));
    return TitleCleaner.preferHeadline(title, headlines(doc));
  }

  /** The texts of the page's h1s that are not its logo: what a reader sees as the headline. */
  private static List<String> headlines(Document doc) {
    List<String> texts = new ArrayList<>();
    for (Element h1 : doc.getElementsByTag("h1")) {
      if (h1.closest("a") == null && !Signals.isLogo(h1)) {
        String t = clean(h1.text());
        if (t != null) {
          texts.add(t);
        }
      }
    }
    return texts;
  }

  /** The page's host: from its URL, else from its canonical link or og:url. */
  private static @Nullable String host(
      Document doc, @Nullable String url, Map<String, String> metas) {
    Element link = doc.selectFirst(CANONICAL);
    String canonical = link == null ? null : link.attr("href");
    for (String u : new @Nullable String[] {url, canonical, meta(metas, "og:url")}) {
      if (u == null || u.isBlank()) {
        continue;
      }
      try {
        String h = URI.create(u.strip().replace(" ", "%20")).getHost();
        if (h != null) {
          return h;
        }
      } catch (IllegalArgumentException e) {
        // try the next source
      }
    }
    return null;
  }

  /**
   * The headline shown on the page: an h1 that the document title repeats, else the document title,
   * else the first h1 that is not the site's logo.
   */
  private static @Nullable String h1(Document doc) {
    String docTitle = doc.title().toLowerCase(Locale.ROOT);
    Element first = null;
    for (Element h1 : doc.getElementsByTag("h1")) {
      if (h1.closest("a") != null || Signals.isLogo(h1)) {
        continue;
      }
      String text = h1.text();
      if (text.isBlank()) {
        continue;
      }
      if (!docTitle.isBlank() && docTitle.contains(text.toLowerCase(Locale.ROOT))) {
        return text;
      }
      if (first == null) {
        first = h1;
      }
    }
    if (!docTitle.isBlank()) {
      return null; // let the document title speak
    }
    return first == null ? null : first.text();
  }

  // ---------------------------------------------------------------- byline

  private static @Nullable String byline(
      Document doc, Map<String, String> metas, @Nullable JsonNode article, Near near) {
    Set<String> names = new LinkedHashSet<>();
    if (article != null) {
      for (String n : JsonLd.names(article.get("author"))) {
        addName(names, n);
      }
      if (names.isEmpty()) {
        for (String n : JsonLd.names(article.get("creator"))) {
          addName(names, n);
        }
      }
    }
    if (names.isEmpty()) {
      for (String key :
          List.of(
              "author",
              "article:author",
              "dc.creator",
              "byl",
              "parsely-author",
              "sailthru.author",
              "cxenseparse:author")) {
        addName(names, meta(metas, key));
        if (!names.isEmpty()) {
          break;
        }
      }
    }
    if (names.isEmpty()) {
      for (Element e : doc.select(AUTHOR_ELEMENTS)) {
        String t = e.text();
        if (t.length() <= 100) {
          addName(names, t);
        }
        if (!names.isEmpty()) {
          break;
        }
      }
    }
    if (names.isEmpty()) {
      // No markup says who wrote it: a "By ..." line next to the headline does.
      for (Element e : near.elements()) {
        String t = e.text();
        if (t.length() <= 100 && BY_PREFIX.matcher(t).lookingAt()) {
          addName(names, t);
          if (!names.isEmpty()) {
            break;
          }
        }
      }
    }
    return names.isEmpty() ? null : String.join(", ", names);
  }

  /** How far from the headline a byline or dateline is looked for, in elements. */
  private static final int NEAR_BEFORE = 6;

  private static final int NEAR_AFTER = 20;

  /** {@link #nearHeadline}, found once and only when a field needs it. */
  private static final class Near {
    private final Document doc;
    private @Nullable List<Element> elements;

    Near(Document doc) {
      this.doc = doc;
    }

    List<Element> elements() {
      if (elements == null) {
        elements = nearHeadline(doc);
      }
      return elements;
    }
  }

  /**
   * The elements just before and after the first headline (in document order), where pages without
   * metadata show the byline and the date; empty when the page has no h1.
   */
  private static List<Element> nearHeadline(Document doc) {
    Element h1 = null;
    for (Element e : doc.getElementsByTag("h1")) {
      if (e.closest("a") == null && !Signals.isLogo(e) && !e.text().isBlank()) {
        h1 = e;
        break;
      }
    }
    if (h1 == null) {
      return List.of();
    }
    List<Element> near = new ArrayList<>();
    // After the headline first (where bylines and dates usually are), in document order...
    Element e = following(h1);
    for (int i = 0; e != null && i < NEAR_AFTER; i++, e = next(e)) {
      addShort(near, e);
    }
    // ...then before it, nearest first, leaving out its own wrappers (they hold the whole article).
    int before = 0;
    for (Element level = h1; level != null && before < NEAR_BEFORE; level = level.parent()) {
      for (Element sib = level.previousElementSibling();
          sib != null && before < NEAR_BEFORE;
          sib = sib.previousElementSibling(), before++) {
        addShort(near, sib);
      }
    }
    return near;
  }

  /** The element after {@code e} in document order, its descendants first. */
  private static @Nullable Element next(Element e) {
    Element child = e.firstElementChild();
    return child != null ? child : following(e);
  }

  /** The element after {@code e} and all its descendants, in document order. */
  private static @Nullable Element following(Element e) {
    for (Element at = e; at != null; at = at.parent()) {
      Element sib = at.nextElementSibling();
      if (sib != null) {
        return sib;
      }
    }
    return null;
  }

  private static final int SHORT_TEXT = 120;

  private static void addShort(List<Element> near, Element e) {
    if (hasShortText(e)) {
      String t = e.text();
      if (!t.isEmpty() && t.length() <= SHORT_TEXT) {
        near.add(e);
      }
    }
  }

  /** Whether the raw text under {@code e} is short, without building it (stops early when not). */
  private static boolean hasShortText(Element e) {
    int[] chars = {0};
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
              chars[0] += t.getWholeText().strip().length();
            }
            return chars[0] > SHORT_TEXT * 2 ? FilterResult.STOP : FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        e);
    return chars[0] <= SHORT_TEXT * 2;
  }

  private static void addName(Set<String> names, @Nullable String raw) {
    if (raw == null) {
      return;
    }
    String n = clean(raw);
    if (n == null || looksLikeUrl(n)) {
      return;
    }
    n = BY_PREFIX.matcher(n).replaceFirst("").strip();
    // Bylines in the DOM run on into the date, the handle or the outlet: keep the names.
    n = BYLINE_TAIL.matcher(n).replaceFirst("").strip();
    n = n.replaceAll("[,;|·•\\-–—]+$", "").strip();
    // "Jane Doe, Staff Writer": the role is not the name; a role alone is no byline.
    n = ROLE_TAIL.matcher(n).replaceFirst("").strip();
    n = n.replaceAll("[,;|·•\\-–—]+$", "").strip();
    if (!n.isEmpty()
        && n.length() <= 100
        && n.split("\\s+").length <= 12
        && !ROLE_ONLY.matcher(n).matches()) {
      names.add(n);
    }
  }

  // ---------------------------------------------------------------- date

  private static @Nullable OffsetDateTime published(
      Document doc, Map<String, String> metas, @Nullable JsonNode article, Near near) {
    OffsetDateTime t = DateParser.parse(JsonLd.text(article, "datePublished"));
    if (t == null) {
      t = DateParser.parse(JsonLd.text(article, "dateCreated"));
    }
    for (int i = 0; t == null && i < DATE_KEYS.size(); i++) {
      t = DateParser.parse(meta(metas, DATE_KEYS.get(i)));
    }
    if (t == null) {
      for (Element time : doc.select(PUBDATE_ELEMENTS)) {
        String value = time.hasAttr("datetime") ? time.attr("datetime") : time.attr("content");
        t = DateParser.parse(value);
        if (t != null) {
          return t;
        }
      }
    }
    if (t == null) {
      for (Element time : doc.select(TIME_ELEMENTS)) {
        t = DateParser.parse(time.attr("datetime"));
        if (t != null) {
          return t;
        }
      }
    }
    if (t == null) {
      // Nothing machine-readable: the date a reader sees by the headline or byline.
      for (Element e : near.elements()) {
        t = DateParser.parseVisible(e.text());
        if (t != null) {
          return t;
        }
      }
    }
    return t;
  }

  // ---------------------------------------------------------------- site, language

  private static @Nullable String siteName(
      Document doc, Map<String, String> metas, JsonLd ld, @Nullable JsonNode article) {
    String publisher = article == null ? null : JsonLd.asText(article.get("publisher"));
    if (publisher != null && looksLikeUrl(publisher)) {
      publisher = null;
    }
    JsonNode website = ld.firstOfType("website");
    String site =
        firstNonBlank(
            meta(metas, "og:site_name"),
            publisher,
            website == null ? null : JsonLd.text(website, "name"),
            meta(metas, "application-name"),
            meta(metas, "apple-mobile-web-app-title"));
    return clean(site);
  }

  private static @Nullable String language(
      Document doc, Map<String, String> metas, @Nullable JsonNode article) {
    Element html = doc.selectFirst("html");
    @Nullable String[] candidates = {
      html == null ? null : html.attr("lang"),
      html == null ? null : html.attr("xml:lang"),
      JsonLd.text(article, "inLanguage"),
      meta(metas, "content-language"),
      meta(metas, "og:locale"),
      meta(metas, "dc.language"),
      meta(metas, "language"),
    };
    for (String c : candidates) {
      if (c == null) {
        continue;
      }
      String v = c.strip().split("[,;\\s]")[0];
      if (LANGUAGE.matcher(v).matches()) {
        return normaliseLanguage(v);
      }
    }
    return null;
  }

  static String normaliseLanguage(String tag) {
    String[] parts = tag.replace('_', '-').split("-");
    StringBuilder sb = new StringBuilder(parts[0].toLowerCase(Locale.ROOT));
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i];
      sb.append('-');
      if (p.length() == 2) {
        sb.append(p.toUpperCase(Locale.ROOT));
      } else if (p.length() == 4) {
        sb.append(Character.toUpperCase(p.charAt(0)));
        sb.append(p.substring(1).toLowerCase(Locale.ROOT));
      } else {
        sb.append(p.toLowerCase(Locale.ROOT));
      }
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- links

  private static @Nullable String canonical(
      Document doc, Map<String, String> metas, @Nullable String url, @Nullable JsonNode article) {
    Element link = doc.selectFirst(CANONICAL);
    String ldUrl = null;
    if (article != null) {
      ldUrl =
          firstNonBlank(
              JsonLd.asText(article.get("mainEntityOfPage")), JsonLd.text(article, "url"));
    }
    return absolute(
        url, firstNonBlank(link == null ? null : link.attr("href"), meta(metas, "og:url"), ldUrl));
  }

  /**
   * The first image source that resolves to an http(s) URL ({@code javascript:}, {@code data:}
   * never).
   */
  private static @Nullable String image(
      Document doc, Map<String, String> metas, @Nullable String url, @Nullable JsonNode article) {
    Element link = doc.selectFirst(IMAGE_SRC);
    Element first = doc.selectFirst(ARTICLE_IMAGE);
    for (String candidate :
        new @Nullable String[] {
          meta(metas, "og:image"),
          meta(metas, "og:image:url"),
          meta(metas, "og:image:secure_url"),
          meta(metas, "twitter:image"),
          meta(metas, "twitter:image:src"),
          article == null ? null : JsonLd.asText(article.get("image")),
          article == null ? null : JsonLd.asText(article.get("thumbnailUrl")),
          link == null ? null : link.attr("href"),
          first == null ? null : first.attr("src")
        }) {
      String img = httpOrNull(absolute(url, candidate));
      if (img != null) {
        return img;
      }
    }
    return null;
  }

  private static @Nullable String httpOrNull(@Nullable String u) {
    if (u == null) {
      return null;
    }
    try {
      URI uri = new URI(u);
      String scheme = uri.getScheme();
      boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
      return http && uri.getHost() != null ? u : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private static @Nullable String description(
      Document doc, Map<String, String> metas, @Nullable JsonNode article) {
    return clean(
        firstNonBlank(
            meta(metas, "description"),
            meta(metas, "og:description"),
            meta(metas, "twitter:description"),
            meta(metas, "dc.description"),
            JsonLd.text(article, "description")));
  }

  // ---------------------------------------------------------------- helpers

  /** Content of a {@code <meta>} by name, property or itemprop (case-insensitive), or null. */
  private static @Nullable String meta(Map<String, String> metas, String key) {
    return metas.get(key.toLowerCase(Locale.ROOT));
  }

  /** Every non-empty {@code <meta>} content by lower-cased key; the first one of a key wins. */
  private static Map<String, String> metas(Document doc) {
    Map<String, String> metas = new HashMap<>();
    for (Element m : doc.getElementsByTag("meta")) {
      String c = m.attr("content").strip();
      if (c.isEmpty()) {
        continue;
      }
      for (String attr : new String[] {"property", "name", "itemprop", "http-equiv"}) {
        String key = m.attr(attr);
        if (!key.isEmpty()) {
          metas.putIfAbsent(key.strip().toLowerCase(Locale.ROOT), c);
        }
      }
    }
    return metas;
  }

  private static @Nullable String absolute(@Nullable String base, @Nullable String href) {
    if (href == null || href.isBlank()) {
      return null;
    }
    String h = href.strip();
    try {
      URI uri = new URI(h.replace(" ", "%20"));
      if (uri.isAbsolute()) {
        return uri.toString();
      }
      if (base == null || base.isBlank()) {
        return h.startsWith("//") ? "https:" + h : null;
      }
      return new URI(base.strip().replace(" ", "%20")).resolve(uri).toString();
    } catch (Exception e) {
      return null;
    }
  }

  private static boolean looksLikeUrl(String s) {
    return s.startsWith("http://")
        || s.startsWith("https://")
        || s.startsWith("//")
        || s.startsWith("www.");
  }

  static @Nullable String firstNonBlank(@Nullable String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  /** Collapses whitespace and decodes stray entities; null for blank. */
  static @Nullable String clean(@Nullable String s) {
    if (s == null) {
      return null;
    }
    String t = s;
    if (t.indexOf('&') >= 0) {
      t = org.jsoup.parser.Parser.unescapeEntities(t, false);
    }
    StringBuilder sb = new StringBuilder(t.length());
    boolean space = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (TextRenderer.isSpace(c)) {
        space = true;
      } else {
        if (space && sb.length() > 0) {
          sb.append(' ');
        }
        space = false;
        sb.append(c);
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }
}
