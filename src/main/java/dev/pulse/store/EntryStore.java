package dev.pulse.store;

import java.util.List;
import java.util.Optional;

/**
 * The persistence seam: curated entries, run history and per-item failures. Thread-safe.
 * Implementations wrap their own I/O errors in {@link StoreException} naming the key concerned.
 */
public interface EntryStore extends AutoCloseable {

  /** Inserts or replaces the entry with the same id. */
  void upsert(Entry entry);

  Optional<Entry> find(String id);

  /** All entries, newest first (by published time, then analysis time). */
  List<Entry> entries();

  /** Starts a run and returns its number. */
  long startRun(String command, String analyzer);

  /** Records one item's failure under a run. */
  void recordFailure(long runId, ItemFailure failure);

  /** Closes a run with its figures, status and stop reason. */
  void finishRun(RunRecord run);

  /**
   * Marks every run still "running" as "abandoned" (its process died without closing it) and
   * returns them as they were. Only the holder of the store's {@code StoreLock} may call it: then
   * no other run can be live.
   */
  List<RunRecord> abandonRuns();

  /** Runs, newest first. */
  List<RunRecord> runs();

  /** Failures recorded under one run, in the order they were recorded. */
  List<ItemFailure> failures(long runId);

  /** The validators saved for a URL, if any. */
  Optional<Validators> validators(String url);

  /** Saves (or clears, when empty) the validators of a URL after a good fetch. */
  void saveValidators(String url, Validators validators);

  /** The robots.txt kept for an origin, if any. */
  Optional<RobotsFile> robots(String origin);

  /** Keeps a robots.txt, replacing the origin's older one. */
  void saveRobots(RobotsFile file);

  /**
   * Vectors saved for these entries, keyed by entry id, counting only those computed from the
   * entry's current content hash with this model.
   */
  java.util.Map<String, float[]> vectors(java.util.Collection<Entry> entries, String model);

  /** Saves an entry's vector, computed from its current content with {@code model}. */
  void saveVector(Entry entry, String model, float[] vector);

  /** The entry with this content hash, if one was stored (the first of them). */
  Optional<Entry> findByContentHash(String contentHash);

  /** The entry this URL is an alternate of, if any. */
  Optional<Alternate> alternate(String url);

  /** Links another URL to an existing entry. */
  void addAlternate(Alternate alternate);

  /** Alternates of one entry. */
  List<Alternate> alternates(String entryId);

  /** Sets the SimHash fingerprint of an entry's text. */
  void saveSimhash(String entryId, long simhash);

  /** Entry ids with their SimHash fingerprints, for near-duplicate search. */
  java.util.Map<String, Long> simhashes();

  /**
   * Makes newly discovered items durable, in one transaction, before their source's validators are
   * saved: they stay queued (with no attempt counted) until they reach an outcome, so a run that
   * dies leaves them to the next. Items already queued keep their attempts and reason.
   */
  void queueDiscovered(List<dev.pulse.source.DiscoveredItem> items);

  /** Queues an item to be tried again on later runs, counting the attempt. */
  void queueRetry(dev.pulse.source.DiscoveredItem item, String reason);

  /**
   * Keeps an item queued for the next run with this reason, without counting an attempt: the run
   * stopped before the item could finish, through no fault of the item's.
   */
  void deferItem(dev.pulse.source.DiscoveredItem item, String reason);

  /** Removes an item from the retry queue (it succeeded, or is gone for good). */
  void dropRetry(String url);

  /** Items queued for another try with fewer than {@code maxAttempts} attempts so far. */
  List<dev.pulse.source.DiscoveredItem> retries(int maxAttempts);

  @Override
  void close();
}
