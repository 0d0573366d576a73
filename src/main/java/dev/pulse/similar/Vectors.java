package dev.pulse.similar;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Vector arithmetic for similarity: unit-length copies and dot products. */
public final class Vectors {

  private static final float[] NONE = new float[0];

  private Vectors() {}

  /**
   * Unit-length copies. Vectors that are null, all zero, contain NaN, or differ in length from the
   * most common length become empty arrays, which score 0 against everything.
   */
  public static float[][] unit(List<float @Nullable []> vectors, int n) {
    Map<Integer, Integer> lengths = new HashMap<>();
    for (int i = 0; i < n && i < vectors.size(); i++) {
      float[] v = vectors.get(i);
      if (v != null && v.length > 0) {
        lengths.merge(v.length, 1, Integer::sum);
      }
    }
    int dims =
        lengths.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(0);
    float[][] out = new float[n][];
    for (int i = 0; i < n; i++) {
      float[] v = i < vectors.size() ? vectors.get(i) : null;
      out[i] = v == null || v.length != dims ? NONE : normalised(v);
    }
    return out;
  }

  private static float[] normalised(float[] v) {
    double sq = 0;
    for (float x : v) {
      sq += (double) x * x;
    }
    if (!(sq > 0) || Double.isInfinite(sq)) {
      return NONE;
    }
    float inv = (float) (1 / Math.sqrt(sq));
    float[] u = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      u[i] = v[i] * inv;
    }
    return u;
  }

  /** Dot product; 0 when either is empty. */
  public static double dot(float[] a, float[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (int end = a.length - 3; i < end; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < a.length; i++) {
      s0 += a[i] * b[i];
    }
    return s0 + s1 + s2 + s3;
  }
}
