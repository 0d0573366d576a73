package dev.pulse.editorial;

import org.jspecify.annotations.Nullable;

/**
 * A page of the review queue. Null filters match everything.
 *
 * @param state the review state, or null for all
 * @param sort "newest" (default) or "votes" (most votes first) or "helpful" (most Yes first); null
 *     or blank is read as "newest", so the accessor never returns null
 * @param page 1-based
 */
public record QueueQuery(
    @Nullable String source,
    @Nullable String category,
    @Nullable String sentiment,
    @Nullable ReviewState state,
    @Nullable String flag,
    @Nullable String sort,
    int page,
    int pageSize) {

  public QueueQuery {
    page = Math.max(1, page);
    pageSize = Math.max(1, Math.min(200, pageSize));
    sort = sort == null || sort.isBlank() ? "newest" : sort;
  }
}
