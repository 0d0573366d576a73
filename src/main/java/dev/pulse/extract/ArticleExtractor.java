package dev.pulse.extract;

import org.jspecify.annotations.Nullable;

/**
 * Turns one HTML page into an {@link ExtractedArticle}. Pure: no I/O, safe to call from many
 * threads. Never throws for bad markup; a page with no article gives an article with empty text.
 */
public interface ArticleExtractor {

  /**
   * @param html the page's markup, already decoded
   * @param url the page's URL, used to resolve relative links; may be null
   */
  ExtractedArticle extract(String html, @Nullable String url);

  /** A version string stored with every entry, changed whenever the algorithm changes. */
  String version();
}
