package dev.pulse.store;

import dev.pulse.fetch.RobotsStore;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The fetcher's {@link RobotsStore} in the {@code robots} table. A cache read by key only, so its
 * fetch time is kept as ISO-8601 UTC text in both dialects (as the table was first written).
 */
final class JdbcRobotsStore implements RobotsStore {

  private final Db db;

  JdbcRobotsStore(Db db) {
    this.db = db;
  }

  @Override
  public @Nullable Copy get(String origin) {
    return db.first(
            "read robots.txt of " + origin,
            "SELECT body, unavailable, fetched_at FROM robots WHERE origin = ?",
            r ->
                new Copy(
                    r.text("body"),
                    r.number("unavailable") != 0,
                    Instant.parse(r.text("fetched_at"))),
            origin)
        .orElse(null);
  }

  @Override
  public void put(String origin, Copy copy) {
    db.update(
        "save robots.txt of " + origin,
        "INSERT INTO robots (origin, body, unavailable, fetched_at) VALUES (?,?,?,?)"
            + " ON CONFLICT (origin) DO UPDATE SET body=excluded.body,"
            + " unavailable=excluded.unavailable, fetched_at=excluded.fetched_at",
        origin,
        copy.body(),
        copy.unavailable() ? 1 : 0,
        copy.fetchedAt().toString());
  }
}
