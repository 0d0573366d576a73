package dev.pulse.publish;

import dev.pulse.similar.EntryVectors;
import dev.pulse.store.Entry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Renders the curated static site: an index with category navigation and trending topics, a page
 * per category and per topic tag, a page per entry (at {@code entries/<id>.html}, stable across
 * renders) with "Recommended Readings" and "Latest from &lt;category&gt;", and Atom and JSON Feed
 * 1.1 feeds for the site and each category. Pages link relatively, need no JavaScript, and work
 * over file:// as well as from any web path.
 *
 * <p>Thread-safe and reusable; each {@link #write} is independent. Entries are read only.
 *
 * <pre>{@code
 * SiteReport r = SiteRenderer.render(store.entries(), Path.of("out/site"));          // defaults
 * SiteReport r = new SiteRenderer(settings, EntryVectors.embedded()).write(entries, dir);
 * }</pre>
 */
public final class SiteRenderer {

  private final SiteSettings settings;
  private final EntryVectors vectors;
  private final TopicSummarizer summarizer;
  private final SiteBuilder builder;
  private final Map<String, String> originals;
  private final @Nullable String feedbackUrl;
  private final boolean reviewed;

  /** A renderer with the extractive topic roll-up. */
  public SiteRenderer(SiteSettings settings, EntryVectors vectors) {
    this(settings, vectors, TopicSummarizer.extractive());
  }

  public SiteRenderer(SiteSettings settings, EntryVectors vectors, TopicSummarizer summarizer) {
    this(settings, vectors, summarizer, Map.of(), null, false);
  }

  private SiteRenderer(
      SiteSettings settings,
      EntryVectors vectors,
      TopicSummarizer summarizer,
      Map<String, String> originals,
      @Nullable String feedbackUrl,
      boolean reviewed) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.vectors = Objects.requireNonNull(vectors, "vectors");
    this.summarizer = Objects.requireNonNull(summarizer, "summarizer");
    this.originals = originals;
    this.feedbackUrl = feedbackUrl;
    this.reviewed = reviewed;
    this.builder =
        new SiteBuilder(
            settings, vectors, summarizer, new Templates(), originals, feedbackUrl, reviewed);
  }

  /**
   * This renderer, with "Was this worth reading? Yes / No" and share links on entry pages, the
   * votes going to the {@code pulse serve} at {@code feedbackUrl} ("/" when the pages are served by
   * that same process). A plain form POST: it works without JavaScript.
   */
  public SiteRenderer withFeedback(@Nullable String feedbackUrl) {
    return new SiteRenderer(
        settings,
        vectors,
        summarizer,
        originals,
        Objects.requireNonNull(feedbackUrl, "feedbackUrl"),
        reviewed);
  }

  /**
   * This renderer, with entry pages linking "Read the original" to copies of the original pages
   * kept inside the site instead of to the publishers (what {@code pulse demo} does, whose
   * publishers exist only while it runs).
   *
   * @param copies an entry's URL → the path of its copy relative to the site's root
   *     ("originals/story.html"); the caller writes the copies
   */
  public SiteRenderer withOriginalCopies(Map<String, String> copies) {
    return new SiteRenderer(
        settings, vectors, summarizer, Map.copyOf(copies), feedbackUrl, reviewed);
  }

  /**
   * This renderer, telling readers (on the about page) whether an editor approves each entry before
   * it is published: true for the config's {@code review: required}, false (the default) for {@code
   * review: optional}, where entries appear as the AI editor wrote them.
   */
  public SiteRenderer withReviewRequired(boolean required) {
    return new SiteRenderer(settings, vectors, summarizer, originals, feedbackUrl, required);
  }

  /**
   * Renders with {@link SiteSettings#defaults()}, sentence-embedding similarity ({@link
   * EntryVectors#embedded()}) and the extractive topic roll-up.
   */
  public static SiteReport render(List<Entry> entries, Path outDir) {
    return new SiteRenderer(SiteSettings.defaults(), EntryVectors.embedded())
        .write(entries, outDir);
  }

  /**
   * Renders the site for these entries into memory, for {@code pulse serve}: site-relative path
   * ("entries/ab..cd.html") to content. The same pages and feeds as {@link #write}.
   */
  public java.util.Map<String, byte[]> render(List<Entry> entries) {
    Objects.requireNonNull(entries, "entries");
    java.util.Map<String, byte[]> files = new java.util.concurrent.ConcurrentHashMap<>();
    builder.build(entries, files::put);
    return files;
  }

  /**
   * Writes the site for these entries under {@code outDir} (created when missing). Files whose
   * content is unchanged are not rewritten; files of entries no longer present are left in place,
   * so old links keep working.
   *
   * @throws java.io.UncheckedIOException when a file cannot be written (names the file)
   */
  public SiteReport write(List<Entry> entries, Path outDir) {
    Objects.requireNonNull(entries, "entries");
    DirectorySink sink = new DirectorySink(outDir);
    SiteBuilder.Counts counts = builder.build(entries, sink);
    return new SiteReport(
        outDir,
        counts.entries(),
        counts.pages(),
        counts.feeds(),
        counts.topics(),
        sink.written.get(),
        sink.unchanged.get(),
        counts.phaseMillis());
  }
}
