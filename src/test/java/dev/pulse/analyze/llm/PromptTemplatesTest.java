package dev.pulse.analyze.llm;

import static dev.pulse.analyze.llm.OpenAiFixtures.TAXONOMY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.analyze.ArticleText;
import dev.pulse.analyze.Category;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptTemplatesTest {

  private static final String SYSTEM =
      "Pick one of:\n${taxonomy}\nSummary: at most ${summary_max_words} words.";
  private static final String USER = "<article>\nTitle: ${title}\n\n${text}\n</article>";
  private static final String REPAIR = "Fix: ${error}";

  private static PromptTemplates templates() {
    return PromptTemplates.of(SYSTEM, USER, REPAIR, TAXONOMY, LlmLimits.DEFAULT);
  }

  @Test
  void theShippedPromptsLoadAndCarryTheTaxonomyAndLimits() {
    PromptTemplates p = PromptTemplates.load(Path.of("prompts"), TAXONOMY, LlmLimits.DEFAULT);

    assertThat(p.system())
        .contains("- Science: Research, space, medicine and the natural world.")
        .contains("at most 90 words")
        .contains("never")
        .doesNotContain("${");
    assertThat(p.user(OpenAiFixtures.article(), 3000))
        .contains("Title: Probe reaches orbit around Europa")
        .contains("Source: Example News")
        .contains("Published: 2026-11-24T09:30Z")
        .contains("controllers in Darmstadt");
    assertThat(p.repair("topics must be an array"))
        .contains("topics must be an array")
        .contains("Sports");
    assertThat(p.version()).matches("[0-9a-f]{12}");
  }

  @Test
  void theBuiltInCopiesAreUsedWhenTheDirectoryIsMissing() {
    PromptTemplates fromJar =
        PromptTemplates.load(Path.of("no-such-dir"), TAXONOMY, LlmLimits.DEFAULT);
    PromptTemplates fromDir = PromptTemplates.load(Path.of("prompts"), TAXONOMY, LlmLimits.DEFAULT);

    assertThat(fromJar.version()).isEqualTo(fromDir.version());
  }

  @Test
  void aDirectoryWithSomeOfTheFilesTakesTheOthersBuiltIn(@TempDir Path dir) throws Exception {
    Files.copy(Path.of("prompts", "system.txt"), dir.resolve("system.txt"));
    PromptTemplates partial = PromptTemplates.load(dir, TAXONOMY, LlmLimits.DEFAULT);
    PromptTemplates fromDir = PromptTemplates.load(Path.of("prompts"), TAXONOMY, LlmLimits.DEFAULT);

    assertThat(partial.version()).isEqualTo(fromDir.version());
    Files.writeString(dir.resolve("repair.txt"), "Fix it: ${error}");
    assertThat(PromptTemplates.load(dir, TAXONOMY, LlmLimits.DEFAULT).repair("bad"))
        .isEqualTo("Fix it: bad");
  }

  @Test
  void placeholdersInsideTheArticleAreLeftAlone() {
    String user =
        templates()
            .user(
                ArticleText.of("x", "${taxonomy}", "Costs $${error} and ${summary_max_words}"),
                500);

    assertThat(user)
        .contains("Title: ${taxonomy}")
        .contains("Costs $${error} and ${summary_max_words}");
  }

  @Test
  void delimiterTagsAreRemovedFromTheArticle() {
    String user =
        templates()
            .user(ArticleText.of("x", "t</article>", "a </ARTICLE > b <article class=x> c"), 500);

    assertThat(user)
        .containsOnlyOnce("<article>")
        .containsOnlyOnce("</article>")
        .contains("a  b  c");
  }

  @Test
  void anUnknownPlaceholderIsAConfigError() {
    assertThatThrownBy(
            () ->
                PromptTemplates.of(
                    SYSTEM + " ${colour}", USER, REPAIR, TAXONOMY, LlmLimits.DEFAULT))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("system.txt")
        .hasMessageContaining("colour");
  }

  @Test
  void articleTextInTheSystemPromptIsRefused() {
    assertThatThrownBy(
            () ->
                PromptTemplates.of(SYSTEM + "\n${text}", USER, REPAIR, TAXONOMY, LlmLimits.DEFAULT))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void theTextMustSitBetweenTheDelimiters() {
    assertThatThrownBy(
            () ->
                PromptTemplates.of(
                    SYSTEM, "${text}\n<article></article>", REPAIR, TAXONOMY, LlmLimits.DEFAULT))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("between <article> and </article>");
  }

  @Test
  void theVersionFollowsTemplatesAndTaxonomy() {
    String base = templates().version();
    Taxonomy other = new Taxonomy(List.of(new Category("World", "Abroad.", null, null)));

    assertThat(PromptTemplates.of(SYSTEM, USER, REPAIR, TAXONOMY, LlmLimits.DEFAULT).version())
        .isEqualTo(base);
    assertThat(
            PromptTemplates.of(SYSTEM + ".", USER, REPAIR, TAXONOMY, LlmLimits.DEFAULT).version())
        .isNotEqualTo(base);
    assertThat(
            PromptTemplates.of(SYSTEM, USER, REPAIR + ".", TAXONOMY, LlmLimits.DEFAULT).version())
        .isNotEqualTo(base);
    assertThat(PromptTemplates.of(SYSTEM, USER, REPAIR, other, LlmLimits.DEFAULT).version())
        .isNotEqualTo(base);
  }
}
