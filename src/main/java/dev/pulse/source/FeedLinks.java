package dev.pulse.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Feed autodiscovery: the {@code <link rel="alternate">} feeds an HTML page names. Pure. */
final class FeedLinks {

  private static final Set<String> FEED_TYPES =
      Set.of(
          "application/rss+xml",
          "application/atom+xml",
          "application/rdf+xml",
          "application/feed+json",
          "application/json");

  private FeedLinks() {}

  /** Absolute feed URLs in document order, without duplicates; empty when the page names none. */
  static List<String> find(String html, String pageUrl) {
    Document doc = Jsoup.parse(html, pageUrl);
    List<String> feeds = new ArrayList<>();
    for (Element link : doc.select("link[rel][type][href]")) {
      boolean alternate =
          Set.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).contains("alternate");
      String type = link.attr("type").toLowerCase(Locale.ROOT).split(";")[0].strip();
      String href = link.absUrl("href");
      if (alternate && FEED_TYPES.contains(type) && !href.isEmpty() && !feeds.contains(href)) {
        feeds.add(href);
      }
    }
    return feeds;
  }
}
