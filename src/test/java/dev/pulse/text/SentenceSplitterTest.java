package dev.pulse.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

  @Test
  void splitsAtFullStopsQuestionAndExclamationMarks() {
    assertThat(SentenceSplitter.split("The port reopened. Was it safe? Yes!"))
        .containsExactly("The port reopened.", "Was it safe?", "Yes!");
  }

  @Test
  void keepsTitlesInitialsAndDottedAbbreviationsInsideTheSentence() {
    assertThat(
            SentenceSplitter.split(
                "Mr. Smith met Dr. J. Example in the U.S. capital on Jan. 5. They talked."))
        .containsExactly("Mr. Smith met Dr. J. Example in the U.S. capital on Jan. 5.", "They talked.");
  }

  @Test
  void keepsDecimalsAndNumbersWhole() {
    assertThat(SentenceSplitter.split("Growth was 0.1% in the quarter. Prices rose 2.5 percent."))
        .containsExactly("Growth was 0.1% in the quarter.", "Prices rose 2.5 percent.");
  }

  @Test
  void endsASentenceAfterAClosingQuote() {
    assertThat(SentenceSplitter.split("\"We are ready.\" The minister left."))
        .containsExactly("\"We are ready.\"", "The minister left.");
  }

  @Test
  void treatsParagraphBreaksAsSentenceEnds() {
    assertThat(SentenceSplitter.split("A headline without a stop\n\nThe body starts here."))
        .containsExactly("A headline without a stop", "The body starts here.");
  }

  @Test
  void splitsLowerCaseTextButNotItsAbbreviations() {
    String text =
        "the storm hit the coast on monday. officials in the u.s. state said roads were closed. "
            + "schools will reopen on friday, the governor said.";
    assertThat(SentenceSplitter.split(text))
        .containsExactly(
            "the storm hit the coast on monday.",
            "officials in the u.s. state said roads were closed.",
            "schools will reopen on friday, the governor said.");
  }

  @Test
  void returnsNothingForBlankText() {
    assertThat(SentenceSplitter.split("  \n ")).isEmpty();
  }
}
