package dev.pulse.publish;

import dev.pulse.embed.Embedder;
import dev.pulse.store.Entry;
import dev.pulse.store.EntryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sentence embeddings of entries, kept in the store: only entries that are new or whose content
 * changed since their vector was saved are embedded, in one batch, so re-rendering a large site
 * costs almost no model time.
 */
public final class StoredEntryVectors implements EntryVectors {

  private final EntryStore store;

  public StoredEntryVectors(EntryStore store) {
    this.store = store;
  }

  @Override
  public float[] vector(Entry entry) {
    return vectors(List.of(entry)).get(0);
  }

  @Override
  public List<float[]> vectors(List<Entry> entries) {
    Map<String, float[]> known = store.vectors(entries, Embedder.MODEL_NAME);
    List<Entry> missing = entries.stream().filter(e -> !known.containsKey(e.id())).toList();
    if (!missing.isEmpty()) {
      List<float[]> computed =
          Embedder.shared().embedAll(missing.stream().map(EntryVectors::text).toList());
      for (int i = 0; i < missing.size(); i++) {
        store.saveVector(missing.get(i), Embedder.MODEL_NAME, computed.get(i));
        known.put(missing.get(i).id(), computed.get(i));
      }
    }
    List<float[]> out = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      out.add(known.get(e.id()));
    }
    return out;
  }
}
