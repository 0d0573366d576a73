package dev.pulse.store;

import dev.pulse.fetch.ValidatorStore;

/**
 * A whole store: its roles, and the one unit of work that spans them. Opened by {@link Stores};
 * callers that need one role take that role, not this. Thread-safe.
 */
public interface Store extends AutoCloseable {

  EntryStore entryStore();

  RunLog runLog();

  WorkQueue workQueue();

  /** The fetcher's conditional-GET validators, by URL as requested. */
  ValidatorStore fetchState();

  VectorCache vectorCache();

  /** The fetcher's robots.txt files with their fetch times, by origin. */
  dev.pulse.fetch.RobotsStore robotsStore();

  /** Writes everything one item produced in one transaction: all of it or none. */
  void save(ItemWrite write);

  /**
   * The data-access core of this store's database, for roles kept by other packages beside these
   * (the desk's tables): one transaction can then span both.
   */
  Db db();

  /** Where the store is (a file, or a JDBC URL without credentials): for messages. */
  String location();

  @Override
  void close();
}
