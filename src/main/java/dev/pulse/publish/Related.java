package dev.pulse.publish;

import dev.pulse.similar.TopK;
import dev.pulse.similar.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * "Recommended Readings": for each entry the most similar other entries by cosine similarity of
 * their vectors, never the entry itself nor its duplicates (same URL or title), nor two copies of
 * one story.
 *
 * <p>Comparing every pair is quadratic (10,000 entries: 50 million dot products), so candidates are
 * bounded: the entries nearest in time overall, nearest in time within the same category, and
 * nearest in time under each shared topic tag. Small sites (up to {@value #GLOBAL} * 2 entries) are
 * thus compared exhaustively. A top-k list per entry keeps the best without sorting all.
 */
final class Related {

  static final int GLOBAL = 150;
  static final int CATEGORY = 200;
  static final int TAG = 50;
  private static final int SPARE = 8;

  private Related() {}

  /** Per entry, the positions of up to {@code count} recommendations, best first, no floor. */
  static int[][] recommend(Catalog c, float[][] unit, int count) {
    return recommend(c, unit, count, -1);
  }

  /**
   * Per entry, the positions of up to {@code count} recommendations, best first, each at least
   * {@code floor} similar (cosine): fewer, or none, rather than unrelated stories. An entry without
   * a vector (the vectors failed) is not held to the floor: its list ranks by recency instead.
   */
  static int[][] recommend(Catalog c, float[][] unit, int count, double floor) {
    int n = c.size();
    int k = count + SPARE;
    ThreadLocal<int[]> stamps = ThreadLocal.withInitial(() -> new int[n]);
    int[][] out = new int[n][];
    IntStream.range(0, n)
        .parallel()
        .forEach(i -> out[i] = forEntry(c, unit, i, k, count, floor, stamps.get()));
    return out;
  }

  private static int[] forEntry(
      Catalog c, float[][] unit, int i, int k, int count, double floor, int[] stamp) {
    TopK top = new TopK(k);
    int mark = i + 1;
    stamp[i] = mark;
    int n = c.size();
    for (int j = Math.max(0, i - GLOBAL), end = Math.min(n, i + GLOBAL + 1); j < end; j++) {
      consider(unit, i, j, stamp, mark, top);
    }
    int[] cat = c.byCategory.get(c.categories[i]);
    window(cat, c.categoryPosition[i], CATEGORY, unit, i, stamp, mark, top);
    for (String key : c.tagKeys[i]) {
      int[] tagged = c.byTag.get(key);
      window(tagged, Arrays.binarySearch(tagged, i), TAG, unit, i, stamp, mark, top);
    }
    List<Integer> picked = new ArrayList<>(count);
    boolean held = unit[i].length > 0;
    for (int r = 0; r < top.size() && picked.size() < count; r++) {
      int j = top.item(r);
      if (held && top.score(r) < floor) {
        break;
      }
      if (c.sameStory(i, j)) {
        continue;
      }
      boolean dup = false;
      for (int p : picked) {
        dup |= c.sameStory(p, j);
      }
      if (!dup) {
        picked.add(j);
      }
    }
    return picked.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void window(
      int @Nullable [] list,
      int pos,
      int radius,
      float[][] unit,
      int i,
      int[] stamp,
      int mark,
      TopK top) {
    if (list == null || pos < 0) {
      return;
    }
    for (int p = Math.max(0, pos - radius), end = Math.min(list.length, pos + radius + 1);
        p < end;
        p++) {
      consider(unit, i, list[p], stamp, mark, top);
    }
  }

  private static void consider(float[][] unit, int i, int j, int[] stamp, int mark, TopK top) {
    if (stamp[j] == mark) {
      return;
    }
    stamp[j] = mark;
    top.offer(j, Vectors.dot(unit[i], unit[j]), Math.abs(i - j));
  }
}
