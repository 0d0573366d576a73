package dev.pulse.editorial;

/**
 * A page of the review queue. Null filters match everything.
 *
 * @param state the review state, or null for all
 * @param sort "newest" (default) or "votes" (most votes first) or "helpful" (most Yes first)
 * @param page 1-based
 */
public record QueueQuery(
    String source, String category, String sentiment, ReviewState state, String flag,
    String sort, int page, int pageSize) {

  public QueueQuery {
    page = Math.max(1, page);
    pageSize = Math.max(1, Math.min(200, pageSize));
    sort = sort == null || sort.isBlank() ? "newest" : sort;
  }
}
