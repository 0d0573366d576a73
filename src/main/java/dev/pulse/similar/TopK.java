package dev.pulse.similar;

/** The best k by score, then by nearness in time; insertion into a small sorted array. */
public final class TopK {
  private final int[] items;
  private final double[] scores;
  private final int[] distances;
  private int size;

  /** Keeps at most {@code k} items. */
  public TopK(int k) {
    items = new int[k];
    scores = new double[k];
    distances = new int[k];
  }

  /** Considers an item with its score (higher is better) and distance (lower breaks ties). */
  public void offer(int item, double score, int distance) {
    int k = items.length;
    if (size == k && !better(score, distance, scores[k - 1], distances[k - 1])) {
      return;
    }
    int at = size < k ? size++ : k - 1;
    while (at > 0 && better(score, distance, scores[at - 1], distances[at - 1])) {
      items[at] = items[at - 1];
      scores[at] = scores[at - 1];
      distances[at] = distances[at - 1];
      at--;
    }
    items[at] = item;
    scores[at] = score;
    distances[at] = distance;
  }

  /** How many items are kept (at most k). */
  public int size() {
    return size;
  }

  /** The item at rank {@code r}, 0 being the best. */
  public int item(int r) {
    if (r >= size) {
      throw new IndexOutOfBoundsException(r);
    }
    return items[r];
  }

  /** The score of the item at rank {@code r}. */
  public double score(int r) {
    if (r >= size) {
      throw new IndexOutOfBoundsException(r);
    }
    return scores[r];
  }

  private static boolean better(double s, int d, double s2, int d2) {
    return s > s2 || (s == s2 && d < d2);
  }
}
