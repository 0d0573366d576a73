package dev.pulse.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicExtractorTest {

  private final TopicExtractor extractor = new TopicExtractor();

  @Test
  void findsTheNamesAStoryIsAbout() {
    List<String> topics =
        extractor.extract(
            "Harbour Foods profit jumps",
            List.of(
                "Harbour Foods said on Tuesday that its annual profit rose 18 percent.",
                "Shares in Harbour Foods climbed in early trading in New York.",
                "The grocer plans 30 new stores in New York next year."));
    assertThat(topics).hasSizeBetween(1, 3).contains("Harbour Foods");
  }

  @Test
  void findsRepeatedPhrasesInLowerCaseText() {
    List<String> topics =
        extractor.extract(
            null,
            List.of(
                "the bus strike entered its third day on monday.",
                "commuters faced long queues as the bus strike continued.",
                "union leaders said the bus strike could last a week."));
    assertThat(topics).hasSizeBetween(1, 3).contains("bus strike");
  }

  @Test
  void keepsTheCapitalisedSpellingOfAName() {
    List<String> topics =
        extractor.extract(
            null,
            List.of(
                "Shares in Lumo rose after the launch.",
                "Analysts said Lumo had a strong quarter.",
                "Lumo plans two more phones."));
    assertThat(topics).contains("Lumo").doesNotContain("lumo");
  }

  @Test
  void dropsPhrasesContainedInABetterOne() {
    List<String> topics =
        extractor.extract(
            "New York marathon",
            List.of("The New York marathon drew 50,000 runners.", "New York police closed roads."));
    assertThat(topics).doesNotHaveDuplicates();
    for (String a : topics) {
      for (String b : topics) {
        if (!a.equals(b)) {
          assertThat(b.toLowerCase()).doesNotContain(a.toLowerCase());
        }
      }
    }
  }
}
