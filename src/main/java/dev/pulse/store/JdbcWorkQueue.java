package dev.pulse.store;

import dev.pulse.source.DiscoveredItem;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** {@link WorkQueue} over the data-access core, for both dialects. */
final class JdbcWorkQueue implements WorkQueue {

  private final Db db;

  JdbcWorkQueue(Db db) {
    this.db = db;
  }

  @Override
  public void queueDiscovered(List<DiscoveredItem> items) {
    Instant now = Instant.now();
    db.inTransaction(
        "queue " + items.size() + " discovered items",
        () -> {
          for (DiscoveredItem item : items) {
            put("queue " + item.url(), item, "pending", 0, "NOTHING", now);
          }
          return null;
        });
  }

  @Override
  public void queueRetry(DiscoveredItem item, String reason) {
    put(
        "queue " + item.url() + " for retry",
        item,
        reason,
        1,
        "UPDATE SET reason=excluded.reason, attempts=retry_queue.attempts+1,"
            + " updated_at=excluded.updated_at",
        Instant.now());
  }

  @Override
  public void deferItem(DiscoveredItem item, String reason) {
    put(
        "queue " + item.url() + " for the next run",
        item,
        reason,
        0,
        "UPDATE SET reason=excluded.reason, updated_at=excluded.updated_at",
        Instant.now());
  }

  /**
   * Inserts the item with this reason and attempts; {@code onConflict} says what a queued one gets.
   */
  private void put(
      String what,
      DiscoveredItem item,
      String reason,
      int attempts,
      String onConflict,
      Instant now) {
    db.update(
        what,
        "INSERT INTO retry_queue (url, source, title, published_at, published_offset, category,"
            + " reason, attempts, updated_at) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (url) DO "
            + onConflict,
        item.url(),
        item.source(),
        item.title(),
        item.published() == null ? null : item.published().toInstant(),
        Db.offsetSeconds(item.published()),
        item.categoryHint(),
        reason,
        attempts,
        now);
  }

  @Override
  public void dropRetry(String url) {
    db.update(
        "drop " + url + " from the retry queue", "DELETE FROM retry_queue WHERE url = ?", url);
  }

  @Override
  public List<DiscoveredItem> retries(int maxAttempts) {
    return db.list(
        "read the retry queue",
        "SELECT * FROM retry_queue WHERE attempts < ? ORDER BY updated_at, url",
        JdbcWorkQueue::item,
        maxAttempts);
  }

  @Override
  public List<DiscoveredItem> retriesAfter(int maxAttempts, String afterUrl, int limit) {
    return db.list(
        "read a page of the retry queue",
        "SELECT * FROM retry_queue WHERE attempts < ? AND url > ? ORDER BY url LIMIT ?",
        JdbcWorkQueue::item,
        maxAttempts,
        afterUrl,
        limit);
  }

  private static DiscoveredItem item(Db.Row r) throws SQLException {
    return new DiscoveredItem(
        r.text("url"),
        r.text("title"),
        r.offsetTime("published"),
        r.text("source"),
        r.text("category"));
  }
}
