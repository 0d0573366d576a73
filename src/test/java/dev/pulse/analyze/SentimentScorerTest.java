package dev.pulse.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentScorerTest {

  private final SentimentScorer scorer = new SentimentScorer(SentimentLexicon.fromClasspath(), 0.5);

  private Sentiment tone(String sentence) {
    return scorer.classify(scorer.scoreSentence(sentence));
  }

  @Test
  void risingProfitIsPositive() {
    assertThat(tone("Operating profit rose to 12 million euros from 9 million a year earlier."))
        .isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void fallingSalesAreNegative() {
    assertThat(tone("Net sales fell 14 percent in the third quarter.")).isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void directionTimesQuantityDecidesTheSign() {
    assertThat(tone("The company said its costs fell sharply last year.")).isEqualTo(Sentiment.POSITIVE);
    assertThat(tone("The pre-tax loss widened to 5 million euros.")).isEqualTo(Sentiment.NEGATIVE);
    assertThat(tone("Its net loss narrowed to 2 million euros.")).isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void movingAwayFromALossIsPositive() {
    assertThat(tone("The group swung to an operating profit from a loss of 3 million euros."))
        .isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void negationFlipsTheTone() {
    assertThat(tone("Analysts said the results were good.")).isEqualTo(Sentiment.POSITIVE);
    assertThat(tone("Analysts said the results were not good.")).isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void whatFollowsButOutweighsWhatPrecedesIt() {
    assertThat(tone("Sales were weak in the spring, but profit rose strongly and margins improved."))
        .isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void aDespiteClauseCountsLittle() {
    assertThat(tone("Despite strong demand, the factory closure led to heavy losses and layoffs."))
        .isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void aFactualStatementIsNeutral() {
    assertThat(tone("The company has offices in Helsinki and Stockholm and employs 300 people."))
        .isEqualTo(Sentiment.NEUTRAL);
  }

  @Test
  void anArticleTakesItsToneFromHeadlineAndOpening() {
    double score =
        scorer.scoreArticle(
            "Floods kill dozens as river bursts its banks",
            List.of(
                "At least 40 people died when floods swept through the valley.",
                "Rescue teams are still searching for the missing."));
    assertThat(scorer.classify(score)).isEqualTo(Sentiment.NEGATIVE);
  }
}
