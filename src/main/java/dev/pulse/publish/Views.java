package dev.pulse.publish;

import java.util.List;

/**
 * The values the templates render. Every string here is plain text; the template engine escapes it.
 * URLs in {@code href}/{@code src} positions are either relative paths made by the renderer or
 * http(s) URLs that passed {@link SafeUrl}.
 */
final class Views {

  private Views() {}

  /** What every page shares: head, header navigation, footer. */
  record Layout(
      String root,
      String pageTitle,
      String ogTitle,
      String ogType,
      String description,
      String siteTitle,
      String tagline,
      String canonical,
      String atomHref,
      String jsonHref,
      List<Link> nav,
      String generatedIso,
      String generatedText) {}

  /** A link with an optional count; {@code current} marks the page being shown. */
  record Link(String href, String label, Integer count, boolean current) {}

  /** The sentiment badge: text always, colour by CSS class, a symbol for quick scanning. */
  record Badge(String label, String css, String symbol) {}

  /** An entry as a card in lists, recommendations and "Latest from". */
  record Card(
      String href,
      String title,
      String source,
      String dateIso,
      String dateText,
      Badge sentiment,
      String category,
      String categoryHref,
      String summary,
      List<Link> topics) {}

  /** A trending topic with links to its stories. */
  record TopicView(
      String label,
      String href,
      String rollUp,
      int storyCount,
      int sourceCount,
      String sourcesText,
      List<Link> stories) {}

  /** Previous/next links of a paged list. */
  record Pagination(String prevHref, String nextHref, String label) {}

  /** The index, a category page or a topic-tag page. */
  record ListPage(
      Layout layout,
      String heading,
      String intro,
      boolean featureFirst,
      List<Card> cards,
      boolean hasTopics,
      List<TopicView> topics,
      Pagination pagination,
      String atomHref,
      String jsonHref) {}

  /** One entry's page. */
  record EntryPage(
      Layout layout,
      Card card,
      String language,
      String dateTimeText,
      String byline,
      String originalUrl,
      String originalHost,
      String image,
      String imageAlt,
      String editorsNote,
      String analyzer,
      String model,
      String analysisVersion,
      String analyzedIso,
      String analyzedText,
      boolean hasRecommendations,
      List<Card> recommendations,
      boolean hasLatest,
      List<Card> latest) {}
}
