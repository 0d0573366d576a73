package dev.pulse.store;

import java.util.Collection;
import java.util.Map;

/**
 * Sentence-embedding vectors of entries, kept with the content hash and model they were computed
 * from: a cache, so a vector whose entry changed is simply not returned. A read-only store keeps
 * nothing.
 */
public interface VectorCache {

  /**
   * Vectors saved for these entries, keyed by entry id, counting only those computed from the
   * entry's current content hash with this model.
   */
  Map<String, float[]> vectors(Collection<Entry> entries, String model);

  /** Saves an entry's vector, computed from its current content with {@code model}. */
  void saveVector(Entry entry, String model, float[] vector);
}
