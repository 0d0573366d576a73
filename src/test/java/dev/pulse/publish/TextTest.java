package dev.pulse.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void cleanDropsControlCharactersAndLoneSurrogatesButKeepsEmoji() {
    assertThat(Text.clean("a\u0000b\u0007c\td\ne\uFFFFf\uD800g🐯")).isEqualTo("abc\td\nefg🐯");
  }

  @Test
  void titleKeyIgnoresCaseAndPunctuation() {
    assertThat(Text.titleKey("Mars: Rover finds ICE!"))
        .isEqualTo(Text.titleKey("mars rover finds ice"));
  }

  @Test
  void sentencesSplitASummary() {
    assertThat(Text.sentences("First one here. Second, with 3.5 numbers! Third?"))
        .containsExactly("First one here.", "Second, with 3.5 numbers!", "Third?");
  }

  @Test
  void truncateCutsAtAWord() {
    assertThat(Text.truncate("alpha beta gamma delta", 12)).isEqualTo("alpha beta\u2026");
    assertThat(Text.truncate("short", 12)).isEqualTo("short");
  }

  @Test
  void displayCollapsesWhitespaceAndTrims() {
    assertThat(Text.display("  a \t\n b  c ")).isEqualTo("a b c");
    assertThat(Text.display("tidy text")).isEqualTo("tidy text");
    assertThat(Text.display(" \n ")).isNull();
    assertThat(Text.display("")).isNull();
    assertThat(Text.display("x ")).isEqualTo("x");
  }
}
