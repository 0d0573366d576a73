package dev.pulse.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.analyze.Sentiment;
import dev.pulse.store.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveTopicSummarizerTest {

  static Entry story(String title, String summary) {
    return TestEntries.entry("https://x.example/" + title.hashCode(), "S", title, summary,
        "World", Sentiment.NEUTRAL, List.of(), TestEntries.NOW);
  }

  @Test
  void picksTheSentenceSharingMostWithTheOtherStories() {
    List<Entry> stories = List.of(
        story("Harbour strike enters second week",
            "Crane drivers said the canteen food had improved. Dock workers at the harbour extended "
                + "their strike over pay into a second week."),
        story("Port strike hits exports",
            "The harbour strike by dock workers over pay has delayed exports for a second week."),
        story("Dock workers reject pay offer",
            "Dock workers rejected the latest pay offer, so the harbour strike goes on."));

    String rollUp = TopicSummarizer.extractive().rollUp("Harbour strike", stories);

    assertThat(rollUp).contains("strike").containsIgnoringCase("dock workers")
        .doesNotContain("canteen");
  }

  @Test
  void fallsBackToTheFirstTitleWhenNoSentenceIsUsable() {
    List<Entry> stories = List.of(story("Storm closes schools", "Short."),
        story("Schools shut", "Tiny."), story("Storm day", "Brief."));

    assertThat(TopicSummarizer.extractive().rollUp("Storm", stories))
        .isEqualTo("Storm closes schools");
  }

  @Test
  void longSentencesAreCutAtAWord() {
    String longSentence = "The river flood " + "water rose again and again ".repeat(20) + "today.";
    List<Entry> stories = List.of(story("River flood", longSentence),
        story("Flood water", longSentence), story("River water", longSentence));

    assertThat(TopicSummarizer.extractive().rollUp("Flood", stories)).hasSizeLessThanOrEqualTo(240)
        .endsWith("\u2026");
  }
}
