package dev.pulse.publish;

import java.util.List;
import org.jspecify.annotations.Nullable;

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
      @Nullable String description,
      String siteTitle,
      @Nullable String tagline,
      @Nullable String canonical,
      String atomHref,
      String jsonHref,
      List<Link> nav,
      String generatedIso,
      String generatedText) {}

  /** A link with an optional count; {@code current} marks the page being shown. */
  record Link(@Nullable String href, String label, @Nullable Integer count, boolean current) {}

  /** The sentiment badge: text always, colour by CSS class, a symbol for quick scanning. */
  record Badge(String label, String css, String symbol) {}

  /**
   * An entry as a card in lists, recommendations and "Latest from".
   *
   * @param dateText date and time of publication, in the site's zone
   * @param language the entry's language when it differs from the page's ("en"), else null
   * @param dek the summary's first sentence, at most {@value Text#DEK_WORDS} words, or null
   * @param summary the whole summary (entry pages), or null
   * @param topics the entry's topic tags; {@code href} is null for a tag without its own page
   */
  record Card(
      String href,
      String title,
      String source,
      String dateIso,
      String dateText,
      @Nullable String language,
      Badge sentiment,
      String category,
      String categoryHref,
      @Nullable String dek,
      @Nullable String summary,
      List<Link> topics) {}

  /**
   * A trending topic with links to its stories. {@code href} is the topic tag's page, given only
   * when that page lists exactly the stories counted here.
   */
  record TopicView(
      String label,
      @Nullable String href,
      String rollUp,
      int storyCount,
      int sourceCount,
      String sourcesText,
      List<Link> stories) {}

  /** A category in the side column: its page, its size and its newest story. */
  record Section(Link link, Link newest) {}

  /** Previous/next links of a paged list. */
  record Pagination(@Nullable String prevHref, @Nullable String nextHref, String label) {}

  /**
   * The index, a category page or a topic-tag page. The side column holds the trending topics (when
   * any), the site's topics with pages, and the other sections with their newest story.
   */
  record ListPage(
      Layout layout,
      String heading,
      String intro,
      boolean featureFirst,
      List<Card> cards,
      boolean hasTopics,
      List<TopicView> topics,
      @Nullable Pagination pagination,
      String feedLabel,
      String atomHref,
      String jsonHref,
      List<Link> tagLinks,
      List<Section> sections) {

    public boolean hasTagLinks() {
      return !tagLinks.isEmpty();
    }

    public boolean hasSections() {
      return !sections.isEmpty();
    }
  }

  /** One entry's page. */
  record EntryPage(
      Layout layout,
      Card card,
      @Nullable String storyLanguage,
      String dateTimeText,
      @Nullable String byline,
      @Nullable String originalUrl,
      String publication,
      boolean localCopy,
      @Nullable String image,
      @Nullable String imageAlt,
      @Nullable String editorsNote,
      @Nullable String analyzer,
      @Nullable String model,
      @Nullable String analysisVersion,
      String analyzedIso,
      String analyzedText,
      boolean hasRecommendations,
      List<Card> recommendations,
      boolean hasLatest,
      List<Card> latest,
      String aboutHref,
      List<Card> elsewhere,
      @Nullable Feedback feedback) {

    public boolean hasElsewhere() {
      return !elsewhere.isEmpty();
    }
  }

  /** The page that explains how entries are made. */
  /** The about page; {@code reviewed}: an editor approves each entry before it is published. */
  record AboutPage(
      Layout layout,
      String siteTitle,
      List<String> analyzers,
      List<String> models,
      boolean reviewed,
      int entries) {}
}
