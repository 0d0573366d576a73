package dev.pulse.store;

import dev.pulse.analyze.Analysis;
import dev.pulse.analyze.Sentiment;
import dev.pulse.text.StoredText;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A curated entry: one article, its analysis and its provenance. A null title or text is read as
 * empty and null topics or flags as none, so those accessors never return null though their types
 * say {@code @Nullable} (it is the constructor's parameter too).
 *
 * @param id SHA-256 (hex) of {@link #url()}, the canonical URL; stable across reruns
 * @param url the canonical URL
 * @param source the configured source's name
 * @param title headline
 * @param byline authors, or null
 * @param published publication time, or null when the page and feed gave none
 * @param siteName publication name, or null
 * @param language BCP 47 tag, or null
 * @param image lead image URL, or null
 * @param text the extracted article body
 * @param summary 2-4 sentences
 * @param editorsNote why it matters, or null
 * @param sentiment the tone
 * @param category one category of the taxonomy
 * @param topics up to 3 tags (none when the text offers no usable phrase)
 * @param provenance how it was made
 * @param flags claims of the summary or editor's note the article does not support (e.g. {@code
 *     unsupported number "2,000"}), and {@link Analysis#LANGUAGE_NOT_SUPPORTED} when the analyzer
 *     could not judge the article's language; empty when none. For the desk and exports, never for
 *     public pages
 */
public record Entry(
    String id,
    String url,
    String source,
    @Nullable String title,
    @Nullable String byline,
    @Nullable OffsetDateTime published,
    @Nullable String siteName,
    @Nullable String language,
    @Nullable String image,
    @Nullable String text,
    String summary,
    @Nullable String editorsNote,
    Sentiment sentiment,
    String category,
    @Nullable List<String> topics,
    Provenance provenance,
    @Nullable List<String> flags) {

  public Entry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(source, "source");
    // stored text carries no control, bidi-override or zero-width characters; one-line fields
    // are capped (StoredText)
    title = title == null ? "" : StoredText.line(title, StoredText.MAX_TITLE);
    text = text == null ? "" : StoredText.body(text);
    byline = StoredText.line(byline, StoredText.MAX_BYLINE);
    siteName = StoredText.line(siteName, StoredText.MAX_BYLINE);
    summary = StoredText.line(summary);
    editorsNote = StoredText.line(editorsNote);
    topics = topics == null ? List.of() : topics.stream().map(StoredText::line).toList();
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(sentiment, "sentiment");
    Objects.requireNonNull(category, "category");
    topics = List.copyOf(topics);
    Objects.requireNonNull(provenance, "provenance");
    flags = flags == null ? List.of() : List.copyOf(flags);
  }

  /** An entry with no faithfulness flags. */
  public Entry(
      String id,
      String url,
      String source,
      @Nullable String title,
      @Nullable String byline,
      @Nullable OffsetDateTime published,
      @Nullable String siteName,
      @Nullable String language,
      @Nullable String image,
      @Nullable String text,
      String summary,
      @Nullable String editorsNote,
      Sentiment sentiment,
      String category,
      @Nullable List<String> topics,
      Provenance provenance) {
    this(
        id,
        url,
        source,
        title,
        byline,
        published,
        siteName,
        language,
        image,
        text,
        summary,
        editorsNote,
        sentiment,
        category,
        topics,
        provenance,
        List.of());
  }

  /**
   * Whether the faithfulness check found unsupported claims (such an entry waits for an editor).
   * The analyzer's own note {@link Analysis#LANGUAGE_NOT_SUPPORTED} is not a claim and does not
   * count.
   */
  public boolean flagged() {
    return flags.stream().anyMatch(f -> !f.equals(Analysis.LANGUAGE_NOT_SUPPORTED));
  }
}
