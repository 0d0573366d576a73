package dev.pulse.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entries role: curated entries with the other URLs they were found under (alternates) and the
 * SimHash fingerprints of their texts. Thread-safe; I/O errors are {@link StoreException}s naming
 * the entry or URL concerned.
 */
public interface EntryStore {

  /** Inserts or replaces the entry with the same id (its fingerprint is kept). */
  void upsert(Entry entry);

  Optional<Entry> find(String id);

  /**
   * All entries, newest first: by published instant (UTC, whatever offset each was given with), an
   * entry without one by its analysis instant; then by analysis instant, then id.
   */
  List<Entry> entries();

  /** The entry with this content hash, if one was stored (the first of them). */
  Optional<Entry> findByContentHash(String contentHash);

  /** The entry this URL is an alternate of, if any. */
  Optional<Alternate> alternate(String url);

  /** Links another URL to an entry (which need not be stored yet); replaces an earlier link. */
  void addAlternate(Alternate alternate);

  /** Alternates of one entry, by URL. */
  List<Alternate> alternates(String entryId);

  /** Sets the SimHash fingerprint of a stored entry's text. */
  void saveFingerprint(String entryId, long simhash);

  /** Entry ids with their SimHash fingerprints, for near-duplicate search. */
  Map<String, Long> fingerprints();
}
