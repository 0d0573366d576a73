package dev.pulse.store;

import dev.pulse.source.DiscoveredItem;
import java.time.Instant;
import java.util.List;

/** {@link WorkQueue} over the data-access core, for both dialects. */
final class JdbcWorkQueue implements WorkQueue {

  private final Db db;

  JdbcWorkQueue(Db db) {
    this.db = db;
  }

  @Override
  public void queueRetry(DiscoveredItem item, String reason) {
    db.update(
        "queue " + item.url() + " for retry",
        "INSERT INTO retry_queue (url, source, title, published_at, published_offset, category,"
            + " reason, attempts, updated_at) VALUES (?,?,?,?,?,?,?,1,?) ON CONFLICT (url) DO UPDATE"
            + " SET reason=excluded.reason, attempts=retry_queue.attempts+1,"
            + " updated_at=excluded.updated_at",
        item.url(),
        item.source(),
        item.title(),
        item.published() == null ? null : item.published().toInstant(),
        Db.offsetSeconds(item.published()),
        item.categoryHint(),
        reason,
        Instant.now());
  }

  @Override
  public void dropRetry(String url) {
    db.update("drop " + url + " from the retry queue", "DELETE FROM retry_queue WHERE url = ?", url);
  }

  @Override
  public List<DiscoveredItem> retries(int maxAttempts) {
    return db.list(
        "read the retry queue",
        "SELECT * FROM retry_queue WHERE attempts < ? ORDER BY updated_at, url",
        r ->
            new DiscoveredItem(
                r.text("url"),
                r.text("title"),
                r.offsetTime("published"),
                r.text("source"),
                r.text("category")),
        maxAttempts);
  }
}
