package dev.pulse.store;

import dev.pulse.fetch.ValidatorStore;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The fetcher's {@link ValidatorStore} kept in the {@code fetch_state} table. */
final class JdbcFetchState implements ValidatorStore {

  private final Db db;

  JdbcFetchState(Db db) {
    this.db = db;
  }

  @Override
  public @Nullable Validators get(String url) {
    return db.first(
            "read the fetch state of " + url,
            "SELECT etag, last_modified FROM fetch_state WHERE url = ?",
            r -> new Validators(r.text("etag"), r.text("last_modified")),
            url)
        .filter(v -> v.etag() != null || v.lastModified() != null)
        .orElse(null);
  }

  @Override
  public void put(String url, @Nullable Validators v) {
    if (v == null || (v.etag() == null && v.lastModified() == null)) {
      db.update("clear the fetch state of " + url, "DELETE FROM fetch_state WHERE url = ?", url);
      return;
    }
    db.update(
        "save the fetch state of " + url,
        "INSERT INTO fetch_state (url, etag, last_modified, checked_at) VALUES (?,?,?,?)"
            + " ON CONFLICT (url) DO UPDATE SET etag=excluded.etag,"
            + " last_modified=excluded.last_modified, checked_at=excluded.checked_at",
        url,
        v.etag(),
        v.lastModified(),
        Instant.now());
  }
}
