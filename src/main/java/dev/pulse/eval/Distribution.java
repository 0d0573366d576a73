package dev.pulse.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A few points of a distribution (nearest-rank percentiles) and its values for a histogram.
 *
 * @param values the values, sorted
 */
record Distribution(List<Double> values) {

  Distribution {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    values = List.copyOf(sorted);
  }

  int n() {
    return values.size();
  }

  /** The nearest-rank percentile (p in 0..100); 0 when empty. */
  double percentile(double p) {
    if (values.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * values.size());
    return values.get(Math.max(0, Math.min(values.size() - 1, rank - 1)));
  }

  double mean() {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  double max() {
    return values.isEmpty() ? 0 : values.get(values.size() - 1);
  }

  double min() {
    return values.isEmpty() ? 0 : values.get(0);
  }

  /** Counts in {@code bins} equal-width bins from min to max (all in one bin when they are equal). */
  int[] histogram(int bins) {
    int[] out = new int[bins];
    double lo = min();
    double width = (max() - lo) / bins;
    for (double v : values) {
      int b = width == 0 ? 0 : (int) Math.min(bins - 1, Math.floor((v - lo) / width));
      out[b]++;
    }
    return out;
  }
}
