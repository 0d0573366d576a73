package dev.pulse.analyze.llm;

import dev.pulse.analyze.Analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Against a real endpoint: runs only when OPENAI_API_KEY is set (OPENAI_BASE_URL and
 * PULSE_LLM_MODEL are honoured too), skipped otherwise. Costs a fraction of a cent on gpt-4o-mini.
 */
class OpenAiArticleAnalyzerLiveTest {

  @Test
  void analyzesARealArticleWithTheConfiguredModel() {
    String key = System.getenv(LlmSettings.ENV_API_KEY);
    assumeTrue(key != null && !key.isBlank(), "OPENAI_API_KEY not set; live test skipped");
    LlmSettings settings = LlmSettings.from(null, System.getenv()).withPromptsDir(Path.of("prompts"));

    Analysis a = new OpenAiArticleAnalyzer(settings, OpenAiFixtures.TAXONOMY).analyze(OpenAiFixtures.article());

    assertThat(OpenAiFixtures.TAXONOMY.find(a.category())).isPresent();
    assertThat(LlmInputBudget.countWords(a.summary())).isBetween(5, 90);
    assertThat(a.topics()).hasSizeBetween(1, 3);
    assertThat(a.usage().calls()).isBetween(1, 2);
    assertThat(a.usage().inputTokens()).isPositive();
    assertThat(a.usage().outputTokens()).isPositive();
  }
}
