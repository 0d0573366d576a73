package dev.pulse.analyze.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuantityWordsTest {

  private final QuantityWords words = new QuantityWords(SentimentLexicon.fromClasspath());

  private int direction(String sentence, String word) {
    List<String> tokens = QuantityWords.phrases(SentimentScorer.tokens(sentence));
    return words.direction(tokens, tokens.indexOf(word));
  }

  @Test
  void upIsADirectionAfterAFormOfBeOrAQuantityAndBeforeAFigure() {
    assertThat(direction("shares were up 4 %", "up")).isEqualTo(1);
    assertThat(direction("sales up 4 %", "up")).isEqualTo(1);
    assertThat(direction("Nokia up 2.5 pct", "up")).isEqualTo(1);
    assertThat(direction("prices have gone sharply up", "up")).isEqualTo(1);
  }

  @Test
  void upAndDownAfterOtherVerbsAreParticles() {
    assertThat(direction("they set up a unit", "up")).isZero();
    assertThat(direction("he will step down in May", "down")).isZero();
    assertThat(direction("up to 200 people", "up")).isZero();
  }

  @Test
  void sizeComparativesAreDirectionsOnlyInAComparison() {
    assertThat(direction("sales were smaller than expected", "smaller")).isEqualTo(-1);
    assertThat(direction("profit was 36 % more than in 2004", "more")).isEqualTo(1);
    assertThat(direction("more than 20 people", "more")).isZero();
  }

  @Test
  void belowIsADirectionBeforeABenchmark() {
    assertThat(direction("profit came in below the analyst estimate", "below")).isEqualTo(-1);
    assertThat(direction("the stake fell below the limit", "below")).isZero();
  }

  @Test
  void layOffAndShutDownAreOneWord() {
    assertThat(QuantityWords.phrases(List.of("will", "lay", "off", "staff")))
        .containsExactly("will", "layoff", "off", "staff");
    assertThat(QuantityWords.phrases(List.of("shut", "down", "the", "plant")))
        .containsExactly("shutdown", "off", "the", "plant");
  }

  @Test
  void figuresAndUnitsAreFigures() {
    assertThat(QuantityWords.isFigure("12.5")).isTrue();
    assertThat(QuantityWords.isFigure("eur9")).isTrue();
    assertThat(QuantityWords.isFigure("mn")).isTrue();
    assertThat(QuantityWords.isFigure("profit")).isFalse();
  }

  @Test
  void aNegativeBeforeAFigureIsABadQuantity() {
    List<String> tokens = SentimentScorer.tokens("compared to a negative EUR 5 mn");
    assertThat(words.quality(tokens, tokens.indexOf("negative"))).isEqualTo(-1);
  }
}
