package dev.pulse.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RougeTest {

  @Test
  void scoresLowerCaseWordTokensLikeTheSharedScorer() {
    // candidate: the cat sat on the mat (6), reference: the cat is on the mat (6)
    Rouge.Scores s = Rouge.score("The cat sat on the mat.", "the cat is on the mat");
    assertThat(s.rouge1()).isCloseTo(5.0 / 6, within(1e-12)); // the×2, cat, on, mat
    assertThat(s.rouge2()).isCloseTo(3.0 / 5, within(1e-12)); // the cat, on the, the mat
    assertThat(s.rougeL()).isCloseTo(5.0 / 6, within(1e-12)); // the cat on the mat
  }

  @Test
  void overlapIsClippedToTheReferenceCount() {
    assertThat(Rouge.score("the the the", "the cat").rouge1()).isCloseTo(2 * (1.0 / 3 * 0.5) / (1.0 / 3 + 0.5), within(1e-12));
  }

  @Test
  void anEmptyCandidateScoresZero() {
    assertThat(Rouge.score("", "the cat")).isEqualTo(new Rouge.Scores(0, 0, 0));
  }

  @Test
  void theLeadIsTheFirstWordsAsWhitespaceSplitsThem() {
    assertThat(Rouge.firstWords("Fire at 2-1 dock. More later", 3)).isEqualTo("Fire at 2-1");
    assertThat(Rouge.words(" a  b\nc ")).isEqualTo(3);
  }

  @Test
  void percentilesAreNearestRank() {
    Distribution d = new Distribution(List.of(40.0, 10.0, 30.0, 20.0));
    assertThat(d.percentile(50)).isEqualTo(20);
    assertThat(d.percentile(90)).isEqualTo(40);
    assertThat(d.mean()).isEqualTo(25);
    assertThat(d.histogram(3)).containsExactly(1, 1, 2);
  }
}
