package dev.pulse.analyze.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.analyze.Sentiment;
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
    assertThat(tone("Net sales fell 14 percent in the third quarter."))
        .isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void directionTimesQuantityDecidesTheSign() {
    assertThat(tone("The company said its costs fell sharply last year."))
        .isEqualTo(Sentiment.POSITIVE);
    assertThat(tone("The pre-tax loss widened to 5 million euros.")).isEqualTo(Sentiment.NEGATIVE);
    assertThat(tone("Its net loss narrowed to 2 million euros.")).isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void movingAwayFromALossIsPositive() {
    assertThat(tone("The group swung to an operating profit from a loss of 3 million euros."))
        .isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void twoComparedFiguresGiveTheDirection() {
    assertThat(tone("Net sales totalled EUR 41.2 mn , compared with EUR 35.0 mn a year earlier ."))
        .isEqualTo(Sentiment.POSITIVE);
    assertThat(
            tone("The operating loss was EUR 5.2 mn , compared to a loss of EUR 3.4 mn in 2009 ."))
        .isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void aChangeIsReadAgainstTheBadQuantityItQualifies() {
    assertThat(tone("The diluted loss per share narrowed to EUR 0.27 from EUR 0.86 ."))
        .isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void negationFlipsTheTone() {
    assertThat(tone("Analysts said the results were good.")).isEqualTo(Sentiment.POSITIVE);
    assertThat(tone("Analysts said the results were not good.")).isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void whatFollowsButOutweighsWhatPrecedesIt() {
    assertThat(
            tone("Sales were weak in the spring, but profit rose strongly and margins improved."))
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

  @Test
  void cuttingABadQuantityIsGoodNews() {
    assertThat(tone("New bus lanes cut commuter waits by a quarter."))
        .isEqualTo(Sentiment.POSITIVE);
    assertThat(tone("The programme reduced road deaths in the region."))
        .isEqualTo(Sentiment.POSITIVE);
    assertThat(tone("Burglaries fell for a third year.")).isEqualTo(Sentiment.POSITIVE);
    assertThat(tone("Hospital waits grew again in the winter.")).isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void wordsInsideTheQuantityCarryNoToneOfTheirOwn() {
    // "emergency" names the kind of wait here; the news is that waits fell
    assertThat(scorer.scoreSentence("Clinics cut emergency department waits."))
        .isEqualTo(scorer.scoreSentence("Clinics cut waits."));
  }

  @Test
  void aWordOfDirectionInsideAPlaceNameIsNotAChange() {
    assertThat(scorer.scoreSentence("The trial ran in Cedar Falls and two other towns."))
        .isEqualTo(scorer.scoreSentence("The trial ran in Cedarton and two other towns."));
    // in a title-case headline every word is capitalised, so the direction still counts
    assertThat(tone("Profits Fall At Grain Trader")).isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void endingAConflictIsGoodNews() {
    assertThat(tone("The agreement ends a bitter dispute over fishing rights."))
        .isEqualTo(Sentiment.POSITIVE);
    assertThat(tone("Unions settled the strike on Thursday.")).isEqualTo(Sentiment.POSITIVE);
    assertThat(tone("The dispute over fishing rights dragged on.")).isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void aSignedPactSettlesTheConflictItFollows() {
    assertThat(tone("Two neighbours sign a treaty on their shared lake after a long quarrel."))
        .isEqualTo(Sentiment.POSITIVE);
    assertThat(tone("The two neighbours did not sign a treaty, and the quarrel goes on."))
        .isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void aFirstInManyYearsLeansPositiveAndStrengthensBadNews() {
    assertThat(tone("Otters nest on the canal for the first time in 30 years."))
        .isEqualTo(Sentiment.POSITIVE);
    assertThat(tone("Otters nest on the canal.")).isEqualTo(Sentiment.NEUTRAL);
    double plain = scorer.scoreSentence("The firm made a loss.");
    assertThat(scorer.scoreSentence("The firm made a loss for the first time in a decade."))
        .isLessThan(plain);
  }

  @Test
  void recordAttendanceIsGoodNews() {
    assertThat(tone("The fair drew record attendance.")).isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void aDatelineInCapitalsIsAPlaceNotAChange() {
    assertThat(scorer.scoreSentence("CEDAR FALLS — The library reopened on Monday."))
        .isEqualTo(scorer.scoreSentence("CEDARTON — The library reopened on Monday."));
  }

  @Test
  void theSubjectOfHasFallenMayStandFurtherBack() {
    assertThat(tone("The average wait in the emergency ward at the county hospital has fallen."))
        .isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void theHistoryOfAnEndedConflictWeighsLittle() {
    double withHistory =
        scorer.scoreSentence("The pact ends a feud that caused violent clashes and deaths.");
    assertThat(withHistory).isGreaterThan(0);
    assertThat(tone("The feud caused violent clashes and deaths.")).isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void whereAQuantitySwungToDecidesTheTone() {
    assertThat(
            tone("The retailer slipped to a net loss of 4 million pounds from a profit last year."))
        .isEqualTo(Sentiment.NEGATIVE);
    assertThat(tone("The airline swung to a 7 million dollar net profit from a loss."))
        .isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void aLossComparedWithAProfitIsNegative() {
    assertThat(
            tone("The brewer's operating loss was 6 million, compared to a profit of 11 million."))
        .isEqualTo(Sentiment.NEGATIVE);
    assertThat(tone("The brewer's pretax profit was 9 million, compared to a loss of 30 million."))
        .isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void aChangeAfterACommaSpeaksOfTheClausesQuantity() {
    assertThat(
            tone(
                "The chain reported net sales of 310 million dollars for the spring season of this"
                    + " year, down from 342 million a year before."))
        .isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void aChangeWordBeforeItsNounDescribesThatNoun() {
    assertThat(tone("Margins will be squeezed by increased energy costs."))
        .isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void theStartingPointOfAChangeCarriesNoToneOfItsOwn() {
    assertThat(tone("The quarterly loss increased to 40 million from a loss of 25 million."))
        .isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void upAndDownAreDirectionsOnlyWhenTheySpeakOfAQuantity() {
    assertThat(tone("Shares in the miner were up 6 percent by noon."))
        .isEqualTo(Sentiment.POSITIVE);
    assertThat(tone("Turnover was slightly down, at 40 million.")).isEqualTo(Sentiment.NEGATIVE);
    assertThat(tone("Fuel expenses have gone up in the south.")).isEqualTo(Sentiment.NEGATIVE);
    assertThat(tone("The group has set up two business units in Lyon."))
        .isEqualTo(Sentiment.NEUTRAL);
    assertThat(tone("Its chairman will step down at the end of May.")).isEqualTo(Sentiment.NEUTRAL);
    assertThat(tone("The bakery is teaming up with a school to teach bread making."))
        .isEqualTo(Sentiment.NEUTRAL);
  }

  @Test
  void layingOffAndShuttingDownAreBadNews() {
    assertThat(tone("The sawmill will lay off 40 workers for three weeks."))
        .isEqualTo(Sentiment.NEGATIVE);
    assertThat(tone("The printer is temporarily laying off its staff in Turku."))
        .isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void recordIsADirectionOnlyBeforeWhatItQualifies() {
    assertThat(tone("The record date for the dividend is 3 May.")).isEqualTo(Sentiment.NEUTRAL);
    assertThat(tone("The toy maker posted record sales in December."))
        .isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void figuresDoNotCountAsWordsBetweenAChangeAndItsQuantity() {
    assertThat(
            tone(
                "The shipyard swung to a 2.4 mln euro $ 3.1 mln net profit in 2011 from a 512,000"
                    + " euro $ 660,000 net loss in 2010."))
        .isEqualTo(Sentiment.POSITIVE);
    assertThat(tone("Net profit was 12.5 mn euros , which was 20 % more than in 2009 ."))
        .isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void aNegativeFigureIsABadStartingPoint() {
    assertThat(tone("Cash flow was EUR 3.2 mn , compared to a negative EUR 15.1 mn a year ago ."))
        .isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void aChangeFromTheOtherKindOfQuantityIsReadByWhereItEnded() {
    assertThat(tone("The net loss was 8 million, down from a net profit of 5 million in 2011."))
        .isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void comparisonsWithExpectationsAndEarlierPeriodsGiveTheDirection() {
    assertThat(tone("The chain's sales in March were smaller than expected."))
        .isEqualTo(Sentiment.NEGATIVE);
    assertThat(tone("Quarterly earnings came in below the analysts' consensus."))
        .isEqualTo(Sentiment.NEGATIVE);
    assertThat(tone("Its performance has remained clearly below the level of last year."))
        .isEqualTo(Sentiment.NEGATIVE);
    assertThat(tone("A museum can do much more than just show paintings."))
        .isEqualTo(Sentiment.NEUTRAL);
    assertThat(tone("The laptop is slightly more than two centimetres thick."))
        .isEqualTo(Sentiment.NEUTRAL);
  }

  @Test
  void endingSomethingGoodIsBadNews() {
    assertThat(tone("The two banks are ending their long partnership."))
        .isEqualTo(Sentiment.NEGATIVE);
    assertThat(tone("The carrier will terminate 12 supply contracts."))
        .isEqualTo(Sentiment.NEGATIVE);
    assertThat(tone("The dairy ended the year with strong sales of cheese."))
        .isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void theBottomLineOutweighsAnOppositeChangeOfSales() {
    assertThat(tone("Operating profit for the half-year decreased while net sales increased."))
        .isEqualTo(Sentiment.NEGATIVE);
    assertThat(tone("Net profit rose although revenue fell in the quarter."))
        .isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void aChangeVerbBeforeADeterminerSpeaksOfItsObject() {
    assertThat(tone("The weak harvest in grain production sharply raises the energy costs."))
        .isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void determinersDoNotCountInTheReachOfANegation() {
    assertThat(tone("The buyer does not have the financial strength to pay."))
        .isEqualTo(Sentiment.NEGATIVE);
  }
}
