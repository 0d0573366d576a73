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

  static String rollUp(List<Entry> stories) {
    return TopicSummarizer.extractive().rollUp("Label", stories);
  }

  @Test
  void namesTheDistinctDevelopmentsOfTheStoriesInOneLine() {
    List<Entry> stories = List.of(
        story("Halvorsen opens Ostmere chip plant, promising 1,800 jobs",
            "Halvorsen switched on its plant on Monday."),
        story("Assembly splits over extending chip plant tax break",
            "The regional assembly debated the tax break; Halvorsen asked for ten years."),
        story("Anglers fear for the river as the plant starts drawing water",
            "Anglers say the river is low."));

    assertThat(rollUp(stories)).isEqualTo("Halvorsen opens Ostmere chip plant, promising 1,800"
        + " jobs, while assembly splits over extending chip plant tax break and anglers fear for"
        + " the river as the plant starts drawing water.");
  }

  @Test
  void aHeadlineRepeatingOneAlreadyNamedIsPassedOver() {
    List<Entry> stories = List.of(
        story("Dock workers extend harbour strike", "The strike goes on."),
        story("Harbour strike: dock workers extend walkout", "Dock workers stay out."),
        story("Exporters count the cost of the port stoppage", "Exporters lose money."),
        story("Harbour board meets unions", "The Harbour board met union leaders."));

    assertThat(rollUp(stories)).isEqualTo("Dock workers extend harbour strike, while exporters"
        + " count the cost of the port stoppage and Harbour board meets unions.");
  }

  @Test
  void neverCutsAndStaysWithinFortyWords() {
    String longTitle = "Storm " + "closes schools and roads across the valley ".repeat(4).strip();
    List<Entry> stories = List.of(story(longTitle, "A."), story("Flood warnings for the coast",
        "B."), story("Ferries cancelled as gales reach the islands tonight", "C."));

    String line = rollUp(stories);

    assertThat(line.split(" ").length).isLessThanOrEqualTo(ExtractiveTopicSummarizer.MAX_WORDS);
    assertThat(line).doesNotContain("\u2026").startsWith("Storm closes schools")
        .contains("while flood warnings for the coast");
  }

  @Test
  void anOutletSuffixIsNotPartOfTheDevelopment() {
    assertThat(ExtractiveTopicSummarizer.headline("Rail fares rise in March | The Ledger"))
        .isEqualTo("Rail fares rise in March");
  }

  @Test
  void withoutUsableHeadlinesTheLabelIsTheLine() {
    assertThat(rollUp(List.of(story(" ", "A."), story("", "B.")))).isEqualTo("Label");
  }

  @Test
  void aFeatureHeadlineIsNoDevelopment() {
    assertThat(ExtractiveTopicSummarizer.headline("Inside Ostmere: how the new fab makes chips"))
        .isNull();
    assertThat(ExtractiveTopicSummarizer.headline("Will the plant run dry?")).isNull();
    assertThat(ExtractiveTopicSummarizer.headline("Ostmere: plant opens")).isEqualTo(
        "Ostmere: plant opens");
  }

  @Test
  void aCapitalBelongingToALongerNameIsLowered() {
    List<Entry> stories = List.of(
        story("Plant opens", "The plant opened."),
        story("Regional assembly splits over tax break", "The Tamsel Regional Assembly split."),
        story("Halvorsen asks for ten years", "The assembly heard that Halvorsen wants more."));

    assertThat(rollUp(stories)).isEqualTo("Plant opens, while regional assembly splits over tax"
        + " break and Halvorsen asks for ten years.");
  }
}
