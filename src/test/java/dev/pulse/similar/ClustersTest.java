package dev.pulse.similar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.similar.Clusters.Cluster;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClustersTest {

  private static final float[][] UNIT = Vectors.unit(List.of(
      new float[] {1, 0, 0},
      new float[] {0.9f, 0.1f, 0},
      new float[] {0, 1, 0},
      new float[] {0.95f, 0, 0.05f},
      new float[] {0, 0.9f, 0.1f}), 5);

  @Test
  void itemsJoinTheMostSimilarClusterAboveTheThreshold() {
    List<Cluster> clusters = Clusters.greedy(List.of(0, 1, 2, 3, 4), UNIT, 0.8);

    assertThat(clusters).extracting(Cluster::members)
        .containsExactly(List.of(0, 1, 3), List.of(2, 4));
  }

  @Test
  void aThresholdNoPairReachesLeavesEveryItemAlone() {
    List<Cluster> clusters = Clusters.greedy(List.of(0, 2), UNIT, 0.5);

    assertThat(clusters).hasSize(2);
  }

  @Test
  void theCentreIsAUnitVectorTowardsTheMembers() {
    Cluster k = Clusters.greedy(List.of(0, 1, 3), UNIT, 0.8).get(0);

    float[] c = k.centre();
    assertThat(Vectors.dot(c, c)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(Vectors.dot(c, UNIT[0])).isGreaterThan(0.95);
  }
}
