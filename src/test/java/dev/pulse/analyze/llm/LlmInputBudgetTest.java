package dev.pulse.analyze.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.Test;

class LlmInputBudgetTest {

  @Test
  void estimatesFromCharactersOrWordsWhicheverIsLarger() {
    assertThat(LlmInputBudget.estimateTokens("")).isZero();
    assertThat(LlmInputBudget.estimateTokens("abcdefgh")).isEqualTo(2);
    assertThat(LlmInputBudget.estimateTokens("a b c d e f")).isEqualTo(8);
  }

  @Test
  void leavesATextThatFitsAsItIs() {
    assertThat(LlmInputBudget.text("Title", "One.\n\nTwo.", 100)).isEqualTo("One.\n\nTwo.");
  }

  @Test
  void keepsTheLeadAndCutsTheRestWithinTheBudget() {
    String lead = "The lead paragraph says what happened.";
    String filler = "More detail about the story follows in this sentence. ".repeat(20).strip();
    String body = lead + "\n\n" + String.join("\n\n", Collections.nCopies(50, filler));
    String title = "Headline";

    String cut = LlmInputBudget.text(title, body, 300);

    assertThat(cut).startsWith(lead).endsWith(LlmInputBudget.CUT_MARK.strip());
    assertThat(LlmInputBudget.estimateTokens(title) + LlmInputBudget.estimateTokens(cut)).isLessThanOrEqualTo(300);
    assertThat(LlmInputBudget.estimateTokens(cut)).isGreaterThan(200);
  }

  @Test
  void cutsASingleHugeParagraphAtASentenceEnd() {
    String body = "This sentence is repeated many times to make a very long paragraph. ".repeat(200);

    String cut = LlmInputBudget.text("", body, 150);

    assertThat(cut).endsWith("paragraph. [...]");
    assertThat(LlmInputBudget.estimateTokens(cut)).isLessThanOrEqualTo(150);
  }

  @Test
  void shortensAnAbsurdTitle() {
    String title = LlmInputBudget.title("word ".repeat(200));

    assertThat(title.length()).isLessThan(320);
    assertThat(title).endsWith("[...]");
  }
}
