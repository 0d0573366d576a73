package dev.pulse.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.pulse.fetch.ValidatorStore;

/** A {@link Store} on SQLite or PostgreSQL: the roles over one data-access core. */
final class JdbcStore implements Store {

  private final Db db;
  private final HikariDataSource pool;
  private final StoreLocation where;
  private final JdbcEntryStore entries;
  private final JdbcRunLog runs;
  private final JdbcWorkQueue queue;
  private final JdbcFetchState fetchState;
  private final JdbcVectorCache vectors;
  private final JdbcRobotsStore robots;

  JdbcStore(Db db, HikariDataSource pool, StoreLocation where, boolean readOnly) {
    this.db = db;
    this.pool = pool;
    this.where = where;
    this.entries = new JdbcEntryStore(db);
    this.runs = new JdbcRunLog(db);
    this.queue = new JdbcWorkQueue(db);
    this.fetchState = new JdbcFetchState(db);
    this.vectors = new JdbcVectorCache(db, readOnly);
    this.robots = new JdbcRobotsStore(db);
  }

  @Override
  public EntryStore entryStore() {
    return entries;
  }

  @Override
  public RunLog runLog() {
    return runs;
  }

  @Override
  public WorkQueue workQueue() {
    return queue;
  }

  @Override
  public ValidatorStore fetchState() {
    return fetchState;
  }

  @Override
  public VectorCache vectorCache() {
    return vectors;
  }

  @Override
  public dev.pulse.fetch.RobotsStore robotsStore() {
    return robots;
  }

  @Override
  public void save(ItemWrite w) {
    db.inTransaction(
        "store item " + w.item().url(),
        () -> {
          if (w.entry() != null) {
            entries.upsert(w.entry());
            entries.saveFingerprint(w.entry().id(), w.fingerprint());
          }
          if (w.alternate() != null) {
            entries.addAlternate(w.alternate());
          }
          if (w.validators() != null) {
            fetchState.put(w.item().url(), w.validators());
          }
          if (w.failure() != null) {
            runs.recordFailure(w.runId(), w.failure());
          }
          switch (w.retry()) {
            case QUEUE -> queue.queueRetry(w.item(), w.retryReason());
            case DROP -> queue.dropRetry(w.item().url());
            case KEEP -> {}
          }
          return null;
        });
  }

  @Override
  public Db db() {
    return db;
  }

  @Override
  public String location() {
    return where.toString();
  }

  @Override
  public void close() {
    pool.close();
  }
}
