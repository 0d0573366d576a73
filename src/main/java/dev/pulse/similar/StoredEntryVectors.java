package dev.pulse.similar;

import dev.pulse.embed.Embedder;
import dev.pulse.store.Entry;
import dev.pulse.store.VectorCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sentence embeddings of entries, kept in the store: only entries that are new or whose content
 * changed since their vector was saved are embedded (in batches), so re-rendering a large site
 * costs almost no model time. A vector the store cannot save costs only the cache, not the render.
 */
public final class StoredEntryVectors implements EntryVectors {

  private static final Logger LOG = LoggerFactory.getLogger(StoredEntryVectors.class);
  private static final int BATCH = 64;

  private final VectorCache store;
  private final String model;
  private final Function<List<String>, List<float[]>> embedAll;

  /** Embeds with {@link Embedder#shared()} and caches under {@link Embedder#MODEL_NAME}. */
  public StoredEntryVectors(VectorCache store) {
    this(store, Embedder.MODEL_NAME, texts -> Embedder.shared().embedAll(texts));
  }

  StoredEntryVectors(
      VectorCache store, String model, Function<List<String>, List<float[]>> embedAll) {
    this.store = store;
    this.model = model;
    this.embedAll = embedAll;
  }

  @Override
  public float @Nullable [] vector(Entry entry) {
    return vectors(List.of(entry)).get(0);
  }

  @Override
  public List<float @Nullable []> vectors(List<Entry> entries) {
    Map<String, float[]> saved = store.vectors(entries, model);
    List<float @Nullable []> out = new ArrayList<>(entries.size());
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
      List<float[]> vs =
          embedAll.apply(batch.stream().map(i -> EntryVectors.text(entries.get(i))).toList());
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
      LOG.debug(
          "embedded {} of {} entries; {} came from the store",
          missing.size(),
          entries.size(),
          entries.size() - missing.size());
    }
    return out;
  }
}
