package dev.pulse.extract;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Class, id and role cues that say whether a block is likely article content or page furniture.
 * General rules that hold across sites; nothing here names a particular site.
 */
final class Signals {

  /** Blocks that are almost never article text: removed before scoring unless also positive. */
  private static final Pattern UNLIKELY =
      Pattern.compile(
          "^ad-|-ad$|^ads?$|adsense|ai2html|banner|breadcrumb|combx|community|cover-wrap|extra"
              + "|footer|legends|menu|remark|replies|rss|sidebar|skyscraper|supplemental|ad-break"
              + "|agegate|pagination|pager|popup|modal|signup|sign-up|recirc|trending"
              + "|most-?popular|most-?read|mostread|read-?more|recommend|dateline|timestamp"
              + "|toolbar|tag-?list|keywords|newsfeed|masthead|navbar|navigation|^nav"
              + "|-nav|skip-|disclaimer|copyright|playlist|follow|donate|jump"
              + "|^hidden$|sr-only|visually-hidden|offscreen|^hide$|rodape|fusszeile|piedepagina"
              + "|pie-de-pagina|cabecalho|cabecera|menue|lesetipp|leiatambem|leia-tambem"
              + "|tooltip|popover|hovercard|hover-card",
          Pattern.CASE_INSENSITIVE);

  /** Boilerplate so specific that a content-ish word in the same token does not rescue it. */
  private static final Pattern STRONGLY_UNLIKELY =
      Pattern.compile(
          "-ad-|advert|byline|author|comment|disqus|cookie|consent|gdpr|newsletter|subscri"
              + "|share|sharing|social|sponsor|outbrain|taboola|related|promo|caption|credit"
              + "|^tags$|-tags|tags-|^topics$|shoutbox|print-only|share-bar|bio$"
              // the same furniture named in other languages
              + "|werbung|anzeige|publicidad|publicite|pubblicita|reklam|kommentar|comentario"
              + "|commenti|komentar|compartir|partager|teilen|condividi|compartilhar|relacionad"
              + "|correlat|newsletter-|abonn|suscri|assine",
          Pattern.CASE_INSENSITIVE);

  /** A class or id that names the article body itself; no other token outweighs it. */
  private static final Pattern CONTENT_TOKEN =
      Pattern.compile(
          "^(article|story|entry|post|news|blog|main|page)?[-_]?(body|content|text|copy|detail)s?$"
              + "|^(article|story)$|^(article|story|entry|post|news)[-_](body|content|text)"
              + "|articlebody|storybody|postbody|entrycontent|postcontent|articlecontent",
          Pattern.CASE_INSENSITIVE);

  /** Cues that rescue an element from {@link #UNLIKELY}. */
  private static final Pattern MAYBE =
      Pattern.compile(
          "and|article|body|column|content|main|shadow|story|entry|post|text",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NEGATIVE =
      Pattern.compile(
          "hidden|^hid$|hid$|banner|combx|comment|com-|contact|foot|footer|footnote|gdpr"
              + "|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar"
              + "|skyscraper|sponsor|shopping|tags|tool|widget|byline|author|caption|credit"
              + "|newsletter|subscri|social|recommend|teaser|nav|menu|popular|trending|rail|aside",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern POSITIVE =
      Pattern.compile(
          "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|paragraph"
              + "|prose|rich-?text|copy",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern UNLIKELY_ROLES =
      Pattern.compile(
          "navigation|banner|complementary|contentinfo|dialog|alertdialog|search|menu|menubar"
              + "|toolbar|tablist",
          Pattern.CASE_INSENSITIVE);

  /** Class strings repeat across pages of one site and within a page; their verdict does not. */
  private static final Map<String, Boolean> UNLIKELY_CACHE = new ConcurrentHashMap<>();

  private static final Map<String, Integer> WEIGHT_CACHE = new ConcurrentHashMap<>();

  private Signals() {}

  static String classAndId(Element e) {
    String cls = e.attr("class");
    String id = e.id();
    if (cls.isEmpty()) {
      return id.toLowerCase(Locale.ROOT);
    }
    return (cls + " " + id).toLowerCase(Locale.ROOT);
  }

  /** True for elements whose class, id or role marks them as page furniture. */
  static boolean isUnlikely(Element e) {
    String role = e.attr("role");
    if (!role.isEmpty() && UNLIKELY_ROLES.matcher(role).matches()) {
      return true;
    }
    String ci = classAndId(e);
    if (ci.isBlank()) {
      return false;
    }
    Boolean known = UNLIKELY_CACHE.get(ci);
    if (known != null) {
      return known;
    }
    boolean unlikely = unlikelyTokens(ci);
    if (UNLIKELY_CACHE.size() < 50_000) {
      UNLIKELY_CACHE.put(ci, unlikely);
    }
    return unlikely;
  }

  private static boolean unlikelyTokens(String ci) {
    String[] tokens = ci.split("\\s+");
    for (String token : tokens) {
      if (CONTENT_TOKEN.matcher(token).find()) {
        return false; // "article-body share-enabled" is the body, whatever else it says
      }
    }
    for (String token : tokens) {
      if (token.isEmpty()) {
        continue;
      }
      if (STRONGLY_UNLIKELY.matcher(token).find()
          || (UNLIKELY.matcher(token).find() && !MAYBE.matcher(token).find())) {
        return true;
      }
    }
    return false;
  }

  /** Readability-style weight of an element's class and id: -25 per negative, +25 per positive. */
  static int classWeight(Element e) {
    int weight = 0;
    String cls = e.attr("class");
    if (!cls.isEmpty()) {
      weight += weightOf(cls);
    }
    String id = e.id();
    if (!id.isEmpty()) {
      weight += weightOf(id);
    }
    return weight;
  }

  private static int weightOf(String value) {
    Integer known = WEIGHT_CACHE.get(value);
    if (known != null) {
      return known;
    }
    int w = computeWeight(value);
    if (WEIGHT_CACHE.size() < 50_000) {
      WEIGHT_CACHE.put(value, w);
    }
    return w;
  }

  private static int computeWeight(String value) {
    int w = 0;
    if (NEGATIVE.matcher(value).find()) {
      w -= 25;
    }
    if (POSITIVE.matcher(value).find()) {
      w += 25;
    }
    return w;
  }

  private static final Pattern LOGO =
      Pattern.compile("logo|site-?title|brand|masthead|site-?name", Pattern.CASE_INSENSITIVE);

  /** True for the site's name or logo set as a heading. */
  static boolean isLogo(Element e) {
    return LOGO.matcher(classAndId(e)).find();
  }

  private static final Pattern VISUALLY_HIDDEN =
      Pattern.compile(
          "sr-only|screen-reader|visually-?hidden|offscreen|^hidden$|^hide$|a11y|assistive",
          Pattern.CASE_INSENSITIVE);

  /** True for text styled away for screen readers only ("opens in a new tab"). */
  static boolean isVisuallyHidden(Element e) {
    if (isHidden(e)) {
      return true;
    }
    for (String token : classAndId(e).split("\\s+")) {
      if (!token.isEmpty() && VISUALLY_HIDDEN.matcher(token).find()) {
        return true;
      }
    }
    return false;
  }

  /** True when inline style or attributes hide the element from readers. */
  static boolean isHidden(Element e) {
    if (e.hasAttr("hidden")) {
      return true;
    }
    if ("true".equalsIgnoreCase(e.attr("aria-hidden")) && !e.normalName().equals("article")) {
      return true;
    }
    String style = e.attr("style");
    if (style.isEmpty()) {
      return false;
    }
    String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
    return s.contains("display:none") || s.contains("visibility:hidden");
  }
}
