package dev.pulse.extract;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * What the extractor found in one HTML page. Every field except {@code text} may be null when the
 * page does not say; {@code text} is the article body as plain text, paragraphs separated by a
 * blank line, never null (empty when no article was found; null given is read as empty, which is
 * why its type says {@code @Nullable}).
 *
 * @param url the URL the page was fetched from, or null for a local file
 * @param title the headline, without a " | Site Name" suffix
 * @param byline author names, without a leading "By"
 * @param published publication date-time with offset
 * @param siteName the publication's name
 * @param language BCP 47 language tag, e.g. "en" or "pt-BR"
 * @param canonicalUrl the page's rel=canonical or og:url, absolute
 * @param image absolute URL of the lead image
 * @param description the page's own short description
 * @param text the article body
 */
public record ExtractedArticle(
    @Nullable String url,
    @Nullable String title,
    @Nullable String byline,
    @Nullable OffsetDateTime published,
    @Nullable String siteName,
    @Nullable String language,
    @Nullable String canonicalUrl,
    @Nullable String image,
    @Nullable String description,
    @Nullable String text) {

  public ExtractedArticle {
    text = text == null ? "" : text;
  }

  /** Nothing found: the page at {@code url} (null for a local file) yielded no article. */
  public static ExtractedArticle empty(@Nullable String url) {
    return new ExtractedArticle(url, null, null, null, null, null, null, null, null, "");
  }

  /**
   * This article with another body; the description, when the page gave none, becomes the body's
   * opening ({@link Excerpt}).
   */
  public ExtractedArticle withText(String body) {
    return new ExtractedArticle(
        url,
        title,
        byline,
        published,
        siteName,
        language,
        canonicalUrl,
        image,
        description != null ? description : Excerpt.of(body, title),
        body);
  }

  /** True when the page yielded body text worth analyzing. */
  public boolean hasText() {
    return !text.isBlank();
  }
}
