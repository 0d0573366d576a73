package dev.pulse.analyze;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an analyzer reads: one article's text and the little metadata that helps.
 *
 * @param id caller's key, echoed in logs; never null
 * @param title headline, may be null
 * @param text body text, paragraphs separated by blank lines; never null
 * @param source publication or source name, may be null
 * @param published publication time, may be null
 * @param language BCP 47 tag, may be null
 */
public record ArticleText(
    String id,
    @Nullable String title,
    String text,
    @Nullable String source,
    @Nullable OffsetDateTime published,
    @Nullable String language) {

  public ArticleText {
    Objects.requireNonNull(id, "id");
    text = text == null ? "" : text;
  }

  public static ArticleText of(String id, @Nullable String title, @Nullable String text) {
    return new ArticleText(id, title, text, null, null, null);
  }
}
