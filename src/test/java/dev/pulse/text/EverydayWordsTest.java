package dev.pulse.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EverydayWordsTest {

  @Test
  void everydayWordsAndTheirInflectionsAreListed() {
    for (String w : List.of("documents", "trial", "busy", "line", "Finish", "crews")) {
      assertThat(EverydayWords.contains(w)).as(w).isTrue();
    }
  }

  @Test
  void namesAndSpecificTermsAreNot() {
    for (String w : List.of("tsarnaev", "norovirus", "avalanche", "nepal", "", "ss")) {
      assertThat(EverydayWords.contains(w)).as(w).isFalse();
    }
  }

  @Test
  void aHyphenatedWordIsEverydayWhenEachPartIs() {
    assertThat(EverydayWords.contains("right-wing")).isTrue();
    assertThat(EverydayWords.contains("gimeno-traver")).isFalse();
  }
}
