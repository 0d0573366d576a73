package dev.pulse.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Near-duplicate fingerprints (Charikar's SimHash) over word shingles: two versions of an article
 * that differ by a few words (a corrected typo, another byline, a syndication footer) get 64-bit
 * fingerprints a few bits apart. Pure and thread-safe.
 */
public final class SimHash {

  /**
   * Words per shingle by default. Measured on 500 news articles (docs/benchmarks.md): word pairs
   * separate edited copies from other articles better than single words or triples.
   */
  public static final int DEFAULT_SHINGLE = 2;

  /**
   * Bits that may differ for two texts to count as near-duplicates. On the same 500 articles no two
   * different articles came closer than 14 bits, while copies with 2% of words changed or a footer
   * added stayed within 8 in 95% of cases; 8 leaves a margin, since a false match costs an article
   * its analysis while a missed one only costs an extra analysis.
   */
  public static final int DEFAULT_THRESHOLD = 8;

  private final int shingle;
  private final int threshold;

  public SimHash(int shingle, int threshold) {
    if (shingle < 1 || threshold < 0 || threshold > 64) {
      throw new IllegalArgumentException("shingle must be at least 1 and threshold within 0..64");
    }
    this.shingle = shingle;
    this.threshold = threshold;
  }

  public static SimHash defaults() {
    return new SimHash(DEFAULT_SHINGLE, DEFAULT_THRESHOLD);
  }

  /** The fingerprint of a text; 0 for a text without words. */
  public long fingerprint(@Nullable String text) {
    List<String> words = words(text);
    if (words.isEmpty()) {
      return 0L;
    }
    int[] votes = new int[64];
    int n = Math.max(1, words.size() - shingle + 1);
    for (int i = 0; i < n; i++) {
      String feature = String.join(" ", words.subList(i, Math.min(words.size(), i + shingle)));
      long h = hash(feature);
      for (int bit = 0; bit < 64; bit++) {
        votes[bit] += ((h >>> bit) & 1L) == 1L ? 1 : -1;
      }
    }
    long fingerprint = 0L;
    for (int bit = 0; bit < 64; bit++) {
      if (votes[bit] > 0) {
        fingerprint |= 1L << bit;
      }
    }
    return fingerprint;
  }

  /** How many words the fingerprint of this text is made from. */
  public static int wordCount(@Nullable String text) {
    return words(text).size();
  }

  /** Bits in which two fingerprints differ. */
  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /** True when the fingerprints are within the threshold. */
  public boolean nearDuplicates(long a, long b) {
    return distance(a, b) <= threshold;
  }

  static List<String> words(@Nullable String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    for (String w : normalized.split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }

  /** 64-bit FNV-1a, then the SplitMix64 finaliser so every bit depends on every input bit. */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return h;
  }
}
