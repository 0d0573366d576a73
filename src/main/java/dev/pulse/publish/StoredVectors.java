package dev.pulse.publish;

import dev.pulse.store.Entry;
import dev.pulse.store.EntryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vectors cached in the store: those saved for an entry's current content are reused, the rest are
 * embedded in batches and saved. A store that cannot save a vector costs only the cache.
 */
final class StoredVectors implements EntryVectors {

  private static final Logger LOG = LoggerFactory.getLogger(StoredVectors.class);
  private static final int BATCH = 64;

  private final EntryStore store;
  private final String model;
  private final Function<List<String>, List<float[]>> embedAll;

  StoredVectors(EntryStore store, String model, Function<List<String>, List<float[]>> embedAll) {
    this.store = store;
    this.model = model;
    this.embedAll = embedAll;
  }

  @Override
  public float[] vector(Entry entry) {
    return vectors(List.of(entry)).get(0);
  }

  @Override
  public List<float[]> vectors(List<Entry> entries) {
    Map<String, float[]> saved = store.vectors(entries, model);
    List<float[]> out = new ArrayList<>(entries.size());
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      float[] v = saved.get(entries.get(i).id());
      out.add(v);
      if (v == null) {
        missing.add(i);
      }
    }
    for (int from = 0; from < missing.size(); from += BATCH) {
      List<Integer> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
      List<float[]> vs = embedAll.apply(batch.stream().map(i -> EntryVectors.text(entries.get(i))).toList());
      for (int k = 0; k < batch.size(); k++) {
        Entry e = entries.get(batch.get(k));
        out.set(batch.get(k), vs.get(k));
        try {
          store.saveVector(e, model, vs.get(k));
        } catch (RuntimeException ex) {
          LOG.warn("cannot cache the vector of entry {}: {}", e.id(), ex.getMessage());
        }
      }
    }
    if (!missing.isEmpty()) {
      LOG.debug("embedded {} of {} entries, {} from the store", missing.size(), entries.size(),
          entries.size() - missing.size());
    }
    return out;
  }
}
