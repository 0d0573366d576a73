package dev.pulse.similar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Greedy clustering of unit vectors by similarity to running centroids: each item, in the order
 * given, joins the most similar cluster at or above the threshold, or starts a new one. Quadratic
 * in the worst case; callers bound the number of items.
 */
public final class Clusters {

  private Clusters() {}

  /**
   * @param items positions into {@code unit}, in the order they should be considered
   * @param unit unit vectors (see {@link Vectors#unit}); an empty vector never joins a cluster
   * @param threshold cosine similarity to a cluster's centroid needed to join it
   * @return the clusters, in the order they were started
   */
  public static List<Cluster> greedy(List<Integer> items, float[][] unit, double threshold) {
    List<Cluster> clusters = new ArrayList<>();
    for (int i : items) {
      Cluster best = null;
      double bestSim = threshold;
      for (Cluster k : clusters) {
        double sim = k.similarity(unit[i]);
        if (sim >= bestSim) {
          bestSim = sim;
          best = k;
        }
      }
      if (best == null) {
        best = new Cluster(unit[i].length);
        clusters.add(best);
      }
      best.add(i, unit[i]);
    }
    return clusters;
  }

  /** A growing cluster: its members and the running sum of their unit vectors. */
  public static final class Cluster {
    private final List<Integer> members = new ArrayList<>();
    private final float[] sum;
    private double normSq;

    Cluster(int dims) {
      sum = new float[dims];
    }

    /** The members' positions, in the order they joined (the first started the cluster). */
    public List<Integer> members() {
      return Collections.unmodifiableList(members);
    }

    double similarity(float[] v) {
      return normSq <= 0 || v.length != sum.length ? 0 : Vectors.dot(v, sum) / Math.sqrt(normSq);
    }

    void add(int i, float[] v) {
      normSq += 2 * Vectors.dot(v, sum) + Vectors.dot(v, v);
      for (int d = 0; d < sum.length; d++) {
        sum[d] += v[d];
      }
      members.add(i);
    }

    /** The normalised centroid (a fresh copy). */
    public float[] centre() {
      float[] c = sum.clone();
      double norm = Math.sqrt(normSq);
      for (int d = 0; d < c.length && norm > 0; d++) {
        c[d] /= norm;
      }
      return c;
    }
  }
}
