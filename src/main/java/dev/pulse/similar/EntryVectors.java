package dev.pulse.similar;

import dev.pulse.embed.Embedder;
import dev.pulse.store.Entry;
import dev.pulse.store.VectorCache;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the site gets a vector per entry, for "Recommended Readings" and trending-topic clustering.
 * Vectors of one render must share a length; they need not be unit length (the renderer
 * normalises). A null or wrongly sized vector makes that entry rank by recency only.
 */
@FunctionalInterface
public interface EntryVectors {

  /** The entry's vector. */
  float @Nullable [] vector(Entry entry);

  /** All vectors, in the entries' order. Override to batch (e.g. one embedding call, a cache). */
  default List<float @Nullable []> vectors(List<Entry> entries) {
    List<float @Nullable []> out = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      out.add(vector(e));
    }
    return out;
  }

  /** The text an entry is embedded by: title and summary. */
  static String text(Entry entry) {
    return entry.title() + ". " + entry.summary();
  }

  /**
   * Sentence embeddings of {@link #text(Entry)} from {@link Embedder#shared()}, batched, without a
   * cache. Loading the model costs about a second; embedding costs a few milliseconds per entry.
   */
  static EntryVectors embedded() {
    return new EntryVectors() {
      @Override
      public float @Nullable [] vector(Entry entry) {
        return Embedder.shared().embed(text(entry));
      }

      @Override
      public List<float @Nullable []> vectors(List<Entry> entries) {
        return Embedder.shared().embedAll(entries.stream().map(EntryVectors::text).toList());
      }
    };
  }

  /**
   * Like {@link #embedded()}, with the store as a persistent cache (see {@link
   * StoredEntryVectors}): a re-render of an unchanged store embeds nothing.
   */
  static EntryVectors embedded(VectorCache store) {
    return new StoredEntryVectors(store);
  }

  /**
   * A fast, deterministic bag-of-words vector (feature hashing over title and summary words, title
   * words counted twice). No model, no I/O: for tests, benchmarks and machines without the model.
   */
  static EntryVectors hashedWords() {
    return new HashedWordVectors(384);
  }
}
