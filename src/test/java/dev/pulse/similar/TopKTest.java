package dev.pulse.similar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopKTest {

  @Test
  void keepsTheBestScoresThenTheNearestInTime() {
    TopK top = new TopK(3);
    top.offer(1, 0.2, 5);
    top.offer(2, 0.9, 9);
    top.offer(3, 0.5, 1);
    top.offer(4, 0.5, 0);
    top.offer(5, 0.1, 0);

    assertThat(top.size()).isEqualTo(3);
    assertThat(new int[] {top.item(0), top.item(1), top.item(2)}).containsExactly(2, 4, 3);
  }
}
