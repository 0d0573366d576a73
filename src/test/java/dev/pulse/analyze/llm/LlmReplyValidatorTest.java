package dev.pulse.analyze.llm;

import dev.pulse.analyze.Sentiment;

import static dev.pulse.analyze.llm.OpenAiFixtures.SUMMARY;
import static dev.pulse.analyze.llm.OpenAiFixtures.TAXONOMY;
import static dev.pulse.analyze.llm.OpenAiFixtures.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LlmReplyValidatorTest {

  private final LlmReplyValidator validator = new LlmReplyValidator(TAXONOMY, LlmLimits.DEFAULT);

  @Test
  void acceptsAValidReplyAndSpellsTheCategoryAsTheTaxonomyDoes() {
    var r = validator.validate(content(SUMMARY, "negative", " science ", List.of("space", "Space", "ESA")));

    assertThat(r.sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(r.category()).isEqualTo("Science");
    assertThat(r.topics()).containsExactly("space", "ESA");
    assertThat(r.summary()).isEqualTo(SUMMARY);
  }

  @Test
  void toleratesCodeFencesAndBoldMarkers() {
    String bold = SUMMARY.replace("Tuesday", "**Tuesday**");
    var r = validator.validate("```json\n" + content(bold, "Neutral", "Science", List.of("space")) + "\n```");

    assertThat(r.summary()).isEqualTo(SUMMARY);
  }

  @Test
  void rejectsHtmlInTheSummary() {
    String html = SUMMARY + " <a href=\"https://evil.example\">More</a>.";

    assertThatThrownBy(() -> validator.validate(content(html, "Neutral", "Science", List.of("space"))))
        .isInstanceOf(LlmReplyValidator.InvalidReply.class)
        .hasMessageContaining("summary must be plain text, but contains HTML tags");
  }

  @Test
  void rejectsMarkdownLinksAndLists() {
    assertThat(LlmReplyValidator.markup("See [the report](https://x.example).")).isEqualTo("a markdown link");
    assertThat(LlmReplyValidator.markup("- one\n- two")).isEqualTo("a list or heading");
    assertThat(LlmReplyValidator.markup("## Heading")).isEqualTo("a list or heading");
    assertThat(LlmReplyValidator.markup("Shares rose 3% - a record.")).isNull();
  }

  @Test
  void namesEveryMissingField() {
    assertThatThrownBy(() -> validator.validate("{\"summary\": \"x\"}"))
        .hasMessageContaining("missing field(s): category, editors_note, sentiment, topics");
  }

  @Test
  void rejectsACategoryOutsideTheTaxonomyListingTheAllowedOnes() {
    assertThatThrownBy(() -> validator.validate(content(SUMMARY, "Neutral", "Technology", List.of("a"))))
        .hasMessageContaining("category \"Technology\" is not in the taxonomy")
        .hasMessageContaining("World, Business, Science, Sports");
  }

  @Test
  void rejectsTooManyOrEmptyTopics() {
    assertThatThrownBy(() -> validator.validate(content(SUMMARY, "Neutral", "Science", List.of("a", "b", "c", "d"))))
        .hasMessageContaining("topics must be an array of 1 to 3 strings");
    assertThatThrownBy(() -> validator.validate(content(SUMMARY, "Neutral", "Science", List.of())))
        .hasMessageContaining("topics must be an array of 1 to 3 strings");
  }

  @Test
  void rejectsASingleSentenceSummary() {
    assertThatThrownBy(() -> validator.validate(content("Only one sentence here.", "Neutral", "Science", List.of("a"))))
        .hasMessageContaining("summary has 1 sentence(s); 2 to 4 required");
  }

  @Test
  void reportsAllProblemsAtOnce() {
    assertThatThrownBy(() -> validator.validate(content(SUMMARY, "Great", "Weather", List.of("a"))))
        .hasMessageContaining("sentiment")
        .hasMessageContaining("category");
  }

  @Test
  void rejectsProseAndEmptyReplies() {
    assertThatThrownBy(() -> validator.validate("I cannot help with that."))
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> validator.validate(null)).hasMessageContaining("empty");
    assertThatThrownBy(() -> validator.validate("{\"summary\": ")).hasMessageContaining("not JSON");
    assertThatThrownBy(() -> validator.validate("[1, 2]")).hasMessageContaining("not JSON");
  }

  @Test
  void countsSentencesWithoutSplittingAbbreviationsInitialsOrDecimals() {
    assertThat(LlmReplyValidator.sentences(
            "Dr. Smith said U.S. exports rose 3.5 percent in Jan. last year. J. K. Rowling agreed! Why?"))
        .containsExactly(
            "Dr. Smith said U.S. exports rose 3.5 percent in Jan. last year.",
            "J. K. Rowling agreed!",
            "Why?");
    assertThat(LlmReplyValidator.sentences("He said \"It is over.\" Then he left.")).hasSize(2);
  }
}
