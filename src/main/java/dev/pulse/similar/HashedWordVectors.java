package dev.pulse.similar;

import dev.pulse.store.Entry;
import dev.pulse.text.WordTokens;

/** Feature-hashed bag of words over title (weight 2) and summary (weight 1), L2-normalised. */
final class HashedWordVectors implements EntryVectors {

  private final int dims;

  HashedWordVectors(int dims) {
    this.dims = dims;
  }

  @Override
  public float[] vector(Entry entry) {
    float[] v = new float[dims];
    add(v, entry.title(), 2f);
    add(v, entry.summary(), 1f);
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    if (norm > 0) {
      float inv = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < v.length; i++) {
        v[i] *= inv;
      }
    }
    return v;
  }

  private void add(float[] v, String text, float weight) {
    for (String word : WordTokens.of(text)) {
      if (WordTokens.isStopWord(word)) {
        continue;
      }
      int h = mix(word.hashCode());
      int slot = Math.floorMod(h, dims);
      v[slot] += (h & 0x40000000) == 0 ? weight : -weight;
    }
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }
}
